import { ok, type Result, refuse } from '@xinyu/domain';
import { insertAccessToken } from '../../db/access-tokens.repository.js';
import type { UnitOfWork } from '../context.js';
import { hashAccessToken, newAccessTokenSecret } from './access-token-secret.js';
import type { PersonRole } from './caller.js';

/** Default life of a token: 30 days. */
export const DEFAULT_TOKEN_TTL_HOURS = 720;

export interface IssueAccessTokenInput {
  readonly marketplace: string;
  readonly role: PersonRole;
  readonly subject: string;
  readonly name?: string | undefined;
  /** Hours until it expires (default 720). */
  readonly ttlHours?: number | undefined;
  /** A fixed secret instead of a random one: only the demo uses it, for sign-ins anyone can type. */
  readonly secret?: string | undefined;
}

export interface IssuedAccessToken {
  readonly token: string;
  readonly role: PersonRole;
  readonly subject: string;
  readonly name: string | null;
  readonly expiresAt: string;
}

/** Mints a token for one person; the secret is answered once and only its hash is kept. */
export async function issueAccessToken(
  uow: UnitOfWork,
  input: IssueAccessTokenInput,
): Promise<Result<IssuedAccessToken>> {
  const ttlHours = input.ttlHours ?? DEFAULT_TOKEN_TTL_HOURS;
  if (!Number.isInteger(ttlHours) || ttlHours < 1) {
    return refuse('VALIDATION_FAILED', 'ttlHours must be a positive integer', { field: 'ttlHours' });
  }
  const token = input.secret ?? newAccessTokenSecret();
  const expiresAt = uow.now + ttlHours * 3_600_000;
  const name = input.name ?? null;
  await insertAccessToken(
    uow.tx,
    hashAccessToken(token),
    { marketplace: input.marketplace, role: input.role, subject: input.subject, name, expiresAt },
    uow.now,
  );
  return ok({ token, role: input.role, subject: input.subject, name, expiresAt: new Date(expiresAt).toISOString() });
}

import { ok, type Result, refuse } from '@xinyu/domain';
import { revokeAccessToken as revokeStored } from '../../db/access-tokens.repository.js';
import type { UnitOfWork } from '../context.js';
import { hashAccessToken } from './access-token-secret.js';

/** Revokes a token the marketplace minted: from now on it is refused (401). */
export async function revokeAccessToken(
  uow: UnitOfWork,
  marketplace: string,
  token: string,
): Promise<Result<{ revoked: true }>> {
  const revoked = await revokeStored(uow.tx, marketplace, hashAccessToken(token), uow.now);
  if (!revoked) return refuse('NOT_FOUND', 'no live token of this marketplace matches');
  return ok({ revoked: true });
}

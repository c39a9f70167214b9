import type { Instant } from '@xinyu/domain';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** A person's access token as stored: everything but the secret, which only its hash stands for. */
export interface StoredAccessToken {
  readonly marketplace: string;
  readonly role: string;
  readonly subject: string;
  readonly name: string | null;
  readonly expiresAt: Instant;
}

/** Stores a new token; with `ifAbsent`, a token of that hash already stored is kept as it is. */
export async function insertAccessToken(
  db: Kysely<Database>,
  tokenHash: string,
  token: StoredAccessToken,
  now: Instant,
  ifAbsent = false,
): Promise<void> {
  let insert = db.insertInto('access_tokens').values({
    token_hash: tokenHash,
    marketplace: token.marketplace,
    role: token.role,
    subject: token.subject,
    name: token.name,
    created_at: new Date(now),
    expires_at: new Date(token.expiresAt),
  });
  if (ifAbsent) insert = insert.onConflict((oc) => oc.column('token_hash').doNothing());
  await insert.execute();
}

/** The token with this hash if it is neither expired nor revoked at `now`. */
export async function findLiveAccessToken(
  db: Kysely<Database>,
  tokenHash: string,
  now: Instant,
): Promise<StoredAccessToken | null> {
  const row = await db
    .selectFrom('access_tokens')
    .select(['marketplace', 'role', 'subject', 'name', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date(now))
    .executeTakeFirst();
  return row
    ? {
        marketplace: row.marketplace,
        role: row.role,
        subject: row.subject,
        name: row.name,
        expiresAt: row.expires_at.getTime(),
      }
    : null;
}

/** Revokes the token with this hash minted by `marketplace`; false when there is none. */
export async function revokeAccessToken(
  db: Kysely<Database>,
  marketplace: string,
  tokenHash: string,
  now: Instant,
): Promise<boolean> {
  const result = await db
    .updateTable('access_tokens')
    .set({ revoked_at: new Date(now) })
    .where('token_hash', '=', tokenHash)
    .where('marketplace', '=', marketplace)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

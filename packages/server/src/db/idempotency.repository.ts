import type { Instant } from '@xinyu/domain';
import type { Transaction } from 'kysely';
import type { Database } from './schema.js';

export interface StoredResponse {
  readonly requestHash: string;
  readonly statusCode: number;
  readonly body: unknown;
}

/**
 * Reserves an idempotency key inside the command's transaction. A concurrent request with the same
 * key waits on the unique index until the first commits, then sees its stored answer.
 * Returns the earlier answer when the key was already used.
 */
export async function reserveIdempotencyKey(
  tx: Transaction<Database>,
  apiKeyId: string,
  key: string,
  requestHash: string,
  now: Instant,
): Promise<StoredResponse | null> {
  const inserted = await tx
    .insertInto('idempotency_keys')
    .values({
      api_key_id: apiKeyId,
      idempotency_key: key,
      request_hash: requestHash,
      status_code: 0,
      response: 'null',
      created_at: new Date(now),
    })
    .onConflict((oc) => oc.columns(['api_key_id', 'idempotency_key']).doNothing())
    .returning('idempotency_key')
    .executeTakeFirst();
  if (inserted) return null;
  const row = await tx
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status_code', 'response'])
    .where('api_key_id', '=', apiKeyId)
    .where('idempotency_key', '=', key)
    .executeTakeFirstOrThrow();
  return { requestHash: row.request_hash, statusCode: row.status_code, body: row.response };
}

export async function storeIdempotentResponse(
  tx: Transaction<Database>,
  apiKeyId: string,
  key: string,
  statusCode: number,
  body: unknown,
): Promise<void> {
  await tx
    .updateTable('idempotency_keys')
    .set({ status_code: statusCode, response: JSON.stringify(body) })
    .where('api_key_id', '=', apiKeyId)
    .where('idempotency_key', '=', key)
    .execute();
}

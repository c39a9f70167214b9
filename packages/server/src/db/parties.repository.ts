import type { Instant } from '@xinyu/domain';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * Creates the seller if unknown (replay.md: unknown parties are created on first use); a market or
 * name given updates a known seller's.
 */
export async function ensureSeller(
  db: Kysely<Database>,
  sellerId: string,
  now: Instant,
  market?: string,
  name?: string,
) {
  const update = { ...(market ? { market } : {}), ...(name ? { name } : {}) };
  await db
    .insertInto('sellers')
    .values({ seller_id: sellerId, created_at: new Date(now), ...update })
    .onConflict((oc) =>
      Object.keys(update).length > 0 ? oc.column('seller_id').doUpdateSet(update) : oc.column('seller_id').doNothing(),
    )
    .execute();
}

/** A seller's market and name, or null when unknown. */
export async function loadSeller(db: Kysely<Database>, sellerId: string) {
  const row = await db
    .selectFrom('sellers')
    .select(['seller_id', 'market', 'name'])
    .where('seller_id', '=', sellerId)
    .executeTakeFirst();
  return row ? { seller: row.seller_id, market: row.market, name: row.name } : null;
}

export async function ensureBuyer(db: Kysely<Database>, buyerId: string, now: Instant) {
  await db
    .insertInto('buyers')
    .values({ buyer_id: buyerId, created_at: new Date(now) })
    .onConflict((oc) => oc.column('buyer_id').doNothing())
    .execute();
}

export async function sellerMarket(db: Kysely<Database>, sellerId: string): Promise<string> {
  const row = await db.selectFrom('sellers').select('market').where('seller_id', '=', sellerId).executeTakeFirst();
  return row?.market ?? 'taobao';
}

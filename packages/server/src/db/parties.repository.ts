import type { Instant } from '@xinyu/domain';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Creates the seller if unknown (replay.md: unknown parties are created on first use). */
export async function ensureSeller(db: Kysely<Database>, sellerId: string, now: Instant, market?: string) {
  await db
    .insertInto('sellers')
    .values({ seller_id: sellerId, created_at: new Date(now), ...(market ? { market } : {}) })
    .onConflict((oc) => (market ? oc.column('seller_id').doUpdateSet({ market }) : oc.column('seller_id').doNothing()))
    .execute();
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

import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Everything a replay prints, read in bulk (replay databases are small and throwaway). */
export async function readAllParties(db: Kysely<Database>) {
  const sellers = await db.selectFrom('sellers').select(['seller_id', 'market']).orderBy('seller_id').execute();
  const buyers = await db.selectFrom('buyers').select('buyer_id').orderBy('buyer_id').execute();
  return { sellers, buyers };
}

export async function readAllOrders(db: Kysely<Database>) {
  return db
    .selectFrom('orders')
    .select(['order_id', 'seller_id', 'status', 'success_at', 'auto_confirm_at', 'created_at'])
    .orderBy('created_at')
    .orderBy('order_id')
    .execute();
}

export async function readAllReviews(db: Kysely<Database>) {
  return db.selectFrom('reviews').selectAll().orderBy('given_at').orderBy('order_id').orderBy('line_id').execute();
}

export async function readAllRefunds(db: Kysely<Database>) {
  return db.selectFrom('refunds').selectAll().orderBy('requested_at').orderBy('refund_id').execute();
}

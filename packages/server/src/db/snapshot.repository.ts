import type { Instant } from '@xinyu/domain';
import { type Kysely, sql } from 'kysely';
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

/** J2 denominators: lines of each seller's orders paid in `(from, to]`. */
export async function countPaidLines(db: Kysely<Database>, from: Instant, to: Instant) {
  const rows = await db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', (join) =>
      join.onRef('o.seller_id', '=', 'l.seller_id').onRef('o.order_id', '=', 'l.order_id'),
    )
    .select(['o.seller_id', sql<number>`count(*)`.as('n')])
    .where('o.paid_at', '>', new Date(from))
    .where('o.paid_at', '<=', new Date(to))
    .groupBy('o.seller_id')
    .execute();
  return new Map(rows.map((r) => [r.seller_id, Number(r.n)]));
}

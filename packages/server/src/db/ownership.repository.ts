import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The two parties of an order or refund: who may act on it, looked up before the use case runs. */
export interface Parties {
  readonly seller: string;
  readonly buyer: string;
}

export async function orderParties(db: Kysely<Database>, orderId: string): Promise<Parties | null> {
  const row = await db
    .selectFrom('order_directory as d')
    .innerJoin('orders as o', (join) =>
      join.onRef('o.seller_id', '=', 'd.seller_id').onRef('o.order_id', '=', 'd.order_id'),
    )
    .select(['o.seller_id', 'o.buyer_id'])
    .where('d.order_id', '=', orderId)
    .executeTakeFirst();
  return row ? { seller: row.seller_id, buyer: row.buyer_id } : null;
}

export async function refundParties(db: Kysely<Database>, refundId: string): Promise<Parties | null> {
  const row = await db
    .selectFrom('refund_directory as d')
    .innerJoin('refunds as r', (join) =>
      join.onRef('r.seller_id', '=', 'd.seller_id').onRef('r.refund_id', '=', 'd.refund_id'),
    )
    .select(['r.seller_id', 'r.buyer_id'])
    .where('d.refund_id', '=', refundId)
    .executeTakeFirst();
  return row ? { seller: row.seller_id, buyer: row.buyer_id } : null;
}

import type { RefundState } from '@xinyu/domain';
import { type Kysely, sql } from 'kysely';
import { type StoredLine, type StoredOrder, toStoredLine, toStoredOrder } from './orders.repository.js';
import { type StoredReview, toStoredReview } from './reviews.repository.js';
import type { Database } from './schema.js';

/** An order's full key: orders are stored by seller (DESIGN, distribution by seller_id). */
export interface OrderKey {
  readonly sellerId: string;
  readonly orderId: string;
}

/** Everything shown about a set of orders: their lines, both parties' reviews, their refunds. */
export interface OrdersDetail {
  readonly lines: Map<string, StoredLine[]>;
  readonly reviews: Map<string, StoredReview[]>;
  readonly refunds: Map<string, Array<{ refundId: string; state: RefundState }>>;
}

const keyOf = (sellerId: string, orderId: string) => `${sellerId}\u0000${orderId}`;
export const orderKeyOf = (order: OrderKey) => keyOf(order.sellerId, order.orderId);

function group<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** A page of a buyer's orders, newest first (ties by order id), across shops. */
export async function listOrdersOfBuyer(
  db: Kysely<Database>,
  buyerId: string,
  page: { limit: number; before?: { createdAt: number; orderId: string } | undefined },
): Promise<StoredOrder[]> {
  let query = db.selectFrom('orders').selectAll().where('buyer_id', '=', buyerId);
  const before = page.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', new Date(before.createdAt)),
        eb.and([eb('created_at', '=', new Date(before.createdAt)), eb('order_id', '<', before.orderId)]),
      ]),
    );
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('order_id', 'desc').limit(page.limit).execute();
  return rows.map(toStoredOrder);
}

/** The lines, reviews and refunds of the given orders, in three statements whatever their number. */
export async function loadOrdersDetail(db: Kysely<Database>, orders: readonly OrderKey[]): Promise<OrdersDetail> {
  if (orders.length === 0) return { lines: new Map(), reviews: new Map(), refunds: new Map() };
  // One row-value IN list; the (seller_id, order_id) primary keys serve it.
  const inOrders = sql<boolean>`(seller_id, order_id) in (${sql.join(orders.map((o) => sql`(${o.sellerId}, ${o.orderId})`))})`;
  const [lineRows, reviewRows, refundRows] = await Promise.all([
    db.selectFrom('order_lines').selectAll().where(inOrders).orderBy('position').execute(),
    db.selectFrom('reviews').selectAll().where(inOrders).execute(),
    db
      .selectFrom('refunds')
      .select(['seller_id', 'order_id', 'refund_id', 'state'])
      .where(inOrders)
      .orderBy('requested_at')
      .execute(),
  ]);
  const lines = new Map<string, StoredLine[]>();
  for (const [k, rows] of group(lineRows, (r) => keyOf(r.seller_id, r.order_id))) lines.set(k, rows.map(toStoredLine));
  const reviews = new Map<string, StoredReview[]>();
  for (const [k, rows] of group(reviewRows, (r) => keyOf(r.seller_id, r.order_id))) {
    reviews.set(k, rows.map(toStoredReview));
  }
  const refunds = new Map<string, Array<{ refundId: string; state: RefundState }>>();
  for (const [k, rows] of group(refundRows, (r) => keyOf(r.seller_id, r.order_id))) {
    refunds.set(
      k,
      rows.map((r) => ({ refundId: r.refund_id, state: r.state as RefundState })),
    );
  }
  return { lines, reviews, refunds };
}

/** Market and display name of the given shops. */
export async function loadSellerProfiles(
  db: Kysely<Database>,
  sellerIds: readonly string[],
): Promise<Map<string, { market: string; name: string | null }>> {
  if (sellerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('sellers')
    .select(['seller_id', 'market', 'name'])
    .where('seller_id', 'in', [...new Set(sellerIds)])
    .execute();
  return new Map(rows.map((r) => [r.seller_id, { market: r.market, name: r.name }]));
}

/** Titles of some lines of a shop, by `ORDER/LINE` (absent when no title was sent). */
export async function lineTitles(
  db: Kysely<Database>,
  sellerId: string,
  orderIds: readonly string[],
): Promise<Map<string, string>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('order_lines')
    .select(['order_id', 'line_id', 'title'])
    .where('seller_id', '=', sellerId)
    .where('order_id', 'in', [...new Set(orderIds)])
    .where('title', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [`${r.order_id}/${r.line_id}`, r.title ?? '']));
}

/** Orders of one shop by id, in no particular order. */
export async function loadShopOrders(
  db: Kysely<Database>,
  sellerId: string,
  orderIds: readonly string[],
): Promise<StoredOrder[]> {
  if (orderIds.length === 0) return [];
  const rows = await db
    .selectFrom('orders')
    .selectAll()
    .where('seller_id', '=', sellerId)
    .where('order_id', 'in', [...new Set(orderIds)])
    .execute();
  return rows.map(toStoredOrder);
}

import type { Instant, Party, RefundState } from '@xinyu/domain';
import { type Kysely, sql } from 'kysely';
import { type StoredLine, type StoredOrder, toStoredLine, toStoredOrder } from './orders.repository.js';
import { PAIR_LOCK_CLASS, type StoredReview, toStoredReview } from './reviews.repository.js';
import type { Database } from './schema.js';

/**
 * Loads of many review commands at once, one statement each, for rating reviews in a batch: the
 * same facts (and the same locks) that loadReviewFacts takes for one line, for every line of the
 * batch. Keys are joined with `/`, as review keys are.
 */
export const lineKey = (sellerId: string, orderId: string, lineId: string) => `${sellerId}/${orderId}/${lineId}`;

/** The orders by id, row-locked in key order (as loadOrder(…, true) locks one). */
export async function loadOrdersForUpdate(
  db: Kysely<Database>,
  orderIds: readonly string[],
): Promise<Map<string, StoredOrder>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('orders')
    .innerJoin('order_directory as d', (j) =>
      j.onRef('d.order_id', '=', 'orders.order_id').onRef('d.seller_id', '=', 'orders.seller_id'),
    )
    .selectAll('orders')
    .where('d.order_id', '=', sql<string>`any(${[...orderIds]}::text[])`)
    .orderBy('orders.seller_id')
    .orderBy('orders.order_id')
    .forUpdate('orders')
    .execute();
  return new Map(rows.map((r) => [r.order_id, toStoredOrder(r)]));
}

/** Takes the pair locks of lockPair for many pairs (`seller/buyer`), in sorted order so batches never deadlock. */
export async function lockPairs(db: Kysely<Database>, pairKeys: readonly string[]): Promise<void> {
  if (pairKeys.length === 0) return;
  const sorted = [...new Set(pairKeys)].sort();
  await sql`select pg_advisory_xact_lock(${PAIR_LOCK_CLASS}, hashtext(k.key))
    from unnest(${sorted}::text[]) with ordinality as k(key, n) order by k.n`.execute(db);
}

/** The lines, by lineKey. */
export async function loadLinesOf(
  db: Kysely<Database>,
  lines: ReadonlyArray<{ sellerId: string; orderId: string; lineId: string }>,
): Promise<Map<string, StoredLine>> {
  if (lines.length === 0) return new Map();
  const rows = await db
    .selectFrom('order_lines')
    .selectAll()
    .where(
      sql<boolean>`(seller_id, order_id, line_id) in (select * from unnest(${lines.map((l) => l.sellerId)}::text[],
        ${lines.map((l) => l.orderId)}::text[], ${lines.map((l) => l.lineId)}::text[]))`,
    )
    .execute();
  return new Map(rows.map((r) => [lineKey(r.seller_id, r.order_id, r.line_id), toStoredLine(r)]));
}

/** The reviews of these lines, by lineKey and party, row-locked (as loadLineReviews locks them). */
export async function loadReviewsOfLines(
  db: Kysely<Database>,
  lines: ReadonlyArray<{ sellerId: string; orderId: string; lineId: string }>,
): Promise<Map<string, { buyer: StoredReview | null; seller: StoredReview | null }>> {
  const found = new Map<string, { buyer: StoredReview | null; seller: StoredReview | null }>();
  if (lines.length === 0) return found;
  const rows = await db
    .selectFrom('reviews')
    .selectAll()
    .where(
      sql<boolean>`(seller_id, order_id, line_id) in (select * from unnest(${lines.map((l) => l.sellerId)}::text[],
        ${lines.map((l) => l.orderId)}::text[], ${lines.map((l) => l.lineId)}::text[]))`,
    )
    .orderBy('seller_id')
    .orderBy('order_id')
    .orderBy('line_id')
    .orderBy('by_party')
    .forUpdate()
    .execute();
  for (const row of rows) {
    const review = toStoredReview(row);
    const key = lineKey(review.sellerId, review.orderId, review.lineId);
    const both = found.get(key) ?? { buyer: null, seller: null };
    found.set(key, { ...both, [review.by]: review });
  }
  return found;
}

/** The sellers' markets (`taobao` when unknown, as sellerMarket answers). */
export async function sellerMarkets(db: Kysely<Database>, sellerIds: readonly string[]): Promise<Map<string, string>> {
  if (sellerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('sellers')
    .select(['seller_id', 'market'])
    .where('seller_id', '=', sql<string>`any(${[...new Set(sellerIds)]}::text[])`)
    .execute();
  return new Map(rows.map((r) => [r.seller_id, r.market]));
}

/** The refunds of these orders (`seller/order`), in the order loadOrderRefunds gives them. */
export async function loadRefundsOfOrders(
  db: Kysely<Database>,
  orders: ReadonlyArray<{ sellerId: string; orderId: string }>,
): Promise<Map<string, RefundState[]>> {
  const found = new Map<string, RefundState[]>();
  if (orders.length === 0) return found;
  const rows = await db
    .selectFrom('refunds')
    .select(['seller_id', 'order_id', 'state'])
    .where(
      sql<boolean>`(seller_id, order_id) in (select * from unnest(${orders.map((o) => o.sellerId)}::text[],
        ${orders.map((o) => o.orderId)}::text[]))`,
    )
    .orderBy('requested_at')
    .orderBy('refund_id')
    .execute();
  for (const r of rows) {
    const key = `${r.seller_id}/${r.order_id}`;
    found.set(key, [...(found.get(key) ?? []), r.state as RefundState]);
  }
  return found;
}

/** E4 for many pair-months at once: how many DSR ratings already count in each `{sellerId, buyerId, from, to}`, in order. */
export async function countPairDsrInMonths(
  db: Kysely<Database>,
  months: ReadonlyArray<{ sellerId: string; buyerId: string; from: Instant; to: Instant }>,
): Promise<number[]> {
  if (months.length === 0) return [];
  const rows = await sql<{ n: number | string }>`
    select (select count(*) from reviews r
             where r.seller_id = k.seller_id and r.buyer_id = k.buyer_id and r.by_party = 'buyer'
               and r.dsr_counted and r.order_created_at >= k.from_at and r.order_created_at < k.to_at) as n
    from unnest(${months.map((m) => m.sellerId)}::text[], ${months.map((m) => m.buyerId)}::text[],
                ${months.map((m) => new Date(m.from).toISOString())}::timestamptz[],
                ${months.map((m) => new Date(m.to).toISOString())}::timestamptz[])
      with ordinality as k(seller_id, buyer_id, from_at, to_at, n_)
    order by k.n_`.execute(db);
  return rows.rows.map((r) => Number(r.n));
}

/** A pair and direction (`seller/buyer/by`), as recountPairCredit re-decides them. */
export interface PairDirection {
  readonly sellerId: string;
  readonly buyerId: string;
  readonly by: Party;
}

export const pairDirectionKey = (p: PairDirection) => `${p.sellerId}/${p.buyerId}/${p.by}`;

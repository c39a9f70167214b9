import type { RefundState } from '@xinyu/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/** A refund with the line it is about, as the queues list it. */
export interface ListedRefund {
  readonly sellerId: string;
  readonly buyerId: string;
  readonly itemId: string;
  readonly title: string | null;
  readonly state: RefundState;
}

/** Position in a listing: the sort instant (ms; NO_DEADLINE for "no deadline") and the id. */
export interface RefundPosition {
  readonly at: number;
  readonly refundId: string;
}

/** The sort instant of a refund without a deadline: after every real one (PostgreSQL's infinity). */
export const NO_DEADLINE = 8.64e15;
const instant = (at: number) => (at >= NO_DEADLINE ? sql`'infinity'::timestamptz` : sql`${new Date(at)}`);

function listed() {
  return (db: Kysely<Database>) =>
    db
      .selectFrom('refunds as r')
      .innerJoin('order_lines as l', (j) =>
        j
          .onRef('l.seller_id', '=', 'r.seller_id')
          .onRef('l.order_id', '=', 'r.order_id')
          .onRef('l.line_id', '=', 'r.line_id'),
      )
      .select(['r.seller_id', 'r.buyer_id', 'r.state', 'r.refund_id', 'l.item_id', 'l.title']);
}

const toListed = (r: {
  seller_id: string;
  buyer_id: string;
  state: unknown;
  item_id: string;
  title: string | null;
}) => ({
  sellerId: r.seller_id,
  buyerId: r.buyer_id,
  itemId: r.item_id,
  title: r.title,
  state: r.state as RefundState,
});

/**
 * A shop's open refunds, the nearest deadline first (those without one last), optionally only in
 * some statuses (whose move it is), after `after`.
 */
export async function listOpenRefundsOfSeller(
  db: Kysely<Database>,
  sellerId: string,
  page: { limit: number; statuses: readonly string[]; after?: RefundPosition | undefined },
): Promise<ListedRefund[]> {
  const due = sql<Date>`coalesce(r.deadline_at, 'infinity'::timestamptz)`;
  let query = listed()(db)
    .where('r.seller_id', '=', sellerId)
    .where('r.status', 'in', [...page.statuses]);
  const after = page.after;
  if (after) {
    query = query.where(sql<boolean>`(${due}, r.refund_id) > (${instant(after.at)}, ${after.refundId})`);
  }
  const rows = await query.orderBy(due).orderBy('r.refund_id').limit(page.limit).execute();
  return rows.map(toListed);
}

/** Every refund of a shop, or of a buyer, newest request first, before `before`. */
export async function listRefundsNewestFirst(
  db: Kysely<Database>,
  party: { sellerId: string } | { buyerId: string },
  page: { limit: number; before?: RefundPosition | undefined },
): Promise<ListedRefund[]> {
  let query = listed()(db);
  query =
    'sellerId' in party
      ? query.where('r.seller_id', '=', party.sellerId)
      : query.where('r.buyer_id', '=', party.buyerId);
  const before = page.before;
  if (before) {
    query = query.where(sql<boolean>`(r.requested_at, r.refund_id) < (${new Date(before.at)}, ${before.refundId})`);
  }
  const rows = await query.orderBy('r.requested_at', 'desc').orderBy('r.refund_id', 'desc').limit(page.limit).execute();
  return rows.map(toListed);
}

/** One refund with its line (not locked: a read). */
export async function loadListedRefund(db: Kysely<Database>, refundId: string): Promise<ListedRefund | null> {
  const dir = await db
    .selectFrom('refund_directory')
    .select('seller_id')
    .where('refund_id', '=', refundId)
    .executeTakeFirst();
  if (!dir) return null;
  const row = await listed()(db)
    .where('r.seller_id', '=', dir.seller_id)
    .where('r.refund_id', '=', refundId)
    .executeTakeFirst();
  return row ? toListed(row) : null;
}

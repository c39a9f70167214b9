import { REFUND_AWAITING, REFUND_STATUSES, type RefundStatus } from '@xinyu/domain';
import {
  type ListedRefund,
  listOpenRefundsOfSeller,
  listRefundsNewestFirst,
  NO_DEADLINE,
} from '../../db/refund-queues.repository.js';
import type { Caller } from '../access/caller.js';
import type { AppContext } from '../context.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { refundSummary } from './refund-view.js';

type Awaiting = 'seller' | 'buyer' | 'platform';

/** The statuses in which it is `awaiting`'s move (all open ones when not given). */
function openStatuses(awaiting: Awaiting | undefined): RefundStatus[] {
  return REFUND_STATUSES.filter((s) => REFUND_AWAITING[s] !== null && (!awaiting || REFUND_AWAITING[s] === awaiting));
}

function page(ctx: AppContext, caller: Caller, rows: ListedRefund[], limit: number, at: (r: ListedRefund) => number) {
  const now = ctx.clock.now();
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    refunds: shown.map((r) => refundSummary(r, caller, now, ctx.policy)),
    nextCursor: rows.length > limit && last ? encodeCursor({ at: at(last), key: last.state.refundId }) : null,
  };
}

/**
 * A shop's refunds: the open ones, nearest deadline first (what to answer before silence decides:
 * H1–H3), optionally only those awaiting one party; or all of them, newest first.
 */
export async function listSellerRefunds(
  ctx: AppContext,
  caller: Caller,
  sellerId: string,
  query: { limit: number; status: 'open' | 'all'; awaiting?: Awaiting | undefined; cursor?: string | undefined },
) {
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const position = cursor ? { at: cursor.at, refundId: cursor.key } : undefined;
  if (query.status === 'all') {
    const rows = await listRefundsNewestFirst(ctx.db, { sellerId }, { limit: query.limit + 1, before: position });
    return { seller: sellerId, ...page(ctx, caller, rows, query.limit, (r) => r.state.requestedAt) };
  }
  const rows = await listOpenRefundsOfSeller(ctx.db, sellerId, {
    limit: query.limit + 1,
    statuses: openStatuses(query.awaiting),
    after: position,
  });
  return { seller: sellerId, ...page(ctx, caller, rows, query.limit, (r) => r.state.deadlineAt ?? NO_DEADLINE) };
}

/** A buyer's refunds and returns, newest request first. */
export async function listBuyerRefunds(
  ctx: AppContext,
  caller: Caller,
  buyerId: string,
  query: { limit: number; cursor?: string | undefined },
) {
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const before = cursor ? { at: cursor.at, refundId: cursor.key } : undefined;
  const rows = await listRefundsNewestFirst(ctx.db, { buyerId }, { limit: query.limit + 1, before });
  return { buyer: buyerId, ...page(ctx, caller, rows, query.limit, (r) => r.state.requestedAt) };
}

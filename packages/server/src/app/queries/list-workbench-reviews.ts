import { addDays, reviewActions } from '@xinyu/domain';
import { loadShopOrders } from '../../db/order-views.repository.js';
import { listReviewsOfSeller } from '../../db/review-listings.repository.js';
import type { Caller } from '../access/caller.js';
import type { AppContext } from '../context.js';
import { decodeCursor } from './cursor.js';
import { listedReview, reviewsCursor } from './list-seller-reviews.js';
import { lineFacts, loadViewInputs, orderView } from './order-view.js';
import { iso } from './views.js';

/**
 * The seller workbench's first list: the neutral and bad reviews buyers gave the shop, as given
 * (not yet changed), that the seller can see (F3), newest first; each with the time left in the
 * buyer's one chance to change it (F6) and what the caller may do now (explain, complain, rate).
 */
export async function listWorkbenchReviews(
  ctx: AppContext,
  caller: Caller,
  sellerId: string,
  query: { limit: number; cursor?: string | undefined },
) {
  const now = ctx.clock.now();
  const before = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await listReviewsOfSeller(ctx.db, sellerId, {
    limit: query.limit + 1,
    ratings: ['neutral', 'bad'],
    activeOnly: true,
    shownIfSuccessBy: addDays(now, -ctx.policy.review.windowDays),
    before: before ? { givenAt: before.at, key: before.key } : undefined,
  });
  const page = rows.slice(0, query.limit);
  const inputs = await loadViewInputs(
    ctx,
    await loadShopOrders(
      ctx.db,
      sellerId,
      page.map((r) => r.orderId),
    ),
  );
  const byOrder = new Map(inputs.map((input) => [input.order.orderId, input]));
  const reviews = page.map((r) => {
    const input = byOrder.get(r.orderId);
    const line = input?.lines.find((l) => l.lineId === r.lineId);
    if (!input || !line) throw new Error(`review ${r.orderId}/${r.lineId} has no order line`);
    const modify = reviewActions(lineFacts(input, line), 'buyer', now, ctx.policy).find((a) => a.action === 'modify');
    const view = orderView({ ...input, lines: [line] }, caller, now, ctx.policy);
    return {
      ...listedReview(r, true, line.title),
      modifiableUntil: iso(modify?.until),
      complaint: r.complaint ? { status: r.complaint.status, at: iso(r.complaint.at) } : null,
      actions: view.lines[0]?.actions ?? [],
    };
  });
  return { seller: sellerId, reviews, nextCursor: reviewsCursor(rows, query.limit) };
}

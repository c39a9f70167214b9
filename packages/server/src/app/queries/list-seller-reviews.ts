import { addDays, isReviewVisible } from '@xinyu/domain';
import { lineTitles } from '../../db/order-views.repository.js';
import { successTimes } from '../../db/orders.repository.js';
import { listReviewsOfSeller, ratedParties } from '../../db/review-listings.repository.js';
import type { StoredReview } from '../../db/reviews.repository.js';
import type { AppContext } from '../context.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { iso } from './views.js';

const entry = (e: { text: string; at: number } | null) =>
  e ? { text: e.text, at: new Date(e.at).toISOString() } : null;

/** A buyer's review as listings show it; a hidden one (F3) carries no rating, text or points. */
export function listedReview(r: StoredReview, visible: boolean, title: string | null) {
  const content = visible
    ? {
        rating: r.rating,
        // Points and counted disclose the rating (+1, 0, −1): hidden with it (F3).
        counted: r.counted,
        points: r.points,
        text: r.state === 'deleted' ? null : r.text,
        dsr: r.dsr,
        followup: entry(r.followup),
        explanation: entry(r.explanation),
        followupExplanation: entry(r.followupExplanation),
      }
    : {};
  return {
    review: `${r.orderId}/${r.lineId}/buyer`,
    order: r.orderId,
    line: r.lineId,
    item: r.itemId,
    title,
    buyer: r.anonymous ? null : r.buyerId,
    anonymous: r.anonymous,
    isDefault: r.isDefault,
    state: r.state,
    givenAt: iso(r.givenAt),
    visible,
    folded: r.folded,
    ...content,
  };
}

/** The cursor after the last row shown, when there are more. */
export function reviewsCursor(rows: readonly StoredReview[], limit: number): string | null {
  const last = rows.slice(0, limit).at(-1);
  return rows.length > limit && last ? encodeCursor({ at: last.givenAt, key: `${last.orderId}/${last.lineId}` }) : null;
}

/**
 * A seller's received reviews, newest first, as the public sees them: a review still hidden by
 * double-blind (F3) shows no rating or text; a folded one (F7) is flagged for display behind a
 * click, and `folded` lists only (true) or leaves out (false) folded ones.
 */
export async function listSellerReviews(
  ctx: AppContext,
  sellerId: string,
  query: { limit: number; rating?: string | undefined; folded?: boolean | undefined; cursor?: string | undefined },
) {
  const now = ctx.clock.now();
  const before = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await listReviewsOfSeller(ctx.db, sellerId, {
    limit: query.limit + 1,
    ratings: query.rating ? [query.rating] : undefined,
    folded: query.folded,
    // F3: filtering hidden reviews by rating would disclose their rating; only shown ones qualify.
    shownIfSuccessBy: query.rating ? addDays(now, -ctx.policy.review.windowDays) : undefined,
    before: before ? { givenAt: before.at, key: before.key } : undefined,
  });
  const page = rows.slice(0, query.limit);
  const orderIds = [...new Set(page.map((r) => r.orderId))];
  const [success, rated, titles] = await Promise.all([
    successTimes(ctx.db, sellerId, orderIds),
    ratedParties(ctx.db, sellerId, orderIds),
    lineTitles(ctx.db, sellerId, orderIds),
  ]);
  const reviews = page.map((r) => {
    const visible = isReviewVisible(
      rated.has(`${r.orderId}/${r.lineId}/seller`),
      success.get(r.orderId) ?? null,
      now,
      ctx.policy,
    );
    return listedReview(r, visible, titles.get(`${r.orderId}/${r.lineId}`) ?? null);
  });
  return { seller: sellerId, reviews, nextCursor: reviewsCursor(rows, query.limit) };
}

import { addDays, isReviewVisible } from '@xinyu/domain';
import { successTimes } from '../../db/orders.repository.js';
import { listReviewsOfSeller, ratedParties } from '../../db/reviews.repository.js';
import type { AppContext } from '../context.js';
import { decodeCursor, encodeCursor } from './cursor.js';

const iso = (t: number | null | undefined) => (t == null ? null : new Date(t).toISOString());

/**
 * A seller's received reviews, newest first, as the public sees them: a review still hidden by
 * double-blind (F3) shows no rating or text; a folded one (F7) is flagged for display behind a click.
 */
export async function listSellerReviews(
  ctx: AppContext,
  sellerId: string,
  query: { limit: number; rating?: string | undefined; cursor?: string | undefined },
) {
  const now = ctx.clock.now();
  const before = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await listReviewsOfSeller(ctx.db, sellerId, {
    limit: query.limit + 1,
    rating: query.rating,
    // F3: filtering hidden reviews by rating would disclose their rating; only shown ones qualify.
    shownIfSuccessBy: query.rating ? addDays(now, -ctx.policy.review.windowDays) : undefined,
    before: before ? { givenAt: before.at, key: before.key } : undefined,
  });
  const page = rows.slice(0, query.limit);
  const orderIds = [...new Set(page.map((r) => r.orderId))];
  const success = await successTimes(ctx.db, sellerId, orderIds);
  const rated = await ratedParties(ctx.db, sellerId, orderIds);
  const reviews = page.map((r) => {
    const visible = isReviewVisible(
      rated.has(`${r.orderId}/${r.lineId}/seller`),
      success.get(r.orderId) ?? null,
      now,
      ctx.policy,
    );
    const content = visible
      ? {
          rating: r.rating,
          // Points and counted disclose the rating (+1, 0, −1): hidden with it (F3).
          counted: r.counted,
          points: r.points,
          text: r.state === 'deleted' ? null : r.text,
          dsr: r.dsr,
          followup: r.followup ? { text: r.followup.text, at: iso(r.followup.at) } : null,
          explanation: r.explanation ? { text: r.explanation.text, at: iso(r.explanation.at) } : null,
          followupExplanation: r.followupExplanation
            ? { text: r.followupExplanation.text, at: iso(r.followupExplanation.at) }
            : null,
        }
      : {};
    return {
      review: `${r.orderId}/${r.lineId}/buyer`,
      order: r.orderId,
      line: r.lineId,
      item: r.itemId,
      buyer: r.anonymous ? null : r.buyerId,
      anonymous: r.anonymous,
      isDefault: r.isDefault,
      state: r.state,
      givenAt: iso(r.givenAt),
      visible,
      folded: r.folded,
      ...content,
    };
  });
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor({ at: last.givenAt, key: `${last.orderId}/${last.lineId}` })
      : null;
  return { seller: sellerId, reviews, nextCursor };
}

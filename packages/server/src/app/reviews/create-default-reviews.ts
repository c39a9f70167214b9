import { decideDefaultReview, ok, type Result } from '@xinyu/domain';
import { loadLines, loadOrder } from '../../db/orders.repository.js';
import { insertReview } from '../../db/reviews.repository.js';
import type { UnitOfWork } from '../context.js';
import { loadReviewFacts, placementOf } from './load-review-facts.js';
import { recountPairCredit } from './recount-pair-credit.js';
import { reviewEvent } from './review-event.js';

/** F2 at success + 15 days: deems the silent party's good on each line where one party gave good. */
export async function createDefaultReviews(uow: UnitOfWork, orderId: string): Promise<Result<{ created: number }>> {
  const order = await loadOrder(uow.tx, orderId, true);
  if (order?.status !== 'success') return ok({ created: 0 });
  let created = 0;
  for (const line of await loadLines(uow.tx, order.sellerId, orderId)) {
    const loaded = await loadReviewFacts(uow, orderId, line.lineId);
    if (!loaded.ok) return loaded;
    const review = decideDefaultReview(loaded.value.facts, { orderId, lineId: line.lineId }, uow.now);
    if (!review) continue;
    await insertReview(uow.tx, review, placementOf(loaded.value), false, uow.policy.version);
    await recountPairCredit(uow, order.sellerId, order.buyerId, review.by);
    uow.record(order.sellerId, [reviewEvent('review.defaulted', review, uow.now, { rating: 'good' })]);
    created += 1;
  }
  return ok({ created });
}

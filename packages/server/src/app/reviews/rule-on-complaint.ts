import { decideComplaintRuling, ok, type Result } from '@xinyu/domain';
import { saveReview } from '../../db/reviews.repository.js';
import type { UnitOfWork } from '../context.js';
import { loadReviewFacts } from './load-review-facts.js';
import { reviewEvent } from './review-event.js';

/**
 * F7: platform staff rule on the pending complaints of a line; upheld folds the review (never
 * deletes it), credit and DSR unchanged.
 */
export async function ruleOnComplaint(
  uow: UnitOfWork,
  orderId: string,
  lineId: string,
  upheld: boolean,
): Promise<Result<{ ruled: string[] }>> {
  const loaded = await loadReviewFacts(uow, orderId, lineId);
  if (!loaded.ok) return loaded;
  const pending = [loaded.value.buyerReview, loaded.value.sellerReview].filter(
    (r) => r?.complaint?.status === 'pending',
  );
  if (pending.length === 0) return decideComplaintRuling(null, upheld) as Result<never>;
  const ruled: string[] = [];
  for (const review of pending) {
    const decided = decideComplaintRuling(review, upheld);
    if (!decided.ok) return decided;
    await saveReview(uow.tx, loaded.value.order.sellerId, decided.value);
    uow.record(loaded.value.order.sellerId, [
      reviewEvent(upheld ? 'review.folded' : 'review.complaint_rejected', decided.value, uow.now),
    ]);
    ruled.push(`${orderId}/${lineId}/${decided.value.by}`);
  }
  return ok({ ruled });
}

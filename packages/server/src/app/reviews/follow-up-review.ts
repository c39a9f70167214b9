import { decideFollowup, ok, type Result } from '@xinyu/domain';
import { saveReview } from '../../db/reviews.repository.js';
import type { UnitOfWork } from '../context.js';
import { loadReviewFacts } from './load-review-facts.js';
import { reviewEvent } from './review-event.js';

/** F4: the buyer's one follow-up on a line; never changes credit or DSR. */
export async function followUpReview(
  uow: UnitOfWork,
  orderId: string,
  lineId: string,
  text: string,
): Promise<Result<{ review: string }>> {
  const loaded = await loadReviewFacts(uow, orderId, lineId);
  if (!loaded.ok) return loaded;
  const decided = decideFollowup(loaded.value.facts, text, uow.now, uow.policy);
  if (!decided.ok) return decided;
  await saveReview(uow.tx, loaded.value.order.sellerId, decided.value);
  uow.record(loaded.value.order.sellerId, [reviewEvent('review.followed_up', decided.value, uow.now)]);
  return ok({ review: `${orderId}/${lineId}/buyer` });
}

import { decideComplain, ok, type Party, type Result } from '@xinyu/domain';
import { saveReview } from '../../db/reviews.repository.js';
import type { UnitOfWork } from '../context.js';
import { loadReviewFacts } from './load-review-facts.js';
import { reviewEvent } from './review-event.js';

/** F7: the rated party asks the platform to fold a review. */
export async function complainAboutReview(
  uow: UnitOfWork,
  orderId: string,
  lineId: string,
  input: { by: Party; reason: string },
): Promise<Result<{ review: string }>> {
  const loaded = await loadReviewFacts(uow, orderId, lineId);
  if (!loaded.ok) return loaded;
  const decided = decideComplain(loaded.value.facts, input.by, input.reason, uow.now, uow.policy);
  if (!decided.ok) return decided;
  await saveReview(uow.tx, loaded.value.order.sellerId, decided.value);
  uow.record(loaded.value.order.sellerId, [reviewEvent('review.complained', decided.value, uow.now)]);
  return ok({ review: `${orderId}/${lineId}/${decided.value.by}` });
}

import { decideExplain, ok, type Party, type Result } from '@xinyu/domain';
import { saveReview } from '../../db/reviews.repository.js';
import type { UnitOfWork } from '../context.js';
import { loadReviewFacts } from './load-review-facts.js';
import { reviewEvent } from './review-event.js';

/** F5: the rated party explains a review or its follow-up, once each. */
export async function explainReview(
  uow: UnitOfWork,
  orderId: string,
  lineId: string,
  input: { by: Party; on: 'review' | 'followup'; text: string },
): Promise<Result<{ review: string }>> {
  const loaded = await loadReviewFacts(uow, orderId, lineId);
  if (!loaded.ok) return loaded;
  const decided = decideExplain(loaded.value.facts, input.by, input.on, input.text, uow.now, uow.policy);
  if (!decided.ok) return decided;
  await saveReview(uow.tx, loaded.value.order.sellerId, decided.value);
  uow.record(loaded.value.order.sellerId, [reviewEvent('review.explained', decided.value, uow.now, { on: input.on })]);
  return ok({ review: `${orderId}/${lineId}/${decided.value.by}` });
}

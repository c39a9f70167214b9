import { decideDelete, ok, type Party, type Result } from '@xinyu/domain';
import { saveReview } from '../../db/reviews.repository.js';
import type { UnitOfWork } from '../context.js';
import { loadReviewFacts } from './load-review-facts.js';
import { recountPairCredit } from './recount-pair-credit.js';
import { reviewEvent } from './review-event.js';

/** F6/A9: the rater deletes a neutral or bad review; it stops counting and the pair is re-counted. */
export async function deleteReview(
  uow: UnitOfWork,
  orderId: string,
  lineId: string,
  by: Party,
): Promise<Result<{ review: string }>> {
  const loaded = await loadReviewFacts(uow, orderId, lineId);
  if (!loaded.ok) return loaded;
  const decided = decideDelete(loaded.value.facts, by, uow.now, uow.policy);
  if (!decided.ok) return decided;
  const { sellerId, buyerId } = loaded.value.order;
  await saveReview(uow.tx, sellerId, decided.value);
  await recountPairCredit(uow, sellerId, buyerId, by);
  uow.record(sellerId, [reviewEvent('review.deleted', decided.value, uow.now)]);
  return ok({ review: `${orderId}/${lineId}/${by}` });
}

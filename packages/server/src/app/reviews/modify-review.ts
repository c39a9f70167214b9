import { decideModify, ok, type Party, type Rating, type Result } from '@xinyu/domain';
import { saveReview } from '../../db/reviews.repository.js';
import type { UnitOfWork } from '../context.js';
import { loadReviewFacts } from './load-review-facts.js';
import { recountPairCredit } from './recount-pair-credit.js';
import { reviewEvent } from './review-event.js';

/** F6/A9: the rater's one change of a neutral or bad review to good, re-counted as of now. */
export async function modifyReview(
  uow: UnitOfWork,
  orderId: string,
  lineId: string,
  by: Party,
  rating: Rating,
): Promise<Result<{ review: string }>> {
  const loaded = await loadReviewFacts(uow, orderId, lineId);
  if (!loaded.ok) return loaded;
  const decided = decideModify(loaded.value.facts, by, rating, uow.now, uow.policy);
  if (!decided.ok) return decided;
  const { sellerId, buyerId } = loaded.value.order;
  await saveReview(uow.tx, sellerId, decided.value);
  await recountPairCredit(uow, sellerId, buyerId, by);
  uow.record(sellerId, [reviewEvent('review.modified', decided.value, uow.now, { rating })]);
  return ok({ review: `${orderId}/${lineId}/${by}` });
}

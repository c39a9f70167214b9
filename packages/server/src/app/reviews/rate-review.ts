import { decideRate, ok, type Result } from '@xinyu/domain';
import { insertReview } from '../../db/reviews.repository.js';
import type { RateReviewInput } from '../command-schemas.js';
import type { UnitOfWork } from '../context.js';
import { loadReviewFacts, placementOf } from './load-review-facts.js';
import { recountPairCredit } from './recount-pair-credit.js';
import { recountPairDsr } from './recount-pair-dsr.js';
import { reviewEvent } from './review-event.js';

/** A main review of one line by the buyer or the seller (F1, E1, E3, E4), counted at once (A). */
export async function rateReview(
  uow: UnitOfWork,
  orderId: string,
  lineId: string,
  input: RateReviewInput,
): Promise<Result<{ review: string }>> {
  const loaded = await loadReviewFacts(uow, orderId, lineId);
  if (!loaded.ok) return loaded;
  const decided = decideRate(loaded.value.facts, input, { orderId, lineId }, uow.now, uow.policy);
  if (!decided.ok) return decided;
  const placement = placementOf(loaded.value);
  await insertReview(uow.tx, decided.value, placement, false, uow.policy.version);
  // E4 over the pair's month, this rating included (under the pair lock that loadReviewFacts took).
  const dsrCounted = decided.value.dsr
    ? (await recountPairDsr(uow, placement.sellerId, placement.buyerId, placement.orderCreatedAt)).get(
        `${orderId}/${lineId}`,
      ) === true
    : false;
  await recountPairCredit(uow, placement.sellerId, placement.buyerId, input.by);
  uow.record(placement.sellerId, [
    reviewEvent('review.rated', decided.value, uow.now, { rating: input.rating, dsrCounted }),
  ]);
  return ok({ review: `${orderId}/${lineId}/${input.by}` });
}

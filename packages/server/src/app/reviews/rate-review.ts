import { decideDsrCounted, decideRate, monthRange, ok, type Result } from '@xinyu/domain';
import { countPairDsrInMonth, insertReview } from '../../db/reviews.repository.js';
import type { RateReviewInput } from '../command-schemas.js';
import type { UnitOfWork } from '../context.js';
import { loadReviewFacts, placementOf } from './load-review-facts.js';
import { recountPairCredit } from './recount-pair-credit.js';
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
  let dsrCounted = false;
  if (decided.value.dsr) {
    const month = monthRange(placement.orderCreatedAt, uow.policy.utcOffsetMinutes);
    const already = await countPairDsrInMonth(uow.tx, placement.sellerId, placement.buyerId, month.start, month.end);
    dsrCounted = decideDsrCounted(already, uow.policy);
  }
  await insertReview(uow.tx, decided.value, placement, dsrCounted, uow.policy.version);
  await recountPairCredit(uow, placement.sellerId, placement.buyerId, input.by);
  uow.record(placement.sellerId, [
    reviewEvent('review.rated', decided.value, uow.now, { rating: input.rating, dsrCounted }),
  ]);
  return ok({ review: `${orderId}/${lineId}/${input.by}` });
}

import { decideRate, ok, type Result } from '@xinyu/domain';
import { newReviewRow } from '../../db/reviews.repository.js';
import type { RateReviewInput } from '../command-schemas.js';
import type { UnitOfWork } from '../context.js';
import { BatchCreditLedger } from './batch-credit-ledger.js';
import { BatchDsrCounts, BatchReviewFacts, type LineRef } from './load-batch-review-facts.js';
import { placementOf } from './load-review-facts.js';
import { reviewEvent } from './review-event.js';

/** One main review of a batch: the line and what rateReview takes. */
export interface BatchReview extends LineRef {
  readonly input: RateReviewInput;
}

/**
 * Many main reviews (F1, E1, E3, E4, A) in one transaction at one instant, for bulk ingest: the
 * facts of all lines are loaded at once, each review is decided by the domain in the given order
 * as rateReview decides it, and the writes go out as multi-row statements. The outcome (reviews,
 * ledger with its superseded history, totals, DSR flags, events in order) is the one of calling
 * rateReview for each in turn at the same instant; a refused review changes nothing and gets its
 * refusal in `results`, the others still apply.
 */
export async function rateReviewsInBatch(
  uow: UnitOfWork,
  reviews: readonly BatchReview[],
): Promise<Result<{ results: Array<Result<{ review: string }>> }>> {
  const { tx, now, policy } = uow;
  const facts = await BatchReviewFacts.load(tx, reviews);
  const orders = facts.loadedOrders();
  const byId = new Map(orders.map((o) => [o.orderId, o]));
  const pairs = reviews.flatMap((r) => {
    const order = byId.get(r.orderId);
    return order ? [{ sellerId: order.sellerId, buyerId: order.buyerId, by: r.input.by }] : [];
  });
  const ledger = await BatchCreditLedger.load(tx, pairs, now, policy);
  const withDsr = new Set(reviews.filter((r) => r.input.dsr).map((r) => r.orderId));
  const dsr = await BatchDsrCounts.load(
    tx,
    orders.filter((o) => withDsr.has(o.orderId)),
    policy,
  );
  const results: Array<Result<{ review: string }>> = [];
  for (const { orderId, lineId, input } of reviews) {
    const loaded = facts.line({ orderId, lineId });
    if (!loaded.ok) {
      results.push(loaded);
      continue;
    }
    const decided = decideRate(loaded.value.facts, input, { orderId, lineId }, now, policy);
    if (!decided.ok) {
      results.push(decided);
      continue;
    }
    const review = decided.value;
    const placement = placementOf(loaded.value);
    const dsrCounted = review.dsr ? dsr.take(placement) : false;
    facts.remember(loaded.value, review, placement, dsrCounted);
    ledger.add(
      { sellerId: placement.sellerId, buyerId: placement.buyerId, by: input.by },
      newReviewRow(review, placement, dsrCounted, policy.version),
      {
        key: `${orderId}/${lineId}/${input.by}`,
        orderId,
        lineId,
        itemId: placement.itemId,
        orderCreatedAt: placement.orderCreatedAt,
        lineAmountFen: placement.lineAmountFen,
        rating: review.rating,
        effectiveAt: review.effectiveAt,
        deleted: false,
      },
    );
    uow.record(placement.sellerId, [reviewEvent('review.rated', review, now, { rating: input.rating, dsrCounted })]);
    results.push(ok({ review: `${orderId}/${lineId}/${input.by}` }));
  }
  await ledger.save(tx);
  return ok({ results });
}

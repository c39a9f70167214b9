import { isOrderFullyRefunded, ok, type Result, type ReviewFacts, refuse } from '@xinyu/domain';
import { loadLines, loadOrder, type StoredLine, type StoredOrder } from '../../db/orders.repository.js';
import { sellerMarket } from '../../db/parties.repository.js';
import { loadOrderRefunds } from '../../db/refunds.repository.js';
import { loadLineReviews, lockPair, type StoredReview } from '../../db/reviews.repository.js';
import type { UnitOfWork } from '../context.js';

/** Everything the review guards need about one line, loaded (and locked) before deciding. */
export interface LoadedLine {
  readonly order: StoredOrder;
  readonly line: StoredLine;
  readonly buyerReview: StoredReview | null;
  readonly sellerReview: StoredReview | null;
  readonly facts: ReviewFacts;
}

export async function loadReviewFacts(uow: UnitOfWork, orderId: string, lineId: string): Promise<Result<LoadedLine>> {
  const order = await loadOrder(uow.tx, orderId, true);
  if (!order) return refuse('NOT_FOUND', `order ${orderId} does not exist`);
  // Before the line's review rows are locked, so that pair-wide recounts never wait in a cycle.
  await lockPair(uow.tx, order.sellerId, order.buyerId);
  const line = (await loadLines(uow.tx, order.sellerId, orderId)).find((l) => l.lineId === lineId);
  if (!line) return refuse('NOT_FOUND', `order ${orderId} has no line ${lineId}`);
  const reviews = await loadLineReviews(uow.tx, order.sellerId, orderId, lineId);
  const market = await sellerMarket(uow.tx, order.sellerId);
  // F1: a line refunded in full (or returned) is no longer reviewable.
  const refunds = await loadOrderRefunds(uow.tx, order.sellerId, orderId);
  const lineRefunded = isOrderFullyRefunded([line], refunds);
  return ok({
    order,
    line,
    buyerReview: reviews.buyer,
    sellerReview: reviews.seller,
    facts: {
      orderStatus: order.status,
      successAt: order.successAt,
      market,
      lineReviewable: !lineRefunded,
      buyerReview: reviews.buyer,
      sellerReview: reviews.seller,
    },
  });
}

/** Placement columns of a new review on this line. */
export function placementOf(loaded: LoadedLine) {
  return {
    sellerId: loaded.order.sellerId,
    buyerId: loaded.order.buyerId,
    itemId: loaded.line.itemId,
    orderCreatedAt: loaded.order.createdAt,
    lineAmountFen: loaded.line.amountFen,
  };
}

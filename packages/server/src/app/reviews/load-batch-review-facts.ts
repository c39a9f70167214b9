import {
  decideDsrCounted,
  isOrderFullyRefunded,
  monthRange,
  ok,
  type Policy,
  type Result,
  type ReviewRecord,
  refuse,
} from '@xinyu/domain';
import type { StoredOrder } from '../../db/orders.repository.js';
import {
  countPairDsrInMonths,
  lineKey,
  loadLinesOf,
  loadOrdersForUpdate,
  loadRefundsOfOrders,
  loadReviewsOfLines,
  lockPairs,
  sellerMarkets,
} from '../../db/review-batch.repository.js';
import type { ReviewPlacement, StoredReview } from '../../db/reviews.repository.js';
import type { Tx } from '../context.js';
import type { LoadedLine } from './load-review-facts.js';

/** One line to rate in a batch. */
export interface LineRef {
  readonly orderId: string;
  readonly lineId: string;
}

/**
 * What loadReviewFacts loads (and locks) for one line, loaded for all lines of a batch at once:
 * orders row-locked, then the pairs' advisory locks, then the lines' reviews row-locked, the same
 * order of locks as single commands take. Reviews the batch adds are remembered, so that later
 * lines see them as a later single command would.
 */
export class BatchReviewFacts {
  private constructor(
    private readonly orders: Map<string, StoredOrder>,
    private readonly loaded: Map<string, LoadedLine>,
  ) {}

  static async load(tx: Tx, lines: readonly LineRef[]): Promise<BatchReviewFacts> {
    const orders = await loadOrdersForUpdate(tx, [...new Set(lines.map((l) => l.orderId))]);
    await lockPairs(
      tx,
      [...orders.values()].map((o) => `${o.sellerId}/${o.buyerId}`),
    );
    const placed = lines.flatMap((l) => {
      const order = orders.get(l.orderId);
      return order ? [{ sellerId: order.sellerId, orderId: l.orderId, lineId: l.lineId }] : [];
    });
    const storedLines = await loadLinesOf(tx, placed);
    const reviews = await loadReviewsOfLines(tx, placed);
    const markets = await sellerMarkets(
      tx,
      [...orders.values()].map((o) => o.sellerId),
    );
    const refunds = await loadRefundsOfOrders(tx, [...orders.values()]);
    const loaded = new Map<string, LoadedLine>();
    for (const p of placed) {
      const key = lineKey(p.sellerId, p.orderId, p.lineId);
      const line = storedLines.get(key);
      const order = orders.get(p.orderId)!;
      if (!line || loaded.has(key)) continue;
      const both = reviews.get(key) ?? { buyer: null, seller: null };
      const lineRefunded = isOrderFullyRefunded([line], refunds.get(`${order.sellerId}/${order.orderId}`) ?? []);
      loaded.set(key, {
        order,
        line,
        buyerReview: both.buyer,
        sellerReview: both.seller,
        facts: {
          orderStatus: order.status,
          successAt: order.successAt,
          market: markets.get(order.sellerId) ?? 'taobao',
          lineReviewable: !lineRefunded,
          buyerReview: both.buyer,
          sellerReview: both.seller,
        },
      });
    }
    return new BatchReviewFacts(orders, loaded);
  }

  /** The loaded orders (those of the batch that exist). */
  loadedOrders(): StoredOrder[] {
    return [...this.orders.values()];
  }

  /** The facts of one line, or the refusal loadReviewFacts gives. */
  line(ref: LineRef): Result<LoadedLine> {
    const order = this.orders.get(ref.orderId);
    if (!order) return refuse('NOT_FOUND', `order ${ref.orderId} does not exist`);
    const loaded = this.loaded.get(lineKey(order.sellerId, ref.orderId, ref.lineId));
    if (!loaded) return refuse('NOT_FOUND', `order ${ref.orderId} has no line ${ref.lineId}`);
    return ok(loaded);
  }

  /** Records a review the batch adds, so the line's later commands see it. */
  remember(loaded: LoadedLine, review: ReviewRecord, placement: ReviewPlacement, dsrCounted: boolean): void {
    const stored: StoredReview = {
      ...review,
      ...placement,
      counted: false,
      points: 0,
      creditRule: 'pending',
      dsrCounted,
    };
    const buyerReview = review.by === 'buyer' ? stored : loaded.buyerReview;
    const sellerReview = review.by === 'seller' ? stored : loaded.sellerReview;
    this.loaded.set(lineKey(placement.sellerId, review.orderId, review.lineId), {
      ...loaded,
      buyerReview,
      sellerReview,
      facts: { ...loaded.facts, buyerReview, sellerReview },
    });
  }
}

/** E4 for a batch: the counted DSR ratings of each pair-month, loaded once, counted up as the batch adds some. */
export class BatchDsrCounts {
  private constructor(
    private readonly counts: Map<string, number>,
    private readonly policy: Policy,
  ) {}

  static async load(tx: Tx, orders: readonly StoredOrder[], policy: Policy): Promise<BatchDsrCounts> {
    const months = new Map<string, { sellerId: string; buyerId: string; from: number; to: number }>();
    for (const order of orders) {
      const month = monthRange(order.createdAt, policy.utcOffsetMinutes);
      const key = monthKeyOf(order.sellerId, order.buyerId, month.start);
      months.set(key, { sellerId: order.sellerId, buyerId: order.buyerId, from: month.start, to: month.end });
    }
    const keys = [...months.keys()];
    const counted = await countPairDsrInMonths(tx, [...months.values()]);
    return new BatchDsrCounts(new Map(keys.map((k, i) => [k, counted[i] ?? 0])), policy);
  }

  /** decideDsrCounted for a new DSR rating of this placement; a counted one uses up a place. */
  take(placement: ReviewPlacement): boolean {
    const month = monthRange(placement.orderCreatedAt, this.policy.utcOffsetMinutes);
    const key = monthKeyOf(placement.sellerId, placement.buyerId, month.start);
    const already = this.counts.get(key) ?? 0;
    const counted = decideDsrCounted(already, this.policy);
    if (counted) this.counts.set(key, already + 1);
    return counted;
  }
}

const monthKeyOf = (sellerId: string, buyerId: string, start: number) => `${sellerId}/${buyerId}/${start}`;

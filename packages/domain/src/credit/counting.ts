import type { Policy } from '../policy/policy.js';
import { DAY_MS, type Instant, monthKey } from '../shared/time.js';

export type Rating = 'good' | 'neutral' | 'bad';

/** The rule that decided a review's effect on credit. */
export type CreditRule = 'A1' | 'A3' | 'A4' | 'A6' | 'deleted';

/** The facts of one review that credit counting needs (one buyer–seller pair, one direction). */
export interface CountableReview {
  /** `ORDER/LINE/by`, unique. */
  readonly key: string;
  readonly orderId: string;
  readonly lineId: string;
  readonly itemId: string;
  readonly orderCreatedAt: Instant;
  /** Line amount in fen (A6). */
  readonly lineAmountFen: number;
  readonly rating: Rating;
  /** When the review took effect: given, deemed (default) or modified (A9). */
  readonly effectiveAt: Instant;
  /** A deleted review contributes nothing (A9). */
  readonly deleted: boolean;
}

/** The effect of one review on the rated party's credit, with the rule that decided it. */
export interface CreditDecision {
  readonly key: string;
  readonly counted: boolean;
  readonly points: number;
  readonly rule: CreditRule;
}

/** Counting order (A): the order in which reviews took effect; ties by order id, then line id. */
export function compareCountingOrder(a: CountableReview, b: CountableReview): number {
  if (a.effectiveAt !== b.effectiveAt) return a.effectiveAt - b.effectiveAt;
  if (a.orderId !== b.orderId) return a.orderId < b.orderId ? -1 : 1;
  if (a.lineId !== b.lineId) return a.lineId < b.lineId ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * Decides every review of one pair and direction from scratch (A1, A3, A4, A6, A9). A3 and A4 only
 * ever compare reviews of the same pair and direction, so re-deciding that group is exactly
 * "recomputing what a change touched"; the result does not depend on the order of `reviews`.
 */
export function decidePairCredit(reviews: readonly CountableReview[], policy: Policy): CreditDecision[] {
  const { points, monthlyGoodCapPerPair, sameItemWindowDays, maxUncountedLineAmountFen } = policy.credit;
  const sameItemWindowMs = sameItemWindowDays * DAY_MS;
  const countedGoodsPerMonth = new Map<string, number>();
  const counted: CountableReview[] = [];
  const decisions: CreditDecision[] = [];
  for (const review of [...reviews].sort(compareCountingOrder)) {
    const decide = (rule: CreditRule, isCounted: boolean) => {
      decisions.push({
        key: review.key,
        counted: isCounted,
        points: isCounted ? points[review.rating] : 0,
        rule,
      });
      if (isCounted) counted.push(review);
    };
    if (review.deleted) {
      decide('deleted', false);
      continue;
    }
    if (review.lineAmountFen <= maxUncountedLineAmountFen) {
      decide('A6', false);
      continue;
    }
    if (review.rating === 'neutral') {
      decide('A1', true);
      continue;
    }
    // A4 before A3: a same-item repeat is discarded without using up the month's cap.
    const repeatsSameItem = counted.some(
      (earlier) =>
        earlier.rating === review.rating &&
        earlier.itemId === review.itemId &&
        Math.abs(earlier.orderCreatedAt - review.orderCreatedAt) < sameItemWindowMs,
    );
    if (repeatsSameItem) {
      decide('A4', false);
      continue;
    }
    if (review.rating === 'good') {
      const month = monthKey(review.orderCreatedAt, policy.utcOffsetMinutes);
      const used = countedGoodsPerMonth.get(month) ?? 0;
      if (used >= monthlyGoodCapPerPair) {
        decide('A3', false);
        continue;
      }
      countedGoodsPerMonth.set(month, used + 1);
    }
    decide('A1', true);
  }
  return decisions;
}

/** Why a decision was taken, in words (the ledger's `reason`). */
export function describeCreditRule(rule: CreditRule, rating: Rating, policy: Policy): string {
  const c = policy.credit;
  switch (rule) {
    case 'A1':
      return `${rating} review counted: ${c.points[rating] >= 0 ? '+' : ''}${c.points[rating]}`;
    case 'A3':
      return `not counted: already ${c.monthlyGoodCapPerPair} positive points between this pair in the month of the order`;
    case 'A4':
      return `not counted: same item rated ${rating} by this pair within ${c.sameItemWindowDays} days`;
    case 'A6':
      return `not counted: line amount at most ${c.maxUncountedLineAmountFen} fen`;
    case 'deleted':
      return 'not counted: the review was deleted';
  }
}

/** How the ledger marks an entry that re-decided a review already counted once (A9). */
const REEVALUATED = 're-evaluated (A9): ';

/** A ledger entry's reason: the rule in words, marked when it re-decides a review counted before (A9). */
export function creditEntryReason(rule: CreditRule, rating: Rating, reevaluated: boolean, policy: Policy): string {
  const base = describeCreditRule(rule, rating, policy);
  return reevaluated && rule !== 'deleted' ? `${REEVALUATED}${base}` : base;
}

/** Whether a ledger reason (from creditEntryReason) marks a re-evaluation (A9). */
export function isReevaluationReason(reason: string): boolean {
  return reason.startsWith(REEVALUATED);
}

/** The policy numbers behind each not-counted rule, for wording a ledger entry in any language. */
export function creditRuleParams(policy: Policy) {
  const c = policy.credit;
  return {
    A3: { cap: c.monthlyGoodCapPerPair },
    A4: { days: c.sameItemWindowDays },
    A6: { maxFen: c.maxUncountedLineAmountFen },
  };
}

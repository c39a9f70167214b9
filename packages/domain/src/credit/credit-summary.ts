import type { Policy } from '../policy/policy.js';
import { ratePercent } from '../shared/money.js';
import type { CreditDecision, Rating } from './counting.js';
import { type CreditLevel, creditLevel } from './levels.js';

/** Running totals of counted reviews received by one party. */
export interface CreditTotals {
  readonly score: number;
  readonly good: number;
  readonly neutral: number;
  readonly bad: number;
}

/** What a party's credit looks like: totals, level (B) and good-review rate (C1). */
export interface CreditSummary extends CreditTotals, CreditLevel {
  readonly goodRate: number | null;
}

export const ZERO_TOTALS: CreditTotals = { score: 0, good: 0, neutral: 0, bad: 0 };

/** C1: counted good ÷ all counted × 100, half-up to 2 decimals, null when none. */
export function goodReviewRate(totals: CreditTotals): number | null {
  return ratePercent(totals.good, totals.good + totals.neutral + totals.bad);
}

export function summarizeCredit(totals: CreditTotals, policy: Policy): CreditSummary {
  return { ...totals, ...creditLevel(totals.score, policy), goodRate: goodReviewRate(totals) };
}

/** The change to totals when one review's decision goes from `before` to `after`. */
export function totalsDelta(
  before: { decision: CreditDecision; rating: Rating } | null,
  after: { decision: CreditDecision; rating: Rating } | null,
): CreditTotals {
  const contribution = (d: { decision: CreditDecision; rating: Rating } | null): CreditTotals =>
    d?.decision.counted
      ? {
          score: d.decision.points,
          good: d.rating === 'good' ? 1 : 0,
          neutral: d.rating === 'neutral' ? 1 : 0,
          bad: d.rating === 'bad' ? 1 : 0,
        }
      : ZERO_TOTALS;
  const a = contribution(before);
  const b = contribution(after);
  return { score: b.score - a.score, good: b.good - a.good, neutral: b.neutral - a.neutral, bad: b.bad - a.bad };
}

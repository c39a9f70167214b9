import type { CampaignThreshold } from '../policy/after-sales-policy.js';
import type { Policy } from '../policy/policy.js';
import { ratePercent } from '../shared/money.js';
import { addDays, type Instant } from '../shared/time.js';

/** The instants J2 counts, for one seller (loaded first; the window is applied here). */
export interface SellerActivity {
  /** When each line was paid (a line is a trade). */
  readonly linesPaidAt: readonly Instant[];
  /** When each refund succeeded (`refunded`, any path). */
  readonly refundsAt: readonly Instant[];
  /** When each J1 dispute refund was ruled (`disputeCounted`). */
  readonly disputesAt: readonly Instant[];
}

/** J2: a seller's rolling-window counts and rates, as replay.md prints them. */
export interface SellerRates {
  readonly trades30d: number;
  readonly refunds30d: number;
  readonly disputes30d: number;
  /** Percent, half-up to the policy's decimals; 0 when there were no trades. */
  readonly refundRate30d: number;
  readonly disputeRate30d: number;
}

/** Whether `at` lies in the rolling window `(now − N days, now]` (what happened up to now counts). */
export function inRollingWindow(at: Instant, now: Instant, windowDays: number): boolean {
  return at > addDays(now, -windowDays) && at <= now;
}

/** J2: dispute and refund rates over the rolling window; 0 rather than undefined with no trades. */
export function sellerRates(activity: SellerActivity, now: Instant, policy: Policy): SellerRates {
  const { windowDays, decimals } = policy.afterSales.metrics;
  const count = (times: readonly Instant[]) => times.filter((t) => inRollingWindow(t, now, windowDays)).length;
  const trades = count(activity.linesPaidAt);
  const refunds = count(activity.refundsAt);
  const disputes = count(activity.disputesAt);
  return {
    trades30d: trades,
    refunds30d: refunds,
    disputes30d: disputes,
    refundRate30d: ratePercent(refunds, trades, decimals) ?? 0,
    disputeRate30d: ratePercent(disputes, trades, decimals) ?? 0,
  };
}

/** J4: the verdict for one seller and campaign, with the criteria missed. */
export interface CampaignEligibility {
  readonly eligible: boolean;
  /** Machine codes of the criteria missed, e.g. `dispute_rate_above:0.1`, `dispute_count_above:6`. */
  readonly reasons: readonly string[];
}

/**
 * J4: whether a seller may join a campaign: each stated limit is a criterion, combined with `any`
 * (rules.md: dispute rate ≤ 0.1 % or count ≤ 6) or `all`. Reasons list every criterion missed.
 */
export function campaignEligibility(rates: SellerRates, threshold: CampaignThreshold): CampaignEligibility {
  const criteria: { met: boolean; reason: string }[] = [];
  if (threshold.maxDisputeRatePercent !== undefined) {
    const max = threshold.maxDisputeRatePercent;
    criteria.push({ met: rates.disputeRate30d <= max, reason: `dispute_rate_above:${max}` });
  }
  if (threshold.maxDisputeCount !== undefined) {
    const max = threshold.maxDisputeCount;
    criteria.push({ met: rates.disputes30d <= max, reason: `dispute_count_above:${max}` });
  }
  if (threshold.maxRefundRatePercent !== undefined) {
    const max = threshold.maxRefundRatePercent;
    criteria.push({ met: rates.refundRate30d <= max, reason: `refund_rate_above:${max}` });
  }
  const eligible =
    threshold.combine === 'all' ? criteria.every((c) => c.met) : criteria.length === 0 || criteria.some((c) => c.met);
  return { eligible, reasons: eligible ? [] : criteria.filter((c) => !c.met).map((c) => c.reason) };
}

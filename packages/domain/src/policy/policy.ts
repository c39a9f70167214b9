import type { AfterSalesPolicy } from './after-sales-policy.js';

/**
 * The policy: every number of the rules is a knob. A policy is a validated, versioned document
 * passed into each decision (never a global); decisions record the version they used.
 */
export interface Policy {
  /** Policy family, e.g. `taobao`. */
  readonly name: string;
  /** Version recorded on every decision, e.g. `taobao-2024.1`. */
  readonly version: string;
  /** Minutes east of UTC for calendar arithmetic (480 = Asia/Shanghai). */
  readonly utcOffsetMinutes: number;
  readonly credit: CreditPolicy;
  readonly review: ReviewPolicy;
  readonly dsr: DsrPolicy;
  /** G1: days from shipment to automatic confirmation, per shipping method. */
  readonly autoConfirmDays: { readonly express: number; readonly post: number; readonly virtual: number };
  /** H–L: refunds, returns, intervention, shipping promise, seller rates, working days. */
  readonly afterSales: AfterSalesPolicy;
}

export interface CreditPolicy {
  /** A1: points per rating. */
  readonly points: { readonly good: number; readonly neutral: number; readonly bad: number };
  /** A3: most positive points per buyer–seller pair, direction and natural month of order creation. */
  readonly monthlyGoodCapPerPair: number;
  /** A4: days (×24 h) within which a second same-item good (or bad) does not count. */
  readonly sameItemWindowDays: number;
  /** A6: lines of at most this many fen never count. */
  readonly maxUncountedLineAmountFen: number;
  /** B: lowest score of each level, from level 1 upward (level 0 is everything below). */
  readonly levelMinScores: readonly number[];
  /** B: display tier of levels 1–5, 6–10, … (level 0 is `none`). */
  readonly tiers: readonly CreditTier[];
  /** B: levels per tier (5 hearts, 5 diamonds, …). */
  readonly levelsPerTier: number;
}

export type CreditTier = 'none' | 'heart' | 'diamond' | 'crown' | 'gold_crown';

export interface ReviewPolicy {
  /** F1: days after success during which a main review may be given. */
  readonly windowDays: number;
  /** Longest review text, in characters (code points). */
  readonly textMaxChars: number;
  /** F4: days after success during which the buyer may follow up. */
  readonly followupWindowDays: number;
  /** F4: longest follow-up text, in characters. */
  readonly followupMaxChars: number;
  /** F5: days after a review or follow-up during which it may be explained. */
  readonly explanationWindowDays: number;
  /** F5: longest explanation, in characters. */
  readonly explanationMaxChars: number;
  /** F6: days after giving a neutral/bad review during which it may be changed once. */
  readonly modifyWindowDays: number;
  /** F6: markets whose sellers' orders allow no modification or deletion. */
  readonly unmodifiableMarkets: readonly string[];
  /** F7: days after a review during which the rated party may complain. */
  readonly complaintWindowDays: number;
  /** Longest complaint reason, in characters. */
  readonly complaintReasonMaxChars: number;
}

export interface DsrPolicy {
  /** E2: calendar months of DSR ratings averaged into a shop's score. */
  readonly windowMonths: number;
  /** E4: DSR ratings counted per pair per natural month of order creation. */
  readonly perPairMonthlyCap: number;
  /** E2: decimals of the shown mean. */
  readonly decimals: number;
}

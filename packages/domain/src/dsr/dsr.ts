import type { Policy } from '../policy/policy.js';
import type { DsrScores } from '../review/review-record.js';
import { roundRatioHalfUp } from '../shared/money.js';
import { type Instant, subtractMonths } from '../shared/time.js';

/** One DSR rating as stored: when it was given and whether E4 let it count. */
export interface DsrRating {
  readonly givenAt: Instant;
  readonly counted: boolean;
  readonly scores: DsrScores;
}

/** A shop's three scores (E2) and how many ratings they average. */
export interface DsrSummary {
  readonly description: number | null;
  readonly service: number | null;
  readonly logistics: number | null;
  readonly count: number;
}

/** E4: whether a new DSR rating counts, given how many of the pair's month already count. */
export function decideDsrCounted(countedInPairMonth: number, policy: Policy): boolean {
  return countedInPairMonth < policy.dsr.perPairMonthlyCap;
}

/** E2: the start (exclusive) of the averaging window ending at `now`. */
export function dsrWindowStart(now: Instant, policy: Policy): Instant {
  return subtractMonths(now, policy.dsr.windowMonths, policy.utcOffsetMinutes);
}

/** E2: the mean of counted ratings given in `(now − 6 months, now]`, rounded half-up. */
export function summarizeDsr(ratings: readonly DsrRating[], now: Instant, policy: Policy): DsrSummary {
  const from = dsrWindowStart(now, policy);
  const sums = { description: 0, service: 0, logistics: 0 };
  let count = 0;
  for (const r of ratings) {
    if (!r.counted || r.givenAt <= from || r.givenAt > now) continue;
    sums.description += r.scores.description;
    sums.service += r.scores.service;
    sums.logistics += r.scores.logistics;
    count += 1;
  }
  return dsrSummaryFromSums(sums, count, policy);
}

/** E2 from sums, shared by the in-memory recomputation and the SQL aggregate. */
export function dsrSummaryFromSums(sums: DsrScores, count: number, policy: Policy): DsrSummary {
  const mean = (sum: number) => (count === 0 ? null : roundRatioHalfUp(sum, count, policy.dsr.decimals));
  return {
    description: mean(sums.description),
    service: mean(sums.service),
    logistics: mean(sums.logistics),
    count,
  };
}

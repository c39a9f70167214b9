import type { Policy } from '../policy/policy.js';
import { DAY_MS, type Instant, startOfNextDay } from '../shared/time.js';
import { type SellerActivity, type SellerRates, sellerRates } from './seller-rates.js';

/** J2 as it stood at the end of one local day (today: as it stands now). */
export interface DailySellerRates extends SellerRates {
  /** The local calendar day, `YYYY-MM-DD` in the policy's time zone. */
  readonly date: string;
}

/**
 * J2 over time: for each of the last `days` local days, oldest first, the rolling-window rates at
 * that day's end (today's at `now`). `activity` must cover the window before the first day.
 */
export function sellerRatesHistory(
  activity: SellerActivity,
  now: Instant,
  days: number,
  policy: Policy,
): DailySellerRates[] {
  const shift = policy.utcOffsetMinutes * 60_000;
  const endOfToday = startOfNextDay(now, policy.utcOffsetMinutes);
  const points: DailySellerRates[] = [];
  for (let back = days - 1; back >= 0; back--) {
    // The last instant of the day, as the window (now − N days, now] includes its end.
    const end = Math.min(endOfToday - back * DAY_MS - 1, now);
    const date = new Date(end + shift).toISOString().slice(0, 10);
    points.push({ date, ...sellerRates(activity, end, policy) });
  }
  return points;
}

/** The earliest instant `sellerRatesHistory` looks at for `days` days up to `now`. */
export function sellerRatesHistoryStart(now: Instant, days: number, policy: Policy): Instant {
  const endOfToday = startOfNextDay(now, policy.utcOffsetMinutes);
  return endOfToday - days * DAY_MS - policy.afterSales.metrics.windowDays * DAY_MS;
}

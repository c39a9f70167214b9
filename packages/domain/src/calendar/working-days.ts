import type { WorkingCalendar } from '../policy/after-sales-policy.js';
import { DAY_MS, type Instant } from '../shared/time.js';

/** The local date of an instant as `YYYY-MM-DD` (the calendar's keys). */
export function localDateKey(at: Instant, offsetMinutes: number): string {
  return new Date(at + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * Whether a local date is a working day: a make-up day (调休) always is, a holiday never is,
 * otherwise every day but the weekend.
 */
export function isWorkingDay(dateKey: string, calendar: WorkingCalendar): boolean {
  if (calendar.makeUpWorkdays.includes(dateKey)) return true;
  if (calendar.holidays.includes(dateKey)) return false;
  const weekday = new Date(`${dateKey}T00:00:00Z`).getUTCDay();
  return !calendar.weekendDays.includes(weekday);
}

/**
 * The instant `n` working days after `start`, at the same local time: days are counted from the
 * day after `start` (I3: "within 4–6 working days" of an escalation made on any day, even a
 * holiday). `n = 0` is `start` itself.
 */
export function addWorkingDays(start: Instant, n: number, calendar: WorkingCalendar, offsetMinutes: number): Instant {
  if (!Number.isInteger(n) || n < 0) throw new Error(`working days must be a non-negative integer, got ${n}`);
  let at = start;
  // A fixed offset has no daylight saving, so whole days of 24 h keep the local time.
  for (let counted = 0; counted < n; ) {
    at += DAY_MS;
    if (isWorkingDay(localDateKey(at, offsetMinutes), calendar)) counted += 1;
  }
  return at;
}

/** How many working days lie in `(start, end]`, by local date (for "day 3 of 6" in the console). */
export function workingDaysBetween(
  start: Instant,
  end: Instant,
  calendar: WorkingCalendar,
  offsetMinutes: number,
): number {
  let days = 0;
  for (let at = start + DAY_MS; localDateKey(at, offsetMinutes) <= localDateKey(end, offsetMinutes); at += DAY_MS) {
    if (isWorkingDay(localDateKey(at, offsetMinutes), calendar)) days += 1;
  }
  return days;
}

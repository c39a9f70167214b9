/**
 * Calendar arithmetic in the policy's time zone. Instants are epoch milliseconds; rules.md says
 * every calendar computation happens in Asia/Shanghai (UTC+8, no daylight saving since 1991),
 * so a fixed offset is exact and keeps the domain free of a time-zone database.
 */
export type Instant = number;

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** `days` × 24 h after `start` (rules.md: a window of N days is N×24 h). */
export function addDays(start: Instant, days: number): Instant {
  return start + days * DAY_MS;
}

export function addHours(start: Instant, hours: number): Instant {
  return start + hours * HOUR_MS;
}

/** Whether `at` lies in the half-open window `[start, start + days×24h)`. */
export function withinDays(start: Instant, days: number, at: Instant): boolean {
  return at >= start && at < addDays(start, days);
}

/** The natural month of an instant in the zone, as `YYYY-MM` (A3, E4). */
export function monthKey(at: Instant, offsetMinutes: number): string {
  const local = new Date(at + offsetMinutes * 60_000);
  const month = String(local.getUTCMonth() + 1).padStart(2, '0');
  return `${local.getUTCFullYear()}-${month}`;
}

/** 00:00 local time of the day after `at` (K1: the seven-day window opens then). */
export function startOfNextDay(at: Instant, offsetMinutes: number): Instant {
  const shift = offsetMinutes * 60_000;
  const local = at + shift;
  return Math.floor(local / DAY_MS) * DAY_MS + DAY_MS - shift;
}

/**
 * The same local wall time `months` calendar months earlier; a day the earlier month lacks is
 * clamped to that month's last day (replay.md, E2 precision).
 */
export function subtractMonths(at: Instant, months: number, offsetMinutes: number): Instant {
  const shift = offsetMinutes * 60_000;
  const local = new Date(at + shift);
  const totalMonths = local.getUTCFullYear() * 12 + local.getUTCMonth() - months;
  const year = Math.floor(totalMonths / 12);
  const month = totalMonths - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  const timeOfDay = at + shift - Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  return Date.UTC(year, month, day) + timeOfDay - shift;
}

/** The natural month containing `at`, as the half-open range `[start, end)` of instants. */
export function monthRange(at: Instant, offsetMinutes: number): { start: Instant; end: Instant } {
  const shift = offsetMinutes * 60_000;
  const local = new Date(at + shift);
  const start = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - shift;
  const end = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - shift;
  return { start, end };
}

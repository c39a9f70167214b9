/**
 * Time left until an instant the API gave (`until`, a deadline): the console counts down to it and
 * never computes a window itself. Two units are shown, the largest first: days and hours, hours
 * and minutes, or minutes and seconds.
 */
export type TimeLeft =
  | { unit: 'over' }
  | { unit: 'days'; days: number; hours: number }
  | { unit: 'hours'; hours: number; minutes: number }
  | { unit: 'minutes'; minutes: number; seconds: number };

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What is left of `until` at `now` (both epoch milliseconds), rounded down to the shown units. */
export function timeLeft(until: number, now: number): TimeLeft {
  const ms = until - now;
  if (ms <= 0) return { unit: 'over' };
  if (ms >= DAY) return { unit: 'days', days: Math.floor(ms / DAY), hours: Math.floor((ms % DAY) / HOUR) };
  if (ms >= HOUR) return { unit: 'hours', hours: Math.floor(ms / HOUR), minutes: Math.floor((ms % HOUR) / MINUTE) };
  return { unit: 'minutes', minutes: Math.floor(ms / MINUTE), seconds: Math.floor((ms % MINUTE) / SECOND) };
}

/** Rules.md: calendar arithmetic is in Asia/Shanghai; the console shows instants there too. */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

/** "2026-12-01 23:02" in Asia/Shanghai, whatever the browser's zone. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: DISPLAY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** The calendar day of an instant in Asia/Shanghai: "2026-12-01". */
export function formatDay(iso: string | null | undefined): string {
  return formatInstant(iso).slice(0, 10);
}

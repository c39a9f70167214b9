import type { WorkingCalendar } from './after-sales-policy.js';

/** Every date from `from` to `to` inclusive, as `YYYY-MM-DD` (holiday periods are listed as ranges). */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/**
 * Mainland China's working-day calendar for 2024–2026, from the State Council's yearly notices
 * (国务院办公厅关于部分节假日安排的通知): holidays off, and the weekend days worked to make up
 * for them (调休). Years beyond the list fall back to plain weekends until the data is extended.
 */
export const chinaWorkingCalendar: WorkingCalendar = {
  weekendDays: [0, 6],
  holidays: [
    // 2024
    '2024-01-01',
    ...days('2024-02-10', '2024-02-17'),
    ...days('2024-04-04', '2024-04-06'),
    ...days('2024-05-01', '2024-05-05'),
    '2024-06-10',
    ...days('2024-09-15', '2024-09-17'),
    ...days('2024-10-01', '2024-10-07'),
    // 2025
    '2025-01-01',
    ...days('2025-01-28', '2025-02-04'),
    ...days('2025-04-04', '2025-04-06'),
    ...days('2025-05-01', '2025-05-05'),
    ...days('2025-05-31', '2025-06-02'),
    ...days('2025-10-01', '2025-10-08'),
    // 2026
    ...days('2026-01-01', '2026-01-03'),
    ...days('2026-02-15', '2026-02-23'),
    ...days('2026-04-04', '2026-04-06'),
    ...days('2026-05-01', '2026-05-05'),
    ...days('2026-06-19', '2026-06-21'),
    ...days('2026-09-25', '2026-09-27'),
    ...days('2026-10-01', '2026-10-07'),
  ],
  makeUpWorkdays: [
    ...['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
    ...['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    ...['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  ],
};

import { describe, expect, it } from 'vitest';
import { taobaoPolicy } from '../policy/taobao.js';
import { rulingSla } from '../refund/refund-deadlines.js';
import { addWorkingDays, isWorkingDay, localDateKey, workingDaysBetween } from './working-days.js';

const at = (iso: string) => Date.parse(iso);
const calendar = taobaoPolicy.afterSales.calendar;
const OFFSET = taobaoPolicy.utcOffsetMinutes;

describe('I3: the working-day calendar', () => {
  const days: { date: string; working: boolean; why: string }[] = [
    { date: '2024-03-04', working: true, why: 'a Monday' },
    { date: '2024-03-09', working: false, why: 'a Saturday' },
    { date: '2024-10-01', working: false, why: 'National Day 2024' },
    { date: '2024-09-29', working: true, why: 'a Sunday made a working day (调休)' },
    { date: '2025-01-29', working: false, why: 'Spring Festival 2025' },
    { date: '2025-02-08', working: true, why: 'a Saturday made a working day in 2025' },
    { date: '2026-02-23', working: false, why: 'Spring Festival 2026, a Monday' },
    { date: '2026-01-04', working: true, why: 'a Sunday made a working day in 2026' },
    { date: '2027-10-01', working: true, why: 'a Friday beyond the listed years (plain weekends)' },
  ];
  for (const d of days) {
    it(`I3: ${d.date} is ${d.working ? '' : 'not '}a working day (${d.why})`, () => {
      expect(isWorkingDay(d.date, calendar)).toBe(d.working);
    });
  }

  const sums: { name: string; start: string; n: number; end: string }[] = [
    { name: 'an ordinary week', start: '2024-03-04T10:00:00+08:00', n: 4, end: '2024-03-08T10:00:00+08:00' },
    { name: 'over a weekend', start: '2024-03-04T10:00:00+08:00', n: 6, end: '2024-03-12T10:00:00+08:00' },
    { name: 'from a Saturday', start: '2024-03-09T10:00:00+08:00', n: 1, end: '2024-03-11T10:00:00+08:00' },
    {
      name: 'across National Day 2024 and its make-up Sunday',
      start: '2024-09-27T10:00:00+08:00',
      n: 4,
      end: '2024-10-09T10:00:00+08:00',
    },
    {
      name: 'across National Day 2024, 6 days',
      start: '2024-09-27T10:00:00+08:00',
      n: 6,
      end: '2024-10-11T10:00:00+08:00',
    },
    { name: 'across Spring Festival 2025', start: '2025-01-24T10:00:00+08:00', n: 4, end: '2025-02-06T10:00:00+08:00' },
    {
      name: 'onto a make-up Saturday in 2026',
      start: '2026-02-13T10:00:00+08:00',
      n: 1,
      end: '2026-02-14T10:00:00+08:00',
    },
    {
      name: 'late Friday evening local is still Friday',
      start: '2024-03-08T23:30:00+08:00',
      n: 1,
      end: '2024-03-11T23:30:00+08:00',
    },
    { name: 'zero days', start: '2024-03-09T10:00:00+08:00', n: 0, end: '2024-03-09T10:00:00+08:00' },
  ];
  for (const s of sums) {
    it(`I3: addWorkingDays ${s.name}`, () => {
      expect(addWorkingDays(at(s.start), s.n, calendar, OFFSET)).toBe(at(s.end));
    });
  }

  it('I3: the ruling SLA is 4 to 6 working days after escalation', () => {
    expect(rulingSla(at('2024-09-27T10:00:00+08:00'), taobaoPolicy)).toEqual({
      from: at('2024-10-09T10:00:00+08:00'),
      by: at('2024-10-11T10:00:00+08:00'),
    });
  });

  it('I3: working days elapsed, for "day 3 of 6"', () => {
    expect(workingDaysBetween(at('2024-09-27T10:00:00+08:00'), at('2024-10-09T09:00:00+08:00'), calendar, OFFSET)).toBe(
      4,
    );
  });

  it('I3: local dates are in the policy zone', () => {
    expect(localDateKey(at('2024-03-08T16:30:00Z'), OFFSET)).toBe('2024-03-09');
  });

  it('I3: a negative count is a bug', () => {
    expect(() => addWorkingDays(0, -1, calendar, OFFSET)).toThrow();
  });
});

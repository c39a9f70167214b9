import { describe, expect, it } from 'vitest';
import {
  addDays,
  addHours,
  DAY_MS,
  HOUR_MS,
  monthKey,
  monthRange,
  startOfNextDay,
  subtractMonths,
  withinDays,
} from './time.js';

const at = (iso: string) => Date.parse(iso);
const SHANGHAI = 480;

describe('addDays / addHours', () => {
  it('Conventions: a window of N days is N×24 h from the instant that opens it', () => {
    const start = at('2024-09-02T20:00:00+08:00');
    expect(addDays(start, 15)).toBe(at('2024-09-17T20:00:00+08:00'));
    expect(addDays(start, 15) - start).toBe(15 * DAY_MS);
    expect(addDays(start, 0)).toBe(start);
    expect(addHours(start, 48)).toBe(start + 48 * HOUR_MS);
  });
});

describe('withinDays', () => {
  const start = at('2024-09-02T20:00:00+08:00');
  const end = start + 15 * DAY_MS;
  for (const { when, inside, name } of [
    { name: 'the opening instant is inside', when: start, inside: true },
    { name: 'the last millisecond before the end is inside', when: end - 1, inside: true },
    { name: 'exactly the end is late', when: end, inside: false },
    { name: 'before the opening instant is outside', when: start - 1, inside: false },
  ]) {
    it(`Conventions: [start, start + N×24h) is half-open: ${name}`, () => {
      expect(withinDays(start, 15, when)).toBe(inside);
    });
  }
});

describe('monthKey', () => {
  for (const { iso, offset, month, why } of [
    { iso: '2024-01-31T16:00:00Z', offset: SHANGHAI, month: '2024-02', why: 'midnight of Feb 1 in Shanghai' },
    { iso: '2024-01-31T15:59:59.999Z', offset: SHANGHAI, month: '2024-01', why: 'last instant of Jan in Shanghai' },
    { iso: '2024-01-31T16:00:00Z', offset: 0, month: '2024-01', why: 'the same instant in UTC' },
    { iso: '2023-12-31T16:00:00Z', offset: SHANGHAI, month: '2024-01', why: 'new year in Shanghai' },
    { iso: '2024-09-02T20:00:00+08:00', offset: SHANGHAI, month: '2024-09', why: 'an ordinary instant' },
  ]) {
    it(`A3/E4: natural month of ${iso} at offset ${offset} is ${month} (${why})`, () => {
      expect(monthKey(at(iso), offset)).toBe(month);
    });
  }
});

describe('monthRange', () => {
  it('A3/E4: the natural month is the half-open range of its local midnights', () => {
    expect(monthRange(at('2024-02-15T12:00:00+08:00'), SHANGHAI)).toEqual({
      start: at('2024-02-01T00:00:00+08:00'),
      end: at('2024-03-01T00:00:00+08:00'),
    });
    expect(monthRange(at('2024-01-31T16:00:00Z'), SHANGHAI).start).toBe(at('2024-02-01T00:00:00+08:00'));
  });
});

describe('startOfNextDay', () => {
  for (const { from, next } of [
    { from: '2024-09-02T20:00:00+08:00', next: '2024-09-03T00:00:00+08:00' },
    { from: '2024-09-02T00:00:00+08:00', next: '2024-09-03T00:00:00+08:00' },
    { from: '2024-09-02T23:59:59.999+08:00', next: '2024-09-03T00:00:00+08:00' },
    { from: '2024-09-01T16:30:00Z', next: '2024-09-03T00:00:00+08:00' },
    { from: '2024-02-29T09:00:00+08:00', next: '2024-03-01T00:00:00+08:00' },
    { from: '2024-12-31T23:00:00+08:00', next: '2025-01-01T00:00:00+08:00' },
  ]) {
    it(`K1: 00:00 Shanghai of the day after ${from} is ${next}`, () => {
      expect(startOfNextDay(at(from), SHANGHAI)).toBe(at(next));
    });
  }
});

describe('subtractMonths', () => {
  for (const { from, months, to, why } of [
    { from: '2024-08-31T12:34:56.789+08:00', months: 6, to: '2024-02-29T12:34:56.789+08:00', why: 'clamped, leap' },
    { from: '2024-03-31T08:00:00+08:00', months: 1, to: '2024-02-29T08:00:00+08:00', why: 'clamped, leap' },
    { from: '2023-03-31T08:00:00+08:00', months: 1, to: '2023-02-28T08:00:00+08:00', why: 'clamped' },
    { from: '2024-10-31T23:59:59.999+08:00', months: 1, to: '2024-09-30T23:59:59.999+08:00', why: 'clamped' },
    { from: '2024-01-15T00:30:00+08:00', months: 1, to: '2023-12-15T00:30:00+08:00', why: 'across a year' },
    { from: '2024-01-01T00:00:00+08:00', months: 6, to: '2023-07-01T00:00:00+08:00', why: 'local midnight' },
    { from: '2024-05-15T10:00:00+08:00', months: 12, to: '2023-05-15T10:00:00+08:00', why: 'a whole year' },
    { from: '2024-05-15T10:00:00+08:00', months: 0, to: '2024-05-15T10:00:00+08:00', why: 'zero months' },
  ]) {
    it(`E2: ${from} − ${months} months = ${to} (${why})`, () => {
      expect(subtractMonths(at(from), months, SHANGHAI)).toBe(at(to));
    });
  }
});

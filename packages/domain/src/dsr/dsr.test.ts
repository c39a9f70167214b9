import { describe, expect, it } from 'vitest';
import { taobaoPolicy } from '../policy/taobao.js';
import type { DsrScores } from '../review/review-record.js';
import { type DsrRating, decideDsrCounted, dsrSummaryFromSums, dsrWindowStart, summarizeDsr } from './dsr.js';

const at = (iso: string) => Date.parse(iso);
const now = at('2024-08-31T12:00:00+08:00');
const windowStart = at('2024-02-29T12:00:00+08:00');
const rating = (givenAt: number, scores: DsrScores, counted = true): DsrRating => ({ givenAt, counted, scores });
const fives: DsrScores = { description: 5, service: 5, logistics: 5 };

describe('dsrWindowStart', () => {
  for (const { now, start } of [
    { now: '2024-08-31T12:00:00+08:00', start: '2024-02-29T12:00:00+08:00' },
    { now: '2024-09-02T20:00:00+08:00', start: '2024-03-02T20:00:00+08:00' },
    { now: '2025-08-31T00:00:00+08:00', start: '2025-02-28T00:00:00+08:00' },
  ]) {
    it(`E2: the window ending ${now} starts (exclusive) at ${start}, clamped`, () => {
      expect(dsrWindowStart(at(now), taobaoPolicy)).toBe(at(start));
    });
  }
});

describe('summarizeDsr', () => {
  for (const { givenAt, inside, name } of [
    { name: 'exactly now − 6 months is outside (exclusive start)', givenAt: windowStart, inside: false },
    { name: '1 ms after now − 6 months is inside', givenAt: windowStart + 1, inside: true },
    { name: 'exactly now is inside (inclusive end)', givenAt: now, inside: true },
    { name: 'after now is outside', givenAt: now + 1, inside: false },
  ]) {
    it(`E2: window (now − 6 months, now]: ${name}`, () => {
      const ones = rating(givenAt, { description: 1, service: 1, logistics: 1 });
      const summary = summarizeDsr([rating(now - 1, fives), ones], now, taobaoPolicy);
      expect(summary.count).toBe(inside ? 2 : 1);
      expect(summary.description).toBe(inside ? 3 : 5);
    });
  }

  it('E4: ratings that did not count are excluded from the mean', () => {
    const summary = summarizeDsr(
      [rating(now - 1, fives), rating(now - 2, { description: 1, service: 1, logistics: 1 }, false)],
      now,
      taobaoPolicy,
    );
    expect(summary).toEqual({ description: 5, service: 5, logistics: 5, count: 1 });
  });

  it('E2: each dimension is averaged and rounded half-up to 4 decimals', () => {
    const summary = summarizeDsr(
      [
        rating(now - 1, { description: 5, service: 5, logistics: 4 }),
        rating(now - 2, { description: 5, service: 5, logistics: 4 }),
        rating(now - 3, { description: 4, service: 5, logistics: 5 }),
      ],
      now,
      taobaoPolicy,
    );
    expect(summary).toEqual({ description: 4.6667, service: 5, logistics: 4.3333, count: 3 });
  });

  it('E2: null scores and count 0 when no counted rating lies in the window', () => {
    const empty = { description: null, service: null, logistics: null, count: 0 };
    expect(summarizeDsr([], now, taobaoPolicy)).toEqual(empty);
    expect(summarizeDsr([rating(windowStart, fives), rating(now, fives, false)], now, taobaoPolicy)).toEqual(empty);
  });
});

describe('dsrSummaryFromSums', () => {
  for (const { sum, count, mean, why } of [
    { sum: 149, count: 32, mean: 4.6563, why: '4.65625 rounds up' },
    { sum: 14, count: 3, mean: 4.6667, why: '4.666… rounds up' },
    { sum: 13, count: 3, mean: 4.3333, why: '4.333… rounds down' },
    { sum: 9, count: 2, mean: 4.5, why: 'exact' },
    { sum: 8_000_104, count: 2_000_001, mean: 4, why: '4.0000499999… rounds down, over 10⁶ ratings' },
    { sum: 8_000_105, count: 2_000_001, mean: 4.0001, why: '4.0000504999… rounds up, over 10⁶ ratings' },
  ]) {
    it(`E2: ${sum} over ${count} ratings is ${mean} (${why})`, () => {
      expect(dsrSummaryFromSums({ description: sum, service: sum, logistics: sum }, count, taobaoPolicy)).toEqual({
        description: mean,
        service: mean,
        logistics: mean,
        count,
      });
    });
  }
});

describe('decideDsrCounted', () => {
  for (const { already, counts } of [
    { already: 0, counts: true },
    { already: 1, counts: true },
    { already: 2, counts: true },
    { already: 3, counts: false },
    { already: 4, counts: false },
  ]) {
    it(`E4: with ${already} already counted in the pair-month, the next counts: ${counts}`, () => {
      expect(decideDsrCounted(already, taobaoPolicy)).toBe(counts);
    });
  }
});

import { describe, expect, it } from 'vitest';
import { taobaoPolicy } from '../policy/taobao.js';
import type { CreditDecision, Rating } from './counting.js';
import { goodReviewRate, summarizeCredit, totalsDelta, ZERO_TOTALS } from './credit-summary.js';

describe('goodReviewRate', () => {
  for (const { good, neutral, bad, rate } of [
    { good: 2, neutral: 1, bad: 0, rate: 66.67 },
    { good: 1, neutral: 1, bad: 1, rate: 33.33 },
    { good: 5, neutral: 0, bad: 0, rate: 100 },
    { good: 0, neutral: 0, bad: 1, rate: 0 },
    { good: 0, neutral: 3, bad: 0, rate: 0 },
    { good: 199, neutral: 0, bad: 1, rate: 99.5 },
    { good: 1999, neutral: 0, bad: 1, rate: 99.95 },
    { good: 19999, neutral: 0, bad: 1, rate: 100 },
  ]) {
    it(`C1: ${good} good, ${neutral} neutral, ${bad} bad → ${rate} %`, () => {
      expect(goodReviewRate({ score: good - bad, good, neutral, bad })).toBe(rate);
    });
  }

  it('C1: the rate is null when no counted review was received', () => {
    expect(goodReviewRate(ZERO_TOTALS)).toBeNull();
  });
});

describe('summarizeCredit', () => {
  it('B, C1: a summary joins totals, level and rate', () => {
    expect(summarizeCredit({ score: 251, good: 260, neutral: 5, bad: 9 }, taobaoPolicy)).toEqual({
      score: 251,
      good: 260,
      neutral: 5,
      bad: 9,
      level: 6,
      tier: 'diamond',
      icons: 1,
      goodRate: 94.89,
    });
    expect(summarizeCredit(ZERO_TOTALS, taobaoPolicy)).toEqual({
      ...ZERO_TOTALS,
      level: 0,
      tier: 'none',
      icons: 0,
      goodRate: null,
    });
  });
});

describe('totalsDelta', () => {
  const counted = (rating: Rating): { decision: CreditDecision; rating: Rating } => ({
    rating,
    decision: { key: 'O1/L1/buyer', counted: true, points: taobaoPolicy.credit.points[rating], rule: 'A1' },
  });
  const uncounted = (rating: Rating, rule: CreditDecision['rule']): { decision: CreditDecision; rating: Rating } => ({
    rating,
    decision: { key: 'O1/L1/buyer', counted: false, points: 0, rule },
  });
  for (const { before, after, delta, name } of [
    { name: 'A1: a new counted good', before: null, after: counted('good'), delta: [1, 1, 0, 0] },
    { name: 'A1: a new counted neutral', before: null, after: counted('neutral'), delta: [0, 0, 1, 0] },
    { name: 'A1: a new counted bad', before: null, after: counted('bad'), delta: [-1, 0, 0, 1] },
    {
      name: 'A3: a new capped good changes nothing',
      before: null,
      after: uncounted('good', 'A3'),
      delta: [0, 0, 0, 0],
    },
    {
      name: 'A3: a good pushed past the cap',
      before: counted('good'),
      after: uncounted('good', 'A3'),
      delta: [-1, -1, 0, 0],
    },
    { name: 'A9: a bad modified to good', before: counted('bad'), after: counted('good'), delta: [2, 1, 0, -1] },
    {
      name: 'A9: a neutral modified to good',
      before: counted('neutral'),
      after: counted('good'),
      delta: [1, 1, -1, 0],
    },
    { name: 'A9: a bad deleted', before: counted('bad'), after: uncounted('bad', 'deleted'), delta: [1, 0, 0, -1] },
    { name: 'A9: a review removed', before: counted('good'), after: null, delta: [-1, -1, 0, 0] },
    { name: 'A4: a blocked good freed', before: uncounted('good', 'A4'), after: counted('good'), delta: [1, 1, 0, 0] },
    { name: 'no change', before: null, after: null, delta: [0, 0, 0, 0] },
  ]) {
    it(`${name}`, () => {
      const [score, good, neutral, bad] = delta;
      expect(totalsDelta(before, after)).toEqual({ score, good, neutral, bad });
    });
  }
});

import { describe, expect, it } from 'vitest';
import type { Policy } from './policy.js';
import { taobaoPolicy } from './taobao.js';
import { validatePolicy } from './validate-policy.js';

describe('validatePolicy', () => {
  it('A–G: the taobao policy is valid', () => {
    expect(validatePolicy(taobaoPolicy)).toEqual([]);
  });

  for (const { candidate, problems, name } of [
    { name: 'null', candidate: null, problems: ['policy must be an object'] },
    { name: 'a string', candidate: 'taobao', problems: ['policy must be an object'] },
    {
      name: 'an empty object',
      candidate: {},
      problems: [
        'name must be a non-empty string',
        'version must be a non-empty string',
        'utcOffsetMinutes must be a number of minutes within ±840',
        'credit is required',
        'review is required',
        'dsr is required',
        'autoConfirmDays is required',
      ],
    },
  ]) {
    it(`A–G: ${name} is not a policy`, () => {
      expect(validatePolicy(candidate)).toEqual(expect.arrayContaining(problems));
    });
  }

  it('A–G: a broken policy lists each of its problems', () => {
    const broken = {
      ...taobaoPolicy,
      version: '',
      utcOffsetMinutes: 900,
      credit: {
        ...taobaoPolicy.credit,
        points: { good: 1, neutral: 0.5, bad: -1 },
        monthlyGoodCapPerPair: -6,
        levelMinScores: [4, 11, 11],
        tiers: [],
      },
      review: { ...taobaoPolicy.review, windowDays: 1.5, unmodifiableMarkets: 'tmall' },
      dsr: { ...taobaoPolicy.dsr, windowMonths: undefined },
      autoConfirmDays: { express: 10, post: '30', virtual: 3 },
    } as unknown as Policy;
    expect(validatePolicy(broken)).toEqual([
      'version must be a non-empty string',
      'utcOffsetMinutes must be a number of minutes within ±840',
      'credit.points.neutral must be an integer',
      'credit.monthlyGoodCapPerPair must be a non-negative integer',
      'credit.levelMinScores must be strictly increasing integers',
      'credit.tiers × levelsPerTier must cover every level',
      'review.windowDays must be a non-negative integer',
      'review.unmodifiableMarkets must be a list',
      'dsr.windowMonths must be a non-negative integer',
      'autoConfirmDays.post must be a non-negative integer',
    ]);
  });

  it('B: fewer tiers than levels is a problem', () => {
    const short = { ...taobaoPolicy, credit: { ...taobaoPolicy.credit, tiers: ['heart', 'diamond', 'crown'] } };
    expect(validatePolicy(short)).toEqual(['credit.tiers × levelsPerTier must cover every level']);
  });
});

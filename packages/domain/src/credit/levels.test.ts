import { describe, expect, it } from 'vitest';
import { taobaoPolicy } from '../policy/taobao.js';
import { creditLevel } from './levels.js';

describe('creditLevel', () => {
  for (const { score, level, tier, icons } of [
    { score: -50, level: 0, tier: 'none', icons: 0 },
    { score: -1, level: 0, tier: 'none', icons: 0 },
    { score: 0, level: 0, tier: 'none', icons: 0 },
    { score: 3, level: 0, tier: 'none', icons: 0 },
    { score: 4, level: 1, tier: 'heart', icons: 1 },
    { score: 10, level: 1, tier: 'heart', icons: 1 },
    { score: 11, level: 2, tier: 'heart', icons: 2 },
    { score: 40, level: 2, tier: 'heart', icons: 2 },
    { score: 41, level: 3, tier: 'heart', icons: 3 },
    { score: 90, level: 3, tier: 'heart', icons: 3 },
    { score: 91, level: 4, tier: 'heart', icons: 4 },
    { score: 150, level: 4, tier: 'heart', icons: 4 },
    { score: 151, level: 5, tier: 'heart', icons: 5 },
    { score: 250, level: 5, tier: 'heart', icons: 5 },
    { score: 251, level: 6, tier: 'diamond', icons: 1 },
    { score: 500, level: 6, tier: 'diamond', icons: 1 },
    { score: 501, level: 7, tier: 'diamond', icons: 2 },
    { score: 1_000, level: 7, tier: 'diamond', icons: 2 },
    { score: 1_001, level: 8, tier: 'diamond', icons: 3 },
    { score: 2_000, level: 8, tier: 'diamond', icons: 3 },
    { score: 2_001, level: 9, tier: 'diamond', icons: 4 },
    { score: 5_000, level: 9, tier: 'diamond', icons: 4 },
    { score: 5_001, level: 10, tier: 'diamond', icons: 5 },
    { score: 10_000, level: 10, tier: 'diamond', icons: 5 },
    { score: 10_001, level: 11, tier: 'crown', icons: 1 },
    { score: 20_000, level: 11, tier: 'crown', icons: 1 },
    { score: 20_001, level: 12, tier: 'crown', icons: 2 },
    { score: 50_001, level: 13, tier: 'crown', icons: 3 },
    { score: 100_001, level: 14, tier: 'crown', icons: 4 },
    { score: 200_001, level: 15, tier: 'crown', icons: 5 },
    { score: 500_000, level: 15, tier: 'crown', icons: 5 },
    { score: 500_001, level: 16, tier: 'gold_crown', icons: 1 },
    { score: 1_000_001, level: 17, tier: 'gold_crown', icons: 2 },
    { score: 2_000_001, level: 18, tier: 'gold_crown', icons: 3 },
    { score: 5_000_001, level: 19, tier: 'gold_crown', icons: 4 },
    { score: 10_000_000, level: 19, tier: 'gold_crown', icons: 4 },
    { score: 10_000_001, level: 20, tier: 'gold_crown', icons: 5 },
    { score: 999_999_999, level: 20, tier: 'gold_crown', icons: 5 },
  ]) {
    it(`B: score ${score} is level ${level}, ${icons} × ${tier}`, () => {
      expect(creditLevel(score, taobaoPolicy)).toEqual({ level, tier, icons });
    });
  }

  it('B: a level can go down when the score does', () => {
    expect(creditLevel(251, taobaoPolicy).level).toBe(6);
    expect(creditLevel(250, taobaoPolicy).level).toBe(5);
  });
});

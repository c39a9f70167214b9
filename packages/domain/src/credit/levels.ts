import type { CreditTier, Policy } from '../policy/policy.js';

/** What a score looks like (B): level 0–20, its tier and how many icons of that tier. */
export interface CreditLevel {
  readonly level: number;
  readonly tier: CreditTier;
  readonly icons: number;
}

/** B: the level of a score (same table for sellers and buyers); a level can go down. */
export function creditLevel(score: number, policy: Policy): CreditLevel {
  const { levelMinScores, tiers, levelsPerTier } = policy.credit;
  let level = 0;
  while (level < levelMinScores.length && score >= levelMinScores[level]!) level += 1;
  if (level === 0) return { level: 0, tier: 'none', icons: 0 };
  const tierIndex = Math.floor((level - 1) / levelsPerTier);
  return { level, tier: tiers[tierIndex] ?? 'none', icons: ((level - 1) % levelsPerTier) + 1 };
}

import { validateAfterSalesPolicy } from './after-sales-policy.js';
import type { Policy } from './policy.js';

/**
 * Checks a policy document before it is used: every knob present, of the right kind and range.
 * Returns the list of problems (empty when valid) so that a bad deployment file fails loudly.
 */
export function validatePolicy(candidate: unknown): string[] {
  const problems: string[] = [];
  const p = candidate as Partial<Policy> | null;
  if (p === null || typeof p !== 'object') return ['policy must be an object'];
  const text = (path: string, v: unknown) => {
    if (typeof v !== 'string' || v.length === 0) problems.push(`${path} must be a non-empty string`);
  };
  const count = (path: string, v: unknown) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      problems.push(`${path} must be a non-negative integer`);
    }
  };
  text('name', p.name);
  text('version', p.version);
  if (typeof p.utcOffsetMinutes !== 'number' || Math.abs(p.utcOffsetMinutes) > 14 * 60) {
    problems.push('utcOffsetMinutes must be a number of minutes within ±840');
  }
  const c = p.credit;
  if (!c) problems.push('credit is required');
  else {
    for (const r of ['good', 'neutral', 'bad'] as const) {
      if (!Number.isInteger(c.points?.[r])) problems.push(`credit.points.${r} must be an integer`);
    }
    count('credit.monthlyGoodCapPerPair', c.monthlyGoodCapPerPair);
    count('credit.sameItemWindowDays', c.sameItemWindowDays);
    count('credit.maxUncountedLineAmountFen', c.maxUncountedLineAmountFen);
    count('credit.levelsPerTier', c.levelsPerTier);
    const mins = c.levelMinScores ?? [];
    if (mins.length === 0 || mins.some((m, i) => !Number.isInteger(m) || (i > 0 && m <= mins[i - 1]!))) {
      problems.push('credit.levelMinScores must be strictly increasing integers');
    }
    if ((c.tiers?.length ?? 0) * (c.levelsPerTier ?? 0) < mins.length) {
      problems.push('credit.tiers × levelsPerTier must cover every level');
    }
  }
  const r = p.review;
  if (!r) problems.push('review is required');
  else {
    for (const k of [
      'windowDays',
      'textMaxChars',
      'followupWindowDays',
      'followupMaxChars',
      'explanationWindowDays',
      'explanationMaxChars',
      'modifyWindowDays',
      'complaintWindowDays',
      'complaintReasonMaxChars',
    ] as const) {
      count(`review.${k}`, r[k]);
    }
    if (!Array.isArray(r.unmodifiableMarkets)) problems.push('review.unmodifiableMarkets must be a list');
  }
  const d = p.dsr;
  if (!d) problems.push('dsr is required');
  else {
    count('dsr.windowMonths', d.windowMonths);
    count('dsr.perPairMonthlyCap', d.perPairMonthlyCap);
    count('dsr.decimals', d.decimals);
  }
  const a = p.autoConfirmDays;
  if (!a) problems.push('autoConfirmDays is required');
  else for (const k of ['express', 'post', 'virtual'] as const) count(`autoConfirmDays.${k}`, a[k]);
  validateAfterSalesPolicy(p.afterSales, problems);
  return problems;
}

import { describe, expect, it } from 'vitest';
import type { CampaignThreshold } from '../policy/after-sales-policy.js';
import { taobaoPolicy } from '../policy/taobao.js';
import { DAY_MS } from '../shared/time.js';
import { campaignEligibility, inRollingWindow, type SellerRates, sellerRates } from './seller-rates.js';

const NOW = Date.parse('2024-04-01T00:00:00+08:00');
const times = (n: number, ago = DAY_MS) => Array.from({ length: n }, () => NOW - ago);

describe('J2: seller rates over 30 days', () => {
  it('J2: 1 refund over 12 trades → 8.33; no dispute → 0 (replay.md example)', () => {
    const rates = sellerRates({ linesPaidAt: times(12), refundsAt: times(1), disputesAt: [] }, NOW, taobaoPolicy);
    expect(rates).toEqual({ trades30d: 12, refunds30d: 1, disputes30d: 0, refundRate30d: 8.33, disputeRate30d: 0 });
  });

  it('J2: no trades → rates 0, not null', () => {
    const rates = sellerRates({ linesPaidAt: [], refundsAt: times(1), disputesAt: times(1) }, NOW, taobaoPolicy);
    expect(rates).toMatchObject({ refundRate30d: 0, disputeRate30d: 0, refunds30d: 1, disputes30d: 1 });
  });

  it('J2: half-up to 2 decimals (2 of 3 → 66.67; 1 of 8 → 12.5)', () => {
    expect(
      sellerRates({ linesPaidAt: times(3), refundsAt: times(2), disputesAt: [] }, NOW, taobaoPolicy).refundRate30d,
    ).toBe(66.67);
    expect(
      sellerRates({ linesPaidAt: times(8), refundsAt: [], disputesAt: times(1) }, NOW, taobaoPolicy).disputeRate30d,
    ).toBe(12.5);
  });

  const edges: { name: string; at: number; inside: boolean }[] = [
    { name: 'now itself counts', at: NOW, inside: true },
    { name: 'exactly 30 days ago is out', at: NOW - 30 * DAY_MS, inside: false },
    { name: '1 ms after 30 days ago is in', at: NOW - 30 * DAY_MS + 1, inside: true },
    { name: 'the future does not count', at: NOW + 1, inside: false },
  ];
  for (const e of edges)
    it(`J2: window (now − 30 d, now]: ${e.name}`, () => expect(inRollingWindow(e.at, NOW, 30)).toBe(e.inside));
});

describe('J4: campaign eligibility', () => {
  const rates = (disputeRate30d: number, disputes30d: number): SellerRates => ({
    trades30d: 1_000,
    refunds30d: 0,
    disputes30d,
    refundRate30d: 0,
    disputeRate30d,
  });
  const byDefault = taobaoPolicy.afterSales.metrics.campaigns.default!;
  const cases: {
    name: string;
    rates: SellerRates;
    threshold?: CampaignThreshold;
    eligible: boolean;
    reasons: string[];
  }[] = [
    { name: 'rate exactly 0.1 % → eligible', rates: rates(0.1, 50), eligible: true, reasons: [] },
    { name: 'rate above but count ≤ 6 → eligible (or)', rates: rates(0.6, 6), eligible: true, reasons: [] },
    {
      name: 'rate above and count above → not eligible, both reasons',
      rates: rates(0.7, 7),
      eligible: false,
      reasons: ['dispute_rate_above:0.1', 'dispute_count_above:6'],
    },
    {
      name: 'combine all: the count alone does not suffice',
      rates: rates(0.6, 6),
      threshold: { ...byDefault, combine: 'all' },
      eligible: false,
      reasons: ['dispute_rate_above:0.1'],
    },
    {
      name: 'no criterion → eligible',
      rates: rates(5, 50),
      threshold: { combine: 'any' },
      eligible: true,
      reasons: [],
    },
  ];
  for (const c of cases) {
    it(`J4: ${c.name}`, () => {
      expect(campaignEligibility(c.rates, c.threshold ?? byDefault)).toEqual({
        eligible: c.eligible,
        reasons: c.reasons,
      });
    });
  }
});

import { describe, expect, it } from 'vitest';
import { taobaoPolicy } from '../policy/taobao.js';
import { DAY_MS } from '../shared/time.js';
import { sellerRatesHistory, sellerRatesHistoryStart } from './seller-rates-history.js';

const at = (iso: string) => Date.parse(iso);

describe('sellerRatesHistory (J2 over time)', () => {
  const now = at('2024-09-10T15:00:00+08:00');
  const activity = {
    // 10 trades on 1 September, one refund on 5 September, a dispute refund on 10 September.
    linesPaidAt: Array.from({ length: 10 }, () => at('2024-09-01T12:00:00+08:00')),
    refundsAt: [at('2024-09-05T23:59:59+08:00'), at('2024-09-10T09:00:00+08:00')],
    disputesAt: [at('2024-09-10T09:00:00+08:00')],
  };

  it('gives one point per local day, oldest first, each the 30-day rates at that day’s end', () => {
    const points = sellerRatesHistory(activity, now, 10, taobaoPolicy);
    expect(points.map((p) => p.date)).toEqual([
      '2024-09-01',
      '2024-09-02',
      '2024-09-03',
      '2024-09-04',
      '2024-09-05',
      '2024-09-06',
      '2024-09-07',
      '2024-09-08',
      '2024-09-09',
      '2024-09-10',
    ]);
    expect(points[0]).toMatchObject({ trades30d: 10, refunds30d: 0, refundRate30d: 0 });
    // A refund at 23:59:59 local counts on its own day.
    expect(points[4]).toMatchObject({ date: '2024-09-05', refunds30d: 1, refundRate30d: 10 });
    expect(points[9]).toMatchObject({ refunds30d: 2, disputes30d: 1, disputeRate30d: 10 });
  });

  it('the trades leave the window 30 days after they were paid', () => {
    const later = at('2024-10-02T10:00:00+08:00');
    const points = sellerRatesHistory(activity, later, 2, taobaoPolicy);
    expect(points.map((p) => [p.date, p.trades30d])).toEqual([
      ['2024-10-01', 0],
      ['2024-10-02', 0],
    ]);
    expect(sellerRatesHistory(activity, at('2024-09-30T10:00:00+08:00'), 1, taobaoPolicy)[0]?.trades30d).toBe(10);
  });

  it('the loading window starts 30 days before the first day', () => {
    expect(sellerRatesHistoryStart(now, 10, taobaoPolicy)).toBe(at('2024-09-01T00:00:00+08:00') - 30 * DAY_MS);
  });
});

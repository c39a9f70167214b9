import { describe, expect, it } from 'vitest';
import type { Policy } from './policy.js';
import { taobaoPolicy } from './taobao.js';
import { taobao2015Policy } from './taobao-2015.js';
import { validatePolicy } from './validate-policy.js';

describe('the afterSales policy section', () => {
  it('H–L: the taobao policy and its 2015 version are valid', () => {
    expect(validatePolicy(taobaoPolicy)).toEqual([]);
    expect(validatePolicy(taobao2015Policy)).toEqual([]);
  });

  it('L3: the 2015 version differs only in the late-shipment compensation', () => {
    expect(taobao2015Policy.version).toBe('taobao-2015');
    expect(taobao2015Policy.afterSales.shipPromise).toEqual({
      defaultPromisedShipHours: 48,
      lateCompensationPercent: 5,
      lateCompensationMinFen: 500,
      lateCompensationMaxFen: 3_000,
    });
    expect({ ...taobao2015Policy.afterSales, shipPromise: null }).toEqual({
      ...taobaoPolicy.afterSales,
      shipPromise: null,
    });
  });

  it('H–L: a policy without afterSales is refused', () => {
    const { afterSales: _, ...rest } = taobaoPolicy;
    expect(validatePolicy(rest)).toEqual(['afterSales is required']);
  });

  it('H–L: a broken afterSales section lists each problem', () => {
    const a = taobaoPolicy.afterSales;
    const broken = {
      ...taobaoPolicy,
      afterSales: {
        ...a,
        refund: { ...a.refund, sellerHoursBeforeShipment: -48, sellerConfirmReturnDays: { express: 10 } },
        intervention: { ...a.intervention, rulingSlaWorkingDays: { min: 6, max: 4 }, rulingDuringEvidence: 'no' },
        sevenDayReturns: { ...a.sevenDayReturns, sealCategories: 'food' },
        shipPromise: { ...a.shipPromise, lateCompensationMinFen: 20_000 },
        metrics: { ...a.metrics, campaigns: { big: { combine: 'either', maxDisputeCount: -1 } } },
        calendar: { ...a.calendar, weekendDays: [7], holidays: ['2024-1-1'] },
      },
    } as unknown as Policy;
    expect(validatePolicy(broken)).toEqual([
      'afterSales.refund.sellerHoursBeforeShipment must be a non-negative integer',
      'afterSales.refund.sellerConfirmReturnDays.post must be a non-negative integer',
      'afterSales.intervention.rulingSlaWorkingDays.min must not exceed max',
      'afterSales.intervention.rulingDuringEvidence must be a boolean',
      'afterSales.sevenDayReturns.sealCategories must be a list',
      'afterSales.shipPromise.lateCompensationMinFen must not exceed the max',
      'afterSales.metrics.campaigns.big.combine',
      'afterSales.metrics.campaigns.big.maxDisputeCount must be a non-negative number',
      'afterSales.calendar.weekendDays must be a list',
      'afterSales.calendar.holidays must be a list',
    ]);
  });
});

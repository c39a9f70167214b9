import type { Policy } from './policy.js';
import { taobaoPolicy } from './taobao.js';

/**
 * The `taobao` rules with the shipping-promise compensation in force before 2019-08-26 (L3):
 * 5 % of the goods amount, at least 500 and at most 3,000 fen. Everything else is unchanged.
 */
export const taobao2015Policy: Policy = {
  ...taobaoPolicy,
  version: 'taobao-2015',
  afterSales: {
    ...taobaoPolicy.afterSales,
    shipPromise: {
      ...taobaoPolicy.afterSales.shipPromise,
      lateCompensationPercent: 5,
      lateCompensationMinFen: 500,
      lateCompensationMaxFen: 3_000,
    },
  },
};

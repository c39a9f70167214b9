import { addDays, type SellerRates, sellerRates } from '@xinyu/domain';
import { linesPaidSince, refundActivity } from '../../db/refunds.repository.js';
import type { AppContext } from '../context.js';

/** J2: a seller's trades, refunds and dispute refunds over the rolling window, with the rates. */
export async function getSellerMetrics(ctx: AppContext, sellerId: string): Promise<SellerRates> {
  const now = ctx.clock.now();
  const from = addDays(now, -ctx.policy.afterSales.metrics.windowDays);
  const [linesPaidAt, activity] = await Promise.all([
    linesPaidSince(ctx.db, sellerId, from),
    refundActivity(ctx.db, sellerId, from),
  ]);
  return sellerRates({ linesPaidAt, ...activity }, now, ctx.policy);
}

import { sellerRatesHistory, sellerRatesHistoryStart } from '@xinyu/domain';
import { linesPaidSince, refundActivity } from '../../db/refunds.repository.js';
import type { AppContext } from '../context.js';

/** J2 over the last `days` local days, one point a day, for the seller workbench's charts. */
export async function getSellerMetricsHistory(ctx: AppContext, sellerId: string, days: number) {
  const now = ctx.clock.now();
  const from = sellerRatesHistoryStart(now, days, ctx.policy);
  const [linesPaidAt, activity] = await Promise.all([
    linesPaidSince(ctx.db, sellerId, from),
    refundActivity(ctx.db, sellerId, from),
  ]);
  return { seller: sellerId, points: sellerRatesHistory({ linesPaidAt, ...activity }, now, days, ctx.policy) };
}

import { loadOrder } from '../../db/orders.repository.js';
import { loadOrderRefunds } from '../../db/refunds.repository.js';
import { orderTimeline } from '../../db/timeline.repository.js';
import type { Caller } from '../access/caller.js';
import type { AppContext } from '../context.js';
import { getRefund } from './get-refund.js';
import { orderViews } from './order-view.js';

/**
 * A case as platform staff judge it (I2–I4): the refund with its evidence, the whole order with both
 * parties' reviews, and the timeline of everything that happened to the order, oldest first.
 */
export async function getRefundCase(ctx: AppContext, caller: Caller, refundId: string) {
  const refund = await getRefund(ctx, caller, refundId);
  if (!refund) return null;
  const order = await loadOrder(ctx.db, refund.order);
  if (!order) throw new Error(`refund ${refundId} has no order ${refund.order}`);
  const refundIds = (await loadOrderRefunds(ctx.db, order.sellerId, order.orderId)).map((r) => r.refundId);
  const [[view], events] = await Promise.all([
    orderViews(ctx, caller, [order]),
    orderTimeline(ctx.db, order.sellerId, order.orderId, refundIds),
  ]);
  if (!view) throw new Error(`order ${order.orderId} has no view`);
  return {
    refund,
    order: view,
    timeline: events.map((e) => ({
      at: e.at.toISOString(),
      type: e.type,
      aggregate: e.aggregate,
      aggregateId: e.aggregateId,
      data: e.data,
    })),
  };
}

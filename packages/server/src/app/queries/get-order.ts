import { loadOrder } from '../../db/orders.repository.js';
import type { Caller } from '../access/caller.js';
import type { AppContext } from '../context.js';
import { type OrderView, orderViews } from './order-view.js';

/** An order as `caller` sees it: status, instants, lines, reviews, refunds and the actions open now. */
export async function getOrder(ctx: AppContext, caller: Caller, orderId: string): Promise<OrderView | null> {
  const order = await loadOrder(ctx.db, orderId);
  if (!order) return null;
  const [view] = await orderViews(ctx, caller, [order]);
  return view ?? null;
}

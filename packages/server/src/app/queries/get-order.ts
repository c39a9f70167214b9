import { loadLines, loadOrder } from '../../db/orders.repository.js';
import type { AppContext } from '../context.js';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/** An order as the API shows it: status, instants, deadlines and lines. */
export async function getOrder(ctx: AppContext, orderId: string) {
  const order = await loadOrder(ctx.db, orderId);
  if (!order) return null;
  const lines = await loadLines(ctx.db, order.sellerId, orderId);
  return {
    order: order.orderId,
    seller: order.sellerId,
    buyer: order.buyerId,
    status: order.status,
    createdAt: iso(order.createdAt),
    paidAt: iso(order.paidAt),
    shippedAt: iso(order.shippedAt),
    shipMethod: order.shipMethod,
    deliveredAt: iso(order.deliveredAt),
    successAt: iso(order.successAt),
    closedAt: iso(order.closedAt),
    autoConfirmAt: iso(order.autoConfirmAt),
    lines: lines.map((l) => ({
      line: l.lineId,
      item: l.itemId,
      price: l.unitPriceFen,
      qty: l.quantity,
      amount: l.amountFen,
      category: l.category,
      virtual: l.isVirtual,
    })),
  };
}

import { orderParties, type Parties, refundParties } from '../../db/ownership.repository.js';
import type { AppContext } from '../context.js';

export type { Parties };

/** The parties of an order (null when it does not exist). */
export function findOrderParties(ctx: AppContext, orderId: string): Promise<Parties | null> {
  return orderParties(ctx.db, orderId);
}

/** The parties of a refund (null when it does not exist). */
export function findRefundParties(ctx: AppContext, refundId: string): Promise<Parties | null> {
  return refundParties(ctx.db, refundId);
}

import { listOrdersOfBuyer } from '../../db/order-views.repository.js';
import type { Caller } from '../access/caller.js';
import type { AppContext } from '../context.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { orderViews } from './order-view.js';

/** "My orders": a buyer's orders across shops, newest first, each with what the caller may do now. */
export async function listBuyerOrders(
  ctx: AppContext,
  caller: Caller,
  buyerId: string,
  query: { limit: number; cursor?: string | undefined },
) {
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await listOrdersOfBuyer(ctx.db, buyerId, {
    limit: query.limit + 1,
    before: cursor ? { createdAt: cursor.at, orderId: cursor.key } : undefined,
  });
  const shown = rows.slice(0, query.limit);
  const last = shown.at(-1);
  return {
    buyer: buyerId,
    orders: await orderViews(ctx, caller, shown),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.createdAt, key: last.orderId }) : null,
  };
}

import { type DeliveryStatus, listDeliveries } from '../../db/webhook-log.repository.js';
import type { AppContext } from '../context.js';
import { decodeCursor, encodeCursor } from '../queries/cursor.js';
import { deliveryView } from './webhook-views.js';

/** The delivery log of a marketplace, newest first, optionally of one status; paginated by cursor. */
export async function listWebhookDeliveries(
  ctx: AppContext,
  marketplace: string,
  query: { limit: number; status?: DeliveryStatus | undefined; cursor?: string | undefined },
) {
  const before = query.cursor ? decodeCursor(query.cursor) : undefined;
  const beforeId = before && /^[1-9]\d{0,14}$/.test(before.key) ? Number(before.key) : undefined;
  const rows = await listDeliveries(ctx.db, marketplace, { limit: query.limit + 1, status: query.status, beforeId });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor({ at: last.createdAt, key: String(last.id) }) : null;
  return { deliveries: page.map(deliveryView), nextCursor };
}

import { findDelivery, listAttempts } from '../../db/webhook-log.repository.js';
import type { AppContext } from '../context.js';
import { attemptView, deliveryView } from './webhook-views.js';

/** How many attempts a delivery's page shows, newest first. */
const ATTEMPTS_SHOWN = 100;

/** One delivery of the marketplace with its attempts, newest first; null when it has no such delivery. */
export async function getWebhookDelivery(ctx: AppContext, marketplace: string, deliveryId: number) {
  const delivery = await findDelivery(ctx.db, marketplace, deliveryId);
  if (!delivery) return null;
  const attempts = await listAttempts(ctx.db, delivery.id, ATTEMPTS_SHOWN);
  return { ...deliveryView(delivery), attemptLog: attempts.map(attemptView) };
}

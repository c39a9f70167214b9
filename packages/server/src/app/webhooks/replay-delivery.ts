import { ok, type Result, refuse } from '@xinyu/domain';
import { requeueDelivery } from '../../db/webhook-log.repository.js';
import type { UnitOfWork } from '../context.js';
import { deliveryView } from './webhook-views.js';

/**
 * Re-queues a delivery of the marketplace (delivered or not): due now, its backoff restarted. Later
 * events of the same aggregate that are not yet delivered wait for it, as they did the first time.
 */
export async function replayDelivery(
  uow: UnitOfWork,
  marketplace: string,
  deliveryId: number,
): Promise<Result<ReturnType<typeof deliveryView>>> {
  const delivery = await requeueDelivery(uow.tx, marketplace, deliveryId, uow.now);
  if (!delivery) return refuse('NOT_FOUND', `no webhook delivery ${deliveryId}`, { delivery: String(deliveryId) });
  return ok(deliveryView(delivery));
}

import { isRefundOpen, transitionRefund } from '@xinyu/domain';
import { loadOrderRefunds, saveRefund } from '../../db/refunds.repository.js';
import type { UnitOfWork } from '../context.js';

/** H1: shipping closes the open requests made before shipment. */
export async function closePreShipmentRefunds(uow: UnitOfWork, sellerId: string, orderId: string): Promise<void> {
  for (const refund of await loadOrderRefunds(uow.tx, sellerId, orderId)) {
    if (!refund.beforeShipment || !isRefundOpen(refund)) continue;
    const decided = transitionRefund(refund, { action: 'order_shipped' }, uow.now, uow.policy);
    // A case already with the platform is left to its ruling (the domain refuses it).
    if (!decided.ok) continue;
    await saveRefund(uow.tx, sellerId, decided.value.refund);
    uow.record(sellerId, decided.value.events);
    uow.schedule(sellerId, decided.value.timers);
  }
}

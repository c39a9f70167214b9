import type { Result, ShipMethod } from '@xinyu/domain';
import type { UnitOfWork } from '../context.js';
import { closePreShipmentRefunds } from '../refunds/close-pre-shipment-refunds.js';
import { advanceOrder, type OrderOutcome } from './advance-order.js';

/**
 * Records shipment (paid → shipped), starts the G1 auto-confirmation countdown, and closes the
 * refund requests made before shipment (H1: the buyer must apply again).
 */
export function shipOrder(uow: UnitOfWork, orderId: string, method: ShipMethod): Promise<Result<OrderOutcome>> {
  return advanceOrder(uow, orderId, { action: 'ship', method }, (uow, before) =>
    closePreShipmentRefunds(uow, before.sellerId, orderId),
  );
}

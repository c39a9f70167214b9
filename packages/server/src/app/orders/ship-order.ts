import type { Result, ShipMethod } from '@xinyu/domain';
import type { UnitOfWork } from '../context.js';
import { advanceOrder, type OrderOutcome } from './advance-order.js';

/** Records shipment (paid → shipped) and starts the G1 auto-confirmation countdown. */
export function shipOrder(uow: UnitOfWork, orderId: string, method: ShipMethod): Promise<Result<OrderOutcome>> {
  return advanceOrder(uow, orderId, { action: 'ship', method });
}

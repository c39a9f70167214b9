import { type Result, shipDeadlineTimer } from '@xinyu/domain';
import type { UnitOfWork } from '../context.js';
import { advanceOrder, type OrderOutcome } from './advance-order.js';

/** Records payment (placed → paid) and starts the L1 shipping-promise deadline. */
export function payOrder(uow: UnitOfWork, orderId: string): Promise<Result<OrderOutcome>> {
  return advanceOrder(uow, orderId, { action: 'pay' }, async (uow, before) => {
    uow.schedule(before.sellerId, [shipDeadlineTimer(orderId, uow.now, before.promisedShipHours)]);
  });
}

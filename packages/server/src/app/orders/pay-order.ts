import type { Result } from '@xinyu/domain';
import type { UnitOfWork } from '../context.js';
import { advanceOrder, type OrderOutcome } from './advance-order.js';

/** Records payment (placed → paid). */
export function payOrder(uow: UnitOfWork, orderId: string): Promise<Result<OrderOutcome>> {
  return advanceOrder(uow, orderId, { action: 'pay' });
}

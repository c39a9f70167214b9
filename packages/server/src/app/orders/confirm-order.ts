import type { Result } from '@xinyu/domain';
import type { UnitOfWork } from '../context.js';
import { advanceOrder, type OrderOutcome } from './advance-order.js';

/** The buyer confirms receipt (shipped → success; opens the review window F1). */
export function confirmOrder(uow: UnitOfWork, orderId: string): Promise<Result<OrderOutcome>> {
  return advanceOrder(uow, orderId, { action: 'confirm' });
}

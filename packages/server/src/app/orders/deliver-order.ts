import type { Result } from '@xinyu/domain';
import type { UnitOfWork } from '../context.js';
import { advanceOrder, type OrderOutcome } from './advance-order.js';

/** Records the buyer's signature for the goods (opens the K1 window; status unchanged). */
export function deliverOrder(uow: UnitOfWork, orderId: string): Promise<Result<OrderOutcome>> {
  return advanceOrder(uow, orderId, { action: 'deliver' });
}

import type { Result, ReturnMethod } from '@xinyu/domain';
import type { UnitOfWork } from '../context.js';
import { changeRefund } from './change-refund.js';
import type { RefundOutcome } from './refund-outcome.js';

/** The buyer ships the goods back; the seller has 10 d (express) or 30 d (post) to confirm (H3). */
export function shipReturn(uow: UnitOfWork, refundId: string, method: ReturnMethod): Promise<Result<RefundOutcome>> {
  return changeRefund(uow, refundId, { action: 'ship_return', method });
}

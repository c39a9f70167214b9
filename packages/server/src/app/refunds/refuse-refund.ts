import type { Result } from '@xinyu/domain';
import type { UnitOfWork } from '../context.js';
import { changeRefund } from './change-refund.js';
import type { RefundOutcome } from './refund-outcome.js';

/** The seller refuses with a reason; the buyer has 7 days to resubmit or escalate (H4). */
export function refuseRefund(uow: UnitOfWork, refundId: string, reason: string): Promise<Result<RefundOutcome>> {
  return changeRefund(uow, refundId, { action: 'refuse', reason });
}

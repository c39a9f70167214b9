import type { Result } from '@xinyu/domain';
import type { UnitOfWork } from '../context.js';
import { changeRefund } from './change-refund.js';
import type { RefundOutcome } from './refund-outcome.js';

/** The buyer asks for platform intervention after a refusal (I1); 3 days of evidence follow (I2). */
export function escalateRefund(uow: UnitOfWork, refundId: string): Promise<Result<RefundOutcome>> {
  return changeRefund(uow, refundId, { action: 'escalate' });
}

import type { Result } from '@xinyu/domain';
import type { UnitOfWork } from '../context.js';
import { changeRefund } from './change-refund.js';
import type { RefundOutcome } from './refund-outcome.js';

/** The buyer resubmits after a refusal, optionally with a new amount; a new seller deadline runs (H4). */
export function resubmitRefund(uow: UnitOfWork, refundId: string, amount?: number): Promise<Result<RefundOutcome>> {
  return changeRefund(uow, refundId, { action: 'resubmit', amount });
}

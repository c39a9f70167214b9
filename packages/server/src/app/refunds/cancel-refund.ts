import type { Result } from '@xinyu/domain';
import type { UnitOfWork } from '../context.js';
import { changeRefund } from './change-refund.js';
import type { RefundOutcome } from './refund-outcome.js';

/** The buyer cancels; no new request may be opened on that line (H5). */
export function cancelRefund(uow: UnitOfWork, refundId: string): Promise<Result<RefundOutcome>> {
  return changeRefund(uow, refundId, { action: 'cancel' });
}

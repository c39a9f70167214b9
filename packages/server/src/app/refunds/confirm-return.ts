import type { Result } from '@xinyu/domain';
import type { UnitOfWork } from '../context.js';
import { changeRefund } from './change-refund.js';
import type { RefundOutcome } from './refund-outcome.js';

/** The seller confirms receiving the return: refunded (H3, K8). */
export function confirmReturn(uow: UnitOfWork, refundId: string): Promise<Result<RefundOutcome>> {
  return changeRefund(uow, refundId, { action: 'confirm_return' });
}

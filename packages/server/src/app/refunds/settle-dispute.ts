import type { Result } from '@xinyu/domain';
import type { UnitOfWork } from '../context.js';
import { changeRefund } from './change-refund.js';
import type { RefundOutcome } from './refund-outcome.js';

/** The parties settle during intervention; not a dispute refund (I4, J1). */
export function settleDispute(uow: UnitOfWork, refundId: string, amount: number): Promise<Result<RefundOutcome>> {
  return changeRefund(uow, refundId, { action: 'settle', amount });
}

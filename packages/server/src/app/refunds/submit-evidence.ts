import type { Result } from '@xinyu/domain';
import type { UnitOfWork } from '../context.js';
import { changeRefund } from './change-refund.js';
import type { RefundOutcome } from './refund-outcome.js';

/** A party submits evidence during intervention (I2). */
export function submitEvidence(
  uow: UnitOfWork,
  refundId: string,
  by: 'buyer' | 'seller',
  text: string,
): Promise<Result<RefundOutcome>> {
  return changeRefund(uow, refundId, { action: 'evidence', by, text });
}

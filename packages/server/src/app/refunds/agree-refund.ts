import type { Result } from '@xinyu/domain';
import type { UnitOfWork } from '../context.js';
import { changeRefund } from './change-refund.js';
import type { RefundOutcome } from './refund-outcome.js';

/** The seller agrees (H1–H3): refunded, or the buyer is asked to send the goods back. */
export function agreeRefund(uow: UnitOfWork, refundId: string): Promise<Result<RefundOutcome>> {
  return changeRefund(uow, refundId, { action: 'agree' });
}

import type { Responsible, Result } from '@xinyu/domain';
import type { UnitOfWork } from '../context.js';
import { changeRefund } from './change-refund.js';
import type { RefundOutcome } from './refund-outcome.js';

/** Platform staff rule: who is responsible and the amount refunded; 0 closes the refund (I4, J1). */
export function ruleOnDispute(
  uow: UnitOfWork,
  refundId: string,
  responsible: Responsible,
  amount: number,
): Promise<Result<RefundOutcome>> {
  return changeRefund(uow, refundId, { action: 'rule', responsible, amount });
}

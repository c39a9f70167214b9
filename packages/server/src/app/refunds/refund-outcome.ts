import type { RefundState } from '@xinyu/domain';

/** What a refund command answers: the refund's status, amounts and running deadline. */
export interface RefundOutcome {
  readonly refund: string;
  readonly status: string;
  readonly requested: number;
  readonly maximum: number;
  readonly refunded: number;
  readonly deadlineAt: string | null;
  readonly disputeCounted: boolean;
}

export function refundOutcome(state: RefundState): RefundOutcome {
  return {
    refund: state.refundId,
    status: state.status,
    requested: state.requestedAmount,
    maximum: state.maximum,
    refunded: state.refunded,
    deadlineAt: state.deadlineAt === null ? null : new Date(state.deadlineAt).toISOString(),
    disputeCounted: state.disputeCounted,
  };
}

import { type Policy, REFUND_AWAITING, type RefundRole, refundActions } from '@xinyu/domain';
import type { ListedRefund } from '../../db/refund-queues.repository.js';
import type { Caller } from '../access/caller.js';
import { actionView, iso } from './views.js';

/** The refund role a caller acts in; the marketplace backend is offered no buttons. */
export function refundRoleOf(caller: Caller): RefundRole | null {
  if (caller.role === 'buyer') return 'buyer';
  if (caller.role === 'seller' || caller.role === 'agent') return 'seller';
  if (caller.role === 'staff') return 'staff';
  return null;
}

/** A refund as its queues and pages show it, with whose move it is and what the caller may do now. */
export function refundSummary(listed: ListedRefund, caller: Caller, now: number, policy: Policy) {
  const s = listed.state;
  const role = refundRoleOf(caller);
  return {
    refund: s.refundId,
    order: s.orderId,
    line: s.lineId,
    item: listed.itemId,
    title: listed.title,
    seller: listed.sellerId,
    buyer: listed.buyerId,
    kind: s.kind,
    reason: s.reason,
    status: s.status,
    requested: s.requestedAmount,
    maximum: s.maximum,
    refunded: s.refunded,
    requestedAt: iso(s.requestedAt),
    deadlineAt: iso(s.deadlineAt),
    awaiting: REFUND_AWAITING[s.status],
    actions: role ? refundActions(s, role, now, policy).map(actionView) : [],
  };
}

export type RefundSummary = ReturnType<typeof refundSummary>;

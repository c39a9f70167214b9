import type { Policy } from '../policy/policy.js';
import type { AllowedAction } from '../shared/allowed-action.js';
import type { Instant } from '../shared/time.js';
import { type RefundCommand, transitionRefund } from './refund-machine.js';
import {
  REFUND_REASONS,
  type RefundKind,
  type RefundReason,
  type RefundState,
  type RefundStatus,
} from './refund-state.js';
import { decideRefundRequest, type RefundRequestFacts } from './request-refund.js';

/** Who acts on a refund: the two parties, and the platform's staff. */
export type RefundRole = 'buyer' | 'seller' | 'staff';

export type RefundActionName =
  | 'agree'
  | 'refuse'
  | 'confirm_return'
  | 'resubmit'
  | 'ship_return'
  | 'cancel'
  | 'escalate'
  | 'evidence'
  | 'settle'
  | 'ruling';

/** The commands each role may try, with a harmless payload for asking the machine. */
const CANDIDATES: Readonly<Record<RefundRole, ReadonlyArray<[RefundActionName, RefundCommand]>>> = {
  seller: [
    ['agree', { action: 'agree' }],
    ['refuse', { action: 'refuse', reason: '-' }],
    ['confirm_return', { action: 'confirm_return' }],
    ['evidence', { action: 'evidence', by: 'seller', text: '-' }],
  ],
  buyer: [
    ['resubmit', { action: 'resubmit' }],
    ['ship_return', { action: 'ship_return', method: 'express' }],
    ['cancel', { action: 'cancel' }],
    ['escalate', { action: 'escalate' }],
    ['evidence', { action: 'evidence', by: 'buyer', text: '-' }],
  ],
  staff: [
    ['settle', { action: 'settle', amount: 0 }],
    ['ruling', { action: 'rule', responsible: 'none', amount: 0 }],
  ],
};

/**
 * What `role` may do now with a refund (H1–H5, I1–I4), each found by asking the refund machine
 * itself, so it cannot drift from the table and its guards. `until` is the running deadline
 * (an action at it is late); a virtual escalation not yet open (H4) is not offered.
 */
export function refundActions(
  refund: RefundState,
  role: RefundRole,
  now: Instant,
  policy: Policy,
): AllowedAction<RefundActionName>[] {
  const actions: AllowedAction<RefundActionName>[] = [];
  for (const [action, command] of CANDIDATES[role]) {
    if (!transitionRefund(refund, command, now, policy).ok) continue;
    // During intervention only evidence runs to the deadline; the ruling has an SLA, not a deadline.
    const until = refund.status === 'intervention' && action !== 'evidence' ? null : refund.deadlineAt;
    actions.push({ action, until });
  }
  return actions;
}

/** Whose move it is in each status (display: the seller's queue, the buyer's, the platform's). */
export const REFUND_AWAITING: Readonly<Record<RefundStatus, 'seller' | 'buyer' | 'platform' | null>> = {
  requested: 'seller',
  refused: 'buyer',
  awaiting_return: 'buyer',
  return_shipped: 'seller',
  intervention: 'platform',
  refunded: null,
  closed: null,
};

/** The refund request a buyer may make on a line now: kinds and reasons accepted, the largest refund. */
export interface RefundRequestOptions extends AllowedAction<'request_refund'> {
  readonly kinds: RefundKind[];
  readonly reasons: RefundReason[];
  /** Fen: the most any accepted request would refund (seller-fault reasons add shipping, K7). */
  readonly maximum: number;
}

/**
 * Whether the buyer may request a refund on `lineId` now, and with what (H5, H6, K1–K5), by asking
 * the request guard for every kind and reason; `null` when nothing would be accepted. Condition
 * questions (unsealed, tags…) are the buyer's to answer: the guard sees the goods as intact.
 */
export function refundRequestOptions(
  facts: RefundRequestFacts,
  orderId: string,
  lineId: string,
  now: Instant,
  policy: Policy,
): RefundRequestOptions | null {
  const kinds = new Set<RefundKind>();
  const reasons = new Set<RefundReason>();
  let maximum = 0;
  for (const kind of ['refund_only', 'return_refund'] as const) {
    for (const reason of REFUND_REASONS) {
      const decided = decideRefundRequest(
        facts,
        { refundId: '-', orderId, lineId, kind, amount: 1, reason },
        now,
        policy,
      );
      if (!decided.ok) continue;
      kinds.add(kind);
      reasons.add(reason);
      maximum = Math.max(maximum, decided.value.maximum.maximum);
    }
  }
  if (kinds.size === 0) return null;
  return { action: 'request_refund', until: null, kinds: [...kinds], reasons: [...reasons], maximum };
}

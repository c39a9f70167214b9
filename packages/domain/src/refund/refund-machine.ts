import type { Policy } from '../policy/policy.js';
import { cancelTimer, type DomainEvent, setTimer, type TimerEffect } from '../shared/effects.js';
import { ok, type Result, refuse } from '../shared/result.js';
import type { Instant } from '../shared/time.js';
import { type TransitionTable, targetsOf } from '../shared/transition-table.js';
import { refundedAmount } from './refund-amount.js';
import {
  afterRefusalDue,
  evidenceDue,
  REFUND_TIMER_BY_STATUS,
  returnConfirmDue,
  returnShipDue,
  rulingSla,
  sellerAnswerDue,
} from './refund-deadlines.js';
import { guardRefundCommand } from './refund-guards.js';
import type { RefundState, RefundStatus, Responsible, ReturnMethod } from './refund-state.js';

/** What can happen to a refund: party commands, keyed-timer firings, and the order's shipment. */
export type RefundAction =
  | 'agree'
  | 'refuse'
  | 'resubmit'
  | 'ship_return'
  | 'confirm_return'
  | 'cancel'
  | 'escalate'
  | 'evidence'
  | 'settle'
  | 'rule'
  | 'seller_timeout'
  | 'buyer_timeout'
  | 'evidence_deadline'
  | 'order_shipped';

/**
 * The refund lifecycle as one literal table: for each status, the actions allowed and where they
 * may lead (a list when the outcome depends on the request, e.g. the kind or a 0-fen ruling).
 */
export const REFUND_TRANSITIONS: TransitionTable<RefundStatus, RefundAction> = {
  // The seller answers (H1 48 h before shipment; H2 5 d, virtual 3 d; H3 5 d); silence = agreement.
  // Agreement refunds a refund-only request and opens the return of a return-and-refund one
  // (or refunds it when the goods already came back before a refusal and resubmission).
  requested: {
    agree: ['refunded', 'awaiting_return'],
    seller_timeout: ['refunded', 'awaiting_return'],
    refuse: 'refused',
    cancel: 'closed',
    order_shipped: 'closed', // H1: shipping closes a pre-shipment request; the buyer applies again.
  },
  // H4: 7 d to resubmit (a new seller deadline) or escalate (I1), else the request closes.
  refused: {
    resubmit: 'requested',
    escalate: 'intervention',
    cancel: 'closed',
    buyer_timeout: 'closed',
    order_shipped: 'closed',
  },
  // H3: 7 d to ship the goods back, else the request closes.
  awaiting_return: { ship_return: 'return_shipped', cancel: 'closed', buyer_timeout: 'closed' },
  // H3: 10 d (express) / 30 d (post) to confirm receipt; silence = receipt. A refusal (goods not as
  // sent) opens H4 like any refusal.
  return_shipped: { confirm_return: 'refunded', seller_timeout: 'refunded', refuse: 'refused', cancel: 'closed' },
  // I2: 3 d of evidence, then the case awaits a ruling (status unchanged); I4: a ruling or a
  // settlement ends it, `closed` when it grants 0 fen.
  intervention: {
    evidence: 'intervention',
    evidence_deadline: 'intervention',
    settle: ['refunded', 'closed'],
    rule: ['refunded', 'closed'],
    cancel: 'closed',
  },
  refunded: {},
  closed: {},
};

/** A command on a refund; timer actions come from the keyed timers of REFUND_TIMER_BY_STATUS. */
export type RefundCommand =
  | { readonly action: 'agree' }
  | { readonly action: 'refuse'; readonly reason: string }
  | { readonly action: 'resubmit'; readonly amount?: number | undefined }
  | { readonly action: 'ship_return'; readonly method: ReturnMethod }
  | { readonly action: 'confirm_return' }
  | { readonly action: 'cancel' }
  | { readonly action: 'escalate' }
  | { readonly action: 'evidence'; readonly by: 'buyer' | 'seller'; readonly text: string }
  | { readonly action: 'settle'; readonly amount: number }
  | { readonly action: 'rule'; readonly responsible: Responsible; readonly amount: number }
  | { readonly action: 'seller_timeout' }
  | { readonly action: 'buyer_timeout' }
  | { readonly action: 'evidence_deadline' }
  | { readonly action: 'order_shipped' };

/** The decided next state with the events to append and the timer effects to apply, in one transaction. */
export interface RefundTransition {
  readonly refund: RefundState;
  readonly events: DomainEvent[];
  readonly timers: TimerEffect[];
}

/** What one action decides: the next status, the changed fields, the deadline of the next status. */
interface Step {
  readonly status: RefundStatus;
  readonly event: string;
  readonly patch?: Partial<RefundState>;
  readonly deadline?: Instant | null;
  readonly data?: Record<string, unknown>;
}

function step(refund: RefundState, command: RefundCommand, now: Instant, policy: Policy): Step {
  const refunded = (amount: number, outcome: RefundState['outcome'], extra: Partial<RefundState> = {}) => {
    const paid = refundedAmount(amount, refund.maximum);
    const status: RefundStatus = paid > 0 ? 'refunded' : 'closed';
    return { status, patch: { refunded: paid, outcome, resolvedAt: now, ...extra } };
  };
  switch (command.action) {
    case 'agree':
    case 'seller_timeout': {
      const event = command.action === 'agree' ? 'refund.agreed' : 'refund.seller_timed_out';
      const outcome = command.action === 'agree' ? 'agreed' : 'seller_silent';
      if (refund.status === 'return_shipped') return { event, ...refunded(refund.requestedAmount, outcome) };
      if (refund.kind === 'return_refund' && refund.returnShippedAt === null) {
        return { status: 'awaiting_return', event, deadline: returnShipDue(now, policy) };
      }
      return { event, ...refunded(refund.requestedAmount, outcome) };
    }
    case 'confirm_return':
      return { event: 'refund.return_confirmed', ...refunded(refund.requestedAmount, 'return_confirmed') };
    case 'refuse':
      return {
        status: 'refused',
        event: 'refund.refused',
        patch: { refusedAt: now, refusalReason: command.reason },
        deadline: afterRefusalDue(now, policy),
        data: { reason: command.reason },
      };
    case 'resubmit': {
      const requestedAmount = command.amount ?? refund.requestedAmount;
      return {
        status: 'requested',
        event: 'refund.resubmitted',
        patch: { requestedAmount },
        deadline: sellerAnswerDue(refund, now, policy),
        data: { amount: requestedAmount },
      };
    }
    case 'ship_return':
      return {
        status: 'return_shipped',
        event: 'refund.return_shipped',
        patch: { returnMethod: command.method, returnShippedAt: now },
        deadline: returnConfirmDue(command.method, now, policy),
        data: { method: command.method },
      };
    case 'cancel':
      return { status: 'closed', event: 'refund.cancelled', patch: { outcome: 'cancelled', resolvedAt: now } };
    case 'buyer_timeout':
      return { status: 'closed', event: 'refund.buyer_timed_out', patch: { outcome: 'buyer_silent', resolvedAt: now } };
    case 'order_shipped':
      return { status: 'closed', event: 'refund.order_shipped', patch: { outcome: 'order_shipped', resolvedAt: now } };
    case 'escalate': {
      const sla = rulingSla(now, policy);
      return {
        status: 'intervention',
        event: 'refund.escalated',
        patch: { escalatedAt: now, evidenceClosed: false, rulingDueFrom: sla.from, rulingDueBy: sla.by },
        deadline: evidenceDue(now, policy),
        data: { rulingDueFrom: sla.from, rulingDueBy: sla.by },
      };
    }
    case 'evidence':
      return {
        status: 'intervention',
        event: 'refund.evidence_submitted',
        deadline: refund.deadlineAt,
        data: { by: command.by, text: command.text },
      };
    case 'evidence_deadline':
      return { status: 'intervention', event: 'refund.awaiting_ruling', patch: { evidenceClosed: true } };
    case 'settle':
      return { event: 'refund.settled', data: { amount: command.amount }, ...refunded(command.amount, 'settled') };
    case 'rule': {
      const result = refunded(command.amount, 'ruled', { responsible: command.responsible });
      // J1: a dispute refund is a ruling against the seller that actually refunds money.
      const disputeCounted = command.responsible === 'seller' && (result.patch.refunded ?? 0) > 0;
      return {
        event: 'refund.ruled',
        status: result.status,
        patch: { ...result.patch, disputeCounted },
        data: { responsible: command.responsible, amount: command.amount, disputeCounted },
      };
    }
  }
}

/** The timer effects of leaving the current status for `next` with `deadline` (keyed by refund id). */
function timerEffects(refund: RefundState, next: RefundStatus, deadline: Instant | null): TimerEffect[] {
  if (next === refund.status && deadline === refund.deadlineAt) return [];
  const before = REFUND_TIMER_BY_STATUS[refund.status];
  const after = REFUND_TIMER_BY_STATUS[next];
  const effects: TimerEffect[] = [];
  if (before && refund.deadlineAt !== null && (deadline === null || before !== after)) {
    effects.push(cancelTimer(before, refund.refundId));
  }
  if (after && deadline !== null) effects.push(setTimer(after, refund.refundId, deadline));
  return effects;
}

/**
 * Decides one refund command (H1–H4, I1–I4, J1) with its events and keyed timers; refusals are
 * REFUND_STATE_INVALID, ESCALATION_NOT_ALLOWED, REFUND_AMOUNT_INVALID or VALIDATION_FAILED.
 */
export function transitionRefund(
  refund: RefundState,
  command: RefundCommand,
  now: Instant,
  policy: Policy,
): Result<RefundTransition> {
  const allowed = targetsOf(REFUND_TRANSITIONS[refund.status][command.action]);
  if (allowed.length === 0) {
    const open = refund.status !== 'refunded' && refund.status !== 'closed';
    const code = command.action === 'escalate' && open ? 'ESCALATION_NOT_ALLOWED' : 'REFUND_STATE_INVALID';
    return refuse(code, `cannot ${command.action} a refund that is ${refund.status}`, { status: refund.status });
  }
  const refusal = guardRefundCommand(refund, command, now, policy);
  if (refusal) return refusal;
  const next = step(refund, command, now, policy);
  // The table is the authority: a step leading elsewhere is a bug, not a refusal.
  if (!allowed.includes(next.status)) throw new Error(`${refund.status} --${command.action}--> ${next.status}`);
  const deadline = next.deadline ?? null;
  const updated: RefundState = { ...refund, ...next.patch, status: next.status, deadlineAt: deadline };
  const event = (type: string, data: Record<string, unknown>): DomainEvent => ({
    type,
    aggregate: 'refund',
    aggregateId: refund.refundId,
    at: now,
    data: { order: refund.orderId, line: refund.lineId, status: updated.status, ...data },
  });
  const events = [event(next.event, { ...next.data, ...(deadline === null ? {} : { deadlineAt: deadline }) })];
  if (next.status !== refund.status && (next.status === 'refunded' || next.status === 'closed')) {
    // One event per ending, whatever the path, for the order (G2, full refund) and webhooks.
    const ending = { refunded: updated.refunded, outcome: updated.outcome, disputeCounted: updated.disputeCounted };
    events.push(event(`refund.${next.status}`, ending));
  }
  return ok({ refund: updated, events, timers: timerEffects(refund, next.status, deadline) });
}

import { addWorkingDays } from '../calendar/working-days.js';
import type { Policy } from '../policy/policy.js';
import type { TimerKind } from '../shared/effects.js';
import { addDays, addHours, type Instant } from '../shared/time.js';
import type { RefundState, RefundStatus, ReturnMethod } from './refund-state.js';

/**
 * The keyed timer (ref = refund id) that runs in each status: the seller's answer or receipt
 * confirmation, the buyer's return shipment or reaction to a refusal, the evidence period.
 */
export const REFUND_TIMER_BY_STATUS: Readonly<Record<RefundStatus, TimerKind | null>> = {
  requested: 'refund.seller_deadline',
  refused: 'refund.buyer_deadline',
  awaiting_return: 'refund.buyer_deadline',
  return_shipped: 'refund.seller_deadline',
  intervention: 'refund.evidence_deadline',
  refunded: null,
  closed: null,
};

/** The command a fired refund timer runs (the fire-timer use case maps kind → action). */
export const REFUND_TIMER_ACTIONS = {
  'refund.seller_deadline': 'seller_timeout',
  'refund.buyer_deadline': 'buyer_timeout',
  'refund.evidence_deadline': 'evidence_deadline',
} as const satisfies Partial<Record<TimerKind, string>>;

/** H1–H3: when the seller's silence on a (re)submitted request counts as agreement. */
export function sellerAnswerDue(
  refund: Pick<RefundState, 'beforeShipment' | 'kind' | 'isVirtual'>,
  from: Instant,
  policy: Policy,
): Instant {
  const r = policy.afterSales.refund;
  if (refund.beforeShipment) return addHours(from, r.sellerHoursBeforeShipment);
  if (refund.kind === 'refund_only' && refund.isVirtual) return addDays(from, r.sellerDaysVirtual);
  return addDays(from, r.sellerDaysAfterShipment);
}

/** H3: when the seller's silence after the return shipped counts as receipt. */
export function returnConfirmDue(method: ReturnMethod, from: Instant, policy: Policy): Instant {
  return addDays(from, policy.afterSales.refund.sellerConfirmReturnDays[method]);
}

/** H3: when an agreed return not yet shipped closes the request. */
export function returnShipDue(from: Instant, policy: Policy): Instant {
  return addDays(from, policy.afterSales.refund.buyerReturnShipDays);
}

/** H4: when a refused request neither resubmitted nor escalated closes. */
export function afterRefusalDue(from: Instant, policy: Policy): Instant {
  return addDays(from, policy.afterSales.refund.buyerAfterRefusalDays);
}

/** H4: the first instant a virtual-goods request may be escalated (no limit for other goods). */
export function earliestEscalation(refund: Pick<RefundState, 'isVirtual' | 'requestedAt'>, policy: Policy): Instant {
  return refund.isVirtual ? addDays(refund.requestedAt, policy.afterSales.refund.virtualEscalationMinDays) : 0;
}

/** I2: when the evidence period ends and the case awaits a ruling. */
export function evidenceDue(from: Instant, policy: Policy): Instant {
  return addDays(from, policy.afterSales.intervention.evidenceDays);
}

/** I3: the ruling SLA shown to staff: 4 to 6 working days after escalation (not an automatic action). */
export function rulingSla(escalatedAt: Instant, policy: Policy): { from: Instant; by: Instant } {
  const { min, max } = policy.afterSales.intervention.rulingSlaWorkingDays;
  const { calendar } = policy.afterSales;
  return {
    from: addWorkingDays(escalatedAt, min, calendar, policy.utcOffsetMinutes),
    by: addWorkingDays(escalatedAt, max, calendar, policy.utcOffsetMinutes),
  };
}

import type { OrderStatus, ShipMethod } from '../order/order-machine.js';
import type { Policy } from '../policy/policy.js';
import { type DomainEvent, setTimer, type TimerEffect } from '../shared/effects.js';
import { isFen } from '../shared/money.js';
import { ok, type Result, refuse } from '../shared/result.js';
import type { Instant } from '../shared/time.js';
import { maximumRefund, type RefundAmountLine, type RefundMaximum } from './refund-amount.js';
import { sellerAnswerDue } from './refund-deadlines.js';
import {
  isRefundOpen,
  REFUND_REASONS,
  type RefundKind,
  type RefundReason,
  type RefundState,
  type ReturnCondition,
} from './refund-state.js';
import { returnRefusalCode, sevenDayReturnCoverage, sevenDayReturnEligibility } from './seven-day-returns.js';

/** A line as a refund request needs it (a stored order line fits). */
export interface RefundRequestLine extends RefundAmountLine {
  readonly category: string;
  readonly isVirtual: boolean;
  readonly confirmedNoReturn: boolean;
}

/** What the request guards need, loaded first (STYLE 3): the order, its lines, earlier requests. */
export interface RefundRequestFacts {
  readonly order: {
    readonly status: OrderStatus;
    readonly shipMethod: ShipMethod | null;
    readonly deliveredAt: Instant | null;
    readonly successAt: Instant | null;
    readonly shippingFeeFen: number;
    readonly freeShippingOverFen: number | null;
  };
  /** Every line of the order, in order of placement (K7 apportions shipping over them). */
  readonly lines: readonly RefundRequestLine[];
  /** Every earlier request on the order's lines, whatever its status. */
  readonly earlierRefunds: readonly Pick<RefundState, 'lineId' | 'status' | 'outcome' | 'refunded'>[];
}

/** A buyer's request (replay.md `refund.request`). */
export interface RefundRequest {
  readonly refundId: string;
  readonly orderId: string;
  readonly lineId: string;
  readonly kind: RefundKind;
  /** The buyer's ask in fen; the engine refunds `min(amount, maximum)`. */
  readonly amount: number;
  readonly reason: RefundReason;
  readonly condition?: ReturnCondition | undefined;
}

/** The opened refund, how its maximum was reached, its event and its seller timer. */
export interface RefundRequestDecision {
  readonly refund: RefundState;
  readonly maximum: RefundMaximum;
  readonly events: DomainEvent[];
  readonly timers: TimerEffect[];
}

const REFUNDABLE: ReadonlySet<OrderStatus> = new Set(['paid', 'shipped', 'success']);

function conditionProblem(condition: ReturnCondition | undefined): string | null {
  if (condition === undefined) return null;
  if (typeof condition !== 'object' || condition === null) return 'condition must be an object';
  const gifts = condition.giftsMissing ?? [];
  if (!Array.isArray(gifts) || !gifts.every((g) => typeof g?.name === 'string' && isFen(g.price))) {
    return 'giftsMissing lists {name, price} with price in fen';
  }
  return null;
}

/**
 * Decides a new refund request: order state, H5, one open request per line, the amount, H6 and
 * K1–K5 for `no_reason`, return only after shipment; computes the maximum (K6, K7) and opens the
 * seller's deadline (H1–H3).
 */
export function decideRefundRequest(
  facts: RefundRequestFacts,
  request: RefundRequest,
  now: Instant,
  policy: Policy,
): Result<RefundRequestDecision> {
  if (request.kind !== 'refund_only' && request.kind !== 'return_refund') {
    return refuse('VALIDATION_FAILED', 'kind is refund_only or return_refund', { field: 'kind' });
  }
  if (!REFUND_REASONS.includes(request.reason))
    return refuse('VALIDATION_FAILED', 'unknown reason', { field: 'reason' });
  const badCondition = conditionProblem(request.condition);
  if (badCondition) return refuse('VALIDATION_FAILED', badCondition, { field: 'condition' });
  if (!isFen(request.amount) || request.amount === 0) {
    return refuse('REFUND_AMOUNT_INVALID', 'the amount must be a positive integer of fen');
  }
  const line = facts.lines.find((l) => l.lineId === request.lineId);
  if (!line) return refuse('NOT_FOUND', `order ${request.orderId} has no line ${request.lineId}`);
  const { order } = facts;
  if (!REFUNDABLE.has(order.status)) {
    return refuse('REFUND_NOT_ALLOWED', `no refund on an order that is ${order.status}`, { status: order.status });
  }
  const onLine = facts.earlierRefunds.filter((r) => r.lineId === request.lineId);
  if (onLine.some((r) => r.outcome === 'cancelled')) {
    return refuse('REFUND_NOT_ALLOWED', 'the buyer cancelled a request on this line (H5)');
  }
  if (onLine.some(isRefundOpen)) return refuse('REFUND_NOT_ALLOWED', 'a request on this line is still open');
  const beforeShipment = order.status === 'paid';
  if (beforeShipment && request.kind === 'return_refund') {
    return refuse('REFUND_NOT_ALLOWED', 'nothing to return before shipment: ask refund_only');
  }
  if (request.reason === 'no_reason') {
    // H6: an uncovered line refuses `no_reason` even before shipment; window and intactness
    // only mean something once goods left the seller (Decision).
    const reasons = beforeShipment
      ? sevenDayReturnCoverage(line, request.condition, policy)
      : sevenDayReturnEligibility(line, order, request.condition, now, policy).reasons;
    if (reasons.length > 0) {
      return refuse(returnRefusalCode(reasons), `not eligible for a no-reason return: ${reasons.join(', ')}`, {
        reasons,
      });
    }
  }
  const refundedByLine = new Map<string, number>();
  for (const r of facts.earlierRefunds) refundedByLine.set(r.lineId, (refundedByLine.get(r.lineId) ?? 0) + r.refunded);
  const lines = facts.lines.map((l) => ({
    ...l,
    refundedFen: (l.refundedFen ?? 0) + (refundedByLine.get(l.lineId) ?? 0),
  }));
  const maximum = maximumRefund({ ...order, lines }, line.lineId, request.reason, request.condition, policy);
  if (maximum.maximum === 0) return refuse('REFUND_NOT_ALLOWED', 'nothing is left to refund on this line', { maximum });
  const refund: RefundState = {
    refundId: request.refundId,
    orderId: request.orderId,
    lineId: request.lineId,
    kind: request.kind,
    reason: request.reason,
    status: 'requested',
    requestedAmount: request.amount,
    maximum: maximum.maximum,
    refunded: 0,
    requestedAt: now,
    beforeShipment,
    isVirtual: line.isVirtual || order.shipMethod === 'virtual',
    deadlineAt: null,
    refusedAt: null,
    refusalReason: null,
    returnMethod: null,
    returnShippedAt: null,
    escalatedAt: null,
    evidenceClosed: false,
    rulingDueFrom: null,
    rulingDueBy: null,
    responsible: null,
    disputeCounted: false,
    outcome: null,
    resolvedAt: null,
  };
  const deadlineAt = sellerAnswerDue(refund, now, policy);
  const event: DomainEvent = {
    type: 'refund.requested',
    aggregate: 'refund',
    aggregateId: refund.refundId,
    at: now,
    data: {
      order: refund.orderId,
      line: refund.lineId,
      status: 'requested',
      kind: refund.kind,
      reason: refund.reason,
      amount: refund.requestedAmount,
      maximum: refund.maximum,
      deadlineAt,
    },
  };
  return ok({
    refund: { ...refund, deadlineAt },
    maximum,
    events: [event],
    timers: [setTimer('refund.seller_deadline', refund.refundId, deadlineAt)],
  });
}

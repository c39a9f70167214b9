import { expect } from 'vitest';
import type { Policy } from '../policy/policy.js';
import { taobaoPolicy } from '../policy/taobao.js';
import type { Instant } from '../shared/time.js';
import { REFUND_TIMER_ACTIONS, REFUND_TIMER_BY_STATUS } from './refund-deadlines.js';
import { type RefundCommand, transitionRefund } from './refund-machine.js';
import type { RefundState } from './refund-state.js';
import {
  decideRefundRequest,
  type RefundRequest,
  type RefundRequestFacts,
  type RefundRequestLine,
} from './request-refund.js';

/** Test support shared by the refund tests: facts builders and a timer-firing driver. */
export const at = (iso: string): Instant => Date.parse(iso);

export function line(lineId: string, amountFen: number, fields: Partial<RefundRequestLine> = {}): RefundRequestLine {
  return {
    lineId,
    amountFen,
    invoiceTaxFen: 0,
    category: 'general',
    isVirtual: false,
    confirmedNoReturn: false,
    ...fields,
  };
}

type OrderFacts = RefundRequestFacts['order'];

/** A one-line ¥129 order paid on 2024-08-12 and, unless told otherwise, unshipped. */
export function facts(
  order: Partial<OrderFacts> = {},
  lines: RefundRequestLine[] = [line('L1', 12_900)],
  earlierRefunds: RefundRequestFacts['earlierRefunds'] = [],
): RefundRequestFacts {
  const base: OrderFacts = {
    status: 'paid',
    shipMethod: null,
    deliveredAt: null,
    successAt: null,
    shippingFeeFen: 0,
    freeShippingOverFen: null,
  };
  return { order: { ...base, ...order }, lines, earlierRefunds };
}

export function request(fields: Partial<RefundRequest> = {}): RefundRequest {
  return {
    refundId: 'R1',
    orderId: 'O1',
    lineId: 'L1',
    kind: 'refund_only',
    amount: 12_900,
    reason: 'other',
    ...fields,
  };
}

/** Opens a refund or fails the test. */
export function open(
  f: RefundRequestFacts,
  r: RefundRequest,
  now: Instant,
  policy: Policy = taobaoPolicy,
): RefundState {
  const result = decideRefundRequest(f, r, now, policy);
  if (!result.ok) throw new Error(`request refused: ${result.code} ${result.message}`);
  return result.value.refund;
}

/** Fires every refund timer due at or before `until`, in due order, as replay does. */
export function fireDue(refund: RefundState, until: Instant, policy: Policy = taobaoPolicy): RefundState {
  let current = refund;
  for (;;) {
    const due = current.deadlineAt;
    if (due === null || due > until) return current;
    const kind = REFUND_TIMER_BY_STATUS[current.status] as keyof typeof REFUND_TIMER_ACTIONS;
    const result = transitionRefund(current, { action: REFUND_TIMER_ACTIONS[kind] }, due, policy);
    if (!result.ok) throw new Error(`timer refused: ${result.code}`);
    current = result.value.refund;
  }
}

export type Step = readonly [iso: string, command: RefundCommand];

/**
 * Runs commands in time order, firing due timers before each (replay.md), then up to `until`.
 * Returns the final refund, or the first refusal's code with the step index.
 */
export function drive(
  refund: RefundState,
  steps: readonly Step[],
  until?: string,
  policy: Policy = taobaoPolicy,
): { refund: RefundState; refusal: { step: number; code: string } | null } {
  let current = refund;
  for (const [index, [iso, command]] of steps.entries()) {
    current = fireDue(current, at(iso), policy);
    const result = transitionRefund(current, command, at(iso), policy);
    if (!result.ok) return { refund: current, refusal: { step: index, code: result.code } };
    current = result.value.refund;
  }
  if (until !== undefined) current = fireDue(current, at(until), policy);
  return { refund: current, refusal: null };
}

/** The orders the refund tests start from: paid (H1), shipped by express, shipped virtual goods. */
export const PAID = facts();
export const SHIPPED = facts({ status: 'shipped', shipMethod: 'express' });
export const VIRTUAL = facts({ status: 'shipped', shipMethod: 'virtual' }, [line('L1', 12_900, { isVirtual: true })]);
/** A request on the paid order, and one on the shipped order. */
export const PRE = '2024-08-13T09:00:00+08:00';
export const POST = '2024-09-01T10:00:00+08:00';
export const RETURN: Partial<RefundRequest> = { kind: 'return_refund', reason: 'quality' };
/** Refused the day after POST, escalated the day after; the evidence period ends at AFTER_EVIDENCE. */
export const ESCALATED: Step[] = [
  ['2024-09-02T10:00:00+08:00', { action: 'refuse', reason: 'not faulty' }],
  ['2024-09-03T10:00:00+08:00', { action: 'escalate' }],
];
export const AFTER_EVIDENCE = '2024-09-06T10:00:00+08:00';

/** One table row: a request, commands in time order, the expected end state or refusal. */
export interface Case {
  name: string;
  facts: RefundRequestFacts;
  request?: Partial<RefundRequest>;
  requestedAt: string;
  steps?: Step[];
  until?: string;
  expect?: Partial<RefundState>;
  refusal?: { step: number; code: string };
}

/** Runs one table row and checks its outcome. */
export function runCase(c: Case): void {
  const refund = open(c.facts, request(c.request), at(c.requestedAt));
  const result = drive(refund, c.steps ?? [], c.until);
  expect(result.refusal).toEqual(c.refusal ?? null);
  if (c.expect) expect(result.refund).toMatchObject(c.expect);
}

import { describe, expect, it } from 'vitest';
import { taobaoPolicy } from '../policy/taobao.js';
import {
  AFTER_EVIDENCE,
  at,
  type Case,
  drive,
  ESCALATED,
  open,
  POST,
  request,
  runCase,
  SHIPPED,
} from './refund-fixtures.test-support.js';
import { transitionRefund } from './refund-machine.js';
import type { RefundState } from './refund-state.js';

const cases: Case[] = [
  {
    name: 'I2: evidence during the 3 d is accepted',
    facts: SHIPPED,
    requestedAt: POST,
    steps: [...ESCALATED, ['2024-09-06T09:59:59.999+08:00', { action: 'evidence', by: 'seller', text: 'photos' }]],
    expect: { status: 'intervention', evidenceClosed: false },
  },
  {
    name: 'I2: evidence at exactly 3 d is refused; the case awaits a ruling',
    facts: SHIPPED,
    requestedAt: POST,
    steps: [...ESCALATED, [AFTER_EVIDENCE, { action: 'evidence', by: 'buyer', text: 'late' }]],
    refusal: { step: 2, code: 'REFUND_STATE_INVALID' },
  },
  {
    name: 'I2: after the evidence period the status stays intervention',
    facts: SHIPPED,
    requestedAt: POST,
    steps: ESCALATED,
    until: AFTER_EVIDENCE,
    expect: { status: 'intervention', evidenceClosed: true, deadlineAt: null },
  },
  {
    name: 'I2: no ruling during the evidence period',
    facts: SHIPPED,
    requestedAt: POST,
    steps: [...ESCALATED, ['2024-09-04T10:00:00+08:00', { action: 'rule', responsible: 'seller', amount: 100 }]],
    refusal: { step: 2, code: 'REFUND_STATE_INVALID' },
  },
  {
    name: 'I4/J1: ruled against the seller with money → refunded, a dispute',
    facts: SHIPPED,
    requestedAt: POST,
    steps: [...ESCALATED, ['2024-09-09T10:00:00+08:00', { action: 'rule', responsible: 'seller', amount: 8_000 }]],
    expect: { status: 'refunded', refunded: 8_000, responsible: 'seller', disputeCounted: true, outcome: 'ruled' },
  },
  {
    name: 'I4: a ruling above the maximum refunds the maximum',
    facts: SHIPPED,
    requestedAt: POST,
    steps: [...ESCALATED, ['2024-09-09T10:00:00+08:00', { action: 'rule', responsible: 'seller', amount: 50_000 }]],
    expect: { status: 'refunded', refunded: 12_900, disputeCounted: true },
  },
  {
    name: 'J1: the buyer responsible → refunded but not a dispute',
    facts: SHIPPED,
    requestedAt: POST,
    steps: [...ESCALATED, ['2024-09-09T10:00:00+08:00', { action: 'rule', responsible: 'buyer', amount: 1_000 }]],
    expect: { status: 'refunded', refunded: 1_000, disputeCounted: false },
  },
  {
    name: 'I4/J1: a ruling of 0 fen → closed, not a dispute even against the seller',
    facts: SHIPPED,
    requestedAt: POST,
    steps: [...ESCALATED, ['2024-09-09T10:00:00+08:00', { action: 'rule', responsible: 'seller', amount: 0 }]],
    expect: { status: 'closed', refunded: 0, disputeCounted: false },
  },
  {
    name: 'I4: a negative ruling amount is refused',
    facts: SHIPPED,
    requestedAt: POST,
    steps: [...ESCALATED, ['2024-09-09T10:00:00+08:00', { action: 'rule', responsible: 'none', amount: -1 }]],
    refusal: { step: 2, code: 'REFUND_AMOUNT_INVALID' },
  },
  {
    name: 'I4/J1: settled during intervention → refunded, not a dispute',
    facts: SHIPPED,
    requestedAt: POST,
    steps: [...ESCALATED, ['2024-09-04T10:00:00+08:00', { action: 'settle', amount: 4_000 }]],
    expect: { status: 'refunded', refunded: 4_000, disputeCounted: false, outcome: 'settled' },
  },
  {
    name: 'I4: a settlement of 0 fen closes the request',
    facts: SHIPPED,
    requestedAt: POST,
    steps: [...ESCALATED, ['2024-09-04T10:00:00+08:00', { action: 'settle', amount: 0 }]],
    expect: { status: 'closed', outcome: 'settled' },
  },
  {
    name: 'I4: a finished refund takes no more commands',
    facts: SHIPPED,
    requestedAt: POST,
    steps: [
      ...ESCALATED,
      ['2024-09-04T10:00:00+08:00', { action: 'settle', amount: 1 }],
      ['2024-09-05T10:00:00+08:00', { action: 'escalate' }],
    ],
    refusal: { step: 3, code: 'REFUND_STATE_INVALID' },
  },
];

describe('platform intervention (I1–I4, J1)', () => {
  for (const c of cases) it(c.name, () => runCase(c));
});

describe('refund timers and events', () => {
  const requested = open(SHIPPED, request(), at(POST));
  const step = (refund: RefundState, iso: string, command: Parameters<typeof transitionRefund>[1]) => {
    const result = transitionRefund(refund, command, at(iso), taobaoPolicy);
    if (!result.ok) throw new Error(result.code);
    return result.value;
  };

  it('H4: a refusal replaces the seller deadline by the buyer deadline (keyed by refund id)', () => {
    const { timers, events } = step(requested, '2024-09-02T10:00:00+08:00', { action: 'refuse', reason: 'no' });
    expect(timers).toEqual([
      { type: 'cancel', kind: 'refund.seller_deadline', ref: 'R1' },
      { type: 'set', kind: 'refund.buyer_deadline', ref: 'R1', dueAt: at('2024-09-09T10:00:00+08:00') },
    ]);
    expect(events.map((e) => e.type)).toEqual(['refund.refused']);
  });

  it('I2/I3: escalation sets the evidence timer and the 4–6 working-day ruling SLA', () => {
    const refused = step(requested, '2024-09-02T10:00:00+08:00', { action: 'refuse', reason: 'no' }).refund;
    // Tuesday 2024-09-03: 4 working days later is Monday 09-09 (the weekend is off), 6 is Wednesday 09-11.
    const { refund, timers } = step(refused, '2024-09-03T10:00:00+08:00', { action: 'escalate' });
    expect(timers).toEqual([
      { type: 'cancel', kind: 'refund.buyer_deadline', ref: 'R1' },
      { type: 'set', kind: 'refund.evidence_deadline', ref: 'R1', dueAt: at('2024-09-06T10:00:00+08:00') },
    ]);
    expect(refund.rulingDueFrom).toBe(at('2024-09-09T10:00:00+08:00'));
    expect(refund.rulingDueBy).toBe(at('2024-09-11T10:00:00+08:00'));
  });

  it('H1: the end of a refund adds a refund.refunded event and cancels its timer', () => {
    const { events, timers } = step(requested, '2024-09-02T10:00:00+08:00', { action: 'agree' });
    expect(events.map((e) => e.type)).toEqual(['refund.agreed', 'refund.refunded']);
    expect(events[1]?.data).toMatchObject({ refunded: 12_900, outcome: 'agreed', disputeCounted: false });
    expect(timers).toEqual([{ type: 'cancel', kind: 'refund.seller_deadline', ref: 'R1' }]);
  });

  it('H1: a timer fired early or after the state moved on changes nothing', () => {
    const early = transitionRefund(requested, { action: 'seller_timeout' }, at(POST), taobaoPolicy);
    expect(early.ok ? null : early.code).toBe('REFUND_STATE_INVALID');
    const stale = transitionRefund(
      requested,
      { action: 'buyer_timeout' },
      at('2024-12-01T00:00:00+08:00'),
      taobaoPolicy,
    );
    expect(stale.ok ? null : stale.code).toBe('REFUND_STATE_INVALID');
  });

  it('H1: only a pre-shipment request is closed by the shipment', () => {
    const result = transitionRefund(requested, { action: 'order_shipped' }, at(POST), taobaoPolicy);
    expect(result.ok ? null : result.code).toBe('REFUND_STATE_INVALID');
  });

  it('H4: a stale refused state (timer not yet fired) cannot be escalated at the deadline', () => {
    const refused = step(requested, '2024-09-02T10:00:00+08:00', { action: 'refuse', reason: 'no' }).refund;
    const late = transitionRefund(refused, { action: 'escalate' }, at('2024-09-09T10:00:00+08:00'), taobaoPolicy);
    expect(late.ok ? null : late.code).toBe('ESCALATION_NOT_ALLOWED');
  });

  it('I2: a policy may let staff rule during the evidence period', () => {
    const policy = {
      ...taobaoPolicy,
      afterSales: {
        ...taobaoPolicy.afterSales,
        intervention: { ...taobaoPolicy.afterSales.intervention, rulingDuringEvidence: true },
      },
    };
    const { refund } = drive(
      requested,
      [...ESCALATED, ['2024-09-04T10:00:00+08:00', { action: 'rule', responsible: 'none', amount: 10 }]],
      undefined,
      policy,
    );
    expect(refund).toMatchObject({ status: 'refunded', refunded: 10, disputeCounted: false });
  });
});

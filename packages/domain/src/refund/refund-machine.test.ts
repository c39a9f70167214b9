import { describe, expect, it } from 'vitest';
import { transitionTableProblems } from '../shared/transition-table.js';
import { at, type Case, PAID, POST, PRE, RETURN, runCase, SHIPPED, VIRTUAL } from './refund-fixtures.test-support.js';
import { REFUND_TRANSITIONS } from './refund-machine.js';

const cases: Case[] = [
  // H1: before shipment, 48 h, silence or agreement → refunded.
  {
    name: 'H1: seller silent 48 h → refunded',
    facts: PAID,
    requestedAt: PRE,
    until: '2024-08-15T09:00:00+08:00',
    expect: { status: 'refunded', refunded: 12_900, outcome: 'seller_silent' },
  },
  {
    name: 'H1: 1 ms before the 48 h the request still waits',
    facts: PAID,
    requestedAt: PRE,
    until: '2024-08-15T08:59:59.999+08:00',
    expect: { status: 'requested', refunded: 0 },
  },
  {
    name: 'H1: seller agrees → refunded',
    facts: PAID,
    requestedAt: PRE,
    steps: [['2024-08-13T10:00:00+08:00', { action: 'agree' }]],
    expect: { status: 'refunded', refunded: 12_900 },
  },
  {
    name: 'H1: the seller ships meanwhile → closed, the buyer applies again',
    facts: PAID,
    requestedAt: PRE,
    steps: [['2024-08-14T10:00:00+08:00', { action: 'order_shipped' }]],
    expect: { status: 'closed', refunded: 0, outcome: 'order_shipped' },
  },
  {
    name: 'H1: an ask above the line refunds the line (min(amount, maximum))',
    facts: PAID,
    requestedAt: PRE,
    request: { amount: 99_999 },
    until: '2024-08-16T00:00:00+08:00',
    expect: { status: 'refunded', refunded: 12_900 },
  },
  {
    name: 'H1: agreeing at the deadline is late: the timer refunded first',
    facts: PAID,
    requestedAt: PRE,
    steps: [['2024-08-15T09:00:00+08:00', { action: 'refuse', reason: 'no' }]],
    refusal: { step: 0, code: 'REFUND_STATE_INVALID' },
  },
  {
    name: 'H2: after shipment, seller silent 5 d → the requested amount',
    facts: SHIPPED,
    requestedAt: POST,
    request: { amount: 5_000 },
    until: '2024-09-06T10:00:00+08:00',
    expect: { status: 'refunded', refunded: 5_000 },
  },
  {
    name: 'H2: after shipment, 1 ms before 5 d nothing happened',
    facts: SHIPPED,
    requestedAt: POST,
    until: '2024-09-06T09:59:59.999+08:00',
    expect: { status: 'requested' },
  },
  {
    name: 'H2: virtual goods, seller silent 3 d → refunded',
    facts: VIRTUAL,
    requestedAt: POST,
    until: '2024-09-04T10:00:00+08:00',
    expect: { status: 'refunded', refunded: 12_900 },
  },
  // H3: return and refund.
  {
    name: 'H3: seller silent 5 d = agreement → awaiting_return',
    facts: SHIPPED,
    requestedAt: POST,
    request: RETURN,
    until: '2024-09-06T10:00:00+08:00',
    expect: { status: 'awaiting_return', deadlineAt: at('2024-09-13T10:00:00+08:00') },
  },
  {
    name: 'H3: buyer does not ship the return within 7 d → closed',
    facts: SHIPPED,
    requestedAt: POST,
    request: RETURN,
    steps: [['2024-09-02T10:00:00+08:00', { action: 'agree' }]],
    until: '2024-09-09T10:00:00+08:00',
    expect: { status: 'closed', outcome: 'buyer_silent', refunded: 0 },
  },
  {
    name: 'H3: shipping the return at exactly 7 d is late (closed first)',
    facts: SHIPPED,
    requestedAt: POST,
    request: RETURN,
    steps: [
      ['2024-09-02T10:00:00+08:00', { action: 'agree' }],
      ['2024-09-09T10:00:00+08:00', { action: 'ship_return', method: 'express' }],
    ],
    refusal: { step: 1, code: 'REFUND_STATE_INVALID' },
  },
  {
    name: 'H3: return by express, seller silent 10 d → refunded',
    facts: SHIPPED,
    requestedAt: POST,
    request: RETURN,
    steps: [
      ['2024-09-02T10:00:00+08:00', { action: 'agree' }],
      ['2024-09-03T10:00:00+08:00', { action: 'ship_return', method: 'express' }],
    ],
    until: '2024-09-13T10:00:00+08:00',
    expect: { status: 'refunded', refunded: 12_900, outcome: 'seller_silent' },
  },
  {
    name: 'H3: return by post, day 10 is not enough: 30 d',
    facts: SHIPPED,
    requestedAt: POST,
    request: RETURN,
    steps: [
      ['2024-09-02T10:00:00+08:00', { action: 'agree' }],
      ['2024-09-03T10:00:00+08:00', { action: 'ship_return', method: 'post' }],
    ],
    until: '2024-10-03T09:59:59.999+08:00',
    expect: { status: 'return_shipped', returnMethod: 'post' },
  },
  {
    name: 'H3: seller confirms the return → refunded',
    facts: SHIPPED,
    requestedAt: POST,
    request: RETURN,
    steps: [
      ['2024-09-02T10:00:00+08:00', { action: 'agree' }],
      ['2024-09-03T10:00:00+08:00', { action: 'ship_return', method: 'post' }],
      ['2024-09-08T10:00:00+08:00', { action: 'confirm_return' }],
    ],
    expect: { status: 'refunded', refunded: 12_900, outcome: 'return_confirmed' },
  },
  // H4: after a refusal.
  {
    name: 'H4: refused, buyer silent 7 d → closed',
    facts: SHIPPED,
    requestedAt: POST,
    steps: [['2024-09-02T10:00:00+08:00', { action: 'refuse', reason: 'used' }]],
    until: '2024-09-09T10:00:00+08:00',
    expect: { status: 'closed', outcome: 'buyer_silent' },
  },
  {
    name: 'H4: resubmitted with a new amount → a new 5 d seller deadline',
    facts: SHIPPED,
    requestedAt: POST,
    steps: [
      ['2024-09-02T10:00:00+08:00', { action: 'refuse', reason: 'too much' }],
      ['2024-09-08T10:00:00+08:00', { action: 'resubmit', amount: 6_000 }],
    ],
    until: '2024-09-13T10:00:00+08:00',
    expect: { status: 'refunded', refunded: 6_000 },
  },
  {
    name: 'H4: a resubmission of 0 fen is refused',
    facts: SHIPPED,
    requestedAt: POST,
    steps: [
      ['2024-09-02T10:00:00+08:00', { action: 'refuse', reason: 'x' }],
      ['2024-09-03T10:00:00+08:00', { action: 'resubmit', amount: 0 }],
    ],
    refusal: { step: 1, code: 'REFUND_AMOUNT_INVALID' },
  },
  {
    name: 'H4: escalating at exactly 7 d after the refusal is too late',
    facts: SHIPPED,
    requestedAt: POST,
    steps: [
      ['2024-09-02T10:00:00+08:00', { action: 'refuse', reason: 'x' }],
      ['2024-09-09T10:00:00+08:00', { action: 'escalate' }],
    ],
    refusal: { step: 1, code: 'REFUND_STATE_INVALID' },
  },
  {
    name: 'H4: virtual goods cannot be escalated before 3 d after the request',
    facts: VIRTUAL,
    requestedAt: POST,
    steps: [
      ['2024-09-01T12:00:00+08:00', { action: 'refuse', reason: 'x' }],
      ['2024-09-04T09:59:59.999+08:00', { action: 'escalate' }],
    ],
    refusal: { step: 1, code: 'ESCALATION_NOT_ALLOWED' },
  },
  {
    name: 'H4: virtual goods may be escalated at exactly 3 d',
    facts: VIRTUAL,
    requestedAt: POST,
    steps: [
      ['2024-09-01T12:00:00+08:00', { action: 'refuse', reason: 'x' }],
      ['2024-09-04T10:00:00+08:00', { action: 'escalate' }],
    ],
    expect: { status: 'intervention' },
  },
  {
    name: 'H4: a refused return can be refused on receipt, resubmitted, and then refunds at once',
    facts: SHIPPED,
    requestedAt: POST,
    request: RETURN,
    steps: [
      ['2024-09-02T10:00:00+08:00', { action: 'agree' }],
      ['2024-09-03T10:00:00+08:00', { action: 'ship_return', method: 'express' }],
      ['2024-09-05T10:00:00+08:00', { action: 'refuse', reason: 'damaged' }],
      ['2024-09-06T10:00:00+08:00', { action: 'resubmit' }],
      ['2024-09-07T10:00:00+08:00', { action: 'agree' }],
    ],
    expect: { status: 'refunded', refunded: 12_900 },
  },
  // I1: escalation only after a refusal.
  {
    name: 'I1: escalation before any refusal is not allowed',
    facts: SHIPPED,
    requestedAt: POST,
    steps: [['2024-09-02T10:00:00+08:00', { action: 'escalate' }]],
    refusal: { step: 0, code: 'ESCALATION_NOT_ALLOWED' },
  },
  {
    name: 'H5: the buyer cancels → closed as cancelled',
    facts: SHIPPED,
    requestedAt: POST,
    steps: [['2024-09-02T10:00:00+08:00', { action: 'cancel' }]],
    expect: { status: 'closed', outcome: 'cancelled' },
  },
];

describe('refund lifecycle (H1–H5)', () => {
  it('every status is reachable from requested and no target is unknown', () => {
    expect(transitionTableProblems(REFUND_TRANSITIONS, 'requested')).toEqual([]);
  });

  for (const c of cases) it(c.name, () => runCase(c));
});

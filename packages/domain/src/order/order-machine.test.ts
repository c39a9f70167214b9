import { describe, expect, it } from 'vitest';
import { taobaoPolicy } from '../policy/taobao.js';
import type { Result } from '../shared/result.js';
import { addDays } from '../shared/time.js';
import {
  ORDER_TRANSITIONS,
  type OrderCommand,
  type OrderState,
  type OrderStatus,
  type OrderTransition,
  placedOrder,
  transitionOrder,
} from './order-machine.js';

const at = (iso: string) => Date.parse(iso);
const created = at('2024-09-01T10:00:00+08:00');
const paidAt = at('2024-09-01T11:00:00+08:00');
const shippedAt = at('2024-09-02T20:00:00+08:00');

function value(result: Result<OrderTransition>): OrderTransition {
  if (!result.ok) throw new Error(`refused: ${result.code}`);
  return result.value;
}

function run(commands: readonly [OrderCommand, number][]): OrderState {
  let order = placedOrder('O1', created);
  for (const [command, now] of commands) order = value(transitionOrder(order, command, now, taobaoPolicy)).order;
  return order;
}

const paid = () => run([[{ action: 'pay' }, paidAt]]);
const shipped = () =>
  run([
    [{ action: 'pay' }, paidAt],
    [{ action: 'ship', method: 'express' }, shippedAt],
  ]);

describe('ORDER_TRANSITIONS', () => {
  const statuses = Object.keys(ORDER_TRANSITIONS) as OrderStatus[];
  it('G1 (STYLE 2): every status is reachable from placed', () => {
    const reached = new Set<OrderStatus>(['placed']);
    const queue: OrderStatus[] = ['placed'];
    for (let status = queue.shift(); status !== undefined; status = queue.shift()) {
      for (const target of Object.values(ORDER_TRANSITIONS[status])) {
        if (target !== undefined && !reached.has(target)) {
          reached.add(target);
          queue.push(target);
        }
      }
    }
    expect([...reached].sort()).toEqual([...statuses].sort());
  });

  it('G1 (STYLE 2): no transition leads to an unknown status', () => {
    const targets = statuses.flatMap((s) => Object.values(ORDER_TRANSITIONS[s]));
    for (const target of targets) expect(statuses).toContain(target);
  });

  it('G1: closed is final', () => {
    expect(ORDER_TRANSITIONS.closed).toEqual({});
  });
});

describe('transitionOrder', () => {
  it('G1: paying sets no countdown (no timeout while paid but unshipped)', () => {
    const t = value(transitionOrder(placedOrder('O1', created), { action: 'pay' }, paidAt, taobaoPolicy));
    expect(t.order).toMatchObject({ status: 'paid', paidAt, autoConfirmAt: null });
    expect(t.timers).toEqual([]);
    expect(t.events.map((e) => e.type)).toEqual(['order.paid']);
  });

  for (const { method, days } of [
    { method: 'express', days: 10 },
    { method: 'post', days: 30 },
    { method: 'virtual', days: 3 },
  ] as const) {
    it(`G1: shipping by ${method} sets the auto-confirm timer at +${days} days`, () => {
      const t = value(transitionOrder(paid(), { action: 'ship', method }, shippedAt, taobaoPolicy));
      const dueAt = addDays(shippedAt, days);
      expect(t.order).toMatchObject({ status: 'shipped', shippedAt, shipMethod: method, autoConfirmAt: dueAt });
      // L1: shipping also ends the shipping-promise deadline set at payment.
      expect(t.timers).toEqual([
        { type: 'set', kind: 'order.auto_confirm', ref: 'O1', dueAt },
        { type: 'cancel', kind: 'order.ship_deadline', ref: 'O1' },
      ]);
      expect(t.events[0]).toMatchObject({
        type: 'order.shipped',
        aggregate: 'order',
        aggregateId: 'O1',
        at: shippedAt,
      });
    });
  }

  for (const { from, command, name } of [
    { name: 'confirm from paid', from: paid, command: { action: 'confirm' } },
    { name: 'auto_confirm from paid', from: paid, command: { action: 'auto_confirm' } },
    { name: 'ship from placed', from: () => placedOrder('O1', created), command: { action: 'ship', method: 'post' } },
    { name: 'deliver from paid', from: paid, command: { action: 'deliver' } },
    { name: 'pay twice', from: paid, command: { action: 'pay' } },
  ] as { name: string; from: () => OrderState; command: OrderCommand }[]) {
    it(`G1: ${name} is refused ORDER_STATE_INVALID`, () => {
      const result = transitionOrder(from(), command, shippedAt + 2, taobaoPolicy);
      expect(result).toMatchObject({ ok: false, code: 'ORDER_STATE_INVALID' });
    });
  }

  for (const { action, automatic } of [
    { action: 'confirm', automatic: false },
    { action: 'auto_confirm', automatic: true },
  ] as const) {
    it(`G1, F1: ${action} → success cancels the countdown and sets review.window_end at +15 d`, () => {
      const now = at('2024-09-05T09:00:00+08:00');
      const t = value(transitionOrder(shipped(), { action }, now, taobaoPolicy));
      expect(t.order).toMatchObject({ status: 'success', successAt: now, autoConfirmAt: null });
      expect(t.timers).toEqual([
        { type: 'cancel', kind: 'order.auto_confirm', ref: 'O1' },
        { type: 'set', kind: 'review.window_end', ref: 'O1', dueAt: addDays(now, 15) },
      ]);
      expect(t.events[0]).toMatchObject({ type: 'order.succeeded', data: { status: 'success', automatic } });
    });
  }

  for (const { from, name } of [
    { name: 'placed', from: () => placedOrder('O1', created) },
    { name: 'paid', from: paid },
    { name: 'shipped', from: shipped },
  ]) {
    it(`G1: closing a ${name} order cancels the auto-confirm timer`, () => {
      const now = at('2024-09-04T09:00:00+08:00');
      const t = value(transitionOrder(from(), { action: 'close', reason: 'full refund' }, now, taobaoPolicy));
      expect(t.order).toMatchObject({ status: 'closed', closedAt: now, autoConfirmAt: null });
      expect(t.timers).toEqual([
        { type: 'cancel', kind: 'order.auto_confirm', ref: 'O1' },
        { type: 'cancel', kind: 'order.ship_deadline', ref: 'O1' },
      ]);
      expect(t.events[0]).toMatchObject({ type: 'order.closed', data: { reason: 'full refund' } });
    });
  }

  it('H: a full refund of every line closes even a successful order (replay.md, Precisions)', () => {
    const success = run([
      [{ action: 'pay' }, paidAt],
      [{ action: 'ship', method: 'express' }, shippedAt],
      [{ action: 'confirm' }, shippedAt + 1],
    ]);
    const now = shippedAt + 2;
    const t = value(transitionOrder(success, { action: 'close', reason: 'fully_refunded' }, now, taobaoPolicy));
    expect(t.order).toMatchObject({ status: 'closed', closedAt: now, successAt: shippedAt + 1 });
  });

  it('K1: delivery is recorded once without changing the status or the countdown', () => {
    const now = at('2024-09-04T09:00:00+08:00');
    const t = value(transitionOrder(shipped(), { action: 'deliver' }, now, taobaoPolicy));
    expect(t.order).toMatchObject({ status: 'shipped', deliveredAt: now, autoConfirmAt: addDays(shippedAt, 10) });
    expect(t.timers).toEqual([]);
    expect(transitionOrder(t.order, { action: 'deliver' }, now + 1, taobaoPolicy)).toMatchObject({
      ok: false,
      code: 'ORDER_STATE_INVALID',
    });
  });
});

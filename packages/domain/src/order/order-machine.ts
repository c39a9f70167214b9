import type { Policy } from '../policy/policy.js';
import type { DomainEvent, TimerEffect } from '../shared/effects.js';
import { cancelTimer, setTimer } from '../shared/effects.js';
import { ok, type Result, refuse } from '../shared/result.js';
import { addDays, type Instant } from '../shared/time.js';

export type OrderStatus = 'placed' | 'paid' | 'shipped' | 'success' | 'closed';
export type ShipMethod = 'express' | 'post' | 'virtual';
export type OrderAction = 'pay' | 'ship' | 'deliver' | 'confirm' | 'auto_confirm' | 'close';

/**
 * The order lifecycle as one literal table: for each status, the actions allowed and where they
 * lead. `deliver` records the signature without changing status (it opens the K1 window).
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, Readonly<Partial<Record<OrderAction, OrderStatus>>>>> = {
  placed: { pay: 'paid', close: 'closed' },
  paid: { ship: 'shipped', close: 'closed' },
  shipped: { deliver: 'shipped', confirm: 'success', auto_confirm: 'success', close: 'closed' },
  // A full refund of every line closes even a successful order (replay.md, Precisions).
  success: { deliver: 'success', close: 'closed' },
  closed: {},
};

/** The facts of an order that its lifecycle needs. */
export interface OrderState {
  readonly orderId: string;
  readonly status: OrderStatus;
  readonly createdAt: Instant;
  readonly paidAt: Instant | null;
  readonly shippedAt: Instant | null;
  readonly shipMethod: ShipMethod | null;
  readonly deliveredAt: Instant | null;
  readonly successAt: Instant | null;
  readonly closedAt: Instant | null;
  /** G1: when the order confirms by itself; `null` when no countdown runs. */
  readonly autoConfirmAt: Instant | null;
}

export interface OrderTransition {
  readonly order: OrderState;
  readonly events: DomainEvent[];
  readonly timers: TimerEffect[];
}

export type OrderCommand =
  | { readonly action: 'pay' }
  | { readonly action: 'ship'; readonly method: ShipMethod }
  | { readonly action: 'deliver' }
  | { readonly action: 'confirm' }
  | { readonly action: 'auto_confirm' }
  | { readonly action: 'close'; readonly reason: string };

/** Decides one order command (G1 timers included); refuses with ORDER_STATE_INVALID. */
export function transitionOrder(
  order: OrderState,
  command: OrderCommand,
  now: Instant,
  policy: Policy,
): Result<OrderTransition> {
  const target = ORDER_TRANSITIONS[order.status][command.action];
  if (target === undefined) {
    return refuse('ORDER_STATE_INVALID', `cannot ${command.action} an order that is ${order.status}`, {
      status: order.status,
    });
  }
  const event = (type: string, data: Record<string, unknown> = {}): DomainEvent => ({
    type,
    aggregate: 'order',
    aggregateId: order.orderId,
    at: now,
    data: { status: target, ...data },
  });
  const autoConfirmRef = order.orderId;
  switch (command.action) {
    case 'pay':
      return ok({ order: { ...order, status: target, paidAt: now }, events: [event('order.paid')], timers: [] });
    case 'ship': {
      const dueAt = addDays(now, policy.autoConfirmDays[command.method]);
      return ok({
        order: { ...order, status: target, shippedAt: now, shipMethod: command.method, autoConfirmAt: dueAt },
        events: [event('order.shipped', { method: command.method, autoConfirmAt: dueAt })],
        timers: [
          setTimer('order.auto_confirm', autoConfirmRef, dueAt),
          cancelTimer('order.ship_deadline', order.orderId),
        ],
      });
    }
    case 'deliver':
      if (order.deliveredAt !== null) {
        return refuse('ORDER_STATE_INVALID', 'the order was already delivered');
      }
      return ok({ order: { ...order, deliveredAt: now }, events: [event('order.delivered')], timers: [] });
    case 'confirm':
    case 'auto_confirm': {
      const reviewWindowEnd = addDays(now, policy.review.windowDays);
      return ok({
        order: { ...order, status: target, successAt: now, autoConfirmAt: null },
        events: [event('order.succeeded', { automatic: command.action === 'auto_confirm' })],
        timers: [
          cancelTimer('order.auto_confirm', autoConfirmRef),
          setTimer('review.window_end', order.orderId, reviewWindowEnd),
        ],
      });
    }
    case 'close':
      return ok({
        order: { ...order, status: target, closedAt: now, autoConfirmAt: null },
        events: [event('order.closed', { reason: command.reason })],
        timers: [cancelTimer('order.auto_confirm', autoConfirmRef), cancelTimer('order.ship_deadline', order.orderId)],
      });
  }
}

/** A freshly placed order. */
export function placedOrder(orderId: string, now: Instant): OrderState {
  return {
    orderId,
    status: 'placed',
    createdAt: now,
    paidAt: null,
    shippedAt: null,
    shipMethod: null,
    deliveredAt: null,
    successAt: null,
    closedAt: null,
    autoConfirmAt: null,
  };
}

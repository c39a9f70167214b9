import type { OrderStatus } from '../order/order-machine.js';
import type { Policy } from '../policy/policy.js';
import { setTimer, type TimerEffect } from '../shared/effects.js';
import { clamp, type Fen, percentOf } from '../shared/money.js';
import { addHours, type Instant } from '../shared/time.js';

/** L1: the instant by which the order must ship, `promisedShipHours` after payment. */
export function promisedShipDeadline(paidAt: Instant, promisedShipHours: number): Instant {
  return addHours(paidAt, promisedShipHours);
}

/** L1: the keyed timer (ref = order id) that checks the promise at its deadline, set at payment. */
export function shipDeadlineTimer(orderId: string, paidAt: Instant, promisedShipHours: number): TimerEffect {
  return setTimer('order.ship_deadline', orderId, promisedShipDeadline(paidAt, promisedShipHours));
}

/** L1: whether a shipment (the carrier's first scan) broke the promise; at the deadline is late. */
export function isShippedLate(paidAt: Instant, promisedShipHours: number, shippedAt: Instant): boolean {
  return shippedAt >= promisedShipDeadline(paidAt, promisedShipHours);
}

/** L3: compensation for a late shipment: a percent of the goods amount (shipping excluded), clamped. */
export function lateShipmentCompensation(goodsAmountFen: Fen, policy: Policy): Fen {
  const p = policy.afterSales.shipPromise;
  return clamp(
    percentOf(goodsAmountFen, p.lateCompensationPercent),
    p.lateCompensationMinFen,
    p.lateCompensationMaxFen,
  );
}

/** What the ship-deadline timer needs to know about the order. */
export interface ShipPromiseFacts {
  readonly orderId: string;
  readonly status: OrderStatus;
  readonly paidAt: Instant | null;
  readonly promisedShipHours: number;
  /** Goods amounts of the lines, in fen (shipping is not part of them). */
  readonly lines: readonly { readonly amountFen: Fen }[];
}

/** L3: a compensation owed to the buyer (replay.md `compensations`). */
export interface LateShipmentCompensation {
  readonly orderId: string;
  readonly kind: 'late_shipment';
  readonly amount: Fen;
}

/**
 * L3 at the deadline timer: an order still paid and unshipped is compensated, once (the timer
 * fires once); a shipped or closed order is not. `null` also when the timer is early or stale.
 */
export function compensationAtShipDeadline(
  order: ShipPromiseFacts,
  now: Instant,
  policy: Policy,
): LateShipmentCompensation | null {
  if (order.status !== 'paid' || order.paidAt === null) return null;
  if (now < promisedShipDeadline(order.paidAt, order.promisedShipHours)) return null;
  const goods = order.lines.reduce((total, l) => total + l.amountFen, 0);
  return { orderId: order.orderId, kind: 'late_shipment', amount: lateShipmentCompensation(goods, policy) };
}

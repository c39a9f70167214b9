import { confirmOrder } from '../app/orders/confirm-order.js';
import { deliverOrder } from '../app/orders/deliver-order.js';
import { payOrder } from '../app/orders/pay-order.js';
import { placeOrder } from '../app/orders/place-order.js';
import { shipOrder } from '../app/orders/ship-order.js';
import { loadOrder } from '../db/orders.repository.js';
import type { DemoSimulation } from './demo-simulation.js';
import { act, DAY, HOUR, later, MINUTE, type OrderRun, soon } from './order-run.js';
import type { OrderPlan } from './plan-orders.js';
import { Random } from './random.js';
import { startRefund } from './refund-story.js';
import { startReviews } from './review-story.js';

/**
 * One order's life through the use cases: placed, paid, shipped (sometimes late), delivered, then
 * confirmed by the buyer or by itself (G1), with a few refunds, returns and disputes on the way.
 */
export function startOrder(sim: DemoSimulation, seed: number, plan: OrderPlan): void {
  const run: OrderRun = {
    sim,
    rng: Random.derive(seed, 3, plan.index),
    plan,
    late: false,
    troubled: false,
    reviewing: false,
    refunds: 0,
    refundedLines: new Set(),
    autoConfirmAt: null,
  };
  sim.at(plan.at, () => place(run));
}

async function place(run: OrderRun): Promise<void> {
  const { plan } = run;
  const placed = await act(run, (uow) =>
    placeOrder(uow, {
      order: plan.id,
      buyer: plan.buyer,
      seller: plan.shop.id,
      lines: plan.lines.map((l) => ({
        line: l.line,
        item: l.item.id,
        title: l.item.name,
        price: l.item.price,
        qty: l.qty,
        // The schema's static type loses the category literals; the value is one of them.
        category: l.item.category as never,
        ...(l.item.virtual ? { virtual: true } : {}),
      })),
      ...(plan.shop.shipping ? { shipping: plan.shop.shipping } : {}),
      ...(plan.shop.kind.promisedShipHours ? { promisedShipHours: plan.shop.kind.promisedShipHours } : {}),
    }),
  );
  if (placed) later(run, soon(run.rng, MINUTE, 40 * MINUTE), pay);
}

async function pay(run: OrderRun): Promise<void> {
  if (!(await act(run, (uow) => payOrder(uow, run.plan.id)))) return;
  const { rng } = run;
  if (!run.plan.shop.kind.virtual && rng.chance(0.02)) {
    // H1: changed their mind before shipment; the seller answers (or not) within 48 h, or ships.
    later(run, soon(rng, 10 * MINUTE, 20 * HOUR), (r) => startRefund(r, 'before_shipment'));
    return;
  }
  scheduleShipment(run);
}

/** Ships within the promise, or after it (L1) for the shop's share of late orders: L3 compensates by itself. */
export function scheduleShipment(run: OrderRun): void {
  const { rng, plan } = run;
  if (plan.shop.kind.virtual) {
    later(run, soon(rng, MINUTE, 10 * MINUTE), ship);
    return;
  }
  const promised = (plan.shop.kind.promisedShipHours ?? 48) * HOUR;
  if (rng.chance(plan.shop.lateRate)) {
    run.late = true;
    later(run, promised + soon(rng, HOUR, 96 * HOUR), ship);
    return;
  }
  later(run, soon(rng, 30 * MINUTE, promised * 0.85), ship);
}

/** The seller ships (closing a refund asked before shipment, H1). */
export async function ship(run: OrderRun): Promise<void> {
  const { rng, plan } = run;
  const method = plan.shop.kind.virtual ? 'virtual' : rng.chance(0.04) ? 'post' : 'express';
  if (!(await act(run, (uow) => shipOrder(uow, plan.id, method)))) return;
  const autoConfirmAt = run.sim.now + run.sim.ctx.policy.autoConfirmDays[method] * DAY;
  run.autoConfirmAt = autoConfirmAt;
  if (method === 'virtual') {
    // G1: virtual goods confirm after 3 days; half the buyers confirm first.
    if (rng.chance(0.5)) return later(run, soon(rng, 10 * MINUTE, 2 * DAY), confirm);
    return run.sim.at(autoConfirmAt, async () => startReviews(run, autoConfirmAt));
  }
  const transit = method === 'post' ? soon(rng, 4 * DAY, 12 * DAY) : soon(rng, 16 * HOUR, 4 * DAY);
  later(run, transit, deliver);
}

async function deliver(run: OrderRun): Promise<void> {
  const { rng, plan } = run;
  if (!(await act(run, (uow) => deliverOrder(uow, plan.id)))) return;
  const roll = rng.next();
  const troubleRate = (1 - plan.shop.quality) * 0.45 + (run.late ? 0.03 : 0);
  if (plan.shop.kind.sevenDayReturns && roll < 0.035) {
    return later(run, soon(rng, 6 * HOUR, 5 * DAY), (r) => startRefund(r, 'no_reason_return'));
  }
  if (roll < 0.035 + troubleRate) return later(run, soon(rng, 2 * HOUR, 4 * DAY), (r) => startRefund(r, 'quality'));
  if (rng.chance(0.72)) return later(run, soon(rng, 10 * MINUTE, 4 * DAY), confirm);
  // Nobody confirms: G1 does it at the deadline (nothing paused it: no refund was asked).
  const due = run.autoConfirmAt!;
  run.sim.at(due, async () => startReviews(run, due));
}

async function confirm(run: OrderRun): Promise<void> {
  if (await act(run, (uow) => confirmOrder(uow, run.plan.id))) startReviews(run, run.sim.now);
}

/**
 * After a refund ends, the order goes on from wherever it stands: closed (all refunded), still to
 * ship (a refund before shipment), awaiting confirmation, or successful.
 */
export async function resumeOrder(run: OrderRun): Promise<void> {
  const order = await loadOrder(run.sim.ctx.db, run.plan.id);
  if (!order) return;
  const { rng } = run;
  switch (order.status) {
    case 'paid':
      return scheduleShipment(run);
    case 'success':
      return startReviews(run, order.successAt!);
    case 'shipped': {
      const due = order.autoConfirmAt ?? run.sim.now + DAY;
      const wait = due - run.sim.now;
      if (wait > HOUR && rng.chance(0.5))
        return later(run, soon(rng, 10 * MINUTE, Math.min(wait - MINUTE, 3 * DAY)), confirm);
      return run.sim.at(due + MINUTE, () => resumeOrder(run));
    }
    default:
      return;
  }
}

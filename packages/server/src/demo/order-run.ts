import type { Instant, Result } from '@xinyu/domain';
import type { UnitOfWork } from '../app/context.js';
import type { DemoSimulation } from './demo-simulation.js';
import type { OrderPlan, PlannedLine } from './plan-orders.js';
import type { Random } from './random.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** What the parties of one order remember while its story unfolds. */
export interface OrderRun {
  readonly sim: DemoSimulation;
  /** The order's own random stream: its story does not depend on how many draws others made. */
  readonly rng: Random;
  readonly plan: OrderPlan;
  /** Shipped after the promised time (L1): buyers remember it in their reviews. */
  late: boolean;
  /** A refund was refused or disputed: the buyer is unhappy. */
  troubled: boolean;
  /** Reviews are planned (once per order). */
  reviewing: boolean;
  refunds: number;
  /** Lines with money refunded: no longer reviewable (F1). */
  readonly refundedLines: Set<string>;
  /** G1: when the order confirms by itself unless a refund pauses it; set at shipment. */
  autoConfirmAt: Instant | null;
}

/** Runs `step` on this order `delay` milliseconds from now (dropped past the end of the build). */
export function later(run: OrderRun, delay: number, step: (run: OrderRun) => Promise<unknown>): void {
  run.sim.at(run.sim.now + delay, () => step(run));
}

/** Runs a use case now; whether it was accepted (a refusal is part of the story, counted in the stats). */
export async function act<T>(run: OrderRun, work: (uow: UnitOfWork) => Promise<Result<T>>): Promise<boolean> {
  return (await run.sim.exec(work)).ok;
}

/** A delay in [min, max] milliseconds leaning towards `min` (people act sooner rather than later). */
export function soon(rng: Random, min: number, max: number): number {
  return min + (max - min) * rng.next() ** 2;
}

/** A line's amount, fen. */
export function lineAmount(line: PlannedLine): number {
  return line.item.price * line.qty;
}

import type { Instant, Result } from '@xinyu/domain';
import type { AppContext, ManualClock, UnitOfWork } from '../app/context.js';
import { executeCommand } from '../app/context.js';
import { fireDueTimers } from '../app/timers/fire-due-timers.js';
import { earliestTimerDue } from '../db/demo.repository.js';
import { StepQueue } from './step-queue.js';

/** What a build did: commands run, refusals by code (a party acting too late is realistic), timers fired. */
export interface SimulationStats {
  commands: number;
  refusals: Record<string, number>;
  timersFired: number;
}

/**
 * Drives the use cases in time order on a simulated clock, as `xinyu replay` does: before each step
 * every timer due at or before its instant fires, so default reviews, automatic confirmations,
 * refund deadlines and late-shipment compensations happen by themselves. Steps due after `end`
 * are never run: they are the marketplace's future.
 */
export class DemoSimulation {
  readonly stats: SimulationStats = { commands: 0, refusals: {}, timersFired: 0 };
  private readonly queue = new StepQueue();
  /** A lower bound of the earliest timer: below it, no timer can be due, and the check is skipped. */
  private nextDue: Instant = Number.NEGATIVE_INFINITY;

  constructor(
    readonly ctx: AppContext & { readonly clock: ManualClock },
    readonly end: Instant,
  ) {}

  get now(): Instant {
    return this.ctx.clock.now();
  }

  /** Schedules `run` at `at` (never before now); a step after the end is dropped. */
  at(at: Instant, run: () => Promise<unknown>): void {
    const when = Math.max(Math.round(at), this.now);
    if (when <= this.end) this.queue.push(when, run);
  }

  /** Runs one use case at the current instant, in its own transaction, as the HTTP API would. */
  async exec<T>(work: (uow: UnitOfWork) => Promise<Result<T>>): Promise<Result<T>> {
    const result = await executeCommand(this.ctx, (uow) => work(this.watching(uow)));
    this.stats.commands += 1;
    if (!result.ok) this.stats.refusals[result.code] = (this.stats.refusals[result.code] ?? 0) + 1;
    return result;
  }

  /** Runs every step in time order, then fires the timers due up to the end; `progress` gets 0–1 of simulated time. */
  async run(progress: (fraction: number) => void): Promise<void> {
    const start = this.now;
    const span = Math.max(1, this.end - start);
    for (let step = this.queue.pop(); step; step = this.queue.pop()) {
      await this.advanceTo(step.at);
      progress((step.at - start) / span);
      await step.run();
    }
    await this.advanceTo(this.end);
    progress(1);
  }

  private async advanceTo(at: Instant): Promise<void> {
    if (this.nextDue <= at) {
      this.stats.timersFired += await fireDueTimers(this.ctx, at, Number.MAX_SAFE_INTEGER);
      this.nextDue = (await earliestTimerDue(this.ctx.db)) ?? Number.POSITIVE_INFINITY;
    }
    this.ctx.clock.set(at);
  }

  /** The unit of work with its timer effects noted, to know when the next timer may be due. */
  private watching(uow: UnitOfWork): UnitOfWork {
    return {
      tx: uow.tx,
      now: uow.now,
      policy: uow.policy,
      record: (sellerId, events) => uow.record(sellerId, events),
      schedule: (sellerId, effects) => {
        for (const effect of effects) {
          if (effect.type === 'set' && effect.dueAt < this.nextDue) this.nextDue = effect.dueAt;
        }
        uow.schedule(sellerId, effects);
      },
    };
  }
}

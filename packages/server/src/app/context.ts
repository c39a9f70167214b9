import type { DomainEvent, Instant, Policy, Refusal, Result, TimerEffect } from '@xinyu/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import { appendEvents } from '../db/events.repository.js';
import type { Database } from '../db/schema.js';
import { applyTimerEffects } from '../db/timers.repository.js';

/** Where "now" comes from: the wall clock in production, a simulated one in replay and tests. */
export interface Clock {
  now(): Instant;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to (replay, tests). */
export class ManualClock implements Clock {
  constructor(private current: Instant) {}
  now(): Instant {
    return this.current;
  }
  set(at: Instant): void {
    this.current = at;
  }
}

/** What every use case is given: storage, the policy in force and the clock. */
export interface AppContext {
  readonly db: Kysely<Database>;
  readonly policy: Policy;
  readonly clock: Clock;
}

export type Tx = Transaction<Database>;

/**
 * One command's unit of work: its transaction, its instant, and the events and timer effects it
 * produces, written in the same transaction as the state change (DESIGN: outbox never after).
 */
export interface UnitOfWork {
  readonly tx: Tx;
  readonly now: Instant;
  readonly policy: Policy;
  record(sellerId: string, events: readonly DomainEvent[]): void;
  schedule(sellerId: string, effects: readonly TimerEffect[]): void;
}

class RefusalSignal extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.code);
  }
}

/**
 * Runs `work` in one transaction at the clock's instant. A refusal rolls everything back and is
 * returned as a value; any other exception is a bug and propagates.
 */
export async function executeCommand<T>(
  ctx: AppContext,
  work: (uow: UnitOfWork) => Promise<Result<T>>,
  options: { tx?: Tx; at?: Instant } = {},
): Promise<Result<T>> {
  const now = options.at ?? ctx.clock.now();
  const { tx } = options;
  const run = async (trx: Tx): Promise<Result<T>> => {
    const events: Array<{ sellerId: string; event: DomainEvent }> = [];
    const timers: Array<{ sellerId: string; effect: TimerEffect }> = [];
    const uow: UnitOfWork = {
      tx: trx,
      now,
      policy: ctx.policy,
      record: (sellerId, list) => {
        for (const event of list) events.push({ sellerId, event });
      },
      schedule: (sellerId, list) => {
        for (const effect of list) timers.push({ sellerId, effect });
      },
    };
    const result = await work(uow);
    if (!result.ok) throw new RefusalSignal(result);
    await applyTimerEffects(trx, timers);
    await appendEvents(trx, events, ctx.policy.version);
    return result;
  };
  if (!tx) {
    try {
      return await ctx.db.transaction().execute(run);
    } catch (error) {
      if (error instanceof RefusalSignal) return error.refusal;
      throw error;
    }
  }
  // Inside a caller's transaction a refusal must still undo this command's writes: a savepoint.
  await sql`savepoint xinyu_command`.execute(tx);
  try {
    const result = await run(tx);
    await sql`release savepoint xinyu_command`.execute(tx);
    return result;
  } catch (error) {
    if (error instanceof RefusalSignal) {
      await sql`rollback to savepoint xinyu_command`.execute(tx);
      return error.refusal;
    }
    throw error;
  }
}

import type { Instant } from '@xinyu/domain';
import {
  boundLockWaits,
  claimDueTimer,
  type DueTimer,
  deleteFiredTimer,
  isLockWaitTimeout,
  postponeTimer,
} from '../../db/timers.repository.js';
import { type AppContext, executeCommand } from '../context.js';
import { fireTimer } from './fire-timer.js';

/** Retries of a timer whose handler failed (a bug or an outage): 5 s doubling, at most 15 min. */
const RETRY_BASE_MS = 5_000;
const RETRY_CAP_MS = 15 * 60_000;
/**
 * How long a firing waits for its subject's locks before it gives the timer back (unfired, not
 * counted as a failure) for the next round: a command holding the subject may be waiting for
 * the timer row this firing holds (see boundLockWaits).
 */
const SUBJECT_LOCK_WAIT_MS = 200;

/**
 * Fires every timer due at or before `until`, earliest first, each in its own transaction that
 * also deletes it: a crash before commit leaves it to fire again, after commit it is gone, so each
 * fires exactly once. Several pollers may run this at once (SKIP LOCKED). Returns how many fired.
 */
export async function fireDueTimers(ctx: AppContext, until: Instant, limit = 1_000): Promise<number> {
  let fired = 0;
  while (fired < limit) {
    let current: DueTimer | null = null;
    try {
      current = await ctx.db.transaction().execute(async (tx) => {
        const timer = await claimDueTimer(tx, until);
        if (!timer) return null;
        current = timer;
        await boundLockWaits(tx, SUBJECT_LOCK_WAIT_MS);
        await executeCommand(ctx, (uow) => fireTimer(uow, timer), { tx, at: timer.dueAt });
        await deleteFiredTimer(tx, timer);
        return timer;
      });
    } catch (error) {
      // Its subject is busy (a command on it may be about to cancel or re-set it): the next round.
      if (isLockWaitTimeout(error)) return fired;
      // The failed timer (not whichever is due next) backs off, so one poison row cannot stall the rest.
      const failed = current as DueTimer | null;
      // Counted from its own instant when the poll looks ahead of the clock (replay, tests), so a
      // retry never makes a timer fire before it is due.
      const from = failed ? Math.max(ctx.clock.now(), failed.dueAt) : 0;
      if (failed) await postponeTimer(ctx.db, failed, from, RETRY_BASE_MS, RETRY_CAP_MS, String(error));
      return fired;
    }
    if (!current) return fired;
    fired += 1;
  }
  return fired;
}

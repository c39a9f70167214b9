import type { Instant } from '@xinyu/domain';
import { claimDueTimer, type DueTimer, deleteFiredTimer, postponeTimer } from '../../db/timers.repository.js';
import { type AppContext, executeCommand } from '../context.js';
import { fireTimer } from './fire-timer.js';

/** Seconds between retries of a timer whose handler failed, doubling up to a cap. */
const RETRY_BASE_MS = 5_000;
const RETRY_CAP_MS = 15 * 60_000;

/**
 * Fires every timer due at or before `until`, earliest first, each in its own transaction that
 * also deletes it: a crash before commit leaves it to fire again, after commit it is gone, so each
 * fires exactly once. Several pollers may run this at once (SKIP LOCKED). Returns how many fired.
 */
export async function fireDueTimers(ctx: AppContext, until: Instant, limit = 1_000): Promise<number> {
  let fired = 0;
  while (fired < limit) {
    let claimed: DueTimer | null = null;
    try {
      claimed = await ctx.db.transaction().execute(async (tx) => {
        const timer = await claimDueTimer(tx, until);
        if (!timer) return null;
        await executeCommand(ctx, (uow) => fireTimer(uow, timer), { tx, at: timer.dueAt });
        await deleteFiredTimer(tx, timer);
        return timer;
      });
    } catch (error) {
      await recordFailure(ctx, until, error);
      return fired;
    }
    if (!claimed) return fired;
    fired += 1;
  }
  return fired;
}

async function recordFailure(ctx: AppContext, until: Instant, error: unknown): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const timer = await claimDueTimer(tx, until);
    if (!timer) return;
    const row = await tx
      .selectFrom('timers')
      .select('attempts')
      .where('kind', '=', timer.kind)
      .where('ref', '=', timer.ref)
      .executeTakeFirst();
    const delay = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** (row?.attempts ?? 0));
    await postponeTimer(tx, timer, ctx.clock.now() + delay, String(error));
  });
}

import type { AppContext } from '../app/context.js';
import { fireDueTimers } from '../app/timers/fire-due-timers.js';

/** A running poller; `stop()` resolves once the current round has finished. */
export interface TimerPoller {
  stop(): Promise<void>;
}

/**
 * Fires due timers every `intervalMs` (default 1,000 ms) until stopped. Several processes may
 * poll the same database: rows are claimed with SKIP LOCKED, so each timer fires once.
 */
export function startTimerPoller(ctx: AppContext, intervalMs = 1_000, onError?: (e: unknown) => void): TimerPoller {
  let stopped = false;
  let wake: (() => void) | null = null;
  const loop = (async () => {
    while (!stopped) {
      try {
        await fireDueTimers(ctx, ctx.clock.now());
      } catch (error) {
        onError?.(error);
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, intervalMs).unref();
      });
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}

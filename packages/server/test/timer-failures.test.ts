import { setTimer, type TimerKind } from '@xinyu/domain';
import { describe, expect, it } from 'vitest';
import { fireDueTimers } from '../src/app/timers/fire-due-timers.js';
import { applyTimerEffects } from '../src/db/timers.repository.js';
import { instant, makeContext, useTestDatabase } from './support/test-database.js';

const testDb = useTestDatabase();
const T0 = instant('2024-03-04T10:00:00+08:00');

describe('a timer whose handler fails', () => {
  it('backs off with doubling delays while the other due timers still fire', async () => {
    const ctx = makeContext(testDb().db, T0);
    await ctx.db.transaction().execute((tx) =>
      applyTimerEffects(tx, [
        // No handler exists for this kind: firing it throws, as a bug would.
        { sellerId: 'S1', effect: setTimer('bogus.kind' as TimerKind, 'X', T0 - 2_000) },
        { sellerId: 'S1', effect: setTimer('order.auto_confirm', 'NO-SUCH-ORDER', T0 - 1_000) },
      ]),
    );
    const rows = () =>
      ctx.db.selectFrom('timers').select(['kind', 'ref', 'due_at', 'attempts', 'last_error']).orderBy('kind').execute();

    expect(await fireDueTimers(ctx, T0)).toBe(0);
    let [bogus, ...others] = await rows();
    expect(bogus).toMatchObject({ kind: 'bogus.kind', attempts: 1 });
    expect(bogus?.due_at.getTime()).toBe(T0 + 5_000);
    expect(bogus?.last_error).toContain('no handler');
    expect(others.map((r) => r.kind)).toEqual(['order.auto_confirm']);

    // The healthy timer is not held back by the failing one.
    expect(await fireDueTimers(ctx, T0)).toBe(1);
    ctx.clock.set(T0 + 5_000);
    expect(await fireDueTimers(ctx, T0 + 5_000)).toBe(0);
    [bogus, ...others] = await rows();
    expect(others).toEqual([]);
    expect(bogus).toMatchObject({ attempts: 2 });
    expect(bogus?.due_at.getTime()).toBe(T0 + 5_000 + 10_000);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectCreditRecomputes, expectDsrRecomputes } from './support/expect-recomputes.js';
import { loadAllReviews } from './support/recompute.js';
import { applyHistory, HISTORY_START, reviewHistory } from './support/review-history.js';
import { commands, makeContext, useTestDatabase } from './support/test-database.js';

// DESIGN: "the incremental state equals a from-scratch recomputation (property-tested)".
const RUNS = Number(process.env.XINYU_PROPERTY_RUNS ?? 40);
const MAX_ORDERS = 30;
const testDb = useTestDatabase();

describe('credit and DSR kept incrementally equal a from-scratch recomputation', () => {
  it('A1/A3/A4/A6/A9, E2/E4/E5, F2, F6: random histories through the use cases', async () => {
    // How many histories reached each rule, refusal and review state (XINYU_PROPERTY_STATS=1 prints it).
    const seen: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(reviewHistory(MAX_ORDERS), async (history) => {
        const database = testDb();
        await database.truncate();
        const ctx = makeContext(database.db, HISTORY_START - 1);
        const outcome = await applyHistory(history, commands(ctx));
        const decided = await expectCreditRecomputes(ctx);
        await expectDsrRecomputes(ctx);

        const reached = new Set(Object.keys(outcome.refusals));
        for (const d of decided) reached.add(`rule ${d.rule}`);
        for (const r of await loadAllReviews(ctx.db)) {
          if (r.is_default) reached.add('default review (F2)');
          if (r.state !== 'active') reached.add(`review ${r.state}`);
          if (r.dsr_description !== null && !r.dsr_counted) reached.add('DSR past the E4 cap');
        }
        for (const what of reached) seen[what] = (seen[what] ?? 0) + 1;
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: 200_000 },
    );
    if (process.env.XINYU_PROPERTY_STATS) console.info(seen);
    // The generator must reach every rule it is meant to exercise, or the property proves little.
    const meant = ['rule A1', 'rule A3', 'rule A4', 'rule A6', 'rule deleted', 'review modified'];
    for (const what of [...meant, 'default review (F2)', 'DSR past the E4 cap']) {
      expect(seen[what] ?? 0, `histories reaching ${what}: ${JSON.stringify(seen)}`).toBeGreaterThan(0);
    }
  }, 240_000);
});

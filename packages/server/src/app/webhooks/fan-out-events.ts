import { fanOutOutbox } from '../../db/webhooks.repository.js';
import type { AppContext } from '../context.js';

/** Outbox rows turned into deliveries per transaction. */
const BATCH = 500;

/**
 * Turns every outbox row not yet dispatched into one pending delivery per matching subscription,
 * in event order, a batch per transaction. Returns how many deliveries it created; 0 at once when
 * another dispatcher is fanning out.
 */
export async function fanOutEvents(ctx: AppContext, maxBatches = 20): Promise<number> {
  let created = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const done = await ctx.db.transaction().execute((tx) => fanOutOutbox(tx, ctx.clock.now(), BATCH));
    if (done === null) return created;
    created += done.deliveries;
    if (done.events < BATCH) return created;
  }
  return created;
}

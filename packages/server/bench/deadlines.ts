import { sql } from 'kysely';
import type { AppContext } from '../src/app/context.js';
import { fireDueTimers } from '../src/app/timers/fire-due-timers.js';
import type { BenchDatabase } from './bench-database.js';
import { type BenchOrder, DAY, insertOrders } from './fixtures.js';
import { perSecond, round, timed } from './measure.js';
import type { BenchOptions } from './options.js';
import type { FigureResult } from './report.js';

/**
 * Deadlines: `--timers` due auto-confirmations (G1: shipped orders whose 10 days ran out a day
 * ago) fired through fireDueTimers (claim with SKIP LOCKED, the order use case, its events,
 * outbox and the review-window timer, one transaction per timer), against raw statements doing
 * the same rows' change: one transaction per timer with an UPDATE of the order and a DELETE of
 * its timer. Both sides fire the same rows, the raw side first, then the rows are set back.
 */
export async function benchDeadlines(
  bench: BenchDatabase,
  ctx: AppContext,
  options: BenchOptions,
): Promise<FigureResult> {
  const { db } = bench;
  const now = ctx.clock.now();
  const orders = shippedOrders('tmr', options.timers, now);
  await insertOrders(db, orders);
  const setBack = async () => {
    await sql`update orders set status = 'shipped', success_at = null, auto_confirm_at = shipped_at + interval '10 days'
      where seller_id like 'tmrS%'`.execute(db);
    await sql`insert into timers (kind, ref, seller_id, due_at)
      select 'order.auto_confirm', order_id, seller_id, auto_confirm_at from orders where seller_id like 'tmrS%'
      on conflict (kind, ref) do update set due_at = excluded.due_at`.execute(db);
    await sql`delete from timers where kind = 'review.window_end' and seller_id like 'tmrS%'`.execute(db);
    await bench.vacuum();
  };
  await setBack();

  const raw = await timed(async () => {
    for (const o of orders) {
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('orders')
          .set({ status: 'success', success_at: new Date(o.autoConfirmAt!), auto_confirm_at: null })
          .where('seller_id', '=', o.sellerId)
          .where('order_id', '=', o.orderId)
          .execute();
        await tx.deleteFrom('timers').where('kind', '=', 'order.auto_confirm').where('ref', '=', o.orderId).execute();
      });
    }
  });
  await expectAllSucceeded(bench, orders.length);
  await setBack();

  const ours = await timed(() => fireDueTimers(ctx, now, orders.length));
  if (ours.value !== orders.length) throw new Error(`fired ${ours.value} timers, expected ${orders.length}`);
  await expectAllSucceeded(bench, orders.length);

  const oursRate = perSecond(orders.length, ours.ms);
  const rawRate = perSecond(orders.length, raw.ms);
  return {
    ratio: round(oursRate / rawRate),
    ours: { timers: orders.length, ms: round(ours.ms), perSecond: round(oursRate) },
    raw: { timers: orders.length, ms: round(raw.ms), perSecond: round(rawRate) },
  };
}

async function expectAllSucceeded(bench: BenchDatabase, count: number): Promise<void> {
  const row = await sql<{ done: number | string; left: number | string }>`select
      (select count(*) from orders where seller_id like 'tmrS%' and status = 'success') as done,
      (select count(*) from timers where kind = 'order.auto_confirm' and seller_id like 'tmrS%') as left`.execute(
    bench.db,
  );
  const { done, left } = row.rows[0] ?? { done: 0, left: -1 };
  if (Number(done) !== count || Number(left) !== 0) {
    throw new Error(`after firing: ${done} of ${count} orders succeeded, ${left} timers left`);
  }
}

/** Orders shipped 11 days before `now` by express: their auto-confirmation fell due a day ago. */
function shippedOrders(prefix: string, count: number, now: number): BenchOrder[] {
  const sellers = Math.max(1, Math.ceil(count / 100));
  return Array.from({ length: count }, (_, n) => {
    const shippedAt = now - 11 * DAY + n;
    return {
      sellerId: `${prefix}S${n % sellers}`,
      buyerId: `${prefix}B${n % Math.max(1, Math.ceil(count / 3))}`,
      orderId: `${prefix}${n}`,
      status: 'shipped' as const,
      createdAt: shippedAt - DAY,
      shippedAt,
      successAt: null,
      autoConfirmAt: shippedAt + 10 * DAY,
      lines: [{ lineId: 'L1', itemId: `I${n % 50}`, amountFen: 2_000 }],
    };
  });
}

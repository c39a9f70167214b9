import { sql } from 'kysely';
import type { AppContext } from '../src/app/context.js';
import { fireDueTimers } from '../src/app/timers/fire-due-timers.js';
import type { BenchDatabase } from './bench-database.js';
import { type BenchOrder, DAY, insertOrders } from './fixtures.js';
import { ROUNDS } from './load.js';
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
  // Both sides fire the same rows: the raw side first, then the rows are set back as they were.
  const setBack = async (part: readonly BenchOrder[]) => {
    const ids = part.map((o) => o.orderId);
    await sql`update orders set status = 'shipped', success_at = null, auto_confirm_at = shipped_at + interval '10 days'
      where seller_id like 'tmrS%' and order_id = any(${ids}::text[])`.execute(db);
    await sql`insert into timers (kind, ref, seller_id, due_at)
      select 'order.auto_confirm', order_id, seller_id, auto_confirm_at from orders
      where seller_id like 'tmrS%' and order_id = any(${ids}::text[])
      on conflict (kind, ref) do update set due_at = excluded.due_at`.execute(db);
    await sql`delete from timers where kind = 'review.window_end' and ref = any(${ids}::text[])`.execute(db);
    await bench.vacuum();
  };
  await setBack(orders);

  // Rounds of the earliest-due rows, raw then ours, so that load from elsewhere hits both alike.
  let rawMs = 0;
  let oursMs = 0;
  const size = Math.ceil(orders.length / ROUNDS);
  for (let start = 0; start < orders.length; start += size) {
    const part = orders.slice(start, start + size);
    const raw = await timed(async () => {
      for (const o of part) {
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
    rawMs += raw.ms;
    await expectSucceeded(bench, start + part.length);
    await setBack(part);
    const ours = await timed(() => fireDueTimers(ctx, now, part.length));
    if (ours.value !== part.length) throw new Error(`fired ${ours.value} timers, expected ${part.length}`);
    oursMs += ours.ms;
    await expectSucceeded(bench, start + part.length);
  }

  const oursRate = perSecond(orders.length, oursMs);
  const rawRate = perSecond(orders.length, rawMs);
  return {
    ratio: round(oursRate / rawRate),
    ours: { timers: orders.length, ms: round(oursMs), perSecond: round(oursRate) },
    raw: { timers: orders.length, ms: round(rawMs), perSecond: round(rawRate) },
    extra: { rounds: ROUNDS },
  };
}

/** `count` of the bench's orders have succeeded, and only the others still have their auto-confirmation. */
async function expectSucceeded(bench: BenchDatabase, count: number): Promise<void> {
  const row = await sql<{ done: number | string; left: number | string; all: number | string }>`select
      (select count(*) from orders where seller_id like 'tmrS%' and status = 'success') as done,
      (select count(*) from orders where seller_id like 'tmrS%') as all,
      (select count(*) from timers where kind = 'order.auto_confirm' and seller_id like 'tmrS%') as left`.execute(
    bench.db,
  );
  const { done, left, all } = row.rows[0] ?? { done: 0, left: -1, all: 0 };
  if (Number(done) !== count || Number(left) !== Number(all) - count) {
    throw new Error(`after firing: ${done} orders succeeded (expected ${count}), ${left} timers left`);
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

import { cancelTimer, DAY_MS, ok, refuse, setTimer, type TimerEffect } from '@xinyu/domain';
import { describe, expect, it } from 'vitest';
import { executeCommand } from '../src/app/context.js';
import { confirmOrder } from '../src/app/orders/confirm-order.js';
import { payOrder } from '../src/app/orders/pay-order.js';
import { placeOrder } from '../src/app/orders/place-order.js';
import { shipOrder } from '../src/app/orders/ship-order.js';
import { getCredit } from '../src/app/queries/get-credit.js';
import { rateReview } from '../src/app/reviews/rate-review.js';
import { fireDueTimers } from '../src/app/timers/fire-due-timers.js';
import { openDatabase } from '../src/db/open-database.js';
import { expectCreditRecomputes } from './support/expect-recomputes.js';
import { loadAllReviews } from './support/recompute.js';
import { commands, instant, makeContext, type TestContext, useTestDatabase } from './support/test-database.js';

const testDb = useTestDatabase();
const T0 = '2024-03-04T10:00:00+08:00';
const MINUTE = 60_000;

async function timerRows(ctx: TestContext) {
  const rows = await ctx.db
    .selectFrom('timers')
    .select(['kind', 'ref', 'due_at'])
    .orderBy('kind')
    .orderBy('ref')
    .execute();
  return rows.map((r) => ({ kind: r.kind, ref: r.ref, dueAt: r.due_at.getTime() }));
}

const line = (item = 'I1') => [{ line: 'L1', item, price: 3_900 }];

async function placePaidShipped(ctx: TestContext, orderId: string, at: number) {
  const run = commands(ctx);
  await run.run(at, (uow) => placeOrder(uow, { order: orderId, buyer: 'B1', seller: 'S1', lines: line() }));
  await run.run(at + MINUTE, (uow) => payOrder(uow, orderId));
  const shipped = await run.run(at + 2 * MINUTE, (uow) => shipOrder(uow, orderId, 'express'));
  expect(shipped.ok).toBe(true);
  return at + 2 * MINUTE;
}

/** Counts of the rows a command writes besides its state. */
async function eventCounts(ctx: TestContext) {
  const events = await ctx.db.selectFrom('events').select(['event_id', 'event_type', 'aggregate_id']).execute();
  const outbox = await ctx.db.selectFrom('outbox').select('event_id').execute();
  return { events: events.length, outbox: outbox.length, types: events.map((e) => e.event_type).sort() };
}

describe('keyed timers (STYLE 4)', () => {
  it('a set replaces the timer of the same kind and ref; a cancel removes it', async () => {
    const ctx = makeContext(testDb().db, T0);
    const at = instant(T0);
    const schedule = (effects: TimerEffect[]) =>
      executeCommand(ctx, async (uow) => {
        uow.schedule('S1', effects);
        return ok(null);
      });
    await schedule([setTimer('order.auto_confirm', 'O1', at + DAY_MS)]);
    await schedule([setTimer('order.auto_confirm', 'O1', at + 2 * DAY_MS)]);
    await schedule([setTimer('review.window_end', 'O1', at + 3 * DAY_MS)]);
    expect(await timerRows(ctx)).toEqual([
      { kind: 'order.auto_confirm', ref: 'O1', dueAt: at + 2 * DAY_MS },
      { kind: 'review.window_end', ref: 'O1', dueAt: at + 3 * DAY_MS },
    ]);
    await schedule([cancelTimer('order.auto_confirm', 'O1')]);
    expect(await timerRows(ctx)).toEqual([{ kind: 'review.window_end', ref: 'O1', dueAt: at + 3 * DAY_MS }]);
  });

  it('G1, F1: shipping sets auto-confirmation at ship + 10 d; confirming cancels it and sets the review window end', async () => {
    const ctx = makeContext(testDb().db, T0);
    const shippedAt = await placePaidShipped(ctx, 'O1', instant(T0));
    expect(await timerRows(ctx)).toEqual([{ kind: 'order.auto_confirm', ref: 'O1', dueAt: shippedAt + 10 * DAY_MS }]);
    const confirmedAt = shippedAt + DAY_MS;
    await commands(ctx).run(confirmedAt, (uow) => confirmOrder(uow, 'O1'));
    expect(await timerRows(ctx)).toEqual([{ kind: 'review.window_end', ref: 'O1', dueAt: confirmedAt + 15 * DAY_MS }]);
  });

  it('G1: a timer fires at its own instant: successAt is ship + 10 d exactly, however late the poll', async () => {
    const ctx = makeContext(testDb().db, T0);
    const shippedAt = await placePaidShipped(ctx, 'O1', instant(T0));
    const due = shippedAt + 10 * DAY_MS;
    expect(await commands(ctx).advanceTo(due - 1)).toBe(0);
    expect(await commands(ctx).advanceTo(due + 3 * DAY_MS)).toBe(1);
    const order = await ctx.db.selectFrom('orders').select(['status', 'success_at']).executeTakeFirstOrThrow();
    expect(order).toEqual({ status: 'success', success_at: new Date(due) });
    const event = await ctx.db
      .selectFrom('events')
      .select(['occurred_at', 'payload'])
      .where('event_type', '=', 'order.succeeded')
      .executeTakeFirstOrThrow();
    expect(event.occurred_at).toEqual(new Date(due));
    expect(event.payload).toMatchObject({ automatic: true });
    // The review window it opened is keyed to that instant too (F1: success + 15 d).
    expect(await timerRows(ctx)).toEqual([{ kind: 'review.window_end', ref: 'O1', dueAt: due + 15 * DAY_MS }]);
  });

  it('windows are half-open: a confirm at exactly ship + 10 d comes after the timer due then', async () => {
    const ctx = makeContext(testDb().db, T0);
    const shippedAt = await placePaidShipped(ctx, 'O1', instant(T0));
    const late = await commands(ctx).run(shippedAt + 10 * DAY_MS, (uow) => confirmOrder(uow, 'O1'));
    expect(late).toMatchObject({ ok: false, code: 'ORDER_STATE_INVALID' });
  });
});

describe('fireDueTimers from two contexts at once', () => {
  /** A second poller: its own pool on PostgreSQL; on PGlite the same single-session pool. */
  async function secondPoller(ctx: TestContext) {
    const database = testDb();
    if (database.storage !== 'postgres')
      return { ctx: makeContext(database.db, ctx.clock.now()), close: async () => {} };
    const opened = await openDatabase({ kind: 'postgres', url: database.url!, poolSize: 4 });
    return { ctx: makeContext(opened.db, ctx.clock.now()), close: () => opened.close() };
  }

  it('G1: each due auto-confirmation fires exactly once', async () => {
    const ctx = makeContext(testDb().db, T0);
    const orders = Array.from({ length: 12 }, (_, i) => `O${i + 1}`);
    const shipped = new Map<string, number>();
    for (const [i, id] of orders.entries())
      shipped.set(id, await placePaidShipped(ctx, id, instant(T0) + i * 10 * MINUTE));
    const until = instant(T0) + 11 * DAY_MS;
    const other = await secondPoller(ctx);
    try {
      const fired = await Promise.all([fireDueTimers(ctx, until), fireDueTimers(other.ctx, until)]);
      expect(fired[0] + fired[1]).toBe(orders.length);
    } finally {
      await other.close();
    }
    const succeeded = await ctx.db
      .selectFrom('events')
      .select('aggregate_id')
      .where('event_type', '=', 'order.succeeded')
      .execute();
    expect(succeeded.map((e) => e.aggregate_id).sort()).toEqual([...orders].sort());
    const rows = await ctx.db.selectFrom('orders').select(['order_id', 'status', 'success_at']).execute();
    for (const row of rows) {
      expect(row).toEqual({
        order_id: row.order_id,
        status: 'success',
        success_at: new Date(shipped.get(row.order_id)! + 10 * DAY_MS),
      });
    }
    expect((await timerRows(ctx)).map((t) => t.kind)).toEqual(orders.map(() => 'review.window_end'));
  });

  it('F2, A4: default reviews of one pair created concurrently count as a from-scratch recount does', async () => {
    const ctx = makeContext(testDb().db, T0);
    const run = commands(ctx);
    const orders = Array.from({ length: 8 }, (_, i) => `O${i + 1}`);
    for (const [i, id] of orders.entries()) {
      const successAt = await run.completeOrder(instant(T0) + i * 10 * MINUTE, {
        order: id,
        buyer: 'B1',
        seller: 'S1',
        lines: line('I1'),
      });
      const rated = await run.run(successAt + MINUTE, (uow) =>
        rateReview(uow, id, 'L1', { by: 'seller', rating: 'good' }),
      );
      expect(rated.ok).toBe(true);
    }
    const until = instant(T0) + 16 * DAY_MS;
    const other = await secondPoller(ctx);
    try {
      const fired = await Promise.all([fireDueTimers(ctx, until), fireDueTimers(other.ctx, until)]);
      expect(fired[0] + fired[1]).toBe(orders.length);
    } finally {
      await other.close();
    }
    const reviews = await loadAllReviews(ctx.db);
    expect(
      reviews
        .filter((r) => r.is_default)
        .map((r) => r.order_id)
        .sort(),
    ).toEqual([...orders].sort());
    // Same item within 14 days: one counted good (A4), whichever poller got there first; one
    // current ledger entry per review, totals equal to their sum.
    expect(await getCredit(ctx, 'seller', 'S1')).toMatchObject({ score: 1, good: 1 });
    await expectCreditRecomputes(ctx);
  });
});

describe('events and outbox rows share the command’s transaction', () => {
  it('a command writes its state, its events and their outbox rows together', async () => {
    const ctx = makeContext(testDb().db, T0);
    await placePaidShipped(ctx, 'O1', instant(T0));
    const events = await ctx.db.selectFrom('events').selectAll().orderBy('event_id').execute();
    expect(events.map((e) => [e.event_type, e.aggregate_id, e.seller_id])).toEqual([
      ['order.placed', 'O1', 'S1'],
      ['order.paid', 'O1', 'S1'],
      ['order.shipped', 'O1', 'S1'],
    ]);
    const outbox = await ctx.db.selectFrom('outbox').selectAll().orderBy('event_id').execute();
    expect(outbox.map((o) => [o.event_id, o.seller_id, o.aggregate_id])).toEqual(
      events.map((e) => [e.event_id, 'S1', 'O1']),
    );
  });

  it('a refused command writes nothing: no state, no event, no outbox row, no timer', async () => {
    const ctx = makeContext(testDb().db, T0);
    await placePaidShipped(ctx, 'O1', instant(T0));
    const before = { counts: await eventCounts(ctx), timers: await timerRows(ctx) };
    const again = await commands(ctx).run(instant(T0) + DAY_MS, (uow) => payOrder(uow, 'O1'));
    expect(again).toMatchObject({ ok: false, code: 'ORDER_STATE_INVALID' });
    // A use case that wrote before refusing is rolled back whole.
    const partial = await executeCommand(ctx, async (uow) => {
      await placeOrder(uow, { order: 'O2', buyer: 'B2', seller: 'S2', lines: line() });
      uow.schedule('S2', [setTimer('order.auto_confirm', 'O2', instant(T0) + 5 * DAY_MS)]);
      return refuse('VALIDATION_FAILED', 'refused after writing');
    });
    expect(partial).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect({ counts: await eventCounts(ctx), timers: await timerRows(ctx) }).toEqual(before);
    expect(await ctx.db.selectFrom('order_directory').select('order_id').execute()).toEqual([{ order_id: 'O1' }]);
    expect(await ctx.db.selectFrom('buyers').select('buyer_id').execute()).toEqual([{ buyer_id: 'B1' }]);
  });

  it('inside a caller’s transaction (a firing timer), a refusal undoes only that command', async () => {
    const ctx = makeContext(testDb().db, T0);
    await placePaidShipped(ctx, 'O1', instant(T0));
    const before = await eventCounts(ctx);
    await ctx.db.transaction().execute(async (tx) => {
      const paid = await executeCommand(
        ctx,
        (uow) => placeOrder(uow, { order: 'O2', buyer: 'B1', seller: 'S1', lines: line() }),
        {
          tx,
        },
      );
      expect(paid.ok).toBe(true);
      const refused = await executeCommand(
        ctx,
        async (uow) => {
          await payOrder(uow, 'O2');
          return refuse('VALIDATION_FAILED', 'refused after writing');
        },
        { tx },
      );
      expect(refused.ok).toBe(false);
    });
    const o2 = await ctx.db
      .selectFrom('orders')
      .select('status')
      .where('order_id', '=', 'O2')
      .executeTakeFirstOrThrow();
    expect(o2.status).toBe('placed');
    expect((await eventCounts(ctx)).types).toEqual([...before.types, 'order.placed'].sort());
  });
});

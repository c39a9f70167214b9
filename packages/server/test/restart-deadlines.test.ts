import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DAY_MS, type Instant, type Result } from '@xinyu/domain';
import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { PlaceOrderInput } from '../src/app/command-schemas.js';
import type { UnitOfWork } from '../src/app/context.js';
import { confirmOrder } from '../src/app/orders/confirm-order.js';
import { payOrder } from '../src/app/orders/pay-order.js';
import { placeOrder } from '../src/app/orders/place-order.js';
import { shipOrder } from '../src/app/orders/ship-order.js';
import { requestRefund } from '../src/app/refunds/request-refund.js';
import { rateReview } from '../src/app/reviews/rate-review.js';
import { fireDueTimers } from '../src/app/timers/fire-due-timers.js';
import { openDatabase } from '../src/db/open-database.js';
import type { Database } from '../src/db/schema.js';
import { crashAfterEventInsert } from './support/crash-point.js';
import { commands, instant, makeContext, type TestContext, useTestDatabase } from './support/test-database.js';

// Issue: "A restart of the server in the middle of pending deadlines fires each of them exactly
// once, at or after its instant." Deadlines of four kinds are set through the use cases, the
// poller runs to a midpoint, the process dies in the middle of firing one, a new process on the
// same database polls past every deadline; the events table tells what happened, and when.

const testDb = useTestDatabase();
const T0 = instant('2024-03-04T10:00:00+08:00');
const MINUTE = 60_000;
const MIDPOINT = T0 + 7 * DAY_MS;
/** Past every deadline set here and every one their firing sets (the last: ship + 30 d + 15 d). */
const END = T0 + 60 * DAY_MS;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CHILD = path.join(ROOT, 'packages/server/test/support/timer-poller-child.ts');

/** The event each kind of deadline leaves when it fires, and the aggregate it names. */
const EFFECTS: Readonly<Record<string, { type: string; aggregate: (ref: string) => string }>> = {
  'order.ship_deadline': { type: 'order.late_shipment_compensated', aggregate: (ref) => ref }, // L3
  'refund.seller_deadline': { type: 'refund.seller_timed_out', aggregate: (ref) => ref }, // H2
  'order.auto_confirm': { type: 'order.succeeded', aggregate: (ref) => ref }, // G1
  'review.window_end': { type: 'review.defaulted', aggregate: (ref) => `${ref}/L1/seller` }, // F2
};

interface Deadline {
  readonly kind: string;
  readonly ref: string;
  readonly dueAt: Instant;
}

async function timerRows(db: Kysely<Database>): Promise<Deadline[]> {
  const rows = await db
    .selectFrom('timers')
    .select(['kind', 'ref', 'due_at'])
    .orderBy('due_at')
    .orderBy('kind')
    .orderBy('ref')
    .execute();
  return rows.map((r) => ({ kind: r.kind, ref: r.ref, dueAt: r.due_at.getTime() }));
}

/** When each deadline's effect was recorded: `kind ref` → the occurred_at of every matching event. */
async function effectsOf(db: Kysely<Database>, deadlines: readonly Deadline[]): Promise<Record<string, Instant[]>> {
  const rows = await db
    .selectFrom('events')
    .select(['event_type', 'aggregate_id', 'occurred_at', 'payload'])
    .where(
      'event_type',
      'in',
      Object.values(EFFECTS).map((e) => e.type),
    )
    .orderBy('event_id')
    .execute();
  const found: Record<string, Instant[]> = {};
  for (const d of deadlines) {
    const effect = EFFECTS[d.kind]!;
    found[`${d.kind} ${d.ref}`] = rows
      .filter((r) => r.event_type === effect.type && r.aggregate_id === effect.aggregate(d.ref))
      // A buyer's own confirmation is not the auto-confirmation's effect.
      .filter((r) => r.event_type !== 'order.succeeded' || (r.payload as { automatic?: boolean }).automatic === true)
      .map((r) => r.occurred_at.getTime());
  }
  return found;
}

/**
 * Sets 20 deadlines through the use cases, a minute apart from T0: five ship deadlines (L1: paid,
 * promised in 1–5 d), five seller deadlines of refunds after shipment (H2: 5 d, virtual 3 d), five
 * auto-confirmations (G1: express 10 d, post 30 d, virtual 3 d), five review windows (F2: the
 * buyer rated good, the seller silent; success + 15 d).
 */
async function setDeadlines(ctx: TestContext): Promise<void> {
  const run = commands(ctx);
  let at = T0;
  const step = async <T>(work: (uow: UnitOfWork) => Promise<Result<T>>) => {
    at += MINUTE;
    const result = await run.run(at, work);
    if (!result.ok) throw new Error(`setup refused: ${result.code} ${result.message}`);
  };
  const order = (id: string, fields: Partial<PlaceOrderInput> = {}): PlaceOrderInput => ({
    order: id,
    buyer: 'B1',
    seller: 'S1',
    lines: [{ line: 'L1', item: `I-${id}`, price: 3_900 }],
    ...fields,
  });
  for (let i = 1; i <= 5; i++) {
    await step((uow) => placeOrder(uow, order(`SD${i}`, { promisedShipHours: 24 * i })));
    await step((uow) => payOrder(uow, `SD${i}`));
  }
  for (let i = 1; i <= 5; i++) {
    const virtual = i > 3;
    await step((uow) =>
      placeOrder(uow, order(`RF${i}`, { lines: [{ line: 'L1', item: 'I', price: 3_900, virtual }] })),
    );
    await step((uow) => payOrder(uow, `RF${i}`));
    await step((uow) => shipOrder(uow, `RF${i}`, virtual ? 'virtual' : 'express'));
    await step((uow) =>
      requestRefund(uow, {
        refund: `R${i}`,
        order: `RF${i}`,
        line: 'L1',
        kind: 'refund_only',
        amount: 3_900,
        reason: 'quality',
      }),
    );
  }
  const methods = ['express', 'express', 'post', 'virtual', 'virtual'] as const;
  for (const [i, method] of methods.entries()) {
    await step((uow) => placeOrder(uow, order(`AC${i + 1}`)));
    await step((uow) => payOrder(uow, `AC${i + 1}`));
    await step((uow) => shipOrder(uow, `AC${i + 1}`, method));
  }
  for (let i = 1; i <= 5; i++) {
    await step((uow) => placeOrder(uow, order(`RW${i}`)));
    await step((uow) => payOrder(uow, `RW${i}`));
    await step((uow) => shipOrder(uow, `RW${i}`, 'express'));
    await step((uow) => confirmOrder(uow, `RW${i}`));
    await step((uow) => rateReview(uow, `RW${i}`, 'L1', { by: 'buyer', rating: 'good' }));
  }
}

interface Store {
  readonly db: Kysely<Database>;
  close(): Promise<void>;
}

/** Waits for a line on the child's stdout; fails when it exits first or after `ms`. */
function waitForLine(child: ChildProcess, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no answer from the child in ${ms} ms: ${out} ${err}`)), ms);
    child.stderr?.on('data', (chunk) => {
      err += String(chunk);
    });
    child.stdout?.on('data', (chunk) => {
      out += String(chunk);
      const line = out.split('\n').find((l) => l.startsWith('IN_FLIGHT') || l.startsWith('DONE'));
      if (line) {
        clearTimeout(timer);
        resolve(line);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the child exited (${code}) before hanging: ${out} ${err}`));
    });
  });
}

describe('restart in the middle of pending deadlines', () => {
  it('G1, F2, H2, L3: each deadline fires exactly once, at or after its instant, across crashes and restarts', async () => {
    const database = testDb();
    const postgres = database.storage === 'postgres';
    // PGlite: a data folder, closed and opened again; PostgreSQL: this file's schema, new pools.
    const dataDir = postgres ? null : await mkdtemp(path.join(tmpdir(), 'xinyu-restart-'));
    const serverUrl = (name: string) => {
      const url = new URL(database.url!);
      url.searchParams.set('application_name', name);
      return url.toString();
    };
    const open = async (name: string): Promise<Store> =>
      openDatabase(
        postgres ? { kind: 'postgres', url: serverUrl(name), poolSize: 2 } : { kind: 'embedded', dataDir: dataDir! },
      );
    let store = await open('xinyu-restart-first');
    try {
      const ctx = makeContext(store.db, T0);
      await setDeadlines(ctx);
      const deadlines = await timerRows(store.db);
      const perKind = (list: readonly Deadline[]) =>
        Object.fromEntries(Object.keys(EFFECTS).map((k) => [k, list.filter((d) => d.kind === k).length]));
      expect(perKind(deadlines)).toEqual({
        'order.ship_deadline': 5,
        'refund.seller_deadline': 5,
        'order.auto_confirm': 5,
        'review.window_end': 5,
      });

      // The poller runs up to the midpoint: every deadline due by then fires (12 of 20).
      const early = deadlines.filter((d) => d.dueAt <= MIDPOINT);
      expect(early).toHaveLength(12);
      expect(await fireDueTimers(ctx, MIDPOINT, Number.MAX_SAFE_INTEGER)).toBe(early.length);
      ctx.clock.set(MIDPOINT);
      const pending = await timerRows(store.db);
      expect(pending.every((d) => d.dueAt > MIDPOINT)).toBe(true);

      // Crash: polling on, the process dies while its second firing is written but not committed.
      // PGlite closes under the open transaction; on PostgreSQL the pool closes as the firing fails.
      const crashed = {
        ...ctx,
        db: store.db.withPlugin(
          crashAfterEventInsert(2, async () => {
            if (!postgres) return store.close();
            void store.close();
            throw new Error('simulated crash');
          }),
        ),
      };
      await expect(fireDueTimers(crashed, END, Number.MAX_SAFE_INTEGER)).rejects.toThrow();
      await store.close().catch(() => {});

      // Restart: a new process opens the same database. The first firing after the midpoint
      // committed; the one in flight left nothing behind and is still due.
      store = await open('xinyu-restart-second');
      const [committed, inFlight] = pending as [Deadline, Deadline];
      let left = await timerRows(store.db);
      expect(left).toContainEqual(inFlight);
      expect(left).not.toContainEqual(committed);
      let effects = await effectsOf(store.db, [committed, inFlight]);
      expect(effects[`${committed.kind} ${committed.ref}`]).toEqual([committed.dueAt]);
      expect(effects[`${inFlight.kind} ${inFlight.ref}`]).toEqual([]);

      if (postgres) {
        // Another server process polls the same database and is killed (SIGKILL) in the middle of
        // its second firing; PostgreSQL aborts its transaction when the connection drops.
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', CHILD, serverUrl('xinyu-restart-child'), String(END), '2'],
          { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        const exited = new Promise((resolve) => child.on('exit', resolve));
        try {
          expect(await waitForLine(child, 30_000)).toBe('IN_FLIGHT');
        } finally {
          child.kill('SIGKILL');
          await exited;
        }
        for (let tries = 0; ; tries++) {
          const backends = await sql<{ n: number | string }>`select count(*) as n from pg_stat_activity
            where application_name = 'xinyu-restart-child'`.execute(store.db);
          if (Number(backends.rows[0]?.n) === 0) break;
          if (tries > 100) throw new Error('the killed child’s connections never closed');
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        // The child fired the earlier in-flight deadline, then died in the next one.
        const [childFired, childInFlight] = left as [Deadline, Deadline];
        expect(childFired).toEqual(inFlight);
        left = await timerRows(store.db);
        expect(left).not.toContainEqual(childFired);
        expect(left).toContainEqual(childInFlight);
        effects = await effectsOf(store.db, [childFired, childInFlight]);
        expect(effects[`${childFired.kind} ${childFired.ref}`]).toEqual([childFired.dueAt]);
        expect(effects[`${childInFlight.kind} ${childInFlight.ref}`]).toEqual([]);
      }

      // After the restart the poller runs past every deadline (and those their firing set).
      const restarted = makeContext(store.db, END);
      await fireDueTimers(restarted, END, Number.MAX_SAFE_INTEGER);
      expect(await timerRows(store.db)).toEqual([]);
      effects = await effectsOf(store.db, deadlines);
      for (const d of deadlines) {
        const at = effects[`${d.kind} ${d.ref}`]!;
        expect(at, `${d.kind} ${d.ref}: exactly once`).toHaveLength(1);
        expect(at[0], `${d.kind} ${d.ref}: at or after ${new Date(d.dueAt).toISOString()}`).toBeGreaterThanOrEqual(
          d.dueAt,
        );
      }
      // And the state agrees: one compensation per late order, every refund refunded once.
      const compensations = await store.db.selectFrom('compensations').select(['order_id', 'amount']).execute();
      expect(compensations.map((c) => c.order_id).sort()).toEqual(['SD1', 'SD2', 'SD3', 'SD4', 'SD5']);
      const refunds = await store.db.selectFrom('refunds').select(['status', 'refunded']).execute();
      expect(refunds).toEqual(Array.from({ length: 5 }, () => ({ status: 'refunded', refunded: 3_900 })));
      const defaults = await store.db.selectFrom('reviews').select('order_id').where('is_default', '=', true).execute();
      expect(defaults.map((r) => r.order_id).sort()).toEqual(['RW1', 'RW2', 'RW3', 'RW4', 'RW5']);
    } finally {
      await store.close().catch(() => {});
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('G1: a firing that failed is retried at or after its own instant, even when polled ahead of the clock', async () => {
    const ctx = makeContext(testDb().db, T0);
    const run = commands(ctx);
    await run.run(T0, (uow) =>
      placeOrder(uow, { order: 'O1', buyer: 'B1', seller: 'S1', lines: [{ line: 'L1', item: 'I1', price: 3_900 }] }),
    );
    await run.run(T0 + MINUTE, (uow) => payOrder(uow, 'O1'));
    await run.run(T0 + 2 * MINUTE, (uow) => shipOrder(uow, 'O1', 'express'));
    const due = T0 + 2 * MINUTE + 10 * DAY_MS;
    // Replay and the test harness fire up to the next instant before moving the clock there; the
    // first firing fails (a dropped connection, say) after writing its effect.
    const flaky = {
      ...ctx,
      db: ctx.db.withPlugin(
        crashAfterEventInsert(1, async () => {
          throw new Error('connection reset');
        }),
      ),
    };
    expect(await fireDueTimers(flaky, due + DAY_MS)).toBe(0);
    const [retry] = await ctx.db.selectFrom('timers').select(['kind', 'due_at', 'attempts']).execute();
    expect(retry).toMatchObject({ kind: 'order.auto_confirm', attempts: 1 });
    expect(retry!.due_at.getTime()).toBeGreaterThanOrEqual(due);

    expect(await fireDueTimers(ctx, due + DAY_MS)).toBe(1);
    const order = await ctx.db.selectFrom('orders').select(['status', 'success_at']).executeTakeFirstOrThrow();
    expect(order.status).toBe('success');
    expect(order.success_at!.getTime()).toBeGreaterThanOrEqual(due);
    const succeeded = await ctx.db
      .selectFrom('events')
      .select('occurred_at')
      .where('event_type', '=', 'order.succeeded')
      .execute();
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0]!.occurred_at.getTime()).toBeGreaterThanOrEqual(due);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeCommand } from '../src/app/context.js';
import { registerSeller } from '../src/app/parties/register-seller.js';
import { parseDemoArgs } from '../src/cli/demo-command.js';
import { buildReplaySnapshot } from '../src/cli/replay/replay-snapshot.js';
import { countDemoActivity } from '../src/db/demo.repository.js';
import {
  buildDemoMarketplace,
  DEFAULT_DEMO_SEED,
  DEFAULT_DEMO_SIZES,
  type DemoOptions,
} from '../src/demo/build-demo-marketplace.js';
import { buildServer } from '../src/http/build-server.js';
import { expectCreditRecomputes, expectDsrRecomputes } from './support/expect-recomputes.js';
import { makeContext, openTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * A small demo, fixed in time so that two builds can be compared. Disputes are rare (about 0.3 %
 * of orders): this seed gives the 300 orders a few.
 */
const END = '2025-09-01T12:00:00+08:00';
const SMALL: DemoOptions = { seed: 1, shops: 3, buyers: 40, orders: 300, end: Date.parse(END) };
const BUILD_TIMEOUT = 240_000;

describe('xinyu demo: the demo marketplace', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  const ctxOf = (database: TestDatabase) => makeContext(database.db, END);

  beforeAll(async () => {
    [first, second] = [await openTestDatabase(), await openTestDatabase()];
    for (const database of [first, second]) {
      const built = await buildDemoMarketplace(ctxOf(database), SMALL);
      expect(built.outcome).toBe('built');
    }
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('is a function of its seed: two fresh databases end in the same credit, DSR, reviews and refunds', async () => {
    const [a, b] = [await buildReplaySnapshot(ctxOf(first)), await buildReplaySnapshot(ctxOf(second))];
    const planned = Object.keys(a.orders).filter((id) => !id.startsWith('SHOW-'));
    expect(planned).toHaveLength(SMALL.orders);
    expect(a).toEqual(b);
  });

  it('has realistic proportions: mostly good reviews, some neutral and bad, defaults, every kind of after-sales', async () => {
    const counts = await countDemoActivity(first.db);
    const buyer = (rating: string) => counts.reviews[`buyer:${rating}`] ?? 0;
    const given = buyer('good') + buyer('neutral') + buyer('bad');
    expect(buyer('good') / given).toBeGreaterThan(0.88);
    expect(buyer('good') / given).toBeLessThan(0.99);
    expect(buyer('neutral')).toBeGreaterThan(0);
    expect(buyer('bad')).toBeGreaterThan(0);
    expect(buyer('default') + (counts.reviews['seller:default'] ?? 0)).toBeGreaterThan(0);
    expect(counts.reviews['seller:good']).toBeGreaterThan(0);
    expect(counts.orders.success! / SMALL.orders).toBeGreaterThan(0.8);
    expect(counts.followups).toBeGreaterThan(0);
    expect(counts.explanations).toBeGreaterThan(0);
    expect(counts.modified + counts.deleted).toBeGreaterThan(0);
    expect(counts.compensations).toBeGreaterThan(0);
    const reasons = Object.keys(counts.refundReasons);
    expect(reasons).toContain('return_refund:no_reason');
    expect(reasons.some((r) => r.startsWith('refund_only:'))).toBe(true);
    expect(reasons.some((r) => /:(quality|not_as_described|counterfeit)$/.test(r))).toBe(true);
    const refunds = Object.values(counts.refunds).reduce((a, b) => a + b, 0);
    expect(refunds / SMALL.orders).toBeGreaterThan(0.03);
    expect(refunds / SMALL.orders).toBeLessThan(0.2);
    expect(counts.disputes).toBeGreaterThan(0);
  });

  it('gives each demo sign-in something to act on at its end: rate, change, answer, escalate, rule', async () => {
    const app = await buildServer({ ctx: ctxOf(first), apiKeys: new Map([['demo-key', 'demo']]) });
    const get = async (url: string, token: string | null) => {
      const res = await app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
      expect(res.statusCode, `${url} ${res.body}`).toBe(200);
      return res.json();
    };
    const demo = await get('/v1/demo', null);
    expect(demo.signIns.map((s: { token: string }) => s.token)).toEqual([
      'demo-buyer',
      'demo-seller',
      'demo-agent',
      'demo-staff',
    ]);
    const { buyer } = await get('/v1/me', 'demo-buyer').then((me) => ({ buyer: me.subject }));
    const orders = (await get(`/v1/buyers/${buyer}/orders?limit=100`, 'demo-buyer')).orders;
    const lineActions = new Set<string>(
      orders.flatMap((o: { lines: Array<{ actions: Array<{ action: string }> }> }) =>
        o.lines.flatMap((l) => l.actions.map((a) => a.action)),
      ),
    );
    for (const action of ['rate', 'modify', 'delete', 'followup', 'request_refund'])
      expect(lineActions).toContain(action);
    const refunds = (await get(`/v1/buyers/${buyer}/refunds?limit=100`, 'demo-buyer')).refunds;
    const refundActions = new Set(
      refunds.flatMap((r: { actions: Array<{ action: string }> }) => r.actions.map((a) => a.action)),
    );
    for (const action of ['escalate', 'evidence', 'ship_return', 'cancel']) expect(refundActions).toContain(action);
    const shop = demo.signIns[1].subject;
    expect((await get(`/v1/sellers/${shop}/refunds?awaiting=seller`, 'demo-agent')).refunds.length).toBeGreaterThan(0);
    expect((await get(`/v1/sellers/${shop}/workbench/reviews`, 'demo-seller')).reviews.length).toBeGreaterThan(0);
    const cases = (await get('/v1/interventions', 'demo-staff')).cases;
    expect(
      cases.filter((c: { evidenceOpenUntil: string | null }) => c.evidenceOpenUntil === null).length,
    ).toBeGreaterThanOrEqual(4);
    expect((await get('/v1/complaints', 'demo-staff')).complaints.length).toBeGreaterThanOrEqual(4);
    await app.close();
  });

  it('keeps every credit, ledger and DSR equal to a from-scratch recomputation', async () => {
    const ctx = ctxOf(first);
    await expectCreditRecomputes(ctx);
    await expectDsrRecomputes(ctx);
  });

  it('reuses a demo already built: a second build changes nothing', async () => {
    const ctx = ctxOf(first);
    const before = await buildReplaySnapshot(ctx);
    const events = await first.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    const again = await buildDemoMarketplace(ctx, { ...SMALL, orders: 10, seed: 7 });
    expect(again.outcome).toBe('reused');
    if (again.outcome === 'refused') return;
    expect(again.record).toMatchObject({ status: 'ready', seed: SMALL.seed, options: { orders: SMALL.orders } });
    const after = await first.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(after?.n)).toBe(Number(events?.n));
    expect(await buildReplaySnapshot(ctx)).toEqual(before);
  });

  it('never builds into a database holding other data', async () => {
    const other = await openTestDatabase();
    try {
      const ctx = makeContext(other.db, END);
      await executeCommand(ctx, (uow) => registerSeller(uow, 'S1', 'taobao'));
      const built = await buildDemoMarketplace(ctx, SMALL);
      expect(built).toMatchObject({ outcome: 'refused' });
      expect(await other.db.selectFrom('orders').selectAll().execute()).toEqual([]);
    } finally {
      await other.close();
    }
  });
});

describe('xinyu demo: options', () => {
  it('defaults to the documented sizes and reads --flag N and --flag=N', () => {
    expect(parseDemoArgs([])).toEqual({ ...DEFAULT_DEMO_SIZES, seed: DEFAULT_DEMO_SEED });
    expect(parseDemoArgs(['--orders', '500', '--shops=4', '--buyers', '60', '--seed=0'])).toEqual({
      orders: 500,
      shops: 4,
      buyers: 60,
      seed: 0,
    });
  });

  it('refuses what is not a size', () => {
    expect(parseDemoArgs(['--orders', '0'])).toMatch(/--orders needs an integer ≥ 1/);
    expect(parseDemoArgs(['--orders'])).toMatch(/got nothing/);
    expect(parseDemoArgs(['--shops', 'many'])).toMatch(/--shops/);
    expect(parseDemoArgs(['--colour', 'red'])).toMatch(/unexpected argument/);
  });
});

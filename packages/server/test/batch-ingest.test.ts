import type { Instant, Result } from '@xinyu/domain';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { PlaceOrderInput } from '../src/app/command-schemas.js';
import { executeCommand } from '../src/app/context.js';
import { rateReview } from '../src/app/reviews/rate-review.js';
import { type BatchReview, rateReviewsInBatch } from '../src/app/reviews/rate-reviews-in-batch.js';
import { expectCreditRecomputes, expectDsrRecomputes } from './support/expect-recomputes.js';
import { commands, makeContext, type TestContext, useTestDatabase } from './support/test-database.js';

// Batch ingest must be an optimisation only: the same reviews, one by one or in batches, leave the
// same database (reviews, ledger with its history, totals, DSR flags, events, outbox, timers).
const testDb = useTestDatabase();
const DAY = 86_400_000;
const START = Date.parse('2024-03-01T10:00:00+08:00');
/** The instant every review is given at: each review in its own command or in batches. */
const RATE_AT = START + 3 * DAY;

interface World {
  readonly orders: PlaceOrderInput[];
  /** Reviews given before the batch, at a later instant, so the batch's sort before them (A3 re-decides them). */
  readonly earlier: BatchReview[];
  readonly reviews: BatchReview[];
}

/** Pairs with many orders in one month (A3), same items within 14 days (A4), 1-fen lines (A6), DSR past E4's cap. */
function world(): World {
  const orders: PlaceOrderInput[] = [];
  const reviews: BatchReview[] = [];
  const earlier: BatchReview[] = [];
  for (let n = 0; n < 36; n += 1) {
    const order = `O${String(n).padStart(2, '0')}`;
    orders.push({
      order,
      buyer: `B${n % 3}`,
      seller: `S${n % 2}`,
      lines: [
        { line: 'L1', item: `I${n % 4}`, price: n % 5 === 0 ? 1 : 1_000 + n },
        { line: 'L2', item: `J${n}`, price: 2_000 },
      ],
    });
  }
  // DSR ratings in key order (E4 breaks ties of one instant that way); the others in descending
  // order ids, so each sorts before the ones already given at the same instant (A3 re-decides them).
  for (const o of orders) {
    const n = Number(o.order.slice(1));
    const dsr = { description: 1 + (n % 5), service: 5, logistics: 1 + ((n * 3) % 5) };
    reviews.push({ orderId: o.order, lineId: 'L1', input: { by: 'buyer', rating: n % 7 === 3 ? 'bad' : 'good', dsr } });
  }
  for (const o of [...orders].reverse()) {
    const n = Number(o.order.slice(1));
    reviews.push({ orderId: o.order, lineId: 'L2', input: { by: 'buyer', rating: n % 6 === 1 ? 'neutral' : 'good' } });
    if (n % 2 === 0) reviews.push({ orderId: o.order, lineId: 'L1', input: { by: 'seller', rating: 'good' } });
  }
  // Refusals: a second review of a line, a missing order and line, DSR from a seller, a review given before.
  reviews.splice(5, 0, { orderId: 'O20', lineId: 'L1', input: { by: 'buyer', rating: 'bad' } });
  reviews.splice(9, 0, { orderId: 'NOPE', lineId: 'L1', input: { by: 'buyer', rating: 'good' } });
  reviews.splice(11, 0, { orderId: 'O07', lineId: 'L9', input: { by: 'buyer', rating: 'good' } });
  const dsr = { description: 5, service: 5, logistics: 5 };
  reviews.splice(13, 0, { orderId: 'O09', lineId: 'L1', input: { by: 'seller', rating: 'good', dsr } });
  earlier.push({ orderId: 'O01', lineId: 'L2', input: { by: 'seller', rating: 'good' } });
  earlier.push({ orderId: 'O03', lineId: 'L1', input: { by: 'buyer', rating: 'good' } });
  reviews.push({ orderId: 'O03', lineId: 'L1', input: { by: 'buyer', rating: 'good' } });
  return { orders, earlier, reviews };
}

async function prepare(ctx: TestContext, w: World): Promise<void> {
  const run = commands(ctx);
  for (const [i, order] of w.orders.entries()) await run.completeOrder(START + i * 300_000, order);
  // Later than RATE_AT (the clock is only moved by the single commands below).
  for (const r of w.earlier) {
    const done = await executeCommand(ctx, (uow) => rateReview(uow, r.orderId, r.lineId, r.input), {
      at: RATE_AT + DAY,
    });
    expect(done.ok).toBe(true);
  }
}

/** Every row the review commands write, in key order. */
async function dump(ctx: TestContext) {
  const rows = async (table: string, order: string) =>
    (await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by ${sql.raw(order)}`.execute(ctx.db))
      .rows;
  return {
    reviews: await rows('reviews', 'seller_id, order_id, line_id, by_party'),
    credit_entries: await rows('credit_entries', 'entry_id'),
    credit_totals: await rows('credit_totals', 'party_kind, party_id'),
    events: await rows('events', 'event_id'),
    outbox: await rows('outbox', 'event_id'),
    timers: await rows('timers', 'kind, ref'),
  };
}

async function fresh(): Promise<TestContext> {
  const database = testDb();
  await database.truncate();
  const ctx = makeContext(database.db, START - 1);
  return ctx;
}

async function oneByOne(w: World) {
  const ctx = await fresh();
  await prepare(ctx, w);
  const results: Array<Result<unknown>> = [];
  for (const r of w.reviews) {
    results.push(await executeCommand(ctx, (uow) => rateReview(uow, r.orderId, r.lineId, r.input), { at: RATE_AT }));
  }
  return { ctx, results, state: await dump(ctx) };
}

async function inBatches(w: World, size: number) {
  const ctx = await fresh();
  await prepare(ctx, w);
  const results: Array<Result<unknown>> = [];
  for (let i = 0; i < w.reviews.length; i += size) {
    const batch = w.reviews.slice(i, i + size);
    const done = await executeCommand(ctx, (uow) => rateReviewsInBatch(uow, batch), { at: RATE_AT });
    if (!done.ok) throw new Error(`the batch was refused: ${done.code}`);
    results.push(...done.value.results);
  }
  return { ctx, results, state: await dump(ctx) };
}

describe('rating reviews in batches', () => {
  it('leaves the database that rating them one by one at the same instant leaves', async () => {
    const w = world();
    const single = await oneByOne(w);
    const refused = single.results.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.code));
    expect(refused.sort()).toEqual([
      'DSR_NOT_ALLOWED',
      'NOT_FOUND',
      'NOT_FOUND',
      'REVIEW_EXISTS',
      'REVIEW_EXISTS',
      'REVIEW_EXISTS',
    ]);
    const rules = new Set(single.state.credit_entries.map((e) => e.credit_rule));
    expect([...rules].sort(), 'the workload reaches A1, A3, A4 and A6').toEqual(['A1', 'A3', 'A4', 'A6']);
    const superseded = single.state.credit_entries.filter((e) => e.superseded_at !== null);
    expect(superseded.length, 'some reviews were re-decided (A9 history)').toBeGreaterThan(0);
    expect(single.state.reviews.filter((r) => r.dsr_description !== null && !r.dsr_counted).length).toBeGreaterThan(0);

    for (const size of [1, 7, 500]) {
      const batched = await inBatches(w, size);
      expect(batched.results, `results, batches of ${size}`).toEqual(single.results);
      expect(batched.state, `database, batches of ${size}`).toEqual(single.state);
      await expectCreditRecomputes(batched.ctx);
      await expectDsrRecomputes(batched.ctx);
    }
  }, 120_000);

  it('an empty batch writes nothing', async () => {
    const ctx = await fresh();
    const before = await dump(ctx);
    const done = await executeCommand(ctx, (uow) => rateReviewsInBatch(uow, []), { at: RATE_AT as Instant });
    expect(done).toEqual({ ok: true, value: { results: [] } });
    expect(await dump(ctx)).toEqual(before);
  });
});

import { DAY_MS } from '@xinyu/domain';
import { describe, expect, it } from 'vitest';
import type { PlaceOrderInput } from '../src/app/command-schemas.js';
import { getCreditReport } from '../src/app/queries/get-credit-report.js';
import { deleteReview } from '../src/app/reviews/delete-review.js';
import { modifyReview } from '../src/app/reviews/modify-review.js';
import { rateReview } from '../src/app/reviews/rate-review.js';
import { expectCreditRecomputes } from './support/expect-recomputes.js';
import { commands, instant, makeContext, type TestContext, useTestDatabase } from './support/test-database.js';

const testDb = useTestDatabase();
const T0 = '2024-06-03T09:00:00+08:00';
const HOUR = 3_600_000;

const order = (id: string, item: string, price = 3_900): PlaceOrderInput => ({
  order: id,
  buyer: 'B1',
  seller: 'S1',
  lines: [{ line: 'L1', item, price }],
});

/** Every row a review command may write, to show that a refusal wrote none. */
async function everything(ctx: TestContext) {
  const { db } = ctx;
  return {
    reviews: await db.selectFrom('reviews').selectAll().orderBy('order_id').orderBy('by_party').execute(),
    entries: await db.selectFrom('credit_entries').selectAll().orderBy('entry_id').execute(),
    totals: await db.selectFrom('credit_totals').selectAll().orderBy('party_kind').orderBy('party_id').execute(),
    events: await db.selectFrom('events').selectAll().orderBy('event_id').execute(),
    outbox: await db.selectFrom('outbox').selectAll().orderBy('event_id').execute(),
    timers: await db.selectFrom('timers').selectAll().orderBy('kind').orderBy('ref').execute(),
  };
}

async function ledgerOf(ctx: TestContext, kind: 'seller' | 'buyer', id: string) {
  return (await getCreditReport(ctx, kind, id, { limit: 100 })).ledger.entries;
}

describe('reviews through the use cases, on real storage', () => {
  it('F1: rating a line twice is refused REVIEW_EXISTS and writes nothing', async () => {
    const ctx = makeContext(testDb().db, T0);
    const run = commands(ctx);
    const successAt = await run.completeOrder(T0, order('O1', 'I1'));
    const dsr = { description: 5, service: 4, logistics: 5 };
    const first = await run.run(successAt + HOUR, (uow) =>
      rateReview(uow, 'O1', 'L1', { by: 'buyer', rating: 'bad', dsr }),
    );
    expect(first.ok).toBe(true);
    const before = await everything(ctx);
    const second = await run.run(successAt + 2 * HOUR, (uow) =>
      rateReview(uow, 'O1', 'L1', { by: 'buyer', rating: 'good', dsr }),
    );
    expect(second).toMatchObject({ ok: false, code: 'REVIEW_EXISTS' });
    expect(await everything(ctx)).toEqual(before);
  });

  it('A1, A4, A6: the ledger explains the score, each current entry with its rule and reason', async () => {
    const ctx = makeContext(testDb().db, T0);
    const run = commands(ctx);
    const plan = [
      { input: order('O1', 'I1'), rating: 'good' }, // +1
      { input: order('O2', 'I1'), rating: 'good' }, // same item within 14 d: A4, 0
      { input: order('O3', 'I2', 100), rating: 'good' }, // 100 fen: A6, 0
      { input: order('O4', 'I3'), rating: 'neutral' }, // 0, counted
      { input: order('O5', 'I4'), rating: 'bad' }, // −1
    ] as const;
    let at = instant(T0);
    for (const { input, rating } of plan) {
      const successAt = await run.completeOrder(at, input);
      const rated = await run.run(successAt + HOUR, (uow) =>
        rateReview(uow, input.order, 'L1', { by: 'buyer', rating }),
      );
      expect(rated.ok).toBe(true);
      at = successAt + 2 * HOUR;
    }
    const report = await getCreditReport(ctx, 'seller', 'S1', { limit: 100 });
    expect(report.credit).toMatchObject({ score: 0, good: 1, neutral: 1, bad: 1, goodRate: 33.33 });
    const entries = report.ledger.entries.map(({ review, rule, counted, points, reason }) => ({
      review,
      rule,
      counted,
      points,
      reason,
    }));
    expect(entries.sort((a, b) => a.review.localeCompare(b.review))).toEqual([
      { review: 'O1/L1/buyer', rule: 'A1', counted: true, points: 1, reason: expect.stringContaining('+1') },
      { review: 'O2/L1/buyer', rule: 'A4', counted: false, points: 0, reason: expect.stringContaining('same item') },
      { review: 'O3/L1/buyer', rule: 'A6', counted: false, points: 0, reason: expect.stringContaining('100 fen') },
      { review: 'O4/L1/buyer', rule: 'A1', counted: true, points: 0, reason: expect.stringContaining('neutral') },
      { review: 'O5/L1/buyer', rule: 'A1', counted: true, points: -1, reason: expect.stringContaining('-1') },
    ]);
    expect(entries.reduce((sum, e) => sum + e.points, 0)).toBe(report.credit.score);
    await expectCreditRecomputes(ctx);
  });

  it('A9, F6: a modified review keeps its superseded entry and gets a new one whose reason cites A9', async () => {
    const ctx = makeContext(testDb().db, T0);
    const run = commands(ctx);
    const successAt = await run.completeOrder(T0, order('O1', 'I1'));
    await run.run(successAt + HOUR, (uow) => rateReview(uow, 'O1', 'L1', { by: 'buyer', rating: 'neutral' }));
    const modifiedAt = successAt + 3 * DAY_MS;
    const modified = await run.run(modifiedAt, (uow) => modifyReview(uow, 'O1', 'L1', 'buyer', 'good'));
    expect(modified.ok).toBe(true);

    expect(await ledgerOf(ctx, 'seller', 'S1')).toEqual([
      expect.objectContaining({
        review: 'O1/L1/buyer',
        rating: 'good',
        rule: 'A1',
        points: 1,
        reason: expect.stringContaining('A9'),
        effectiveAt: new Date(modifiedAt).toISOString(),
      }),
    ]);
    const history = await ctx.db.selectFrom('credit_entries').selectAll().orderBy('entry_id').execute();
    expect(history.map((e) => [e.rating, e.points, e.superseded_at?.getTime() ?? null])).toEqual([
      ['neutral', 0, modifiedAt],
      ['good', 1, null],
    ]);
    expect(await getCreditReport(ctx, 'seller', 'S1', { limit: 10 })).toMatchObject({
      credit: { score: 1, good: 1, neutral: 0 },
    });
  });

  it('A9, F6: a deleted bad review stops counting; the ledger says so', async () => {
    const ctx = makeContext(testDb().db, T0);
    const run = commands(ctx);
    const successAt = await run.completeOrder(T0, order('O1', 'I1'));
    await run.run(successAt + HOUR, (uow) => rateReview(uow, 'O1', 'L1', { by: 'seller', rating: 'bad' }));
    expect((await getCreditReport(ctx, 'buyer', 'B1', { limit: 10 })).credit.score).toBe(-1);
    const deleted = await run.run(successAt + 2 * HOUR, (uow) => deleteReview(uow, 'O1', 'L1', 'seller'));
    expect(deleted.ok).toBe(true);
    const report = await getCreditReport(ctx, 'buyer', 'B1', { limit: 10 });
    expect(report.credit).toMatchObject({ score: 0, bad: 0, goodRate: null });
    expect(report.ledger.entries).toEqual([
      expect.objectContaining({ review: 'O1/L1/seller', rule: 'deleted', counted: false, points: 0 }),
    ]);
    await expectCreditRecomputes(ctx);
  });

  it('F6: a second change is refused REVIEW_NOT_MODIFIABLE and writes nothing', async () => {
    const ctx = makeContext(testDb().db, T0);
    const run = commands(ctx);
    const successAt = await run.completeOrder(T0, order('O1', 'I1'));
    await run.run(successAt + HOUR, (uow) => rateReview(uow, 'O1', 'L1', { by: 'buyer', rating: 'bad' }));
    await run.run(successAt + 2 * HOUR, (uow) => modifyReview(uow, 'O1', 'L1', 'buyer', 'good'));
    const before = await everything(ctx);
    const again = await run.run(successAt + 3 * HOUR, (uow) => deleteReview(uow, 'O1', 'L1', 'buyer'));
    expect(again).toMatchObject({ ok: false, code: 'REVIEW_NOT_MODIFIABLE' });
    expect(await everything(ctx)).toEqual(before);
  });
});

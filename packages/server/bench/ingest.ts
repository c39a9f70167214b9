import { sql } from 'kysely';
import { type AppContext, executeCommand } from '../src/app/context.js';
import { rateReview } from '../src/app/reviews/rate-review.js';
import { type BatchReview, rateReviewsInBatch } from '../src/app/reviews/rate-reviews-in-batch.js';
import type { BenchDatabase } from './bench-database.js';
import { insertOrders, successfulMarket } from './fixtures.js';
import { perSecond, round, timed } from './measure.js';
import type { BenchOptions } from './options.js';
import type { FigureResult } from './report.js';

/** Reviews rated one command at a time, to show what batching buys (fewer: it is slow). */
const ONE_BY_ONE_MAX = 2_000;

/**
 * Ingest: reviews applied through the use cases (decisions, credit ledger, totals, DSR flags,
 * events, outbox) per second, in batches of `--batch`, against raw multi-row INSERTs of the very
 * rows they stored, into the same table of the same database.
 */
export async function benchIngest(bench: BenchDatabase, ctx: AppContext, options: BenchOptions): Promise<FigureResult> {
  const { db } = bench;
  const now = ctx.clock.now();
  const market = successfulMarket('ing', Math.ceil(options.ingest / 4), now, 11);
  const oneCount = Math.min(options.ingest, ONE_BY_ONE_MAX);
  const single = successfulMarket('one', Math.ceil(oneCount / 4), now, 12);
  await insertOrders(db, market.orders);
  await insertOrders(db, single.orders);
  await bench.vacuum();

  const reviews = market.reviews.slice(0, options.ingest);
  const ours = await timed(async () => {
    let refused = 0;
    for (const batch of chunks(reviews, options.batch)) {
      const done = await executeCommand(ctx, (uow) => rateReviewsInBatch(uow, batch));
      if (!done.ok) throw new Error(`a batch was refused: ${done.code} ${done.message}`);
      refused += done.value.results.filter((r) => !r.ok).length;
    }
    return refused;
  });
  if (ours.value > 0) throw new Error(`${ours.value} reviews of the ingest were refused`);

  const oneByOne = await timed(async () => {
    for (const r of single.reviews.slice(0, oneCount)) {
      const done = await executeCommand(ctx, (uow) => rateReview(uow, r.orderId, r.lineId, r.input));
      if (!done.ok) throw new Error(`review ${r.orderId}/${r.lineId} was refused: ${done.code}`);
    }
  });

  // The baseline writes the rows the use cases stored, so both sides write exactly the same reviews.
  const rows = await db.selectFrom('reviews').selectAll().where('seller_id', 'like', 'ingS%').execute();
  if (rows.length !== reviews.length)
    throw new Error(`expected ${reviews.length} ingested reviews, found ${rows.length}`);
  await db.deleteFrom('reviews').where('seller_id', 'like', 'ingS%').execute();
  await bench.vacuum();
  const raw = await timed(async () => {
    for (const part of chunks(rows, options.batch)) await db.insertInto('reviews').values(part).execute();
  });
  const back = await sql<{
    n: string | number;
  }>`select count(*) as n from reviews where seller_id like 'ingS%'`.execute(db);
  if (Number(back.rows[0]?.n) !== rows.length) throw new Error('the raw insert did not put every review back');

  const oursRate = perSecond(reviews.length, ours.ms);
  const rawRate = perSecond(rows.length, raw.ms);
  const oneRate = perSecond(oneCount, oneByOne.ms);
  return {
    ratio: round(oursRate / rawRate),
    ours: { reviews: reviews.length, batch: options.batch, ms: round(ours.ms), perSecond: round(oursRate) },
    raw: { reviews: rows.length, batch: options.batch, ms: round(raw.ms), perSecond: round(rawRate) },
    extra: {
      oneByOneReviews: oneCount,
      oneByOnePerSecond: round(oneRate),
      oneByOneRatio: round(oneRate / rawRate),
    },
  };
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export type { BatchReview };

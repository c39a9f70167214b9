import { sql } from 'kysely';
import { type AppContext, executeCommand } from '../src/app/context.js';
import { rateReview } from '../src/app/reviews/rate-review.js';
import { type BatchReview, rateReviewsInBatch } from '../src/app/reviews/rate-reviews-in-batch.js';
import type { BenchDatabase } from './bench-database.js';
import { insertOrders, successfulMarket } from './fixtures.js';
import { ROUNDS } from './load.js';
import { perSecond, round, timed } from './measure.js';
import type { BenchOptions } from './options.js';
import type { FigureResult } from './report.js';

/** Reviews rated one command at a time, to show what batching buys: a tenth of the ingest, at most 2,000 (it is slow). */
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
  const oneCount = Math.min(Math.ceil(options.ingest / 10), ONE_BY_ONE_MAX);
  const single = successfulMarket('one', Math.ceil(oneCount / 4), now, 12);
  await insertOrders(db, market.orders);
  await insertOrders(db, single.orders);
  await bench.vacuum();

  const reviews = market.reviews.slice(0, options.ingest);
  // Rounds alternate ours and raw, so that load from elsewhere on the machine hits both alike. The
  // raw side writes the rows the use cases stored, so both write exactly the same reviews.
  let oursMs = 0;
  let rawMs = 0;
  const roundSize = Math.ceil(reviews.length / ROUNDS);
  for (let start = 0; start < reviews.length; start += roundSize) {
    const part = reviews.slice(start, start + roundSize);
    const ours = await timed(async () => {
      for (const batch of chunks(part, options.batch)) {
        const done = await executeCommand(ctx, (uow) => rateReviewsInBatch(uow, batch));
        if (!done.ok) throw new Error(`a batch was refused: ${done.code} ${done.message}`);
        const refused = done.value.results.find((r) => !r.ok);
        if (refused && !refused.ok) throw new Error(`a review of the ingest was refused: ${refused.code}`);
      }
    });
    oursMs += ours.ms;
    const rows = await reviewRowsOf(db, part);
    if (rows.length !== part.length) throw new Error(`expected ${part.length} ingested reviews, found ${rows.length}`);
    await deleteReviewRows(db, part);
    await bench.vacuum();
    const raw = await timed(async () => {
      for (const rowsPart of chunks(rows, options.batch)) await db.insertInto('reviews').values(rowsPart).execute();
    });
    rawMs += raw.ms;
    if ((await reviewRowsOf(db, part)).length !== part.length) throw new Error('the raw insert lost reviews');
  }

  const oneByOne = await timed(async () => {
    for (const r of single.reviews.slice(0, oneCount)) {
      const done = await executeCommand(ctx, (uow) => rateReview(uow, r.orderId, r.lineId, r.input));
      if (!done.ok) throw new Error(`review ${r.orderId}/${r.lineId} was refused: ${done.code}`);
    }
  });

  const oursRate = perSecond(reviews.length, oursMs);
  const rawRate = perSecond(reviews.length, rawMs);
  const oneRate = perSecond(oneCount, oneByOne.ms);
  return {
    ratio: round(oursRate / rawRate),
    ours: { reviews: reviews.length, batch: options.batch, ms: round(oursMs), perSecond: round(oursRate) },
    raw: { reviews: reviews.length, batch: options.batch, ms: round(rawMs), perSecond: round(rawRate) },
    extra: {
      rounds: ROUNDS,
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

const keysOf = (reviews: readonly BatchReview[]) => ({
  orders: reviews.map((r) => r.orderId),
  lines: reviews.map((r) => r.lineId),
  by: reviews.map((r) => r.input.by),
});

/** The stored rows of these reviews. */
async function reviewRowsOf(db: BenchDatabase['db'], reviews: readonly BatchReview[]) {
  const k = keysOf(reviews);
  return db
    .selectFrom('reviews')
    .selectAll()
    .where(
      sql<boolean>`(order_id, line_id, by_party) in (select * from unnest(${k.orders}::text[], ${k.lines}::text[], ${k.by}::text[]))`,
    )
    .where('seller_id', 'like', 'ingS%')
    .execute();
}

async function deleteReviewRows(db: BenchDatabase['db'], reviews: readonly BatchReview[]) {
  const k = keysOf(reviews);
  await sql`delete from reviews where seller_id like 'ingS%' and (order_id, line_id, by_party) in
    (select * from unnest(${k.orders}::text[], ${k.lines}::text[], ${k.by}::text[]))`.execute(db);
}

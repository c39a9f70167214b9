import { type AppContext, executeCommand } from '../src/app/context.js';
import { rateReviewsInBatch } from '../src/app/reviews/rate-reviews-in-batch.js';
import type { BenchDatabase } from './bench-database.js';
import { BENCH_KEY, startBenchServer } from './bench-server.js';
import { insertOrders, successfulMarket } from './fixtures.js';
import { type LoadRequest, ROUNDS, runAlternating, runLoad } from './load.js';
import { round } from './measure.js';
import type { BenchOptions } from './options.js';
import type { FigureResult } from './report.js';

/** Orders of the credit-read data (4 reviews each, 50 orders a shop: about 100 buyer reviews with DSR per shop), fewer for small runs. */
const MAX_ORDERS = 2_000;

/**
 * Credit read: `GET /v1/sellers/:seller/credit` (totals, level, good rate, DSR over the sliding
 * six months, the first ledger page) against a bare route of the same server reading the
 * seller's credit_totals row by primary key; the ratio is of mean latencies (ours ÷ raw), both
 * over `--connections` connections cycling through the same shops.
 */
export async function benchCreditRead(
  bench: BenchDatabase,
  ctx: AppContext,
  options: BenchOptions,
): Promise<FigureResult> {
  const market = successfulMarket('crd', Math.min(MAX_ORDERS, Math.max(100, options.requests)), ctx.clock.now(), 31);
  await insertOrders(bench.db, market.orders);
  for (let i = 0; i < market.reviews.length; i += 500) {
    const done = await executeCommand(ctx, (uow) => rateReviewsInBatch(uow, market.reviews.slice(i, i + 500)));
    if (!done.ok) throw new Error(`preparing the credit read: ${done.code}`);
  }
  await bench.vacuum();
  const sellers = [...new Set(market.orders.map((o) => o.sellerId))];
  const { origin, app } = await startBenchServer(ctx);
  try {
    const headers = { authorization: `Bearer ${BENCH_KEY}` };
    const cycle = (path: (seller: string) => string) => {
      let n = 0;
      return (): LoadRequest => ({ method: 'GET', path: path(sellers[n++ % sellers.length]!), headers });
    };
    const oursNext = cycle((s) => `/v1/sellers/${s}/credit`);
    const rawNext = cycle((s) => `/bench/pk/${s}`);
    const check = await app.inject({ method: 'GET', url: `/v1/sellers/${sellers[0]}/credit`, headers });
    const body = check.json() as { credit?: { score?: number }; dsr?: { count?: number } };
    if (check.statusCode !== 200 || !body.credit?.score || !body.dsr?.count) {
      throw new Error(`the credit read answered ${check.statusCode} ${check.body.slice(0, 200)}`);
    }
    const warm = Math.min(500, Math.ceil(options.requests / 5));
    await runLoad(origin, options.connections, warm, rawNext);
    await runLoad(origin, options.connections, warm, oursNext);
    const { raw, ours } = await runAlternating(origin, options.connections, options.requests, {
      raw: rawNext,
      ours: oursNext,
    });
    return {
      ratio: round(ours.latencyMeanMs / raw.latencyMeanMs),
      ours: { ...ours },
      raw: { ...raw },
      extra: {
        connections: options.connections,
        rounds: ROUNDS,
        shops: sellers.length,
        dsrRatingsPerShop: round(body.dsr.count),
        p99Ratio: round(ours.latencyP99Ms / raw.latencyP99Ms),
      },
    };
  } finally {
    await app.close();
  }
}

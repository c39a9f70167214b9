import { sql } from 'kysely';
import type { AppContext } from '../src/app/context.js';
import type { BenchDatabase } from './bench-database.js';
import { BENCH_KEY, startBenchServer } from './bench-server.js';
import { insertOrders, successfulMarket } from './fixtures.js';
import { type LoadRequest, ROUNDS, runAlternating, runLoad } from './load.js';
import { round } from './measure.js';
import type { BenchOptions } from './options.js';
import type { FigureResult } from './report.js';

/**
 * API write: `POST /v1/orders/:order/lines/:line/reviews` (validation, API key, idempotency key,
 * the rateReview use case in one transaction) against a bare route of the same server doing one
 * INSERT of the same review row; `--requests` each over `--connections` connections, every
 * request on its own successful line with its own Idempotency-Key.
 */
export async function benchApiWrite(
  bench: BenchDatabase,
  ctx: AppContext,
  options: BenchOptions,
): Promise<FigureResult> {
  const warm = Math.min(500, Math.ceil(options.requests / 5));
  // autocannon prepares a request ahead on each connection: spare lines keep every request distinct.
  const needed = options.requests + warm + options.connections * 4 * (ROUNDS + 1);
  const ours = buyerLines(successfulMarket('apo', Math.ceil(needed / 2), ctx.clock.now(), 21));
  const raw = buyerLines(successfulMarket('apr', Math.ceil(needed / 2), ctx.clock.now(), 22));
  await insertOrders(bench.db, ours.orders);
  await insertOrders(bench.db, raw.orders);
  await bench.vacuum();
  const { origin, app } = await startBenchServer(ctx);
  try {
    const auth = { authorization: `Bearer ${BENCH_KEY}`, 'content-type': 'application/json' };
    let o = 0;
    const nextOurs = (): LoadRequest => {
      const r = ours.lines[o++ % ours.lines.length]!;
      return {
        method: 'POST',
        path: `/v1/orders/${r.orderId}/lines/${r.lineId}/reviews`,
        headers: { ...auth, 'idempotency-key': `bench-${r.orderId}-${r.lineId}` },
        body: r.body,
      };
    };
    let w = 0;
    const nextRaw = (): LoadRequest => {
      const r = raw.lines[w++ % raw.lines.length]!;
      return {
        method: 'POST',
        path: `/bench/raw-review/${r.sellerId}/${r.orderId}/${r.lineId}`,
        headers: auth,
        body: r.body,
      };
    };
    await runLoad(origin, options.connections, warm, nextRaw);
    await runLoad(origin, options.connections, warm, nextOurs);
    const { raw: rawRun, ours: oursRun } = await runAlternating(origin, options.connections, options.requests, {
      raw: nextRaw,
      ours: nextOurs,
    });
    const stored = await sql<{
      n: number | string;
    }>`select count(*) as n from reviews where seller_id like 'apoS%'`.execute(bench.db);
    if (Number(stored.rows[0]?.n) < warm + options.requests) throw new Error('not every POST stored its review');
    return {
      ratio: round(oursRun.perSecond / rawRun.perSecond),
      ours: { ...oursRun },
      raw: { ...rawRun },
      extra: { connections: options.connections, rounds: ROUNDS },
    };
  } finally {
    await app.close();
  }
}

/** The buyer's review of every line of a market, as the request body the API takes. */
function buyerLines(market: ReturnType<typeof successfulMarket>) {
  const sellerOf = new Map(market.orders.map((o) => [o.orderId, o.sellerId]));
  const lines = market.reviews
    .filter((r) => r.input.by === 'buyer')
    .map((r) => ({ ...r, sellerId: sellerOf.get(r.orderId)!, body: JSON.stringify(r.input) }));
  return { orders: market.orders, lines };
}

import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppContext } from '../src/app/context.js';
import { buildServer } from '../src/http/build-server.js';

/** The API key the bench sends (a marketplace named `bench`). */
export const BENCH_KEY = 'bench-key';

/**
 * The real HTTP API (buildServer, with its API-key check, validation and error map) plus the two
 * bare routes the figures compare against, added to the same Fastify instance by the bench only:
 * one INSERT of a review per POST, one primary-key SELECT per GET. Listens on 127.0.0.1, any port.
 */
export async function startBenchServer(ctx: AppContext): Promise<{ origin: string; app: FastifyInstance }> {
  const app = await buildServer({ ctx, apiKeys: new Map([[BENCH_KEY, 'bench']]) });
  const { db } = ctx;
  app.post('/bench/raw-review/:seller/:order/:line', async (request, reply) => {
    const p = request.params as { seller: string; order: string; line: string };
    const b = request.body as {
      rating: string;
      text?: string;
      dsr?: { description: number; service: number; logistics: number };
    };
    const now = new Date();
    // One statement: the review row with its placement read from the line in the same INSERT.
    await sql`insert into reviews (seller_id, order_id, line_id, by_party, buyer_id, item_id, order_created_at,
        line_amount, rating, original_rating, is_default, anonymous, body, given_at, effective_at, state, counted,
        points, credit_rule, dsr_description, dsr_service, dsr_logistics, dsr_counted, policy_version)
      select l.seller_id, l.order_id, l.line_id, 'buyer', o.buyer_id, l.item_id, o.created_at, l.amount,
        ${b.rating}, ${b.rating}, false, false, ${b.text ?? null}, ${now}, ${now}, 'active', true, 1, 'A1',
        ${b.dsr?.description ?? null}::smallint, ${b.dsr?.service ?? null}::smallint,
        ${b.dsr?.logistics ?? null}::smallint, true, 'bench'
      from order_lines l join orders o on o.seller_id = l.seller_id and o.order_id = l.order_id
      where l.seller_id = ${p.seller} and l.order_id = ${p.order} and l.line_id = ${p.line}`.execute(db);
    return reply.code(200).send({ review: `${p.order}/${p.line}/buyer` });
  });
  app.get('/bench/pk/:seller', async (request) => {
    const { seller } = request.params as { seller: string };
    const row = await db
      .selectFrom('credit_totals')
      .selectAll()
      .where('party_kind', '=', 'seller')
      .where('party_id', '=', seller)
      .executeTakeFirst();
    return { seller, totals: row ?? null };
  });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  return { origin, app };
}

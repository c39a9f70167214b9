import { type Kysely, sql } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../../src/db/schema.js';
import { type Answer, STREAM_PREFIX } from './command-stream.js';
import { expectCreditRecomputes, expectDsrRecomputes } from './expect-recomputes.js';
import type { TestContext } from './test-database.js';

/**
 * What the multi-process tests read back from a database written by real server processes:
 * whether every acknowledged write is there and nothing is half-applied, and a summary of the
 * final state that does not depend on wall-clock instants, to compare two deployments.
 */

/**
 * Every write answered 2xx left exactly its one event, every event of the stream's orders came
 * from a write answered 2xx, and each stored Idempotency-Key holds the answer its client got.
 */
export async function expectWritesApplied(db: Kysely<Database>, answers: readonly Answer[]): Promise<void> {
  const acknowledged = answers.filter((a) => a.status >= 200 && a.status < 300);
  const wanted = acknowledged.map((a) => `${a.write.effect.type} ${a.write.effect.aggregateId}`).sort();
  const events = await db
    .selectFrom('events')
    .select(['event_type', 'aggregate_id', 'payload'])
    .where('aggregate_id', 'like', `${STREAM_PREFIX}%`)
    .execute();
  const recorded = events.map((e) => `${e.event_type} ${e.aggregate_id}`).sort();
  expect(recorded, 'the events of the stream’s orders are the effects of the writes answered 2xx, once each').toEqual(
    wanted,
  );
  const keys = await db
    .selectFrom('idempotency_keys')
    .select(['idempotency_key', 'status_code', 'response'])
    .where('idempotency_key', 'like', `${STREAM_PREFIX}%`)
    .execute();
  const stored = new Map(keys.map((k) => [k.idempotency_key, { status: k.status_code, body: k.response }]));
  for (const a of answers) {
    expect(stored.get(a.write.key), `the stored answer of ${a.write.key}`).toEqual({ status: a.status, body: a.body });
  }
  expect(keys.length, 'no key of the stream stored but the writes sent').toBe(
    new Set(answers.map((a) => a.write.key)).size,
  );
}

/**
 * Nothing half-applied: every event has its outbox row (and every outbox row its event), every
 * reserved Idempotency-Key its stored answer, every review its current ledger entry, and the kept
 * credit totals, review decisions and DSR equal a from-scratch recount.
 */
export async function expectNothingHalfApplied(ctx: TestContext): Promise<void> {
  const { db } = ctx;
  const unmatched = await sql<{ events: number | string; outbox: number | string }>`
    select (select count(*) from events e where not exists (select 1 from outbox o where o.event_id = e.event_id)) as events,
           (select count(*) from outbox o where not exists (select 1 from events e where e.event_id = o.event_id)) as outbox`.execute(
    db,
  );
  expect(
    unmatched.rows.map((r) => [Number(r.events), Number(r.outbox)]),
    'events without outbox, outbox without events',
  ).toEqual([[0, 0]]);
  const unanswered = await db
    .selectFrom('idempotency_keys')
    .select('idempotency_key')
    .where('status_code', '=', 0)
    .execute();
  expect(unanswered, 'keys reserved without an answer').toEqual([]);
  await expectCreditRecomputes(ctx);
  await expectDsrRecomputes(ctx);
}

const count = (n: number | string | bigint) => Number(n);

/**
 * The final state without instants written on the wall clock (those differ between two runs of
 * the same stream): order statuses, review states and credit decisions, current ledger entries
 * and superseded ones by rule, totals, DSR sums, events by type, refunds, compensations, timers
 * left (kind and subject), stored answers by status.
 */
export async function finalState(db: Kysely<Database>) {
  const orders = await db
    .selectFrom('orders')
    .select(['order_id', 'status', 'ship_method', 'paid_at', 'shipped_at', 'success_at', 'closed_at'])
    .orderBy('order_id')
    .execute();
  const reviews = await db
    .selectFrom('reviews')
    .select([
      'order_id',
      'line_id',
      'by_party',
      'rating',
      'original_rating',
      'state',
      'is_default',
      'counted',
      'points',
      'credit_rule',
      'dsr_counted',
      'folded',
    ])
    .select((eb) => [
      eb('followup_body', 'is not', null).as('followed_up'),
      eb('explanation_body', 'is not', null).as('explained'),
    ])
    .orderBy('order_id')
    .orderBy('line_id')
    .orderBy('by_party')
    .execute();
  const ledger = await db
    .selectFrom('credit_entries')
    .select(['party_kind', 'party_id', 'credit_rule', 'rating', 'counted', 'points'])
    .select((eb) => [eb('superseded_at', 'is not', null).as('superseded'), eb.fn.countAll<number>().as('n')])
    .groupBy(['party_kind', 'party_id', 'credit_rule', 'rating', 'counted', 'points', 'superseded'])
    .orderBy('party_kind')
    .orderBy('party_id')
    .orderBy('credit_rule')
    .orderBy('rating')
    .orderBy('counted')
    .orderBy('points')
    .orderBy('superseded')
    .execute();
  const totals = await db.selectFrom('credit_totals').selectAll().orderBy('party_kind').orderBy('party_id').execute();
  const dsr = await db
    .selectFrom('reviews')
    .select('seller_id')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('dsr_description').as('description'),
      eb.fn.sum<number>('dsr_service').as('service'),
      eb.fn.sum<number>('dsr_logistics').as('logistics'),
    ])
    .where('dsr_counted', '=', true)
    .groupBy('seller_id')
    .orderBy('seller_id')
    .execute();
  const events = await db
    .selectFrom('events')
    .select(['event_type', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('event_type')
    .orderBy('event_type')
    .execute();
  const refunds = await db
    .selectFrom('refunds')
    .select(['refund_id', 'status', 'refunded'])
    .orderBy('refund_id')
    .execute();
  const compensations = await db
    .selectFrom('compensations')
    .select(['order_id', 'kind', 'amount'])
    .orderBy('order_id')
    .orderBy('kind')
    .execute();
  const timers = await db
    .selectFrom('timers')
    .select(['kind', 'ref', 'attempts'])
    .orderBy('kind')
    .orderBy('ref')
    .execute();
  const answers = await db
    .selectFrom('idempotency_keys')
    .select(['status_code', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status_code')
    .orderBy('status_code')
    .execute();
  const outbox = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    orders: orders.map((o) => ({
      order: o.order_id,
      status: o.status,
      shipMethod: o.ship_method,
      reached: {
        paid: o.paid_at !== null,
        shipped: o.shipped_at !== null,
        success: o.success_at !== null,
        closed: o.closed_at !== null,
      },
    })),
    reviews,
    ledger: ledger.map((l) => ({ ...l, n: count(l.n) })),
    totals,
    dsr: dsr.map((d) => ({
      seller: d.seller_id,
      n: count(d.n),
      sums: [count(d.description), count(d.service), count(d.logistics)],
    })),
    events: Object.fromEntries(events.map((e) => [e.event_type, count(e.n)])),
    refunds,
    compensations,
    timers,
    answers: Object.fromEntries(answers.map((a) => [a.status_code, count(a.n)])),
    outbox: count(outbox.n),
  };
}

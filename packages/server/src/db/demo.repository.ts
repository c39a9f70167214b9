import type { Instant } from '@xinyu/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/** The one demo_meta row, as `xinyu demo` reads it. */
export interface DemoRecord {
  readonly status: 'building' | 'ready';
  readonly seed: number;
  readonly options: Record<string, unknown>;
  readonly startedAt: Instant;
  readonly endedAt: Instant;
  readonly buildMs: number | null;
  readonly details: Record<string, unknown>;
}

const DEMO_ID = 'demo';

export async function loadDemoRecord(db: Kysely<Database>): Promise<DemoRecord | null> {
  const row = await db.selectFrom('demo_meta').selectAll().where('demo_id', '=', DEMO_ID).executeTakeFirst();
  if (!row) return null;
  return {
    status: row.status === 'ready' ? 'ready' : 'building',
    seed: row.seed,
    options: row.options,
    startedAt: row.started_at.getTime(),
    endedAt: row.ended_at.getTime(),
    buildMs: row.build_ms,
    details: row.details,
  };
}

/** Marks the start of a build; fails (primary key) if another build already claimed the database. */
export async function insertDemoBuilding(
  db: Kysely<Database>,
  demo: { seed: number; options: Record<string, unknown>; startedAt: Instant; endedAt: Instant },
): Promise<void> {
  await db
    .insertInto('demo_meta')
    .values({
      demo_id: DEMO_ID,
      status: 'building',
      seed: demo.seed,
      options: JSON.stringify(demo.options),
      started_at: new Date(demo.startedAt),
      ended_at: new Date(demo.endedAt),
    })
    .execute();
}

export async function markDemoReady(
  db: Kysely<Database>,
  builtAt: Instant,
  buildMs: number,
  details: Record<string, unknown>,
): Promise<void> {
  await db
    .updateTable('demo_meta')
    .set({ status: 'ready', built_at: new Date(builtAt), build_ms: buildMs, details: JSON.stringify(details) })
    .where('demo_id', '=', DEMO_ID)
    .execute();
}

/** Whether any seller exists: a database with sellers but no demo record holds someone's data. */
export async function hasSellers(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom('sellers').select('seller_id').limit(1).executeTakeFirst()) !== undefined;
}

/** The earliest instant a timer is due, `null` when none is set (the demo fires timers only then). */
export async function earliestTimerDue(db: Kysely<Database>): Promise<Instant | null> {
  const row = await db.selectFrom('timers').select('due_at').orderBy('due_at').limit(1).executeTakeFirst();
  return row ? row.due_at.getTime() : null;
}

/** What a demo marketplace holds, counted for the build's summary and the tests. */
export interface DemoCounts {
  readonly orders: Record<string, number>;
  /** Reviews by `by_party:rating` (`buyer:good`…), plus `buyer:default` and `seller:default`. */
  readonly reviews: Record<string, number>;
  readonly modified: number;
  readonly deleted: number;
  readonly followups: number;
  readonly explanations: number;
  /** Sellers' complaints about reviews (F7), and how many were upheld (the review folded). */
  readonly complaints: number;
  readonly folded: number;
  readonly refunds: Record<string, number>;
  /** Refunds by `kind:reason` (`return_refund:no_reason` are seven-day returns). */
  readonly refundReasons: Record<string, number>;
  readonly disputes: number;
  readonly compensations: number;
}

const tally = (rows: ReadonlyArray<{ key: string; n: unknown }>) =>
  Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));

export async function countDemoActivity(db: Kysely<Database>): Promise<DemoCounts> {
  const orders = await db
    .selectFrom('orders')
    .select(['status as key', (eb) => eb.fn.countAll().as('n')])
    .groupBy('status')
    .execute();
  const reviews = await db
    .selectFrom('reviews')
    .select([
      sql<string>`by_party || ':' || case when is_default then 'default' else original_rating end`.as('key'),
      (eb) => eb.fn.countAll().as('n'),
    ])
    .groupBy(['by_party', 'is_default', 'original_rating'])
    .execute();
  const lifecycle = await db
    .selectFrom('reviews')
    .select([
      sql<number>`count(*) filter (where state = 'modified')`.as('modified'),
      sql<number>`count(*) filter (where state = 'deleted')`.as('deleted'),
      sql<number>`count(followup_at)`.as('followups'),
      sql<number>`count(explanation_at) + count(followup_explanation_at)`.as('explanations'),
      sql<number>`count(complaint_at)`.as('complaints'),
      sql<number>`count(*) filter (where folded)`.as('folded'),
    ])
    .executeTakeFirstOrThrow();
  const refunds = await db
    .selectFrom('refunds')
    .select(['status as key', (eb) => eb.fn.countAll().as('n')])
    .groupBy('status')
    .execute();
  const reasons = await db
    .selectFrom('refunds')
    .select([sql<string>`kind || ':' || reason`.as('key'), (eb) => eb.fn.countAll().as('n')])
    .groupBy(['kind', 'reason'])
    .execute();
  const disputes = await db
    .selectFrom('refunds')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('escalated_at', 'is not', null)
    .executeTakeFirstOrThrow();
  const compensations = await db
    .selectFrom('compensations')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return {
    orders: tally(orders),
    reviews: tally(reviews),
    modified: Number(lifecycle.modified),
    deleted: Number(lifecycle.deleted),
    followups: Number(lifecycle.followups),
    explanations: Number(lifecycle.explanations),
    complaints: Number(lifecycle.complaints),
    folded: Number(lifecycle.folded),
    refunds: tally(refunds),
    refundReasons: tally(reasons),
    disputes: Number(disputes.n),
    compensations: Number(compensations.n),
  };
}

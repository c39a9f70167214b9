import type { Instant } from '@xinyu/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface Subscription {
  readonly id: number;
  readonly marketplace: string;
  readonly url: string;
  readonly eventTypes: readonly string[];
  readonly active: boolean;
  readonly createdAt: Instant;
}

/** A delivery claimed for one attempt, with what sending it needs. */
export interface ClaimedDelivery {
  readonly id: number;
  readonly url: string;
  readonly secret: string;
  readonly consecutiveFailures: number;
  /** The claim's lease: the attempt's result is recorded only if the row still carries it. */
  readonly leaseUntil: Instant;
  readonly event: {
    readonly id: number;
    readonly type: string;
    readonly aggregate: string;
    readonly aggregateId: string;
    readonly seller: string;
    readonly occurredAt: Instant;
    readonly data: unknown;
  };
}

export async function insertSubscription(
  tx: Transaction<Database>,
  row: { marketplace: string; url: string; secret: string; eventTypes: readonly string[]; now: Instant },
): Promise<Subscription> {
  const inserted = await tx
    .insertInto('webhook_subscriptions')
    .values({
      marketplace: row.marketplace,
      url: row.url,
      secret: row.secret,
      event_types: [...row.eventTypes],
      created_at: new Date(row.now),
    })
    .returning(['subscription_id', 'active'])
    .executeTakeFirstOrThrow();
  return {
    id: inserted.subscription_id,
    marketplace: row.marketplace,
    url: row.url,
    eventTypes: row.eventTypes,
    active: inserted.active,
    createdAt: row.now,
  };
}

/** A marketplace's subscriptions, oldest first; secrets are never read back. */
export async function listSubscriptions(db: Db, marketplace: string): Promise<Subscription[]> {
  const rows = await db
    .selectFrom('webhook_subscriptions')
    .select(['subscription_id', 'marketplace', 'url', 'event_types', 'active', 'created_at'])
    .where('marketplace', '=', marketplace)
    .orderBy('subscription_id')
    .execute();
  return rows.map((r) => ({
    id: r.subscription_id,
    marketplace: r.marketplace,
    url: r.url,
    eventTypes: r.event_types,
    active: r.active,
    createdAt: r.created_at.getTime(),
  }));
}

// One fan-out at a time: deliveries must be created in event order, or a sender could pass an
// event whose earlier sibling is still in another dispatcher's uncommitted batch. Advisory locks
// are per database: the schema, as second key, keeps deployments in other schemas out of the way.
const FAN_OUT_LOCK = 7_460_013;

/**
 * Turns up to `limit` undispatched outbox rows, in event order, into one delivery per matching
 * active subscription (its event types hold the event's type or '*'), and marks them dispatched.
 * Returns null when another dispatcher holds the fan-out (it will do the work).
 */
export async function fanOutOutbox(
  tx: Transaction<Database>,
  now: Instant,
  limit: number,
): Promise<{ events: number; deliveries: number } | null> {
  const lock = await sql<{ locked: boolean }>`select
    pg_try_advisory_xact_lock(${sql.lit(FAN_OUT_LOCK)}, hashtext(current_schema())) as locked`.execute(tx);
  if (!lock.rows[0]?.locked) return null;
  const queued = await tx
    .selectFrom('outbox')
    .select('event_id')
    .where('dispatched_at', 'is', null)
    .orderBy('event_id')
    .limit(limit)
    .execute();
  if (queued.length === 0) return { events: 0, deliveries: 0 };
  const ids = queued.map((r) => r.event_id);
  const at = new Date(now);
  const inserted = await tx
    .insertInto('webhook_deliveries')
    .columns([
      'subscription_id',
      'marketplace',
      'event_id',
      'aggregate',
      'aggregate_id',
      'event_type',
      'status',
      'next_attempt_at',
      'created_at',
    ])
    .expression(
      tx
        .selectFrom('events as e')
        .innerJoin('webhook_subscriptions as s', (join) =>
          join
            .on('s.active', '=', true)
            .on(sql<boolean>`(e.event_type = any(s.event_types) or '*' = any(s.event_types))`),
        )
        .select([
          's.subscription_id',
          's.marketplace',
          'e.event_id',
          'e.aggregate',
          'e.aggregate_id',
          'e.event_type',
          sql<string>`'pending'`.as('status'),
          sql<Date>`${at}::timestamptz`.as('next_attempt_at'),
          sql<Date>`${at}::timestamptz`.as('created_at'),
        ])
        .where('e.event_id', 'in', ids)
        .orderBy('e.event_id')
        .orderBy('s.subscription_id'),
    )
    .onConflict((oc) => oc.columns(['subscription_id', 'event_id']).doNothing())
    .returning('delivery_id')
    .execute();
  await tx.updateTable('outbox').set({ dispatched_at: at }).where('event_id', 'in', ids).execute();
  return { events: ids.length, deliveries: inserted.length };
}

/**
 * Claims up to `limit` due deliveries (FOR UPDATE SKIP LOCKED) and leases them until `leaseUntil`
 * by moving their next attempt there. Only the first undelivered delivery of each subscription and
 * aggregate is due: a later event of the same aggregate waits until the earlier one is delivered.
 */
export async function claimDueDeliveries(
  tx: Transaction<Database>,
  now: Instant,
  leaseUntil: Instant,
  limit: number,
): Promise<ClaimedDelivery[]> {
  const rows = await tx
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhook_subscriptions as s', 's.subscription_id', 'd.subscription_id')
    .innerJoin('events as e', 'e.event_id', 'd.event_id')
    .select([
      'd.delivery_id',
      'd.consecutive_failures',
      's.url',
      's.secret',
      'e.event_id',
      'e.event_type',
      'e.aggregate',
      'e.aggregate_id',
      'e.seller_id',
      'e.occurred_at',
      'e.payload',
    ])
    .where('d.status', '<>', 'delivered')
    .where('d.next_attempt_at', '<=', new Date(now))
    .where('s.active', '=', true)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('webhook_deliveries as earlier')
            .select(sql`1`.as('one'))
            .whereRef('earlier.subscription_id', '=', 'd.subscription_id')
            .whereRef('earlier.aggregate', '=', 'd.aggregate')
            .whereRef('earlier.aggregate_id', '=', 'd.aggregate_id')
            .whereRef('earlier.event_id', '<', 'd.event_id')
            .where('earlier.status', '<>', 'delivered'),
        ),
      ),
    )
    .orderBy('d.next_attempt_at')
    .orderBy('d.delivery_id')
    .limit(limit)
    .forUpdate('d')
    .skipLocked()
    .execute();
  if (rows.length === 0) return [];
  await tx
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: new Date(leaseUntil) })
    .where(
      'delivery_id',
      'in',
      rows.map((r) => r.delivery_id),
    )
    .execute();
  return rows.map((r) => ({
    id: r.delivery_id,
    url: r.url,
    secret: r.secret,
    consecutiveFailures: r.consecutive_failures,
    leaseUntil,
    event: {
      id: r.event_id,
      type: r.event_type,
      aggregate: r.aggregate,
      aggregateId: r.aggregate_id,
      seller: r.seller_id,
      occurredAt: r.occurred_at.getTime(),
      data: r.payload,
    },
  }));
}

/** The outcome of one attempt; `retryAt` is used when it failed. */
export interface AttemptOutcome {
  readonly attemptedAt: Instant;
  readonly durationMs: number;
  readonly statusCode: number | null;
  readonly delivered: boolean;
  readonly error: string | null;
  readonly retryAt: Instant;
}

/**
 * Logs an attempt and counts it; moves the delivery to `delivered` or `failed-retrying` only if it
 * still carries this claim's lease (a replay or another dispatcher's later claim takes precedence).
 */
export async function recordAttempt(
  tx: Transaction<Database>,
  claim: Pick<ClaimedDelivery, 'id' | 'leaseUntil'>,
  outcome: AttemptOutcome,
): Promise<void> {
  await tx
    .insertInto('webhook_attempts')
    .values({
      delivery_id: claim.id,
      attempted_at: new Date(outcome.attemptedAt),
      duration_ms: outcome.durationMs,
      status_code: outcome.statusCode,
      delivered: outcome.delivered,
      error: outcome.error,
    })
    .execute();
  await tx
    .updateTable('webhook_deliveries')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      last_attempt_at: new Date(outcome.attemptedAt),
      last_status_code: outcome.statusCode,
      last_error: outcome.error,
    }))
    .where('delivery_id', '=', claim.id)
    .execute();
  await tx
    .updateTable('webhook_deliveries')
    .set((eb) =>
      outcome.delivered
        ? { status: 'delivered', delivered_at: new Date(outcome.attemptedAt), consecutive_failures: 0 }
        : {
            status: 'failed-retrying',
            consecutive_failures: eb('consecutive_failures', '+', 1),
            next_attempt_at: new Date(outcome.retryAt),
          },
    )
    .where('delivery_id', '=', claim.id)
    .where('next_attempt_at', '=', new Date(claim.leaseUntil))
    .where('status', '<>', 'delivered')
    .execute();
}

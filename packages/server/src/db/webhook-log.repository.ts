import type { Instant } from '@xinyu/domain';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

// The delivery log: what staff read and replay. Sending is in webhooks.repository.ts.

type Db = Kysely<Database> | Transaction<Database>;

/** Delivery statuses (migration 0002): not tried or re-queued, delivered (2xx), failed and due again. */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed-retrying';

export interface DeliveryRow {
  readonly id: number;
  readonly subscriptionId: number;
  readonly eventId: number;
  readonly eventType: string;
  readonly aggregate: string;
  readonly aggregateId: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly nextAttemptAt: Instant;
  readonly lastAttemptAt: Instant | null;
  readonly lastStatusCode: number | null;
  readonly lastError: string | null;
  readonly deliveredAt: Instant | null;
  readonly createdAt: Instant;
}

export interface AttemptRow {
  readonly attemptedAt: Instant;
  readonly durationMs: number;
  readonly statusCode: number | null;
  readonly delivered: boolean;
  readonly error: string | null;
}

const ms = (d: Date | null) => (d === null ? null : d.getTime());

const deliveryColumns = [
  'delivery_id',
  'subscription_id',
  'event_id',
  'event_type',
  'aggregate',
  'aggregate_id',
  'status',
  'attempts',
  'next_attempt_at',
  'last_attempt_at',
  'last_status_code',
  'last_error',
  'delivered_at',
  'created_at',
] as const;

function toDelivery(r: {
  delivery_id: number;
  subscription_id: number;
  event_id: number;
  event_type: string;
  aggregate: string;
  aggregate_id: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
}): DeliveryRow {
  return {
    id: r.delivery_id,
    subscriptionId: r.subscription_id,
    eventId: r.event_id,
    eventType: r.event_type,
    aggregate: r.aggregate,
    aggregateId: r.aggregate_id,
    status: r.status as DeliveryStatus,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at.getTime(),
    lastAttemptAt: ms(r.last_attempt_at),
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    deliveredAt: ms(r.delivered_at),
    createdAt: r.created_at.getTime(),
  };
}

/** A marketplace's deliveries, newest first, optionally of one status, before a delivery id. */
export async function listDeliveries(
  db: Db,
  marketplace: string,
  query: { limit: number; status?: DeliveryStatus | undefined; beforeId?: number | undefined },
): Promise<DeliveryRow[]> {
  let q = db
    .selectFrom('webhook_deliveries')
    .select(deliveryColumns)
    .where('marketplace', '=', marketplace)
    .orderBy('delivery_id', 'desc')
    .limit(query.limit);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.beforeId !== undefined) q = q.where('delivery_id', '<', query.beforeId);
  return (await q.execute()).map(toDelivery);
}

/** One delivery of the marketplace, or null (unknown, or another marketplace's). */
export async function findDelivery(db: Db, marketplace: string, deliveryId: number): Promise<DeliveryRow | null> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .select(deliveryColumns)
    .where('marketplace', '=', marketplace)
    .where('delivery_id', '=', deliveryId)
    .executeTakeFirst();
  return row ? toDelivery(row) : null;
}

/** The attempts of a delivery, newest first, at most `limit`. */
export async function listAttempts(db: Db, deliveryId: number, limit: number): Promise<AttemptRow[]> {
  const rows = await db
    .selectFrom('webhook_attempts')
    .select(['attempted_at', 'duration_ms', 'status_code', 'delivered', 'error'])
    .where('delivery_id', '=', deliveryId)
    .orderBy('attempt_id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    attemptedAt: r.attempted_at.getTime(),
    durationMs: r.duration_ms,
    statusCode: r.status_code,
    delivered: r.delivered,
    error: r.error,
  }));
}

/**
 * Puts a delivery of the marketplace back in the queue, due at `now`, its backoff restarted.
 * Returns it, or null when the marketplace has no such delivery.
 */
export async function requeueDelivery(
  tx: Transaction<Database>,
  marketplace: string,
  deliveryId: number,
  now: Instant,
): Promise<DeliveryRow | null> {
  const row = await tx
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', next_attempt_at: new Date(now), consecutive_failures: 0, delivered_at: null })
    .where('marketplace', '=', marketplace)
    .where('delivery_id', '=', deliveryId)
    .returning(deliveryColumns)
    .executeTakeFirst();
  return row ? toDelivery(row) : null;
}

import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/** One event of a case's timeline. */
export interface TimelineEvent {
  readonly eventId: number;
  readonly at: Date;
  readonly type: string;
  readonly aggregate: string;
  readonly aggregateId: string;
  readonly data: unknown;
}

/**
 * Everything that happened to an order, in the order it happened: the order's own events, its
 * lines' reviews (aggregate ids `ORDER/LINE/by`) and its refunds.
 */
export async function orderTimeline(
  db: Kysely<Database>,
  sellerId: string,
  orderId: string,
  refundIds: readonly string[],
): Promise<TimelineEvent[]> {
  // LIKE treats % and _ as wildcards: escape them in the order id before adding the prefix's %.
  const prefix = `${orderId.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`;
  const rows = await db
    .selectFrom('events')
    .select(['event_id', 'occurred_at', 'event_type', 'aggregate', 'aggregate_id', 'payload'])
    .where('seller_id', '=', sellerId)
    .where((eb) =>
      eb.or([
        eb.and([eb('aggregate', '=', 'order'), eb('aggregate_id', '=', orderId)]),
        eb.and([eb('aggregate', '=', 'review'), sql<boolean>`aggregate_id like ${prefix}`]),
        ...(refundIds.length > 0
          ? [eb.and([eb('aggregate', '=', 'refund'), eb('aggregate_id', 'in', [...refundIds])])]
          : []),
      ]),
    )
    .orderBy('event_id')
    .execute();
  return rows.map((r) => ({
    eventId: r.event_id,
    at: r.occurred_at,
    type: r.event_type,
    aggregate: r.aggregate,
    aggregateId: r.aggregate_id,
    data: r.payload,
  }));
}

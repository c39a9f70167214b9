import type { DomainEvent } from '@xinyu/domain';
import type { Transaction } from 'kysely';
import type { Database } from './schema.js';

/** Appends events and their outbox rows in the caller's transaction. */
export async function appendEvents(
  tx: Transaction<Database>,
  events: ReadonlyArray<{ sellerId: string; event: DomainEvent }>,
  policyVersion: string,
): Promise<void> {
  if (events.length === 0) return;
  const rows = await tx
    .insertInto('events')
    .values(
      events.map(({ sellerId, event }) => ({
        seller_id: sellerId,
        aggregate: event.aggregate,
        aggregate_id: event.aggregateId,
        event_type: event.type,
        payload: JSON.stringify(event.data),
        occurred_at: new Date(event.at),
        policy_version: policyVersion,
      })),
    )
    .returning(['event_id', 'seller_id', 'aggregate_id', 'occurred_at'])
    .execute();
  await tx
    .insertInto('outbox')
    .values(
      rows.map((r) => ({
        event_id: r.event_id,
        seller_id: r.seller_id,
        aggregate_id: r.aggregate_id,
        created_at: r.occurred_at,
      })),
    )
    .execute();
}

import type { DomainEvent } from '@xinyu/domain';
import { sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';
import { type ColumnType, columnList, type UnnestValue, unnestRows } from './unnest-rows.js';

type EventRow = { sellerId: string; event: DomainEvent };

const EVENT_COLUMNS: ReadonlyArray<readonly [string, ColumnType, (r: EventRow) => UnnestValue]> = [
  ['seller_id', 'text', (r) => r.sellerId],
  ['aggregate', 'text', (r) => r.event.aggregate],
  ['aggregate_id', 'text', (r) => r.event.aggregateId],
  ['event_type', 'text', (r) => r.event.type],
  ['payload', 'jsonb', (r) => JSON.stringify(r.event.data)],
  ['occurred_at', 'timestamptz', (r) => new Date(r.event.at)],
];

/**
 * Appends events and their outbox rows in the caller's transaction, in one statement (one round
 * trip per command, whatever the number of events); event ids follow the given order.
 */
export async function appendEvents(
  tx: Transaction<Database>,
  events: ReadonlyArray<{ sellerId: string; event: DomainEvent }>,
  policyVersion: string,
): Promise<void> {
  if (events.length === 0) return;
  await sql`with appended as (
      insert into events (${columnList(EVENT_COLUMNS)}, policy_version)
      select ${columnList(EVENT_COLUMNS)}, ${policyVersion}::text from ${unnestRows('v', EVENT_COLUMNS, events)}
      order by v.ord
      returning event_id, seller_id, aggregate_id, occurred_at)
    insert into outbox (event_id, seller_id, aggregate_id, created_at)
    select event_id, seller_id, aggregate_id, occurred_at from appended order by event_id`.execute(tx);
}

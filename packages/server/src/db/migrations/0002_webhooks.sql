-- 0002: webhooks. Subscriptions per marketplace; one delivery row per (subscription, event),
-- fanned out from the outbox by the dispatcher; a log of every attempt. Deliveries are sent at
-- least once, in event order per subscription and aggregate.

-- Set when the dispatcher has turned the outbox row into deliveries; null rows are its queue.
alter table outbox add column dispatched_at timestamptz;
create index outbox_undispatched on outbox (event_id) where dispatched_at is null;

create table webhook_subscriptions (
  subscription_id bigserial primary key,
  marketplace text not null,
  url text not null,
  secret text not null,
  -- Event types to receive; '*' receives every type.
  event_types text[] not null,
  active boolean not null default true,
  created_at timestamptz not null
);
create index webhook_subscriptions_marketplace on webhook_subscriptions (marketplace, subscription_id);

-- status: pending (not tried yet, or re-queued by a replay), failed-retrying (the last attempt
-- failed; next_attempt_at is the retry), delivered (a 2xx answer). While an attempt is in flight,
-- next_attempt_at is the claim's lease: another dispatcher may take the delivery only after it.
create table webhook_deliveries (
  delivery_id bigserial primary key,
  subscription_id bigint not null references webhook_subscriptions,
  marketplace text not null,
  event_id bigint not null references events,
  aggregate text not null,
  aggregate_id text not null,
  event_type text not null,
  status text not null check (status in ('pending', 'delivered', 'failed-retrying')),
  -- Every attempt ever made; the backoff counts only the failures since the last (re-)queueing.
  attempts integer not null default 0,
  consecutive_failures integer not null default 0,
  next_attempt_at timestamptz not null,
  last_attempt_at timestamptz,
  last_status_code integer,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null,
  unique (subscription_id, event_id)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status <> 'delivered';
-- Order per aggregate: "is an earlier delivery of this subscription and aggregate undelivered?"
create index webhook_deliveries_aggregate on webhook_deliveries (subscription_id, aggregate, aggregate_id, event_id)
  where status <> 'delivered';
create index webhook_deliveries_log on webhook_deliveries (marketplace, delivery_id);

create table webhook_attempts (
  attempt_id bigserial primary key,
  delivery_id bigint not null references webhook_deliveries,
  attempted_at timestamptz not null,
  duration_ms integer not null,
  -- The receiver's HTTP status; null when no answer came (refused connection, timeout).
  status_code integer,
  delivered boolean not null,
  error text
);
create index webhook_attempts_delivery on webhook_attempts (delivery_id, attempt_id);

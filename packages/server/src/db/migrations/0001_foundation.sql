-- 0001: orders, reviews, credit ledger, DSR, timers, events, outbox, idempotency.
-- Shop-owned tables lead their keys with seller_id so the schema can be distributed by seller;
-- buyer credit is keyed by buyer_id. Money is bigint fen; times are timestamptz.

create table sellers (
  seller_id text primary key,
  market text not null default 'taobao',
  created_at timestamptz not null
);

create table buyers (
  buyer_id text primary key,
  created_at timestamptz not null
);

-- Orders are addressed by their id alone; this directory finds the owning seller.
create table order_directory (
  order_id text primary key,
  seller_id text not null
);

create table orders (
  seller_id text not null references sellers,
  order_id text not null,
  buyer_id text not null references buyers,
  status text not null,
  created_at timestamptz not null,
  paid_at timestamptz,
  shipped_at timestamptz,
  ship_method text,
  delivered_at timestamptz,
  success_at timestamptz,
  closed_at timestamptz,
  auto_confirm_at timestamptz,
  promised_ship_hours integer not null,
  shipping_fee bigint not null default 0,
  free_shipping_over bigint,
  primary key (seller_id, order_id)
);
create index orders_buyer on orders (buyer_id, created_at);

create table order_lines (
  seller_id text not null,
  order_id text not null,
  line_id text not null,
  position integer not null,
  item_id text not null,
  unit_price bigint not null,
  quantity integer not null,
  amount bigint not null,
  category text not null,
  is_virtual boolean not null,
  confirmed_no_return boolean not null,
  invoice_tax bigint not null,
  primary key (seller_id, order_id, line_id),
  foreign key (seller_id, order_id) references orders
);

create table reviews (
  seller_id text not null,
  order_id text not null,
  line_id text not null,
  by_party text not null,
  buyer_id text not null,
  item_id text not null,
  order_created_at timestamptz not null,
  line_amount bigint not null,
  rating text not null,
  original_rating text not null,
  is_default boolean not null,
  anonymous boolean not null,
  body text,
  given_at timestamptz not null,
  effective_at timestamptz not null,
  state text not null,
  changed_at timestamptz,
  counted boolean not null,
  points integer not null,
  credit_rule text not null,
  folded boolean not null default false,
  dsr_description smallint,
  dsr_service smallint,
  dsr_logistics smallint,
  dsr_counted boolean not null default false,
  followup_body text,
  followup_at timestamptz,
  explanation_body text,
  explanation_at timestamptz,
  followup_explanation_body text,
  followup_explanation_at timestamptz,
  complaint_reason text,
  complaint_at timestamptz,
  complaint_status text,
  policy_version text not null,
  primary key (seller_id, order_id, line_id, by_party),
  foreign key (seller_id, order_id, line_id) references order_lines
);
-- A3/A4 re-decide one pair and direction: this index loads it.
create index reviews_pair on reviews (seller_id, buyer_id, by_party);
create index reviews_listing on reviews (seller_id, by_party, given_at desc);
create index reviews_dsr on reviews (seller_id, given_at) where dsr_counted;

-- Credit is a ledger: one row per effect of a review on a party; superseded rows stay as history.
create table credit_entries (
  entry_id bigserial primary key,
  party_kind text not null,
  party_id text not null,
  seller_id text not null,
  buyer_id text not null,
  order_id text not null,
  line_id text not null,
  by_party text not null,
  rating text not null,
  counted boolean not null,
  points integer not null,
  credit_rule text not null,
  reason text not null,
  effective_at timestamptz not null,
  recorded_at timestamptz not null,
  superseded_at timestamptz,
  policy_version text not null
);
create index credit_entries_current on credit_entries (party_kind, party_id, effective_at desc, entry_id desc)
  where superseded_at is null;
create index credit_entries_review on credit_entries (seller_id, order_id, line_id, by_party)
  where superseded_at is null;

-- Projection of the current ledger entries, kept in the same transaction.
create table credit_totals (
  party_kind text not null,
  party_id text not null,
  score integer not null default 0,
  good integer not null default 0,
  neutral integer not null default 0,
  bad integer not null default 0,
  primary key (party_kind, party_id)
);

-- Keyed timers: one per kind+ref, set or cancelled with the state change, claimed by pollers.
create table timers (
  kind text not null,
  ref text not null,
  seller_id text not null,
  due_at timestamptz not null,
  attempts integer not null default 0,
  last_error text,
  primary key (kind, ref)
);
create index timers_due on timers (due_at);

create table events (
  event_id bigserial primary key,
  seller_id text not null,
  aggregate text not null,
  aggregate_id text not null,
  event_type text not null,
  payload jsonb not null,
  occurred_at timestamptz not null,
  policy_version text not null
);
create index events_aggregate on events (seller_id, aggregate, aggregate_id, event_id);

-- Written in the business transaction; the webhook dispatcher reads it.
create table outbox (
  event_id bigint primary key references events,
  seller_id text not null,
  aggregate_id text not null,
  created_at timestamptz not null
);

create table idempotency_keys (
  api_key_id text not null,
  idempotency_key text not null,
  request_hash text not null,
  status_code integer not null,
  response jsonb not null,
  created_at timestamptz not null,
  primary key (api_key_id, idempotency_key)
);

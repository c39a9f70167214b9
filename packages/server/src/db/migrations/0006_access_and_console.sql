-- 0006: access tokens for people (buyers, sellers and their agents, platform staff), display
-- names (shops, items) for the console, and the indexes of the console's queues.

-- A token is shown once when minted; only its SHA-256 is kept.
create table access_tokens (
  token_hash text primary key,
  -- The marketplace whose API key minted it (idempotency keys and webhooks are scoped by it).
  marketplace text not null,
  role text not null check (role in ('buyer', 'seller', 'agent', 'staff')),
  -- buyer id, seller id (seller and agent) or staff id.
  subject text not null,
  -- The person's display name (an agent's name, say); null when not given.
  name text,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index access_tokens_subject on access_tokens (role, subject);

alter table sellers add column name text;
alter table order_lines add column title text;

-- The seller's refund queue: open requests by deadline.
create index refunds_seller_open on refunds (seller_id, deadline_at)
  where status not in ('refunded', 'closed');
-- The staff's complaint queue (F7), oldest first.
create index reviews_complaints on reviews (complaint_status, complaint_at)
  where complaint_status is not null;
-- The case timeline: an order's review and refund events are found by aggregate id prefix.
create index events_timeline on events (seller_id, aggregate_id text_pattern_ops, event_id);

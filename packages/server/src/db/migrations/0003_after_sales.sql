-- 0003: refunds, disputes (evidence), late-shipment compensations, and the G2 pause of
-- auto-confirmation. The refund's whole domain state is kept as jsonb beside indexed columns.

alter table orders add column auto_confirm_paused_at timestamptz;

create table refund_directory (
  refund_id text primary key,
  seller_id text not null
);

create table refunds (
  seller_id text not null,
  refund_id text not null,
  order_id text not null,
  line_id text not null,
  buyer_id text not null,
  status text not null,
  kind text not null,
  reason text not null,
  requested_amount bigint not null,
  maximum bigint not null,
  refunded bigint not null default 0,
  dispute_counted boolean not null default false,
  requested_at timestamptz not null,
  deadline_at timestamptz,
  escalated_at timestamptz,
  ruling_due_by timestamptz,
  resolved_at timestamptz,
  state jsonb not null,
  policy_version text not null,
  primary key (seller_id, refund_id),
  foreign key (seller_id, order_id, line_id) references order_lines
);
create index refunds_order on refunds (seller_id, order_id, line_id);
create index refunds_resolved on refunds (seller_id, resolved_at) where status = 'refunded';
-- The staff queue: open interventions by ruling SLA.
create index refunds_intervention on refunds (ruling_due_by) where status = 'intervention';
create index refunds_buyer on refunds (buyer_id, requested_at);

create table refund_evidence (
  evidence_id bigserial primary key,
  seller_id text not null,
  refund_id text not null,
  by_party text not null,
  body text not null,
  submitted_at timestamptz not null,
  foreign key (seller_id, refund_id) references refunds
);
create index refund_evidence_refund on refund_evidence (seller_id, refund_id, evidence_id);

create table compensations (
  seller_id text not null,
  order_id text not null,
  kind text not null,
  amount bigint not null,
  decided_at timestamptz not null,
  policy_version text not null,
  primary key (seller_id, order_id, kind)
);

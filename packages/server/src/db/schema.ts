import type { ColumnType, Generated } from 'kysely';

/** Row types of the tables in migrations/, as Kysely sees them. bigint columns are parsed to numbers. */
type Timestamp = Date;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface SellersTable {
  seller_id: string;
  market: Defaulted<string>;
  created_at: Timestamp;
  /** 0006: the shop's display name. */
  name: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface BuyersTable {
  buyer_id: string;
  created_at: Timestamp;
}

export interface OrderDirectoryTable {
  order_id: string;
  seller_id: string;
}

export interface OrdersTable {
  seller_id: string;
  order_id: string;
  buyer_id: string;
  status: string;
  created_at: Timestamp;
  paid_at: Timestamp | null;
  shipped_at: Timestamp | null;
  ship_method: string | null;
  delivered_at: Timestamp | null;
  success_at: Timestamp | null;
  closed_at: Timestamp | null;
  auto_confirm_at: Timestamp | null;
  promised_ship_hours: number;
  shipping_fee: Defaulted<number>;
  free_shipping_over: number | null;
  auto_confirm_paused_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface OrderLinesTable {
  seller_id: string;
  order_id: string;
  line_id: string;
  position: number;
  item_id: string;
  unit_price: number;
  quantity: number;
  amount: number;
  category: string;
  is_virtual: boolean;
  confirmed_no_return: boolean;
  invoice_tax: number;
  /** 0006: the item's display title. */
  title: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ReviewsTable {
  seller_id: string;
  order_id: string;
  line_id: string;
  by_party: string;
  buyer_id: string;
  item_id: string;
  order_created_at: Timestamp;
  line_amount: number;
  rating: string;
  original_rating: string;
  is_default: boolean;
  anonymous: boolean;
  body: string | null;
  given_at: Timestamp;
  effective_at: Timestamp;
  state: string;
  changed_at: Timestamp | null;
  counted: boolean;
  points: number;
  credit_rule: string;
  folded: Defaulted<boolean>;
  dsr_description: number | null;
  dsr_service: number | null;
  dsr_logistics: number | null;
  dsr_counted: Defaulted<boolean>;
  followup_body: string | null;
  followup_at: Timestamp | null;
  explanation_body: string | null;
  explanation_at: Timestamp | null;
  followup_explanation_body: string | null;
  followup_explanation_at: Timestamp | null;
  complaint_reason: string | null;
  complaint_at: Timestamp | null;
  complaint_status: string | null;
  policy_version: string;
}

export interface CreditEntriesTable {
  entry_id: Generated<number>;
  party_kind: string;
  party_id: string;
  seller_id: string;
  buyer_id: string;
  order_id: string;
  line_id: string;
  by_party: string;
  rating: string;
  counted: boolean;
  points: number;
  credit_rule: string;
  reason: string;
  effective_at: Timestamp;
  recorded_at: Timestamp;
  superseded_at: Timestamp | null;
  policy_version: string;
}

export interface CreditTotalsTable {
  party_kind: string;
  party_id: string;
  score: Defaulted<number>;
  good: Defaulted<number>;
  neutral: Defaulted<number>;
  bad: Defaulted<number>;
}

export interface TimersTable {
  kind: string;
  ref: string;
  seller_id: string;
  due_at: Timestamp;
  attempts: Defaulted<number>;
  last_error: string | null;
}

export interface EventsTable {
  event_id: Generated<number>;
  seller_id: string;
  aggregate: string;
  aggregate_id: string;
  event_type: string;
  payload: ColumnType<unknown, string, string>;
  occurred_at: Timestamp;
  policy_version: string;
}

export interface OutboxTable {
  event_id: number;
  seller_id: string;
  aggregate_id: string;
  created_at: Timestamp;
  /** 0002: when the webhook dispatcher turned the row into deliveries; null until then. */
  dispatched_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
}

export interface IdempotencyKeysTable {
  api_key_id: string;
  idempotency_key: string;
  request_hash: string;
  status_code: number;
  response: ColumnType<unknown, string, string>;
  created_at: Timestamp;
}

export interface RefundDirectoryTable {
  refund_id: string;
  seller_id: string;
}

export interface RefundsTable {
  seller_id: string;
  refund_id: string;
  order_id: string;
  line_id: string;
  buyer_id: string;
  status: string;
  kind: string;
  reason: string;
  requested_amount: number;
  maximum: number;
  refunded: number;
  dispute_counted: boolean;
  requested_at: Timestamp;
  deadline_at: Timestamp | null;
  escalated_at: Timestamp | null;
  ruling_due_by: Timestamp | null;
  resolved_at: Timestamp | null;
  state: ColumnType<unknown, string, string>;
  policy_version: string;
}

export interface RefundEvidenceTable {
  evidence_id: Generated<number>;
  seller_id: string;
  refund_id: string;
  by_party: string;
  body: string;
  submitted_at: Timestamp;
}

export interface RefundEvidenceAttachmentsTable {
  evidence_id: number;
  position: number;
  kind: string;
  media_type: string | null;
  byte_size: number | null;
  content: Buffer | null;
  messages: ColumnType<unknown, string | null, string | null>;
}

export interface CompensationsTable {
  seller_id: string;
  order_id: string;
  kind: string;
  amount: number;
  decided_at: Timestamp;
  policy_version: string;
}

export interface WebhookSubscriptionsTable {
  subscription_id: Generated<number>;
  marketplace: string;
  url: string;
  secret: string;
  event_types: string[];
  active: Defaulted<boolean>;
  created_at: Timestamp;
}

export interface WebhookDeliveriesTable {
  delivery_id: Generated<number>;
  subscription_id: number;
  marketplace: string;
  event_id: number;
  aggregate: string;
  aggregate_id: string;
  event_type: string;
  status: string;
  attempts: Defaulted<number>;
  consecutive_failures: Defaulted<number>;
  next_attempt_at: Timestamp;
  last_attempt_at: Timestamp | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Timestamp | null;
  created_at: Timestamp;
}

export interface WebhookAttemptsTable {
  attempt_id: Generated<number>;
  delivery_id: number;
  attempted_at: Timestamp;
  duration_ms: number;
  status_code: number | null;
  delivered: boolean;
  error: string | null;
}

/** 0004: the demo marketplace's record (`xinyu demo`). */
export interface DemoMetaTable {
  demo_id: string;
  status: string;
  seed: number;
  options: ColumnType<Record<string, unknown>, string, string>;
  started_at: Timestamp;
  ended_at: Timestamp;
  built_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  build_ms: ColumnType<number | null, number | null | undefined, number | null>;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

/** 0006: a person's access token (only its hash). */
export interface AccessTokensTable {
  token_hash: string;
  marketplace: string;
  role: string;
  subject: string;
  name: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface Database {
  access_tokens: AccessTokensTable;
  refund_directory: RefundDirectoryTable;
  refunds: RefundsTable;
  refund_evidence: RefundEvidenceTable;
  refund_evidence_attachments: RefundEvidenceAttachmentsTable;
  compensations: CompensationsTable;
  sellers: SellersTable;
  buyers: BuyersTable;
  order_directory: OrderDirectoryTable;
  orders: OrdersTable;
  order_lines: OrderLinesTable;
  reviews: ReviewsTable;
  credit_entries: CreditEntriesTable;
  credit_totals: CreditTotalsTable;
  timers: TimersTable;
  events: EventsTable;
  outbox: OutboxTable;
  idempotency_keys: IdempotencyKeysTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  demo_meta: DemoMetaTable;
}

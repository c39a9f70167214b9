import type { Fen } from '../shared/money.js';
import type { Instant } from '../shared/time.js';

/**
 * Refund statuses (replay.md). `requested`: the seller must answer (H1–H3); `refused`: the buyer
 * may resubmit or escalate (H4); `awaiting_return`: the buyer must ship the goods back (H3);
 * `return_shipped`: the seller must confirm receipt (H3); `intervention`: the platform handles it
 * (I2: evidence, then the ruling); `refunded` and `closed` are final.
 */
export type RefundStatus =
  | 'requested'
  | 'refused'
  | 'awaiting_return'
  | 'return_shipped'
  | 'intervention'
  | 'refunded'
  | 'closed';

/** Every refund status, in lifecycle order. */
export const REFUND_STATUSES: readonly RefundStatus[] = [
  'requested',
  'refused',
  'awaiting_return',
  'return_shipped',
  'intervention',
  'refunded',
  'closed',
];

/** `refund_only` keeps the goods (or nothing shipped); `return_refund` sends them back first (H3). */
export type RefundKind = 'refund_only' | 'return_refund';

/** The buyer's reason (replay.md); `no_reason` invokes K, three of them put the seller at fault (K7). */
export type RefundReason =
  | 'no_reason'
  | 'quality'
  | 'not_as_described'
  | 'counterfeit'
  | 'not_received'
  | 'out_of_stock'
  | 'late_shipment'
  | 'other';

/** Every reason, for validation. */
export const REFUND_REASONS: readonly RefundReason[] = [
  'no_reason',
  'quality',
  'not_as_described',
  'counterfeit',
  'not_received',
  'out_of_stock',
  'late_shipment',
  'other',
];

/** How the buyer sends a return: H3 gives the seller 10 d (express) or 30 d (post) to confirm. */
export type ReturnMethod = 'express' | 'post';

/** I4: who the platform found responsible. */
export type Responsible = 'seller' | 'buyer' | 'none';

/** How a refund ended: by whom or by which deadline (H5 looks for `cancelled`). */
export type RefundOutcome =
  | 'agreed'
  | 'seller_silent'
  | 'return_confirmed'
  | 'buyer_silent'
  | 'cancelled'
  | 'order_shipped'
  | 'settled'
  | 'ruled';

/** A missing gift and the price the listing stated for it (K6). */
export interface MissingGift {
  readonly name: string;
  readonly price: Fen;
}

/** The state of returned goods as the buyer declares it (K4–K6). */
export interface ReturnCondition {
  readonly unsealed?: boolean;
  readonly activated?: boolean;
  readonly tagRemoved?: boolean;
  readonly packagingDamaged?: boolean;
  readonly giftsMissing?: readonly MissingGift[];
  readonly invoiceMissing?: boolean;
}

/** One refund request on one line, with everything its deadlines and amounts depend on. */
export interface RefundState {
  readonly refundId: string;
  readonly orderId: string;
  readonly lineId: string;
  readonly kind: RefundKind;
  readonly reason: RefundReason;
  readonly status: RefundStatus;
  /** The buyer's latest ask, in fen (a resubmission may change it). */
  readonly requestedAmount: Fen;
  /** The most this request can refund (rules.md "Refund arithmetic"), fixed at the request. */
  readonly maximum: Fen;
  /** Fen actually refunded: 0 until `refunded`. */
  readonly refunded: Fen;
  /** The first request: H4's virtual-goods escalation delay counts from it. */
  readonly requestedAt: Instant;
  /** H1 applies (the order was paid, not shipped, at the request). */
  readonly beforeShipment: boolean;
  /** Virtual goods: H2's 3 days and H4's escalation delay. */
  readonly isVirtual: boolean;
  /** The running deadline of the current status (seller, buyer or evidence), `null` when none. */
  readonly deadlineAt: Instant | null;
  readonly refusedAt: Instant | null;
  readonly refusalReason: string | null;
  readonly returnMethod: ReturnMethod | null;
  /** Set once the goods were sent back; a later agreement then refunds at once. */
  readonly returnShippedAt: Instant | null;
  readonly escalatedAt: Instant | null;
  /** I2: the evidence period ended; the case awaits a ruling. */
  readonly evidenceClosed: boolean;
  /** I3: the ruling SLA window shown to staff (4–6 working days after escalation). */
  readonly rulingDueFrom: Instant | null;
  readonly rulingDueBy: Instant | null;
  readonly responsible: Responsible | null;
  /** J1: ruled with the seller responsible and money refunded. */
  readonly disputeCounted: boolean;
  readonly outcome: RefundOutcome | null;
  /** When the refund reached `refunded` or `closed` (J2 counts refunds and disputes by it). */
  readonly resolvedAt: Instant | null;
}

/** Whether a refund is still open (not `refunded` nor `closed`): one open request per line. */
export function isRefundOpen(refund: Pick<RefundState, 'status'>): boolean {
  return refund.status !== 'refunded' && refund.status !== 'closed';
}

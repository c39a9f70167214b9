/**
 * The event types a webhook subscription may name (or '*' for every type, including types added
 * later). A use case that records a new type adds it here, so that subscribers can ask for it.
 */
export const WEBHOOK_EVENT_TYPES = [
  'order.placed',
  'order.paid',
  'order.shipped',
  'order.delivered',
  'order.succeeded',
  'order.closed',
  'order.late_shipment_compensated',
  'review.rated',
  'review.defaulted',
  'review.modified',
  'review.deleted',
  'review.followed_up',
  'review.explained',
  'review.complained',
  'review.folded',
  'review.complaint_rejected',
  'refund.requested',
  'refund.agreed',
  'refund.seller_timed_out',
  'refund.refused',
  'refund.resubmitted',
  'refund.return_shipped',
  'refund.return_confirmed',
  'refund.cancelled',
  'refund.buyer_timed_out',
  'refund.order_shipped',
  'refund.escalated',
  'refund.evidence_submitted',
  'refund.awaiting_ruling',
  'refund.settled',
  'refund.ruled',
  'refund.refunded',
  'refund.closed',
] as const;

/** Subscribes to every event type. */
export const ALL_EVENT_TYPES = '*';

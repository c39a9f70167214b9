import type { Instant } from './time.js';

/** Named delays that become keyed timer rows, set or cancelled in the same transaction (STYLE 4). */
export type TimerKind =
  | 'order.auto_confirm'
  | 'review.window_end'
  | 'order.ship_deadline'
  | 'refund.seller_deadline'
  | 'refund.buyer_deadline'
  | 'refund.evidence_deadline';

export type TimerEffect =
  | { readonly type: 'set'; readonly kind: TimerKind; readonly ref: string; readonly dueAt: Instant }
  | { readonly type: 'cancel'; readonly kind: TimerKind; readonly ref: string };

/** Something that happened, as recorded in the event log and the outbox. */
export interface DomainEvent {
  readonly type: string;
  readonly aggregate: 'order' | 'review' | 'refund' | 'credit';
  readonly aggregateId: string;
  readonly at: Instant;
  readonly data: Readonly<Record<string, unknown>>;
}

export function setTimer(kind: TimerKind, ref: string, dueAt: Instant): TimerEffect {
  return { type: 'set', kind, ref, dueAt };
}

export function cancelTimer(kind: TimerKind, ref: string): TimerEffect {
  return { type: 'cancel', kind, ref };
}

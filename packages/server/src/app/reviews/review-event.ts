import type { DomainEvent, Instant, ReviewRecord } from '@xinyu/domain';

/** The event of a change to a review, keyed `ORDER/LINE/by`. */
export function reviewEvent(
  type: string,
  review: ReviewRecord,
  at: Instant,
  data: Record<string, unknown> = {},
): DomainEvent {
  return {
    type,
    aggregate: 'review',
    aggregateId: `${review.orderId}/${review.lineId}/${review.by}`,
    at,
    data: { order: review.orderId, line: review.lineId, by: review.by, ...data },
  };
}

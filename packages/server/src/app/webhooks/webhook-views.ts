import type { AttemptRow, DeliveryRow } from '../../db/webhook-log.repository.js';
import type { Subscription } from '../../db/webhooks.repository.js';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/** A subscription as the API shows it (never with its secret). */
export function subscriptionView(s: Subscription) {
  return {
    id: String(s.id),
    url: s.url,
    eventTypes: [...s.eventTypes],
    active: s.active,
    createdAt: new Date(s.createdAt).toISOString(),
  };
}

/** A delivery as the delivery log shows it. */
export function deliveryView(d: DeliveryRow) {
  return {
    id: String(d.id),
    subscription: String(d.subscriptionId),
    event: { id: String(d.eventId), type: d.eventType, aggregate: d.aggregate, aggregateId: d.aggregateId },
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === 'delivered' ? null : iso(d.nextAttemptAt),
    lastAttemptAt: iso(d.lastAttemptAt),
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    deliveredAt: iso(d.deliveredAt),
    createdAt: new Date(d.createdAt).toISOString(),
  };
}

export function attemptView(a: AttemptRow) {
  return {
    at: new Date(a.attemptedAt).toISOString(),
    durationMs: a.durationMs,
    statusCode: a.statusCode,
    delivered: a.delivered,
    error: a.error,
  };
}

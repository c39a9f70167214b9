import { type ClaimedDelivery, claimDueDeliveries, recordAttempt } from '../../db/webhooks.repository.js';
import type { AppContext } from '../context.js';
import { type BackoffOptions, retryDelayMs } from './retry-delay.js';
import { signWebhook, WEBHOOK_HEADERS } from './webhook-signature.js';

/** One webhook request, ready to send. */
export interface WebhookRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Give up waiting for the answer after this many milliseconds. */
  readonly timeoutMs: number;
}

/** The receiver's answer; only the status decides (2xx delivered), the body is kept for the log. */
export interface WebhookResponse {
  readonly status: number;
  readonly body?: string;
}

/**
 * Sends a webhook request: global fetch in production, a fake in unit tests. Throws when no answer
 * came (connection refused, DNS, timeout): that is a failed attempt like a non-2xx status.
 */
export type WebhookPost = (request: WebhookRequest) => Promise<WebhookResponse>;

export interface DeliveryOptions extends BackoffOptions {
  /** How long one request may take, milliseconds (default 10,000). */
  readonly timeoutMs?: number;
  /** Deliveries claimed and sent (concurrently) per call, at most (default 20). */
  readonly batchSize?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
// A claim outlives the request by this much, to record the result; after it, another may retry.
const LEASE_MARGIN_MS = 30_000;
const ERROR_TEXT_MAX = 500;

/** The JSON body of a webhook request (README, "Webhooks"). */
export function webhookBody(event: ClaimedDelivery['event']): string {
  return JSON.stringify({
    id: String(event.id),
    type: event.type,
    aggregate: event.aggregate,
    aggregateId: event.aggregateId,
    seller: event.seller,
    occurredAt: new Date(event.occurredAt).toISOString(),
    data: event.data,
  });
}

// PostgreSQL text cannot hold NUL; a receiver's answer is shortened for the log.
const logText = (text: string) => text.replaceAll('\u0000', '').slice(0, ERROR_TEXT_MAX);

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message;
  return detail ? `${error.name}: ${error.message} (${detail})` : `${error.name}: ${error.message}`;
}

/**
 * Claims the due deliveries (the first undelivered one of each subscription and aggregate, so
 * events arrive in order per aggregate), POSTs them signed, and records each attempt: 2xx is
 * delivered; any other status, or no answer, is retried after a doubling, capped delay. Several
 * processes may run this at once. Returns how many attempts it made and how many were delivered.
 */
export async function deliverDueWebhooks(
  ctx: AppContext,
  post: WebhookPost,
  options: DeliveryOptions = {},
): Promise<{ attempted: number; delivered: number }> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = ctx.clock.now();
  const claimed = await ctx.db
    .transaction()
    .execute((tx) => claimDueDeliveries(tx, now, now + timeoutMs + LEASE_MARGIN_MS, options.batchSize ?? 20));
  const settled = await Promise.allSettled(
    claimed.map(async (delivery) => {
      const attemptedAt = ctx.clock.now();
      const timestamp = Math.floor(attemptedAt / 1000);
      const body = webhookBody(delivery.event);
      const headers = {
        'content-type': 'application/json',
        'user-agent': 'Xinyu-Webhooks/1',
        [WEBHOOK_HEADERS.eventId]: String(delivery.event.id),
        [WEBHOOK_HEADERS.eventType]: delivery.event.type,
        [WEBHOOK_HEADERS.deliveryId]: String(delivery.id),
        [WEBHOOK_HEADERS.timestamp]: String(timestamp),
        [WEBHOOK_HEADERS.signature]: signWebhook(delivery.secret, timestamp, body),
      };
      const started = performance.now();
      let statusCode: number | null = null;
      let error: string | null = null;
      try {
        const response = await post({ url: delivery.url, headers, body, timeoutMs });
        statusCode = response.status;
        if (statusCode < 200 || statusCode > 299) error = logText(`HTTP ${statusCode} ${response.body ?? ''}`.trim());
      } catch (thrown) {
        error = logText(describeError(thrown));
      }
      const delivered = error === null;
      const retryAt = ctx.clock.now() + retryDelayMs(delivery.consecutiveFailures + 1, options);
      const durationMs = Math.round(performance.now() - started);
      await ctx.db
        .transaction()
        .execute((tx) =>
          recordAttempt(tx, delivery, { attemptedAt, durationMs, statusCode, delivered, error, retryAt }),
        );
      return delivered;
    }),
  );
  // Every attempt is recorded (or has failed to be) before a storage error propagates.
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  const delivered = settled.filter((s) => s.status === 'fulfilled' && s.value).length;
  return { attempted: settled.length, delivered };
}

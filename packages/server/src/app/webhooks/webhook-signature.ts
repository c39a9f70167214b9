import { createHmac, timingSafeEqual } from 'node:crypto';

/** The headers of every webhook request (README, "Webhooks"). */
export const WEBHOOK_HEADERS = {
  timestamp: 'Xinyu-Timestamp',
  signature: 'Xinyu-Signature',
  eventId: 'Xinyu-Event-Id',
  eventType: 'Xinyu-Event-Type',
  deliveryId: 'Xinyu-Delivery-Id',
} as const;

/**
 * The `Xinyu-Signature` value: `v1=` and the hex HMAC-SHA256, keyed by the subscription's secret,
 * of `${timestamp}.${rawBody}` (timestamp in unix seconds, as sent in `Xinyu-Timestamp`).
 */
export function signWebhook(secret: string, timestamp: number, rawBody: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/**
 * What a receiver does: recompute the signature, compare in constant time, and refuse a timestamp
 * more than `toleranceSeconds` (default 300) away from `nowSeconds`, which stops replays.
 */
export function verifyWebhookSignature(
  secret: string,
  headers: { timestamp: string; signature: string },
  rawBody: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!/^\d{1,12}$/.test(headers.timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
  const given = Buffer.from(headers.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

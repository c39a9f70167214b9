import type { AppContext } from '../app/context.js';
import {
  type DeliveryOptions,
  deliverDueWebhooks,
  type WebhookPost,
  type WebhookRequest,
} from '../app/webhooks/deliver-due-webhooks.js';
import { fanOutEvents } from '../app/webhooks/fan-out-events.js';

/** The longest start of an answer's body kept for the delivery log, characters (UTF-8: up to 4 bytes each). */
const BODY_KEPT = 500;

/**
 * POSTs with the global fetch, aborting after `timeoutMs`. Redirects are not followed: a 3xx is
 * a failed attempt, like any status outside 2xx.
 */
export const fetchPost: WebhookPost = async (request: WebhookRequest) => {
  const response = await fetch(request.url, {
    method: 'POST',
    headers: request.headers,
    body: request.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(request.timeoutMs),
  });
  return { status: response.status, body: await readStart(response) };
};

/** The start of the answer's body: a receiver cannot make the dispatcher read megabytes. */
async function readStart(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < BODY_KEPT * 4) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    // The status decided already; a body cut short only shortens the log.
  } finally {
    await reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, BODY_KEPT);
}

export interface WebhookDispatcherOptions extends DeliveryOptions {
  /** Pause between rounds that found nothing to do, milliseconds (default 1,000). */
  readonly intervalMs?: number;
  /** How requests are sent (default `fetchPost`). */
  readonly post?: WebhookPost;
  readonly onError?: (error: unknown) => void;
}

/** One round: fan new outbox rows out into deliveries, then send what is due. */
export async function runWebhookRound(
  ctx: AppContext,
  options: WebhookDispatcherOptions = {},
): Promise<{ created: number; attempted: number; delivered: number }> {
  const created = await fanOutEvents(ctx);
  const sent = await deliverDueWebhooks(ctx, options.post ?? fetchPost, options);
  return { created, ...sent };
}

/** A running dispatcher; `stop()` resolves once the current round has finished. */
export interface WebhookDispatcher {
  stop(): Promise<void>;
}

/**
 * Delivers webhooks until stopped: rounds follow each other at once while they find work, and
 * `intervalMs` apart when idle. Several processes may run one on the same database.
 */
export function startWebhookDispatcher(ctx: AppContext, options: WebhookDispatcherOptions = {}): WebhookDispatcher {
  const intervalMs = options.intervalMs ?? 1_000;
  let stopped = false;
  let wake: (() => void) | null = null;
  const loop = (async () => {
    while (!stopped) {
      let busy = false;
      try {
        const round = await runWebhookRound(ctx, options);
        busy = round.created > 0 || round.attempted > 0;
      } catch (error) {
        options.onError?.(error);
      }
      if (stopped) break;
      if (busy) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, intervalMs).unref();
      });
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}

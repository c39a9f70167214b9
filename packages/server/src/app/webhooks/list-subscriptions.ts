import { listSubscriptions } from '../../db/webhooks.repository.js';
import type { AppContext } from '../context.js';
import { subscriptionView } from './webhook-views.js';

/** A marketplace's webhook subscriptions, oldest first, without their secrets. */
export async function listWebhookSubscriptions(ctx: AppContext, marketplace: string) {
  return { subscriptions: (await listSubscriptions(ctx.db, marketplace)).map(subscriptionView) };
}

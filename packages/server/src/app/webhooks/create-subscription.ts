import { randomBytes } from 'node:crypto';
import { ok, type Result, refuse } from '@xinyu/domain';
import { insertSubscription } from '../../db/webhooks.repository.js';
import type { UnitOfWork } from '../context.js';
import { ALL_EVENT_TYPES } from './event-types.js';
import type { CreateSubscriptionInput } from './webhook-schemas.js';
import { subscriptionView } from './webhook-views.js';

export type CreatedSubscription = ReturnType<typeof subscriptionView> & { secret: string };

/**
 * Subscribes a marketplace's URL to event types ('*' for all). The answer carries the signing
 * secret, the only time it is shown; events dispatched from then on are delivered to the URL.
 */
export async function createSubscription(
  uow: UnitOfWork,
  marketplace: string,
  input: CreateSubscriptionInput,
): Promise<Result<CreatedSubscription>> {
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    return refuse('VALIDATION_FAILED', 'url is not an absolute URL', { field: 'url' });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    return refuse('VALIDATION_FAILED', 'url must be an http:// or https:// URL with a host', { field: 'url' });
  }
  const eventTypes = input.eventTypes.includes(ALL_EVENT_TYPES) ? [ALL_EVENT_TYPES] : [...input.eventTypes];
  const secret = input.secret ?? `whsec_${randomBytes(32).toString('base64url')}`;
  const subscription = await insertSubscription(uow.tx, {
    marketplace,
    url: input.url,
    secret,
    eventTypes,
    now: uow.now,
  });
  return ok({ ...subscriptionView(subscription), secret });
}

import Type from 'typebox';
import { ALL_EVENT_TYPES, WEBHOOK_EVENT_TYPES } from './event-types.js';

/** Where events are POSTed: an absolute http(s) URL of at most 2,000 characters. */
export const WebhookUrl = Type.String({
  minLength: 8,
  maxLength: 2_000,
  pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s\\u0000]+$',
  description: 'absolute http:// or https:// URL, at most 2,000 characters',
});

export const EventTypeSchema = Type.Enum([ALL_EVENT_TYPES, ...WEBHOOK_EVENT_TYPES], {
  description: "an event type, or '*' for every type",
});

export const CreateSubscriptionBody = Type.Object(
  {
    url: WebhookUrl,
    eventTypes: Type.Array(EventTypeSchema, { minItems: 1, maxItems: 64, uniqueItems: true }),
    secret: Type.Optional(
      Type.String({
        minLength: 24,
        maxLength: 256,
        pattern: '^[!-~]+$',
        description: 'signing secret of your choice (24–256 visible ASCII characters); generated when omitted',
      }),
    ),
  },
  { additionalProperties: false },
);

export type CreateSubscriptionInput = Type.Static<typeof CreateSubscriptionBody>;

export const DeliveryStatusSchema = Type.Enum(['pending', 'delivered', 'failed-retrying'], {
  description:
    'pending: not tried yet or re-queued; failed-retrying: the last attempt failed, another is due at nextAttemptAt; delivered: answered 2xx',
});

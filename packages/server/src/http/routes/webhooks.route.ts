import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { AppContext } from '../../app/context.js';
import { createSubscription } from '../../app/webhooks/create-subscription.js';
import { getWebhookDelivery } from '../../app/webhooks/get-delivery.js';
import { listWebhookDeliveries } from '../../app/webhooks/list-deliveries.js';
import { listWebhookSubscriptions } from '../../app/webhooks/list-subscriptions.js';
import { replayDelivery } from '../../app/webhooks/replay-delivery.js';
import { CreateSubscriptionBody, DeliveryStatusSchema } from '../../app/webhooks/webhook-schemas.js';
import { errorBody } from '../error-map.js';
import { runWrite } from '../run-write.js';
import { errorResponses, MARKETPLACE_ONLY, NoBody, PageQuery, pageLimit, WriteHeaders } from '../schemas.js';

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Subscription = Type.Object({
  id: Type.String(),
  url: Type.String(),
  eventTypes: Type.Array(Type.String({ description: "an event type, or '*' for every type" })),
  active: Type.Boolean(),
  createdAt: Type.String(),
});
const Delivery = Type.Object({
  id: Type.String(),
  subscription: Type.String(),
  event: Type.Object({ id: Type.String(), type: Type.String(), aggregate: Type.String(), aggregateId: Type.String() }),
  status: DeliveryStatusSchema,
  attempts: Type.Integer({ description: 'attempts made so far (replays included)' }),
  nextAttemptAt: Nullable(Type.String({ description: 'when it is due; null once delivered' })),
  lastAttemptAt: Nullable(Type.String()),
  lastStatusCode: Nullable(Type.Integer({ description: "the receiver's last HTTP status; null: no answer" })),
  lastError: Nullable(Type.String()),
  deliveredAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
const Attempt = Type.Object({
  at: Type.String(),
  durationMs: Type.Integer(),
  statusCode: Nullable(Type.Integer()),
  delivered: Type.Boolean(),
  error: Nullable(Type.String()),
});
const DeliveryParams = Type.Object({ id: Type.String({ pattern: '^[1-9][0-9]{0,14}$', description: 'delivery id' }) });
const tags = ['webhooks'];

/** Webhooks: a marketplace's subscriptions and its delivery log (read, replay); never another's. */
export function webhookRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    const marketplaceOf = (req: { caller?: { marketplace: string } }) => req.caller?.marketplace ?? '';
    app.post(
      '/webhooks/subscriptions',
      {
        config: MARKETPLACE_ONLY,
        schema: {
          tags,
          summary: 'Subscribe a URL to event types; the answer shows the signing secret, once',
          headers: WriteHeaders,
          body: CreateSubscriptionBody,
          response: { 201: Type.Object({ ...Subscription.properties, secret: Type.String() }), ...errorResponses },
        },
      },
      (req, reply) => runWrite(ctx, req, reply, (uow) => createSubscription(uow, marketplaceOf(req), req.body), 201),
    );
    app.get(
      '/webhooks/subscriptions',
      {
        config: MARKETPLACE_ONLY,
        schema: {
          tags,
          summary: "The marketplace's subscriptions (secrets are not shown)",
          response: { 200: Type.Object({ subscriptions: Type.Array(Subscription) }) },
        },
      },
      async (req) => listWebhookSubscriptions(ctx, marketplaceOf(req)),
    );
    app.get(
      '/webhooks/deliveries',
      {
        config: MARKETPLACE_ONLY,
        schema: {
          tags,
          summary: 'The delivery log, newest first: status, attempts, last answer',
          querystring: Type.Object(
            { ...PageQuery, status: Type.Optional(DeliveryStatusSchema) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ deliveries: Type.Array(Delivery), nextCursor: Nullable(Type.String()) }) },
        },
      },
      async (req) =>
        listWebhookDeliveries(ctx, marketplaceOf(req), {
          limit: pageLimit(req.query.limit),
          status: req.query.status,
          cursor: req.query.cursor,
        }),
    );
    app.get(
      '/webhooks/deliveries/:id',
      {
        config: MARKETPLACE_ONLY,
        schema: {
          tags,
          summary: 'One delivery with its attempts, newest first',
          params: DeliveryParams,
          response: {
            200: Type.Object({ ...Delivery.properties, attemptLog: Type.Array(Attempt) }),
            404: errorResponses[404],
          },
        },
      },
      async (req, reply) => {
        const delivery = await getWebhookDelivery(ctx, marketplaceOf(req), Number(req.params.id));
        if (!delivery) return reply.code(404).send(errorBody('NOT_FOUND', `no webhook delivery ${req.params.id}`));
        return delivery;
      },
    );
    app.post(
      '/webhooks/deliveries/:id/replay',
      {
        config: MARKETPLACE_ONLY,
        schema: {
          tags,
          summary: 'Send a delivery again (re-queued, due now)',
          headers: WriteHeaders,
          params: DeliveryParams,
          body: NoBody,
          response: { 200: Delivery, ...errorResponses },
        },
      },
      (req, reply) =>
        runWrite(ctx, req, reply, (uow) => replayDelivery(uow, marketplaceOf(req), Number(req.params.id))),
    );
  };
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { PlaceOrderBody, RegisterSellerBody, ShipOrderBody } from '../../app/command-schemas.js';
import type { AppContext } from '../../app/context.js';
import { confirmOrder } from '../../app/orders/confirm-order.js';
import { deliverOrder } from '../../app/orders/deliver-order.js';
import { payOrder } from '../../app/orders/pay-order.js';
import { placeOrder } from '../../app/orders/place-order.js';
import { shipOrder } from '../../app/orders/ship-order.js';
import { registerSeller } from '../../app/parties/register-seller.js';
import { getOrder } from '../../app/queries/get-order.js';
import type { AccessRule } from '../access.js';
import { runWrite } from '../run-write.js';
import { errorResponses, MARKETPLACE_ONLY, NoBody, OrderParams, WriteHeaders } from '../schemas.js';
import { OrderViewSchema } from '../view-schemas.js';

const OrderOutcome = Type.Object({ order: Type.String(), status: Type.String() });
const tags = ['orders'];
const BUYER_OF_ORDER: { access: AccessRule } = { access: { roles: ['buyer'], owner: 'order' } };

/** Orders: place, pay, ship, deliver, confirm, read; and seller registration. */
export function orderRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/sellers',
      {
        config: MARKETPLACE_ONLY,
        schema: {
          tags: ['sellers'],
          summary: 'Register a seller and its market (taobao, tmall)',
          headers: WriteHeaders,
          body: RegisterSellerBody,
          response: { 200: Type.Object({ seller: Type.String(), market: Type.String() }), ...errorResponses },
        },
      },
      (req, reply) =>
        runWrite(ctx, req, reply, (uow) =>
          registerSeller(uow, req.body.seller, req.body.market ?? 'taobao', req.body.name),
        ),
    );
    app.post(
      '/orders',
      {
        config: MARKETPLACE_ONLY,
        schema: {
          tags,
          summary: 'Place an order (its creation instant is now)',
          headers: WriteHeaders,
          body: PlaceOrderBody,
          response: { 201: Type.Object({ order: Type.String() }), ...errorResponses },
        },
      },
      (req, reply) => runWrite(ctx, req, reply, (uow) => placeOrder(uow, req.body), 201),
    );
    const simple = [
      ['pay', 'Record payment (placed → paid)', payOrder, MARKETPLACE_ONLY],
      ['deliver', 'Record the signature for the goods (opens the seven-day window)', deliverOrder, MARKETPLACE_ONLY],
      ['confirm', 'The buyer confirms receipt (shipped → success)', confirmOrder, BUYER_OF_ORDER],
    ] as const;
    for (const [action, summary, useCase, config] of simple) {
      app.post(
        `/orders/:order/${action}`,
        {
          config,
          schema: {
            tags,
            summary,
            headers: WriteHeaders,
            params: OrderParams,
            body: NoBody,
            response: { 200: OrderOutcome, ...errorResponses },
          },
        },
        (req, reply) => runWrite(ctx, req, reply, (uow) => useCase(uow, req.params.order)),
      );
    }
    app.post(
      '/orders/:order/ship',
      {
        config: { access: { roles: ['seller', 'agent'], owner: 'order' } },
        schema: {
          tags,
          summary: 'Record shipment; starts the auto-confirmation countdown (G1)',
          headers: WriteHeaders,
          params: OrderParams,
          body: ShipOrderBody,
          response: { 200: OrderOutcome, ...errorResponses },
        },
      },
      (req, reply) => runWrite(ctx, req, reply, (uow) => shipOrder(uow, req.params.order, req.body.method)),
    );
    app.get(
      '/orders/:order',
      {
        config: { access: { roles: ['buyer', 'seller', 'agent', 'staff'], owner: 'order' } },
        schema: {
          tags,
          summary: 'An order with its lines, reviews, refunds, deadlines and the actions open to the caller',
          params: OrderParams,
          response: { 200: OrderViewSchema, 404: errorResponses[404] },
        },
      },
      async (req, reply) => {
        const order = await getOrder(ctx, req.caller!, req.params.order);
        if (!order) return reply.code(404).send({ code: 'NOT_FOUND', message: 'no such order', details: {} });
        return order;
      },
    );
  };
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { AppContext } from '../../app/context.js';
import { listBuyerOrders } from '../../app/queries/list-buyer-orders.js';
import { listBuyerRefunds } from '../../app/queries/list-refunds.js';
import { BuyerParams, PageQuery, pageLimit } from '../schemas.js';
import { OrderViewSchema, Page, RefundSummarySchema } from '../view-schemas.js';

const ownBuyer = { access: { roles: ['buyer', 'staff'], owner: 'buyer' } } as const;
const Query = Type.Object(PageQuery, { additionalProperties: false });

/** The buyer's pages: my orders (with what I may do on each line now) and my refunds. */
export function buyerRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/buyers/:buyer/orders',
      {
        config: ownBuyer,
        schema: {
          tags: ['orders'],
          summary: "A buyer's orders, newest first, with reviews, refunds and the actions open now",
          params: BuyerParams,
          querystring: Query,
          response: { 200: Page('buyer', 'orders', OrderViewSchema) },
        },
      },
      async (req) =>
        listBuyerOrders(ctx, req.caller!, req.params.buyer, {
          limit: pageLimit(req.query.limit),
          cursor: req.query.cursor,
        }),
    );
    app.get(
      '/buyers/:buyer/refunds',
      {
        config: ownBuyer,
        schema: {
          tags: ['refunds'],
          summary: "A buyer's refunds and returns, newest first, with deadlines and the actions open now",
          params: BuyerParams,
          querystring: Query,
          response: { 200: Page('buyer', 'refunds', RefundSummarySchema) },
        },
      },
      async (req) =>
        listBuyerRefunds(ctx, req.caller!, req.params.buyer, {
          limit: pageLimit(req.query.limit),
          cursor: req.query.cursor,
        }),
    );
  };
}

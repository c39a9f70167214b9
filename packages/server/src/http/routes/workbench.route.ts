import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { AppContext } from '../../app/context.js';
import { getSellerMetricsHistory } from '../../app/queries/get-seller-metrics-history.js';
import { listSellerRefunds } from '../../app/queries/list-refunds.js';
import { listWorkbenchReviews } from '../../app/queries/list-workbench-reviews.js';
import { PageQuery, pageLimit, SellerParams } from '../schemas.js';
import { Page, RefundSummarySchema, WorkbenchReviewSchema } from '../view-schemas.js';

const ownShop = { access: { roles: ['seller', 'agent', 'staff'], owner: 'seller' } } as const;
const tags = ['workbench'];

/** The seller workbench: reviews to answer, refunds to answer before silence decides, rates over time. */
export function workbenchRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/sellers/:seller/workbench/reviews',
      {
        config: ownShop,
        schema: {
          tags,
          summary: "Buyers' neutral and bad reviews as given, newest first, with the buyer's F6 window and actions",
          params: SellerParams,
          querystring: Type.Object(PageQuery, { additionalProperties: false }),
          response: { 200: Page('seller', 'reviews', WorkbenchReviewSchema) },
        },
      },
      async (req) =>
        listWorkbenchReviews(ctx, req.caller!, req.params.seller, {
          limit: pageLimit(req.query.limit),
          cursor: req.query.cursor,
        }),
    );
    app.get(
      '/sellers/:seller/refunds',
      {
        config: ownShop,
        schema: {
          tags,
          summary: "A shop's refunds: open ones by deadline (H1–H3: silence decides), or all, newest first",
          params: SellerParams,
          querystring: Type.Object(
            {
              ...PageQuery,
              status: Type.Optional(
                Type.Union([Type.Literal('open'), Type.Literal('all')], { description: 'default open' }),
              ),
              awaiting: Type.Optional(
                Type.Union([Type.Literal('seller'), Type.Literal('buyer'), Type.Literal('platform')], {
                  description: "open ones only: whose move it is (default: anyone's)",
                }),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 200: Page('seller', 'refunds', RefundSummarySchema) },
        },
      },
      async (req) =>
        listSellerRefunds(ctx, req.caller!, req.params.seller, {
          limit: pageLimit(req.query.limit),
          status: req.query.status ?? 'open',
          awaiting: req.query.awaiting,
          cursor: req.query.cursor,
        }),
    );
    app.get(
      '/sellers/:seller/metrics/history',
      {
        config: ownShop,
        schema: {
          tags,
          summary: 'Refund and dispute rates over time (J2): one point per local day, each over the 30 days to it',
          params: SellerParams,
          querystring: Type.Object(
            {
              days: Type.Optional(
                Type.String({ pattern: '^(?:[7-9]|[1-9][0-9]|1[0-7][0-9]|180)$', description: '7–180, default 90' }),
              ),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              seller: Type.String(),
              points: Type.Array(
                Type.Object({
                  date: Type.String({ description: 'YYYY-MM-DD, in the policy time zone (Asia/Shanghai)' }),
                  trades30d: Type.Integer(),
                  refunds30d: Type.Integer(),
                  disputes30d: Type.Integer(),
                  refundRate30d: Type.Number({ description: 'percent' }),
                  disputeRate30d: Type.Number({ description: 'percent' }),
                }),
              ),
            }),
          },
        },
      },
      async (req) => getSellerMetricsHistory(ctx, req.params.seller, req.query.days ? Number(req.query.days) : 90),
    );
  };
}

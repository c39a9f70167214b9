import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { campaignEligibility } from '@xinyu/domain';
import Type from 'typebox';
import { RatingSchema } from '../../app/command-schemas.js';
import type { AppContext } from '../../app/context.js';
import { getCreditReport } from '../../app/queries/get-credit-report.js';
import { getSellerMetrics } from '../../app/queries/get-seller-metrics.js';
import { listSellerReviews } from '../../app/queries/list-seller-reviews.js';
import { BuyerParams, PageQuery, pageLimit, SellerParams } from '../schemas.js';
import { CreditSchema, DsrSchema, ListedReviewSchema, Page } from '../view-schemas.js';

const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Credit = CreditSchema;
const Dsr = DsrSchema;
const Ledger = Type.Object({
  entries: Type.Array(
    Type.Object({
      entry: Type.Integer(),
      review: Type.String({ description: 'ORDER/LINE/by' }),
      rating: Type.String(),
      counted: Type.Boolean(),
      points: Type.Integer(),
      rule: Type.String({ description: 'A1 counted; A3, A4, A6 or deleted: not counted' }),
      reevaluated: Type.Boolean({ description: 'A9: this entry re-decided a review counted before' }),
      reason: Type.String(),
      effectiveAt: Type.String(),
      recordedAt: Type.String(),
      policyVersion: Type.String(),
    }),
  ),
  nextCursor: Nullable(Type.String()),
  ruleParams: Type.Object(
    {
      A3: Type.Object({ cap: Type.Integer() }),
      A4: Type.Object({ days: Type.Integer() }),
      A6: Type.Object({ maxFen: Type.Integer() }),
    },
    { description: 'the policy numbers behind the not-counted rules (to word them in any language)' },
  ),
});
const LedgerQuery = Type.Object(PageQuery, { additionalProperties: false });

/** Credit (score, level, good rate, DSR, ledger) and a seller's public review listing. */
export function creditRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/sellers/:seller/credit',
      {
        config: { access: { roles: ['seller', 'agent', 'staff'], owner: 'seller' } },
        schema: {
          tags: ['credit'],
          summary: "A seller's credit, DSR and ledger (why the score is what it is)",
          params: SellerParams,
          querystring: LedgerQuery,
          response: { 200: Type.Object({ seller: Type.String(), credit: Credit, dsr: Dsr, ledger: Ledger }) },
        },
      },
      async (req) =>
        (await getCreditReport(ctx, 'seller', req.params.seller, {
          limit: pageLimit(req.query.limit),
          cursor: req.query.cursor,
        })) as never,
    );
    app.get(
      '/buyers/:buyer/credit',
      {
        config: { access: { roles: ['buyer', 'seller', 'agent', 'staff'] } },
        schema: {
          tags: ['credit'],
          summary: "A buyer's credit and ledger (from sellers' reviews)",
          params: BuyerParams,
          querystring: LedgerQuery,
          response: { 200: Type.Object({ buyer: Type.String(), credit: Credit, ledger: Ledger }) },
        },
      },
      async (req) =>
        (await getCreditReport(ctx, 'buyer', req.params.buyer, {
          limit: pageLimit(req.query.limit),
          cursor: req.query.cursor,
        })) as never,
    );
    app.get(
      '/sellers/:seller/metrics',
      {
        config: { access: { roles: ['seller', 'agent', 'staff'], owner: 'seller' } },
        schema: {
          tags: ['refunds'],
          summary: "A seller's refund and dispute rates over 30 days (J2) and campaign eligibility (J4)",
          params: SellerParams,
          response: {
            200: Type.Object({
              seller: Type.String(),
              trades30d: Type.Integer(),
              refunds30d: Type.Integer(),
              disputes30d: Type.Integer(),
              refundRate30d: Type.Number({ description: 'percent' }),
              disputeRate30d: Type.Number({ description: 'percent' }),
              campaigns: Type.Record(
                Type.String(),
                Type.Object({ eligible: Type.Boolean(), reasons: Type.Array(Type.String()) }),
              ),
            }),
          },
        },
      },
      async (req) => {
        const rates = await getSellerMetrics(ctx, req.params.seller);
        const campaigns = Object.fromEntries(
          Object.entries(ctx.policy.afterSales.metrics.campaigns).map(([name, threshold]) => {
            const { eligible, reasons } = campaignEligibility(rates, threshold);
            return [name, { eligible, reasons: [...reasons] }];
          }),
        );
        return { seller: req.params.seller, ...rates, campaigns };
      },
    );
    app.get(
      '/sellers/:seller/reviews',
      {
        config: { public: true },
        schema: {
          tags: ['reviews'],
          summary: 'Reviews a seller received, newest first; double-blind (F3) and folding (F7) applied',
          params: SellerParams,
          querystring: Type.Object(
            {
              ...PageQuery,
              rating: Type.Optional(RatingSchema),
              folded: Type.Optional(
                Type.Union([Type.Literal('true'), Type.Literal('false')], {
                  description: 'true: only folded reviews (F7); false: leave them out; absent: both',
                }),
              ),
            },
            { additionalProperties: false },
          ),
          response: { 200: Page('seller', 'reviews', ListedReviewSchema) },
        },
      },
      async (req) =>
        listSellerReviews(ctx, req.params.seller, {
          limit: pageLimit(req.query.limit),
          rating: req.query.rating,
          folded: req.query.folded === undefined ? undefined : req.query.folded === 'true',
          cursor: req.query.cursor,
        }),
    );
  };
}

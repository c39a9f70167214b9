import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { Id } from '../../app/command-schemas.js';
import type { AppContext } from '../../app/context.js';
import { getRefundCase } from '../../app/queries/get-refund-case.js';
import { listComplaints } from '../../app/queries/list-complaints.js';
import { errorBody } from '../error-map.js';
import { ErrorResponse, PageQuery, pageLimit } from '../schemas.js';
import { ComplaintSchema, OrderViewSchema, RefundViewSchema, TimelineEventSchema } from '../view-schemas.js';

const staffOnly = { access: { roles: ['staff'] } } as const;
const tags = ['staff'];

/** Platform staff's desk: the case page of an intervention, and the complaints about reviews (F7). */
export function staffRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/refunds/:refund/case',
      {
        config: staffOnly,
        schema: {
          tags,
          summary: 'A case: the refund with evidence, the order with both reviews, and its whole timeline (I2–I4)',
          params: Type.Object({ refund: Id }),
          response: {
            200: Type.Object({
              refund: RefundViewSchema,
              order: OrderViewSchema,
              timeline: Type.Array(TimelineEventSchema),
            }),
            404: ErrorResponse,
          },
        },
      },
      async (req, reply) => {
        const found = await getRefundCase(ctx, req.caller!, req.params.refund);
        if (!found) return reply.code(404).send(errorBody('NOT_FOUND', `refund ${req.params.refund} does not exist`));
        return found;
      },
    );
    app.get(
      '/complaints',
      {
        config: staffOnly,
        schema: {
          tags,
          summary: 'Complaints about reviews (F7): pending ones oldest first, to fold or reject',
          querystring: Type.Object(
            {
              ...PageQuery,
              status: Type.Optional(
                Type.Union([Type.Literal('pending'), Type.Literal('upheld'), Type.Literal('rejected')], {
                  description: 'default pending',
                }),
              ),
            },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              complaints: Type.Array(ComplaintSchema),
              nextCursor: Type.Union([Type.String(), Type.Null()]),
            }),
          },
        },
      },
      async (req) =>
        listComplaints(ctx, req.caller!, {
          status: req.query.status ?? 'pending',
          limit: pageLimit(req.query.limit),
          cursor: req.query.cursor,
        }),
    );
  };
}

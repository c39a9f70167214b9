import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { AppContext } from '../../app/context.js';
import { getShop } from '../../app/queries/get-shop.js';
import { errorBody } from '../error-map.js';
import { ErrorResponse, SellerParams } from '../schemas.js';
import { CreditSchema, DsrSchema } from '../view-schemas.js';

const Shop = Type.Object({
  seller: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  market: Type.String({ description: 'taobao or tmall' }),
  credit: CreditSchema,
  dsr: DsrSchema,
});

/** The public shop page's summary: anyone may read a shop's credit and ratings. */
export function shopRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/shops/:seller',
      {
        config: { public: true },
        schema: {
          tags: ['credit'],
          summary: "A shop's name, credit badge (B), good-review rate (C1) and DSR (E2), without the ledger",
          params: SellerParams,
          response: { 200: Shop, 404: ErrorResponse },
        },
      },
      async (req, reply) => {
        const shop = await getShop(ctx, req.params.seller);
        if (!shop) return reply.code(404).send(errorBody('NOT_FOUND', `no shop ${req.params.seller}`));
        return shop;
      },
    );
  };
}

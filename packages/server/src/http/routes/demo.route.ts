import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import type { AppContext } from '../../app/context.js';
import { describeDemo } from '../../demo/demo-sign-ins.js';
import { errorBody } from '../error-map.js';
import { ErrorResponse } from '../schemas.js';

const Demo = Type.Object({
  signIns: Type.Array(
    Type.Object({
      role: Type.String({ description: 'buyer, seller, agent or staff' }),
      token: Type.String({ description: 'a fixed access token: the demo’s accounts are public' }),
      subject: Type.String(),
      name: Type.String(),
    }),
  ),
  shops: Type.Array(Type.Object({ seller: Type.String(), name: Type.String(), market: Type.String() })),
});

/** On a demo marketplace (`xinyu demo`), its sign-ins and shops, for the console's sign-in page. */
export function demoRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/demo',
      {
        config: { public: true },
        schema: {
          tags: ['demo'],
          summary: 'The demo marketplace’s accounts and shops; 404 when the database holds no demo',
          response: { 200: Demo, 404: ErrorResponse },
        },
      },
      async (_req, reply) => {
        const demo = await describeDemo(ctx.db);
        if (!demo) return reply.code(404).send(errorBody('NOT_FOUND', 'this database holds no demo marketplace'));
        return demo;
      },
    );
  };
}

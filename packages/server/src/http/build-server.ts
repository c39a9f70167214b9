import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import type { AppContext } from '../app/context.js';
import { authenticate, authorize, describeAccess } from './access.js';
import { registerConsole } from './console-files.js';
import { errorBody } from './error-map.js';
import { accessRoutes } from './routes/access.route.js';
import { buyerRoutes } from './routes/buyers.route.js';
import { creditRoutes } from './routes/credit.route.js';
import { demoRoutes } from './routes/demo.route.js';
import { orderRoutes } from './routes/orders.route.js';
import { refundRoutes } from './routes/refunds.route.js';
import { reviewRoutes } from './routes/reviews.route.js';
import { shopRoutes } from './routes/shops.route.js';
import { staffRoutes } from './routes/staff.route.js';
import { webhookRoutes } from './routes/webhooks.route.js';
import { workbenchRoutes } from './routes/workbench.route.js';

export interface HttpOptions {
  readonly ctx: AppContext;
  /** API key secret → marketplace name. */
  readonly apiKeys: ReadonlyMap<string, string>;
  readonly logger?: boolean;
  /** The console's built files (served at `/`); none when unset or missing. */
  readonly consoleDir?: string | undefined;
}

const BODY_LIMIT_BYTES = 256 * 1024;

/** Builds the HTTP API: routes validated by their schemas, one error shape, OpenAPI from the schemas. */
export async function buildServer(options: HttpOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: false } },
    // URLs the router refuses before any route (a bad %-escape, a path parameter over 100
    // characters) get the one error shape too, instead of Fastify's own.
    frameworkErrors: (error, _request, reply) =>
      (reply as FastifyReply)
        .code(error.statusCode && error.statusCode < 500 ? error.statusCode : 400)
        .send(errorBody('VALIDATION_FAILED', error.message, { fastifyCode: error.code })),
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(swagger, {
    openapi: {
      info: { title: 'Xinyu API', version: '0.1.0', description: 'Trust and after-sales engine (信誉).' },
      components: {
        securitySchemes: {
          apiKey: {
            type: 'http',
            scheme: 'bearer',
            description: "A marketplace API key, or a person's access token (POST /v1/access-tokens)",
          },
        },
      },
      security: [{ apiKey: [] }],
    },
  });

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/v1/')) return;
    const access = describeAccess(route);
    // A route that forgot to say who may call it would be open to every token: refuse to start.
    if (!access) throw new Error(`route ${route.method} ${route.url} declares no access rule`);
    const schema = (route.schema ?? {}) as Record<string, unknown>;
    route.schema = {
      ...schema,
      description: [schema.description, access].filter(Boolean).join('\n\n'),
      ...(route.config?.public ? { security: [] } : {}),
    };
  });
  app.addHook('onRequest', authenticate(options.ctx, options.apiKeys));
  app.addHook('preHandler', authorize(options.ctx));

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.validation) {
      const first = error.validation[0];
      return reply.code(400).send(
        errorBody(
          'VALIDATION_FAILED',
          `${error.validationContext ?? 'request'}${first?.instancePath ?? ''} ${first?.message ?? 'is invalid'}`,
          {
            part: error.validationContext,
            path: first?.instancePath,
            params: first?.params,
          },
        ),
      );
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON, oversized or unsupported bodies: the client's fault, said plainly.
      return reply
        .code(error.statusCode)
        .send(errorBody('VALIDATION_FAILED', error.message, { fastifyCode: error.code }));
    }
    request.log.error(error);
    return reply.code(500).send({ code: 'INTERNAL', message: 'internal error', details: {} });
  });
  const consoleFiles = await registerConsole(app, options.consoleDir);
  app.setNotFoundHandler((request, reply) => {
    // The console routes on the History API: any other page path gets its index.html.
    if (consoleFiles && request.method === 'GET' && !request.url.startsWith('/v1/')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.code(404).send(errorBody('NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`));
  });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(accessRoutes(options.ctx), { prefix: '/v1' });
  await app.register(orderRoutes(options.ctx), { prefix: '/v1' });
  await app.register(reviewRoutes(options.ctx), { prefix: '/v1' });
  await app.register(creditRoutes(options.ctx), { prefix: '/v1' });
  await app.register(refundRoutes(options.ctx), { prefix: '/v1' });
  await app.register(webhookRoutes(options.ctx), { prefix: '/v1' });
  await app.register(shopRoutes(options.ctx), { prefix: '/v1' });
  await app.register(buyerRoutes(options.ctx), { prefix: '/v1' });
  await app.register(workbenchRoutes(options.ctx), { prefix: '/v1' });
  await app.register(staffRoutes(options.ctx), { prefix: '/v1' });
  await app.register(demoRoutes(options.ctx), { prefix: '/v1' });
  return app;
}

import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import type { AppContext } from '../app/context.js';
import { errorBody } from './error-map.js';
import { creditRoutes } from './routes/credit.route.js';
import { orderRoutes } from './routes/orders.route.js';
import { refundRoutes } from './routes/refunds.route.js';
import { reviewRoutes } from './routes/reviews.route.js';
import { webhookRoutes } from './routes/webhooks.route.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The marketplace whose API key authenticated the request. */
    marketplace?: string;
  }
}

export interface HttpOptions {
  readonly ctx: AppContext;
  /** API key secret → marketplace name. */
  readonly apiKeys: ReadonlyMap<string, string>;
  readonly logger?: boolean;
}

const BODY_LIMIT_BYTES = 256 * 1024;
const PUBLIC_PATHS = new Set(['/openapi.json', '/healthz']);

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
        securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'Marketplace API key' } },
      },
      security: [{ apiKey: [] }],
    },
  });

  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (PUBLIC_PATHS.has(path)) return;
    const header = request.headers.authorization ?? '';
    const secret = header.startsWith('Bearer ') ? header.slice(7).trim() : request.headers['x-api-key'];
    const marketplace = typeof secret === 'string' ? options.apiKeys.get(secret) : undefined;
    if (!marketplace) {
      return reply
        .code(401)
        .send(errorBody('UNAUTHORIZED', 'send a marketplace API key as `Authorization: Bearer KEY`'));
    }
    request.marketplace = marketplace;
  });

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
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody('NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`)),
  );

  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }));
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(orderRoutes(options.ctx), { prefix: '/v1' });
  await app.register(reviewRoutes(options.ctx), { prefix: '/v1' });
  await app.register(creditRoutes(options.ctx), { prefix: '/v1' });
  await app.register(refundRoutes(options.ctx), { prefix: '/v1' });
  await app.register(webhookRoutes(options.ctx), { prefix: '/v1' });
  return app;
}

import { createHash } from 'node:crypto';
import type { Result } from '@xinyu/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { idempotencyScope } from '../app/access/caller.js';
import { type AppContext, executeCommand, type UnitOfWork } from '../app/context.js';
import { reserveIdempotencyKey, storeIdempotentResponse } from '../db/idempotency.repository.js';
import { errorBody, HTTP_STATUS } from './error-map.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,128}$/;

/**
 * Runs one write: the Idempotency-Key is reserved, the use case runs and its answer is stored,
 * all in one transaction. A retry with the same key gets the first answer and changes nothing;
 * the same key with another request is refused.
 */
export async function runWrite<T>(
  ctx: AppContext,
  request: FastifyRequest,
  // biome-ignore lint/suspicious/noExplicitAny: routes of any schema hand their reply over
  reply: FastifyReply<any>,
  work: (uow: UnitOfWork) => Promise<Result<T>>,
  successStatus = 200,
): Promise<void> {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    await reply
      .code(400)
      .send(
        errorBody('VALIDATION_FAILED', 'every write needs an Idempotency-Key header (1–128 of A-Z a-z 0-9 _ . : -)'),
      );
    return;
  }
  const apiKeyId = request.caller ? idempotencyScope(request.caller) : 'anonymous';
  const hash = createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
  const answer = await ctx.db.transaction().execute(async (tx) => {
    const earlier = await reserveIdempotencyKey(tx, apiKeyId, key, hash, ctx.clock.now());
    if (earlier) {
      if (earlier.requestHash !== hash) {
        return {
          status: 422,
          body: errorBody('VALIDATION_FAILED', 'this Idempotency-Key was used for a different request'),
          replayed: false,
        };
      }
      return { status: earlier.statusCode, body: earlier.body, replayed: true };
    }
    const result = await executeCommand(ctx, work, { tx });
    const status = result.ok ? successStatus : HTTP_STATUS[result.code];
    const body = result.ok ? result.value : errorBody(result.code, result.message, { ...result.details });
    await storeIdempotentResponse(tx, apiKeyId, key, status, body);
    return { status, body, replayed: false };
  });
  if (answer.replayed) reply.header('idempotent-replayed', 'true');
  await reply.code(answer.status).send(answer.body);
}

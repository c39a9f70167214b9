import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Caller } from '../app/access/caller.js';
import { findOrderParties, findRefundParties, type Parties } from '../app/access/find-parties.js';
import { resolveCaller } from '../app/access/resolve-caller.js';
import type { AppContext } from '../app/context.js';
import { errorBody } from './error-map.js';

export type Role = Caller['role'];

/** Which resource a route acts on, to check that a person is one of its parties. */
export type Ownership = 'order' | 'refund' | 'seller' | 'buyer' | 'body-order';

/**
 * Who may call a route: the roles allowed (the marketplace's API key is always allowed), whose
 * resource it must be for a buyer, seller or agent, and whether the body's `by` must be the
 * caller's own party (a buyer's token never acts as the seller).
 */
export interface AccessRule {
  readonly roles: readonly Exclude<Role, 'marketplace'>[];
  readonly owner?: Ownership;
  readonly byIsCaller?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who authenticated the request; unset on a public route called without credentials. */
    caller?: Caller;
  }
  interface FastifyContextConfig {
    /** Callable without credentials (the shop page's reads). */
    public?: boolean;
    access?: AccessRule;
  }
}

/** Paths outside the API (the console's files, /openapi.json, /healthz) need no credentials. */
const isApiPath = (url: string) => url.startsWith('/v1/') || url === '/v1';

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization ?? '';
  if (header.startsWith('Bearer ')) return header.slice(7).trim();
  const key = request.headers['x-api-key'];
  return typeof key === 'string' ? key : undefined;
}

/** onRequest: who is calling. A public route may be called without credentials, never with bad ones. */
export function authenticate(ctx: AppContext, apiKeys: ReadonlyMap<string, string>) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isApiPath(request.url)) return;
    const secret = bearer(request);
    const isPublic = request.routeOptions.config?.public === true;
    if (!secret && isPublic) return;
    const caller = secret ? await resolveCaller(ctx, apiKeys, secret) : null;
    if (!caller) {
      return reply
        .code(401)
        .send(errorBody('UNAUTHORIZED', 'send an API key or access token as `Authorization: Bearer …`'));
    }
    request.caller = caller;
  };
}

async function partiesOf(ctx: AppContext, owner: Ownership, request: FastifyRequest): Promise<Partial<Parties> | null> {
  const params = request.params as Record<string, string>;
  switch (owner) {
    case 'order':
      return findOrderParties(ctx, params.order ?? '');
    case 'body-order':
      return findOrderParties(ctx, String((request.body as { order?: unknown } | null)?.order ?? ''));
    case 'refund':
      return findRefundParties(ctx, params.refund ?? '');
    case 'seller':
      return { seller: params.seller ?? '' };
    case 'buyer':
      return { buyer: params.buyer ?? '' };
  }
}

/**
 * preHandler (after validation): enforces the route's AccessRule. Another party's resource is
 * NOT_FOUND, so that existence is not disclosed; a role the route does not serve is FORBIDDEN.
 */
export function authorize(ctx: AppContext) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const rule = request.routeOptions.config?.access;
    const caller = request.caller;
    if (!rule || !caller || caller.role === 'marketplace') return;
    if (!rule.roles.includes(caller.role)) {
      return reply.code(403).send(errorBody('FORBIDDEN', `a ${caller.role} may not call this route`));
    }
    if (rule.byIsCaller && caller.role !== 'staff') {
      const by = (request.body as { by?: unknown } | null)?.by;
      const party = caller.role === 'buyer' ? 'buyer' : 'seller';
      if (by !== party) {
        return reply.code(403).send(errorBody('FORBIDDEN', `a ${caller.role} acts as by=${party}`, { by }));
      }
    }
    if (!rule.owner || caller.role === 'staff') return;
    const parties = await partiesOf(ctx, rule.owner, request);
    const own = caller.role === 'buyer' ? parties?.buyer : parties?.seller;
    if (own !== caller.subject) {
      return reply.code(404).send(errorBody('NOT_FOUND', 'no such resource for this caller'));
    }
  };
}

/** Roles in words for the OpenAPI document, so the docs of who may call cannot drift. */
export function describeAccess(route: RouteOptions): string | null {
  const config = route.config as { public?: boolean; access?: AccessRule } | undefined;
  if (config?.public) return 'Public: no credentials needed.';
  const rule = config?.access;
  if (!rule) return null;
  const own = rule.owner ? ' (their own)' : '';
  const roles = rule.roles.map((r) => (r === 'staff' ? r : `${r}${own}`));
  return `Who: marketplace API key${roles.length ? `, ${roles.join(', ')}` : ' only'}.`;
}

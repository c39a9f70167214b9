import { ERROR_CODE_LIST } from '@xinyu/domain';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect } from 'vitest';
import type { PlaceOrderInput, RateReviewInput } from '../../src/app/command-schemas.js';
import { buildServer } from '../../src/http/build-server.js';
import { type At, commands, instant, makeContext, type TestContext, useTestDatabase } from './test-database.js';

/** The API key the helpers send by default, and a second marketplace's. */
export const API_KEY = 'test-key-marketplace-1';
export const OTHER_API_KEY = 'test-key-marketplace-2';
export const MINUTE = 60_000;

export type Response = LightMyRequestResponse;

export interface WriteOptions {
  /** Idempotency-Key: a fresh one when omitted, none at all when `null`. */
  readonly key?: string | null;
  /** API key: `API_KEY` when omitted, no Authorization header when `null`. */
  readonly apiKey?: string | null;
  /** Sent as is with `content-type: application/json` (malformed JSON, odd top-level values). */
  readonly raw?: string;
}

/** One test's server over this file's database, with a ManualClock and helpers that speak HTTP. */
export interface HttpTestApp {
  readonly app: FastifyInstance;
  readonly ctx: TestContext;
  post(url: string, body?: unknown, options?: WriteOptions): Promise<Response>;
  get(url: string, apiKey?: string | null): Promise<Response>;
  /** Fires due timers up to `at` and moves the clock there (as the poller would). */
  advanceTo(at: At): Promise<void>;
  /** Moves the clock forward by `ms` (default one minute), firing due timers. */
  tick(ms?: number): Promise<void>;
  /** Empties the database and puts the clock back at the start (to replay a setup). */
  reset(): Promise<void>;
  placeOrder(order: string, overrides?: Partial<PlaceOrderInput>): Promise<void>;
  /** Places, pays, ships (express) and confirms an order, a minute apart; returns the success instant. */
  completeOrder(order: string, overrides?: Partial<PlaceOrderInput>): Promise<number>;
  rate(order: string, line: string, body: RateReviewInput): Promise<void>;
  /** Every row of every application table, sorted, to show that a request changed nothing. */
  snapshot(): Promise<Record<string, string[]>>;
  /** Row counts of the tables a command writes. */
  counts(): Promise<Record<string, number>>;
}

const TABLES = [
  'access_tokens',
  'sellers',
  'buyers',
  'orders',
  'order_lines',
  'reviews',
  'credit_entries',
  'credit_totals',
  'timers',
  'events',
  'outbox',
  'idempotency_keys',
  'webhook_subscriptions',
  'webhook_deliveries',
  'webhook_attempts',
  'refund_directory',
  'refunds',
  'refund_evidence',
  'compensations',
] as const;

/**
 * Registers this file's database (test-database.ts: PGlite, or DATABASE_URL's server, emptied
 * before each test) and builds a server on it before each test, its clock at `startAt`.
 */
export function useHttpApp(startAt: At): () => HttpTestApp {
  const testDb = useTestDatabase();
  let current: HttpTestApp | null = null;
  beforeEach(async () => {
    const ctx = makeContext(testDb().db, startAt);
    const app = await buildServer({
      ctx,
      apiKeys: new Map([
        [API_KEY, 'market-1'],
        [OTHER_API_KEY, 'market-2'],
      ]),
    });
    await app.ready();
    current = httpTestApp(app, ctx, startAt, () => testDb().truncate());
  });
  afterEach(async () => {
    await current?.app.close();
    current = null;
  });
  return () => {
    if (!current) throw new Error('the server is built in beforeEach; use it inside a test');
    return current;
  };
}

function httpTestApp(app: FastifyInstance, ctx: TestContext, startAt: At, truncate: () => Promise<void>): HttpTestApp {
  const run = commands(ctx);
  // Keys restart with the database, so a setup replayed after reset() writes the same rows.
  let keySerial = 0;
  const auth = (apiKey: string | null | undefined): Record<string, string> =>
    apiKey === null ? {} : { authorization: `Bearer ${apiKey ?? API_KEY}` };
  const post: HttpTestApp['post'] = (url, body, options = {}) => {
    keySerial += 1;
    const key = options.key === undefined ? `auto-${keySerial}` : options.key;
    const headers: Record<string, string> = {
      ...auth(options.apiKey),
      ...(key === null ? {} : { 'idempotency-key': key }),
    };
    if (options.raw !== undefined) {
      return app.inject({
        method: 'POST',
        url,
        headers: { ...headers, 'content-type': 'application/json' },
        payload: options.raw,
      });
    }
    return app.inject({ method: 'POST', url, headers, ...(body === undefined ? {} : { payload: body as object }) });
  };
  const expectOk = async (response: Promise<Response>, what: string) => {
    const res = await response;
    expect(res.statusCode, `${what}: ${res.body}`).toBeLessThan(300);
  };
  const tick = (ms = MINUTE) => run.advanceTo(ctx.clock.now() + ms).then(() => undefined);
  const placeOrder: HttpTestApp['placeOrder'] = (order, overrides = {}) =>
    expectOk(
      post('/v1/orders', {
        order,
        buyer: 'B1',
        seller: 'S1',
        lines: [{ line: 'L1', item: `I-${order}`, price: 3_900 }],
        ...overrides,
      }),
      `placing ${order}`,
    );
  return {
    app,
    ctx,
    post,
    get: (url, apiKey) => app.inject({ method: 'GET', url, headers: auth(apiKey) }),
    advanceTo: async (at) => {
      await run.advanceTo(at);
    },
    tick,
    async reset() {
      await truncate();
      ctx.clock.set(instant(startAt));
      keySerial = 0;
    },
    placeOrder,
    async completeOrder(order, overrides) {
      await placeOrder(order, overrides);
      for (const step of ['pay', 'ship', 'confirm']) {
        await tick();
        await expectOk(
          post(`/v1/orders/${order}/${step}`, step === 'ship' ? { method: 'express' } : undefined),
          `${step} ${order}`,
        );
      }
      return ctx.clock.now();
    },
    rate: (order, line, body) => expectOk(post(`/v1/orders/${order}/lines/${line}/reviews`, body), `rating ${order}`),
    async snapshot() {
      const state: Record<string, string[]> = {};
      for (const table of TABLES) {
        const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(ctx.db);
        state[table] = rows.rows.map((r) => JSON.stringify(r)).sort();
      }
      return state;
    },
    async counts() {
      const counts: Record<string, number> = {};
      for (const table of TABLES) {
        const row = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(ctx.db);
        counts[table] = Number(row.rows[0]?.n);
      }
      return counts;
    },
  };
}

/** Asserts the one error shape: `{code, message, details}` with a code from the closed list. */
export function expectError(res: Response, status: number, code?: string, what = ''): void {
  expect(res.statusCode, `${what} ${res.body}`).toBe(status);
  const body = res.json();
  expect(Object.keys(body).sort(), what).toEqual(['code', 'details', 'message']);
  expect(ERROR_CODE_LIST, what).toContain(body.code);
  expect(typeof body.message, what).toBe('string');
  expect(typeof body.details, what).toBe('object');
  if (code) expect(body.code, `${what} ${res.body}`).toBe(code);
}

/**
 * The routes the server registered, as `METHOD /path/{param}` (HEAD left out), read from
 * `printRoutes()`: a radix tree where each child's text continues its parent's path.
 */
export function registeredRoutes(app: FastifyInstance): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    const path = (stack[depth - 1] ?? '') + (match[2] ?? '');
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of (match[3] ?? '').split(', ').filter((m) => m && m !== 'HEAD')) {
      routes.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return routes.sort();
}

/** The routes /openapi.json documents, as `METHOD /path/{param}`. */
export function documentedRoutes(spec: { paths: Record<string, Record<string, unknown>> }): string[] {
  return Object.entries(spec.paths)
    .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
}

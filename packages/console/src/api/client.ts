import type { Pending } from './pending.js';
import type { paths } from './schema.js';

/** The served API (generated) with the contract's not-yet-served reads standing in for theirs. */
export type AllPaths = Omit<paths, keyof Pending> & Pending;

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Op<P extends keyof AllPaths, M extends 'get' | 'post'> = AllPaths[P] extends { [m in M]: infer O } ? O : never;
type PathsWith<M extends 'get' | 'post'> = {
  [P in keyof AllPaths]: AllPaths[P] extends { [m in M]: { responses: unknown } } ? P : never;
}[keyof AllPaths];

export type GetPath = PathsWith<'get'>;
export type PostPath = PathsWith<'post'>;
/** The 2xx answer of a read. */
export type Answer<P extends GetPath> = JsonOf<(Op<P, 'get'> & { responses: { 200: unknown } })['responses'][200]>;
type SuccessOf<O> = O extends { responses: infer R }
  ? R extends { 200: infer A }
    ? JsonOf<A>
    : R extends { 201: infer B }
      ? JsonOf<B>
      : never
  : never;
/** The 2xx answer of a write. */
export type Outcome<P extends PostPath> = SuccessOf<Op<P, 'post'>>;
type ParamsOf<O, K extends 'path' | 'query'> = O extends { parameters: { [k in K]?: infer T } } ? T : never;
export type PathParams<P extends keyof AllPaths> = ParamsOf<Op<P, 'get'> | Op<P, 'post'>, 'path'>;
export type Query<P extends GetPath> = NonNullable<ParamsOf<Op<P, 'get'>, 'query'>>;
/** The JSON body a write takes. */
export type Body<P extends PostPath> = Op<P, 'post'> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** A refusal from the server (`code` from the closed list), or a failure to reach it (`NETWORK`). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'xinyu.token';
/** The bearer token of the signed-in person, kept across reloads. */
export const tokenStore = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

/** `/v1/shops/{seller}` with `{seller: 'shop01'}` → `/v1/shops/shop01` (each value URL-escaped). */
export function fillPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} of ${template}`);
    return encodeURIComponent(value);
  });
}

// A retry after a lost answer or a restarting server; a write keeps its Idempotency-Key, so a
// request that did arrive the first time is answered again instead of being done twice.
const RETRY_DELAYS_MS = [400, 1200];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function send(method: 'GET' | 'POST', url: string, body?: unknown, key?: string): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = tokenStore.get();
  if (token) headers.authorization = `Bearer ${token}`;
  if (key) headers['idempotency-key'] = key;
  if (body !== undefined) headers['content-type'] = 'application/json';
  for (let attempt = 0; ; attempt++) {
    let response: Response | null = null;
    try {
      response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      response = null;
    }
    const retriable = response === null || response.status === 502 || response.status === 503;
    if (retriable && attempt < RETRY_DELAYS_MS.length) {
      await sleep(RETRY_DELAYS_MS[attempt]!);
      continue;
    }
    if (response === null) throw new ApiError('NETWORK', 'the server cannot be reached', 0);
    const text = await response.text();
    const json: unknown = text ? safeParse(text) : null;
    if (response.ok) return json;
    const error = (json ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
    throw new ApiError(
      typeof error.code === 'string' ? error.code : 'INTERNAL',
      typeof error.message === 'string' ? error.message : `HTTP ${response.status}`,
      response.status,
      (error.details as Record<string, unknown>) ?? {},
    );
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function withQuery(url: string, query?: Record<string, string | undefined>): string {
  const entries = Object.entries(query ?? {}).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '');
  return entries.length ? `${url}?${new URLSearchParams(entries)}` : url;
}

/** A typed read: `apiGet('/v1/shops/{seller}', {seller})`. */
export function apiGet<P extends GetPath>(
  path: P,
  params: PathParams<P> extends never ? undefined : PathParams<P>,
  query?: Query<P>,
): Promise<Answer<P>> {
  const url = withQuery(fillPath(path, params as Record<string, string>), query as Record<string, string>);
  return send('GET', url) as Promise<Answer<P>>;
}

/** A typed write with the Idempotency-Key of the user action it belongs to. */
export function apiPost<P extends PostPath>(
  path: P,
  params: PathParams<P> extends never ? undefined : PathParams<P>,
  body: Body<P>,
  idempotencyKey: string,
): Promise<Outcome<P>> {
  return send('POST', fillPath(path, params as Record<string, string>), body ?? {}, idempotencyKey) as Promise<
    Outcome<P>
  >;
}

import { describe, expect, it } from 'vitest';
import {
  API_KEY,
  documentedRoutes,
  expectError,
  type HttpTestApp,
  OTHER_API_KEY,
  type Response,
  registeredRoutes,
  useHttpApp,
} from './support/http-test-app.js';
import {
  type Body,
  buyerRated,
  WRITE_CASES as CASES,
  orderBody,
  paid,
  REVIEWS,
  STARS,
  shipped,
  succeeded,
  type WriteCase,
} from './support/write-cases.js';

const http = useHttpApp('2024-03-04T10:00:00+08:00');

/** A value of another JSON type than `value`'s. */
function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12_345;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return 'true';
  if (Array.isArray(value)) return { 0: value[0] };
  return 'object';
}

/** Bad bodies every endpoint must refuse with 400: derived from its valid body and documented schema. */
function genericBadBodies(c: WriteCase, required: readonly string[]): Array<readonly [string, unknown]> {
  const bad: Array<readonly [string, unknown]> = [
    ['an array', []],
    ['a string', 'rate it'],
    ['a number', 42],
    ['an unknown field', { ...c.body, unexpected: true }],
    [
      'a __proto__ field',
      JSON.parse(`{"__proto__": {"admin": true}${c.body ? `, ${JSON.stringify(c.body).slice(1)}` : '}'}`),
    ],
  ];
  const body = c.body ?? {};
  for (const field of required) {
    const { [field]: _, ...rest } = body;
    bad.push([`no ${field}`, rest]);
  }
  for (const [field, value] of Object.entries(body)) {
    bad.push([`${field} of the wrong type`, { ...body, [field]: wrongType(value) }]);
    bad.push([`${field} null`, { ...body, [field]: null }]);
    if (typeof value === 'string') {
      bad.push([`${field} of 20,000 characters`, { ...body, [field]: 'x'.repeat(20_000) }]);
      bad.push([`${field} of 20,000 Chinese characters`, { ...body, [field]: '好'.repeat(20_000) }]);
    }
  }
  return bad;
}

/** The same endpoint on ids that are not ids. */
function badUrls(url: string): string[] {
  const urls: string[] = [];
  for (const [segment, id] of [
    ['/orders/', 'O1'],
    ['/lines/', 'L1'],
    ['/refunds/', 'R1'],
  ] as const) {
    if (!url.includes(`${segment}${id}/`)) continue;
    for (const bad of ['O%201', 'x'.repeat(200), '%E8%AE%A2%E5%8D%95', '-1', '%00', '%E0%A4%A']) {
      urls.push(url.replace(`${segment}${id}/`, `${segment}${bad}/`));
    }
  }
  return urls;
}

async function openApi(h: HttpTestApp) {
  return (await h.get('/openapi.json')).json() as {
    paths: Record<
      string,
      Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[] } }> } }>
    >;
  };
}

const same = (a: Response, b: Response) => {
  expect(b.statusCode).toBe(a.statusCode);
  expect(b.json()).toEqual(a.json());
};

describe('HTTP writes: the endpoints under test', () => {
  it('are exactly the POST routes the server registers and documents (a new write needs its case here)', async () => {
    const h = http();
    const tested = CASES.map((c) => `POST ${c.route}`).sort();
    expect(registeredRoutes(h.app).filter((r) => r.startsWith('POST '))).toEqual(tested);
    expect(documentedRoutes(await openApi(h)).filter((r) => r.startsWith('POST '))).toEqual(tested);
  });
});

describe.each(CASES)('POST $route', (c) => {
  const send = (
    h: HttpTestApp,
    options: { key?: string | null; apiKey?: string | null; url?: string; body?: unknown } = {},
  ) => {
    const body = 'body' in options ? options.body : c.body;
    // A JSON document whose top level is not an object is sent as such, with its JSON content type.
    const raw = body !== undefined && (body === null || typeof body !== 'object') ? JSON.stringify(body) : undefined;
    return h.post(options.url ?? c.url, body, { ...options, ...(raw === undefined ? {} : { raw }) });
  };

  it('succeeds on a valid request, without the replay header', async () => {
    const h = http();
    await c.setup(h);
    const res = await send(h);
    expect(res.statusCode, res.body).toBe(c.status);
    expect(res.headers['idempotent-replayed']).toBeUndefined();
  });

  it('bad input → 400 VALIDATION_FAILED with the error shape, never 5xx, nothing written', async () => {
    const h = http();
    await c.setup(h);
    const before = await h.snapshot();
    const required =
      (await openApi(h)).paths[c.route]?.post?.requestBody?.content['application/json']?.schema.required ?? [];
    if (c.body) expect(required.length, 'the documented required fields').toBeGreaterThan(0);
    for (const [what, body] of [...genericBadBodies(c, required), ...(c.badBodies ?? [])]) {
      expectError(await send(h, { body }), 400, 'VALIDATION_FAILED', what);
    }
    for (const raw of ['{"by": "buyer",', '{', "{'by': 'buyer'}", '{"a":1}{"b":2}', '\u0000']) {
      expectError(await h.post(c.url, undefined, { raw }), 400, 'VALIDATION_FAILED', `malformed JSON ${raw}`);
    }
    for (const url of badUrls(c.url)) {
      const res = await send(h, { url });
      expect([400, 414], url).toContain(res.statusCode);
      expectError(res, res.statusCode, 'VALIDATION_FAILED', url);
    }
    expect(await h.snapshot()).toEqual(before);
  });

  // Evidence carries images (I2) and accepts 26 MiB; every other write keeps the 256 KiB default.
  const bodyLimit = c.route.endsWith('/evidence') ? 26 * 1024 * 1024 : 256 * 1024;
  it(`a body over its limit (${bodyLimit / 1024} KiB) → 413 with the error shape`, async () => {
    const h = http();
    const res = await send(h, { body: { ...c.body, text: 'x'.repeat(bodyLimit + 1024) } });
    expectError(res, 413, 'VALIDATION_FAILED');
  });

  it('no Idempotency-Key, or a malformed one → 400 VALIDATION_FAILED, nothing written', async () => {
    const h = http();
    await c.setup(h);
    const before = await h.snapshot();
    expectError(await send(h, { key: null }), 400, 'VALIDATION_FAILED', 'no key');
    for (const key of ['', 'has space', 'k'.repeat(129), 'ключ']) {
      expectError(await send(h, { key }), 400, 'VALIDATION_FAILED', `key ${key}`);
    }
    expect(await h.snapshot()).toEqual(before);
  });

  it('no API key, or an unknown one → 401 UNAUTHORIZED, nothing written', async () => {
    const h = http();
    await c.setup(h);
    const before = await h.snapshot();
    expectError(await send(h, { apiKey: null }), 401, 'UNAUTHORIZED', 'no API key');
    expectError(await send(h, { apiKey: 'not-a-key' }), 401, 'UNAUTHORIZED', 'unknown API key');
    const basic = await h.app.inject({
      method: 'POST',
      url: c.url,
      headers: { authorization: `Basic ${API_KEY}`, 'idempotency-key': 'basic' },
      ...(c.body ? { payload: c.body } : {}),
    });
    expectError(basic, 401, 'UNAUTHORIZED', 'Basic scheme');
    expect(await h.snapshot()).toEqual(before);
  });

  it('the same request with the same key twice: the same answer, replayed, nothing changed', async () => {
    const h = http();
    await c.setup(h);
    const first = await send(h, { key: 'same-key' });
    expect(first.statusCode, first.body).toBe(c.status);
    const counts = await h.counts();
    const state = await h.snapshot();
    await h.tick();
    const retry = await send(h, { key: 'same-key' });
    same(first, retry);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await h.counts()).toEqual(counts);
    expect(await h.snapshot()).toEqual(state);
  });

  const refusal = c.refusal;
  // Registering a seller cannot be refused: the other endpoints replay a refusal too.
  if (refusal) {
    it('a retried refusal: the same refusal, replayed, nothing changed', async () => {
      const h = http();
      await c.setup(h);
      const { idempotency_keys: _, ...before } = await h.snapshot();
      const first = await send(h, { key: 'refused', url: refusal.url, body: refusal.body });
      expectError(first, refusal.status, refusal.code);
      const { idempotency_keys: __, ...after } = await h.snapshot();
      expect(after).toEqual(before);
      const counts = await h.counts();
      const retry = await send(h, { key: 'refused', url: refusal.url, body: refusal.body });
      same(first, retry);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(await h.counts()).toEqual(counts);
    });
  }

  it('the same key with another request → 422 VALIDATION_FAILED, nothing changed', async () => {
    const h = http();
    await c.setup(h);
    expect((await send(h, { key: 'reused' })).statusCode).toBe(c.status);
    const state = await h.snapshot();
    const res = await send(h, { key: 'reused', url: c.other.url, body: c.other.body });
    expectError(res, 422, 'VALIDATION_FAILED');
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(await h.snapshot()).toEqual(state);
  });

  it('five concurrent identical requests with one key: one effect, five identical answers', async () => {
    const h = http();
    await c.setup(h);
    const alone = await send(h, { key: 'concurrent' });
    const oneEffect = c.freshSecrets ? await h.counts() : await h.snapshot();
    await h.reset();
    await c.setup(h);
    const answers = await Promise.all(Array.from({ length: 5 }, () => send(h, { key: 'concurrent' })));
    // An answer carrying a freshly minted secret differs from the lone run's; the five still agree.
    for (const answer of answers) same(c.freshSecrets ? answers[0]! : alone, answer);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(c.freshSecrets ? await h.counts() : await h.snapshot()).toEqual(oneEffect);
  });
});

describe('idempotency keys', () => {
  it('belong to one marketplace: another API key with the same key is another request', async () => {
    const h = http();
    await paid(h);
    expect((await h.post('/v1/orders/O1/ship', { method: 'express' }, { key: 'k1' })).statusCode).toBe(200);
    const other = await h.post('/v1/orders/O1/ship', { method: 'express' }, { key: 'k1', apiKey: OTHER_API_KEY });
    expectError(other, 409, 'ORDER_STATE_INVALID');
    expect(other.headers['idempotent-replayed']).toBeUndefined();
  });

  it('a retried refusal replays the refusal even after the state changed', async () => {
    const h = http();
    expectError(await h.post('/v1/orders/O1/pay', undefined, { key: 'early-pay' }), 404, 'NOT_FOUND');
    await h.placeOrder('O1');
    const retry = await h.post('/v1/orders/O1/pay', undefined, { key: 'early-pay' });
    expectError(retry, 404, 'NOT_FOUND');
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect((await h.get('/v1/orders/O1')).json().status).toBe('placed');
  });
});

describe('business refusals over HTTP', () => {
  const rate = (h: HttpTestApp, body: Body, order = 'O1') => h.post(`/v1/orders/${order}/lines/L1/reviews`, body);

  it('F1: rating before success → 422 REVIEW_NOT_OPEN', async () => {
    const h = http();
    await shipped(h);
    expectError(await rate(h, { by: 'buyer', rating: 'good' }), 422, 'REVIEW_NOT_OPEN');
  });

  it('F1: rating a line twice → 409 REVIEW_EXISTS', async () => {
    const h = http();
    await buyerRated('good')(h);
    expectError(await rate(h, { by: 'buyer', rating: 'bad' }), 409, 'REVIEW_EXISTS');
  });

  it('an unknown order or line → 404 NOT_FOUND', async () => {
    const h = http();
    await succeeded(h);
    expectError(await rate(h, { by: 'buyer', rating: 'good' }, 'O404'), 404, 'NOT_FOUND');
    expectError(await h.post('/v1/orders/O1/lines/L9/reviews', { by: 'buyer', rating: 'good' }), 404, 'NOT_FOUND');
    expectError(await h.post('/v1/orders/O404/pay'), 404, 'NOT_FOUND');
    expectError(await h.get('/v1/orders/O404'), 404, 'NOT_FOUND');
  });

  it('placing the same order id twice with different keys → 409 DUPLICATE_ID, the first order kept', async () => {
    const h = http();
    await h.placeOrder('O1');
    const again = await h.post('/v1/orders', { ...orderBody('O1'), buyer: 'B2' });
    expectError(again, 409, 'DUPLICATE_ID');
    expect((await h.get('/v1/orders/O1')).json()).toMatchObject({ buyer: 'B1', lines: [{ line: 'L1' }] });
  });

  it('E1: a seller sending DSR → 422 DSR_NOT_ALLOWED', async () => {
    const h = http();
    await succeeded(h);
    expectError(await rate(h, { by: 'seller', rating: 'good', dsr: STARS }), 422, 'DSR_NOT_ALLOWED');
  });

  it('F6: modifying a bad review to neutral → 422 MODIFY_TARGET_INVALID; the one chance is kept', async () => {
    const h = http();
    await buyerRated('bad')(h);
    const modify = (rating: string) => h.post(`${REVIEWS}/modify`, { by: 'buyer', rating });
    expectError(await modify('neutral'), 422, 'MODIFY_TARGET_INVALID');
    expect((await modify('good')).statusCode).toBe(200);
    expectError(await modify('good'), 422, 'REVIEW_NOT_MODIFIABLE');
  });

  it('F4: 500 Chinese characters or emoji are accepted, 501 → 422 TEXT_TOO_LONG', async () => {
    const h = http();
    await succeeded(h);
    expectError(await rate(h, { by: 'buyer', rating: 'good', text: '好'.repeat(501) }), 422, 'TEXT_TOO_LONG');
    expectError(await rate(h, { by: 'buyer', rating: 'good', text: '😀'.repeat(501) }), 422, 'TEXT_TOO_LONG');
    expect((await rate(h, { by: 'buyer', rating: 'good', text: '😀'.repeat(500) })).statusCode).toBe(200);
    const seller = await h.post(REVIEWS, { by: 'seller', rating: 'good', text: '好'.repeat(500) });
    expect(seller.statusCode, seller.body).toBe(200);
  });

  it('text with a NUL character is refused as input, not a 500', async () => {
    const h = http();
    await succeeded(h);
    expectError(await rate(h, { by: 'buyer', rating: 'good', text: 'a\u0000b' }), 400, 'VALIDATION_FAILED');
  });
});

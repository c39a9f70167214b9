import { DAY_MS, ERROR_CODE_LIST } from '@xinyu/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_KEY, documentedRoutes, type HttpTestApp, OTHER_API_KEY, useHttpApp } from './support/http-test-app.js';

// Hostile input on every route of the OpenAPI document: random ids, bodies, queries and
// credentials. Whatever arrives, the answer is never a 5xx, a refusal always has the one error
// shape with a code from the closed list, and a refused request changes nothing.

const http = useHttpApp('2024-03-04T10:00:00+08:00');

/** A small marketplace: O1 (B1 at S1) reviewed both ways with a complaint, refund R1 in intervention. */
async function marketplace(h: HttpTestApp) {
  await h.completeOrder('O1', { lines: [{ line: 'L1', item: 'I1', title: '连衣裙', price: 12_900 }] });
  await h.completeOrder('O2', { buyer: 'B2', seller: 'S2' });
  await h.rate('O1', 'L1', { by: 'buyer', rating: 'bad', text: '<script>alert(1)</script> 差评😡' });
  await h.rate('O1', 'L1', { by: 'seller', rating: 'good' });
  await h.post('/v1/orders/O1/lines/L1/reviews/complain', { by: 'seller', reason: '恶意' });
  await h.post('/v1/refunds', {
    refund: 'R1',
    order: 'O1',
    line: 'L1',
    kind: 'refund_only',
    amount: 900,
    reason: 'quality',
  });
  await h.post('/v1/refunds/R1/refuse', { reason: '不同意' });
  await h.tick(DAY_MS);
  await h.post('/v1/refunds/R1/escalate');
  const tokens: Record<string, string> = {};
  for (const [name, role, subject] of [
    ['b1', 'buyer', 'B1'],
    ['b2', 'buyer', 'B2'],
    ['s1', 'seller', 'S1'],
    ['agent2', 'agent', 'S2'],
    ['staff', 'staff', 'staff01'],
  ] as const) {
    tokens[name] = (await h.post('/v1/access-tokens', { role, subject, ttlHours: 8_760 })).json().token;
  }
  return tokens;
}

const ids = fc.oneof(
  fc.constantFrom('O1', 'O2', 'L1', 'R1', 'S1', 'S2', 'B1', 'B2', '1', 'O404'),
  fc.string({ maxLength: 80 }),
  fc.constantFrom('..', '%2e%2e', '%00', '%E4%BF%A1', 'a'.repeat(65), 'O1%2FL1', '-1', '1e309'),
);
const hostileNumber = fc.oneof(fc.integer(), fc.constantFrom(-1, 0, 1e21, -1e21, 2 ** 53, Number.MAX_VALUE, 0.5, -0.0));
const hostileScalar = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.constant('好'.repeat(3_000)),
  fc.constant('<img src=x onerror=alert(1)>'),
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
);
const field = fc.constantFrom(
  'by',
  'rating',
  'text',
  'reason',
  'amount',
  'kind',
  'refund',
  'order',
  'line',
  'method',
  'upheld',
  'responsible',
  'on',
  'dsr',
  'role',
  'subject',
  'url',
  'eventTypes',
  '__proto__',
  'constructor',
);
/** Bodies: plausible field names with hostile values, nested a little, or any JSON at all. */
const body = fc.oneof(
  fc.dictionary(
    field,
    fc.oneof(hostileScalar, fc.array(hostileScalar, { maxLength: 3 }), fc.dictionary(field, hostileScalar)),
    {
      maxKeys: 6,
    },
  ),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constant(undefined),
);
const query = fc.dictionary(
  fc.constantFrom('limit', 'cursor', 'rating', 'folded', 'status', 'awaiting', 'days', 'x'),
  fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('0', '100', '101', '-1', 'true', 'open', 'bad', '1e3')),
  { maxKeys: 3 },
);
const who = fc.constantFrom('none', 'wrong', 'api', 'other-api', 'b1', 'b2', 's1', 'agent2', 'staff');

describe('hostile input on every route', () => {
  it('never a 5xx; every refusal has a code from the closed list; a refused request changes nothing', async () => {
    const h = http();
    const tokens = await marketplace(h);
    const spec = (await h.get('/openapi.json')).json();
    const routes = documentedRoutes(spec);
    expect(routes.length).toBeGreaterThan(40);
    const credential = (w: string): string | null =>
      w === 'none'
        ? null
        : w === 'wrong'
          ? 'xyt_wrong'
          : w === 'api'
            ? API_KEY
            : w === 'other-api'
              ? OTHER_API_KEY
              : tokens[w]!;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.array(ids, { minLength: 4, maxLength: 4 }),
        body,
        query,
        who,
        async (route, segmentIds, payload, params, caller) => {
          const [method, template] = route.split(' ') as [string, string];
          let n = 0;
          const path = template.replace(/\{\w+\}/g, () => encodeURIComponent(segmentIds[n++ % 4]!).slice(0, 300));
          const search = new URLSearchParams(params).toString();
          const url = `${path}${search ? `?${search}` : ''}`;
          // A refusal's answer is kept under its Idempotency-Key (a retry replays it): that row aside.
          const state = async () => {
            const { idempotency_keys: _, ...rest } = await h.snapshot();
            return rest;
          };
          const before = await state();
          const apiKey = credential(caller);
          const res = method === 'GET' ? await h.get(url, apiKey) : await h.post(url, payload, { apiKey });
          expect(res.statusCode, `${method} ${url} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
          if (res.statusCode >= 400) {
            refused += 1;
            const error = res.json();
            expect(ERROR_CODE_LIST, `${method} ${url}`).toContain(error.code);
            expect(Object.keys(error).sort()).toEqual(['code', 'details', 'message']);
            expect(await state(), `${method} ${url} was refused yet changed something`).toEqual(before);
          }
        },
      ),
      { numRuns: 400, seed: 20_261_201 },
    );
    // The property is about refusals: most hostile requests must be refused for it to mean much.
    expect(refused).toBeGreaterThan(300);
  });

  it('review text is stored and shown exactly: Chinese, emoji and markup come back as sent', async () => {
    const h = http();
    const tokens = await marketplace(h);
    const line = (await h.get('/v1/orders/O1', tokens.staff)).json().lines[0];
    expect(line.reviews.buyer.text).toBe('<script>alert(1)</script> 差评😡');
    const listed = (await h.get('/v1/sellers/S1/reviews', null)).json().reviews[0];
    expect(listed.text).toBe('<script>alert(1)</script> 差评😡');
    expect((await h.get('/v1/sellers/S1/reviews', null)).headers['content-type']).toMatch(/^application\/json/);
  });
});

describe('tenant and role isolation', () => {
  it("another shop's agent and another buyer can neither read nor act on S1's and B1's data", async () => {
    const h = http();
    const tokens = await marketplace(h);
    const before = await h.snapshot();
    const reads = [
      '/v1/orders/O1',
      '/v1/refunds/R1',
      '/v1/sellers/S1/credit',
      '/v1/sellers/S1/metrics',
      '/v1/sellers/S1/metrics/history',
      '/v1/sellers/S1/workbench/reviews',
      '/v1/sellers/S1/refunds',
      '/v1/buyers/B1/orders',
      '/v1/buyers/B1/refunds',
      '/v1/refunds/R1/case',
      '/v1/complaints',
      '/v1/interventions',
      '/v1/webhooks/subscriptions',
    ];
    for (const token of [tokens.agent2!, tokens.b2!]) {
      for (const url of reads) expect([403, 404], `${url}`).toContain((await h.get(url, token)).statusCode);
    }
    const writes: Array<[string, unknown]> = [
      ['/v1/orders/O1/lines/L1/reviews/explain', { on: 'review', by: 'seller', text: '解释' }],
      ['/v1/orders/O1/lines/L1/reviews/complain', { by: 'seller', reason: '恶意' }],
      ['/v1/orders/O1/lines/L1/reviews/modify', { by: 'buyer', rating: 'good' }],
      ['/v1/orders/O1/lines/L1/reviews/followup', { text: '追评' }],
      ['/v1/orders/O1/lines/L1/reviews/complaint-ruling', { upheld: true }],
      ['/v1/orders/O1/ship', { method: 'express' }],
      ['/v1/orders/O1/confirm', undefined],
      ['/v1/refunds/R1/evidence', { by: 'seller', text: '证据' }],
      ['/v1/refunds/R1/evidence', { by: 'buyer', text: '证据' }],
      ['/v1/refunds/R1/ruling', { responsible: 'seller', amount: 900 }],
      ['/v1/refunds', { refund: 'R9', order: 'O1', line: 'L1', kind: 'refund_only', amount: 100, reason: 'quality' }],
    ];
    for (const token of [tokens.agent2!, tokens.b2!]) {
      for (const [url, payload] of writes) {
        expect([403, 404], `${url}`).toContain((await h.post(url, payload, { apiKey: token })).statusCode);
      }
    }
    expect(await h.snapshot()).toEqual(before);
  });
});

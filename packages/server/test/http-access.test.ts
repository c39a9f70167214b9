import { DAY_MS } from '@xinyu/domain';
import { describe, expect, it } from 'vitest';
import { expectError, type HttpTestApp, MINUTE, useHttpApp } from './support/http-test-app.js';

// Access tokens and who may do what: a person acts only on their own orders, refunds and shop, as
// their own party; another party's resource is NOT_FOUND; a route not for their role is FORBIDDEN.

const http = useHttpApp('2024-03-04T10:00:00+08:00');

async function mint(h: HttpTestApp, role: string, subject: string, extra: Record<string, unknown> = {}) {
  const res = await h.post('/v1/access-tokens', { role, subject, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().token as string;
}

/** Orders O1 (B1 at S1) and O2 (B2 at S2) reached success; tokens for each person. */
async function marketplace(h: HttpTestApp) {
  await h.completeOrder('O1', { buyer: 'B1', seller: 'S1' });
  await h.completeOrder('O2', { buyer: 'B2', seller: 'S2' });
  await h.tick();
  return {
    b1: await mint(h, 'buyer', 'B1', { name: '小王' }),
    b2: await mint(h, 'buyer', 'B2'),
    s1: await mint(h, 'seller', 'S1'),
    agent1: await mint(h, 'agent', 'S1', { name: '客服小李' }),
    s2: await mint(h, 'seller', 'S2'),
    staff: await mint(h, 'staff', 'staff01'),
  };
}

const rate = (h: HttpTestApp, order: string, token: string, by: string, rating = 'bad') =>
  h.post(`/v1/orders/${order}/lines/L1/reviews`, { by, rating, text: '质量一般' }, { apiKey: token });

describe('access tokens', () => {
  it('are shown once, answer GET /v1/me, and never store the secret', async () => {
    const h = http();
    const t = await marketplace(h);
    expect(t.b1).toMatch(/^xyt_[A-Za-z0-9_-]{43}$/);
    expect((await h.get('/v1/me', t.agent1)).json()).toEqual({
      role: 'agent',
      subject: 'S1',
      name: '客服小李',
      marketplace: 'market-1',
    });
    expect((await h.get('/v1/me')).json()).toMatchObject({ role: 'marketplace', subject: null });
    const rows = (await h.snapshot()).access_tokens ?? [];
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(row).not.toContain(t.b1);
  });

  it('an expired or revoked token, or an unknown one, is 401 UNAUTHORIZED', async () => {
    const h = http();
    const short = await mint(h, 'buyer', 'B1', { ttlHours: 1 });
    const revoked = await mint(h, 'buyer', 'B1');
    expect((await h.get('/v1/me', short)).statusCode).toBe(200);
    expect((await h.post('/v1/access-tokens/revoke', { token: revoked })).statusCode).toBe(200);
    expectError(await h.get('/v1/me', revoked), 401, 'UNAUTHORIZED');
    await h.tick(60 * MINUTE);
    expectError(await h.get('/v1/me', short), 401, 'UNAUTHORIZED');
    expectError(await h.get('/v1/me', 'xyt_never_minted'), 401, 'UNAUTHORIZED');
  });

  it('only the marketplace mints, revokes, places orders and manages webhooks: a person gets FORBIDDEN', async () => {
    const h = http();
    const t = await marketplace(h);
    for (const token of [t.b1, t.s1, t.staff]) {
      expectError(await h.post('/v1/access-tokens', { role: 'staff', subject: 'x' }, { apiKey: token }), 403);
      expectError(
        await h.post('/v1/orders', { order: 'O9', buyer: 'B1', seller: 'S1', lines: [] }, { apiKey: token }),
        400,
      );
      expectError(
        await h.post(
          '/v1/orders',
          { order: 'O9', buyer: 'B1', seller: 'S1', lines: [{ line: 'L1', item: 'I', price: 100 }] },
          { apiKey: token },
        ),
        403,
        'FORBIDDEN',
      );
      expectError(await h.get('/v1/webhooks/subscriptions', token), 403, 'FORBIDDEN');
    }
  });
});

describe('who may act on what', () => {
  it('a buyer reads and rates only their own orders, as the buyer', async () => {
    const h = http();
    const t = await marketplace(h);
    expect((await h.get('/v1/orders/O1', t.b1)).statusCode).toBe(200);
    expectError(await h.get('/v1/orders/O2', t.b1), 404, 'NOT_FOUND');
    expectError(await h.get('/v1/orders/O404', t.b1), 404, 'NOT_FOUND');
    const before = await h.snapshot();
    expectError(await rate(h, 'O2', t.b1, 'buyer'), 404, 'NOT_FOUND');
    expectError(await rate(h, 'O1', t.b1, 'seller'), 403, 'FORBIDDEN');
    expect(await h.snapshot()).toEqual(before);
    expect((await rate(h, 'O1', t.b1, 'buyer')).statusCode).toBe(200);
  });

  it('a seller and its agent act on their shop only, as the seller; staff rule, parties do not', async () => {
    const h = http();
    const t = await marketplace(h);
    expect((await rate(h, 'O1', t.b1, 'buyer')).statusCode).toBe(200);
    expectError(await rate(h, 'O1', t.s2, 'seller'), 404, 'NOT_FOUND');
    expect((await rate(h, 'O1', t.agent1, 'seller', 'good')).statusCode).toBe(200);
    const complain = (token: string) =>
      h.post('/v1/orders/O1/lines/L1/reviews/complain', { by: 'seller', reason: '恶意差评' }, { apiKey: token });
    expectError(await complain(t.s2), 404, 'NOT_FOUND');
    expect((await complain(t.s1)).statusCode).toBe(200);
    const ruling = (token: string) =>
      h.post('/v1/orders/O1/lines/L1/reviews/complaint-ruling', { upheld: false }, { apiKey: token });
    expectError(await ruling(t.s1), 403, 'FORBIDDEN');
    expectError(await ruling(t.b1), 403, 'FORBIDDEN');
    expect((await ruling(t.staff)).statusCode).toBe(200);
  });

  it("a shop's credit ledger and metrics: its seller, agents and staff; not another shop, not a buyer", async () => {
    const h = http();
    const t = await marketplace(h);
    for (const token of [t.s1, t.agent1, t.staff]) {
      expect((await h.get('/v1/sellers/S1/credit', token)).statusCode).toBe(200);
      expect((await h.get('/v1/sellers/S1/metrics', token)).statusCode).toBe(200);
    }
    expectError(await h.get('/v1/sellers/S1/credit', t.s2), 404, 'NOT_FOUND');
    expectError(await h.get('/v1/sellers/S1/metrics', t.s2), 404, 'NOT_FOUND');
    expectError(await h.get('/v1/sellers/S1/credit', t.b1), 403, 'FORBIDDEN');
    expect((await h.get('/v1/sellers/S1/reviews', null)).statusCode).toBe(200);
  });

  it('refunds: the buyer requests and escalates its own; the seller answers its own; staff rule', async () => {
    const h = http();
    const t = await marketplace(h);
    const request = (token: string, order: string, refund: string) =>
      h.post(
        '/v1/refunds',
        { refund, order, line: 'L1', kind: 'refund_only', amount: 1_000, reason: 'quality' },
        { apiKey: token },
      );
    expectError(await request(t.b1, 'O2', 'R2'), 404, 'NOT_FOUND');
    expectError(await request(t.s1, 'O1', 'R1'), 403, 'FORBIDDEN');
    expect((await request(t.b1, 'O1', 'R1')).statusCode).toBe(201);
    expectError(await h.get('/v1/refunds/R1', t.b2), 404, 'NOT_FOUND');
    expectError(await h.post('/v1/refunds/R1/refuse', { reason: '已发货' }, { apiKey: t.s2 }), 404, 'NOT_FOUND');
    expectError(await h.post('/v1/refunds/R1/refuse', { reason: '已发货' }, { apiKey: t.b1 }), 403, 'FORBIDDEN');
    expect((await h.post('/v1/refunds/R1/refuse', { reason: '商品无质量问题' }, { apiKey: t.agent1 })).statusCode).toBe(
      200,
    );
    await h.tick(DAY_MS);
    expect((await h.post('/v1/refunds/R1/escalate', undefined, { apiKey: t.b1 })).statusCode).toBe(200);
    const evidence = (token: string, by: string) =>
      h.post('/v1/refunds/R1/evidence', { by, text: '照片为证' }, { apiKey: token });
    expectError(await evidence(t.b1, 'seller'), 403, 'FORBIDDEN');
    expect((await evidence(t.b1, 'buyer')).statusCode).toBe(200);
    expect((await evidence(t.s1, 'seller')).statusCode).toBe(200);
    expectError(await h.get('/v1/interventions', t.s1), 403, 'FORBIDDEN');
    expect((await h.get('/v1/interventions', t.staff)).json().cases).toHaveLength(1);
    await h.tick(3 * DAY_MS);
    expectError(await h.post('/v1/refunds/R1/ruling', { responsible: 'seller', amount: 1_000 }, { apiKey: t.b1 }), 403);
    const ruled = await h.post('/v1/refunds/R1/ruling', { responsible: 'seller', amount: 1_000 }, { apiKey: t.staff });
    expect(ruled.json()).toMatchObject({ status: 'refunded', refunded: 1_000 });
  });

  it('idempotency keys are per person: two buyers using one key are two requests', async () => {
    const h = http();
    const t = await marketplace(h);
    const body = { by: 'buyer', rating: 'good' };
    const first = await h.post('/v1/orders/O1/lines/L1/reviews', body, { apiKey: t.b1, key: 'same' });
    const second = await h.post('/v1/orders/O2/lines/L1/reviews', body, { apiKey: t.b2, key: 'same' });
    expect(first.statusCode).toBe(200);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(second.json()).toEqual({ review: 'O2/L1/buyer' });
  });
});

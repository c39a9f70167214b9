import { describe, expect, it } from 'vitest';
import { deliverDueWebhooks } from '../src/app/webhooks/deliver-due-webhooks.js';
import { fanOutEvents } from '../src/app/webhooks/fan-out-events.js';
import { API_KEY, expectError, type HttpTestApp, OTHER_API_KEY, useHttpApp } from './support/http-test-app.js';

// The webhook routes over HTTP; their write cases (idempotency, bad bodies) are in support/webhook-write-cases.ts.
const http = useHttpApp('2024-03-04T10:00:00+08:00');

const subscribe = (h: HttpTestApp, body: Record<string, unknown>, apiKey = API_KEY) =>
  h.post('/v1/webhooks/subscriptions', body, { apiKey });

interface DeliveryView {
  id: string;
  event: { id: string; type: string; aggregateId: string };
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  nextAttemptAt: string | null;
}

/** A subscription to every event, three orders placed and fanned out; O1's delivery answered 500. */
async function threeDeliveries(h: HttpTestApp) {
  expect((await subscribe(h, { url: 'https://hooks.example.com/a', eventTypes: ['*'] })).statusCode).toBe(201);
  for (const order of ['O1', 'O2', 'O3']) await h.placeOrder(order);
  expect(await fanOutEvents(h.ctx)).toBe(3);
  const sent = await deliverDueWebhooks(h.ctx, async (request) => ({
    status: JSON.parse(request.body).aggregateId === 'O1' ? 500 : 200,
    body: 'busy',
  }));
  expect(sent).toEqual({ attempted: 3, delivered: 2 });
}

const log = async (h: HttpTestApp, query = '', apiKey = API_KEY) => {
  const res = await h.get(`/v1/webhooks/deliveries${query}`, apiKey);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { deliveries: DeliveryView[]; nextCursor: string | null };
};

describe('webhook subscriptions over HTTP', () => {
  it('creating one answers its id and a generated secret, once; the list never shows secrets', async () => {
    const h = http();
    const res = await subscribe(h, {
      url: 'https://hooks.example.com/xinyu',
      eventTypes: ['order.paid', 'review.rated'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      id: '1',
      url: 'https://hooks.example.com/xinyu',
      eventTypes: ['order.paid', 'review.rated'],
      active: true,
      createdAt: '2024-03-04T02:00:00.000Z',
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const all = await subscribe(h, { url: 'http://127.0.0.1:8081/h', eventTypes: ['order.paid', '*'] });
    expect(all.json()).toMatchObject({ id: '2', eventTypes: ['*'] });
    expect(all.json().secret).not.toBe(created.secret);
    const list = await h.get('/v1/webhooks/subscriptions');
    expect(list.statusCode).toBe(200);
    expect(list.json().subscriptions.map((s: { id: string }) => s.id)).toEqual(['1', '2']);
    expect(list.body).not.toContain('whsec_');
    expect((await h.get('/v1/webhooks/subscriptions', OTHER_API_KEY)).json()).toEqual({ subscriptions: [] });
  });

  it('needs an API key', async () => {
    const h = http();
    expectError(await h.get('/v1/webhooks/subscriptions', null), 401, 'UNAUTHORIZED');
    expectError(await h.get('/v1/webhooks/deliveries', 'not-a-key'), 401, 'UNAUTHORIZED');
  });
});

describe('the delivery log over HTTP', () => {
  it('lists the deliveries newest first, by status, page by page', async () => {
    const h = http();
    await threeDeliveries(h);
    const all = await log(h);
    expect(all.deliveries.map((d) => [d.id, d.event.aggregateId, d.status, d.attempts])).toEqual([
      ['3', 'O3', 'delivered', 1],
      ['2', 'O2', 'delivered', 1],
      ['1', 'O1', 'failed-retrying', 1],
    ]);
    expect(all.deliveries[2]).toMatchObject({ lastStatusCode: 500, lastError: 'HTTP 500 busy' });
    expect(all.deliveries[2]?.nextAttemptAt).toBe('2024-03-04T02:00:01.000Z');
    expect(all.deliveries[0]?.nextAttemptAt).toBeNull();
    expect((await log(h, '?status=failed-retrying')).deliveries.map((d) => d.id)).toEqual(['1']);
    expect((await log(h, '?status=pending')).deliveries).toEqual([]);
    const first = await log(h, '?limit=2');
    expect(first.deliveries.map((d) => d.id)).toEqual(['3', '2']);
    const second = await log(h, `?limit=2&cursor=${encodeURIComponent(first.nextCursor ?? '')}`);
    expect(second).toMatchObject({ deliveries: [{ id: '1' }], nextCursor: null });
    expect((await log(h, '?cursor=not-a-cursor')).deliveries).toHaveLength(3);
  });

  it('shows one delivery with its attempts; replay re-queues it and the next attempt is logged', async () => {
    const h = http();
    await threeDeliveries(h);
    const one = await h.get('/v1/webhooks/deliveries/1');
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().attemptLog).toEqual([
      {
        at: '2024-03-04T02:00:00.000Z',
        durationMs: expect.any(Number),
        statusCode: 500,
        delivered: false,
        error: 'HTTP 500 busy',
      },
    ]);
    const replayed = await h.post('/v1/webhooks/deliveries/1/replay');
    expect(replayed.statusCode, replayed.body).toBe(200);
    expect(replayed.json()).toMatchObject({ id: '1', status: 'pending', nextAttemptAt: '2024-03-04T02:00:00.000Z' });
    await deliverDueWebhooks(h.ctx, async () => ({ status: 202 }));
    const after = (await h.get('/v1/webhooks/deliveries/1')).json();
    expect(after).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 202, lastError: null });
    expect(after.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([202, 500]);
  });

  it("a marketplace sees and replays only its own deliveries: another's are NOT_FOUND", async () => {
    const h = http();
    await threeDeliveries(h);
    expect(await log(h, '', OTHER_API_KEY)).toEqual({ deliveries: [], nextCursor: null });
    expectError(await h.get('/v1/webhooks/deliveries/1', OTHER_API_KEY), 404, 'NOT_FOUND');
    expectError(
      await h.post('/v1/webhooks/deliveries/1/replay', undefined, { apiKey: OTHER_API_KEY }),
      404,
      'NOT_FOUND',
    );
    expect((await log(h, '?status=failed-retrying')).deliveries.map((d) => d.id)).toEqual(['1']);
    // Its own subscription gets its own deliveries of the next events, in its own log.
    await subscribe(h, { url: 'https://other.example.com/h', eventTypes: ['order.paid'] }, OTHER_API_KEY);
    await h.tick();
    expect((await h.post('/v1/orders/O2/pay')).statusCode).toBe(200);
    await fanOutEvents(h.ctx);
    expect((await log(h, '', OTHER_API_KEY)).deliveries.map((d) => [d.id, d.event.type])).toEqual([
      ['5', 'order.paid'],
    ]);
    expect((await log(h)).deliveries.map((d) => d.id)).toEqual(['4', '3', '2', '1']);
  });

  it('bad queries and ids → 400 VALIDATION_FAILED', async () => {
    const h = http();
    for (const query of [
      '?status=lost',
      '?limit=0',
      '?limit=101',
      '?limit=ten',
      '?since=1',
      `?cursor=${'c'.repeat(201)}`,
    ]) {
      expectError(await h.get(`/v1/webhooks/deliveries${query}`), 400, 'VALIDATION_FAILED', query);
    }
    for (const id of ['0', 'abc', '-1', '1.5', '9'.repeat(17)]) {
      expectError(await h.get(`/v1/webhooks/deliveries/${id}`), 400, 'VALIDATION_FAILED', id);
      expectError(await h.post(`/v1/webhooks/deliveries/${id}/replay`), 400, 'VALIDATION_FAILED', id);
    }
    expectError(await h.get('/v1/webhooks/deliveries/42'), 404, 'NOT_FOUND');
  });
});

import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Result } from '@xinyu/domain';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type AppContext, executeCommand, systemClock, type UnitOfWork } from '../src/app/context.js';
import { confirmOrder } from '../src/app/orders/confirm-order.js';
import { payOrder } from '../src/app/orders/pay-order.js';
import { placeOrder } from '../src/app/orders/place-order.js';
import { shipOrder } from '../src/app/orders/ship-order.js';
import { rateReview } from '../src/app/reviews/rate-review.js';
import { createSubscription } from '../src/app/webhooks/create-subscription.js';
import { deliverDueWebhooks, type WebhookPost, type WebhookRequest } from '../src/app/webhooks/deliver-due-webhooks.js';
import { fanOutEvents } from '../src/app/webhooks/fan-out-events.js';
import { getWebhookDelivery } from '../src/app/webhooks/get-delivery.js';
import { replayDelivery } from '../src/app/webhooks/replay-delivery.js';
import { retryDelayMs } from '../src/app/webhooks/retry-delay.js';
import type { CreateSubscriptionInput } from '../src/app/webhooks/webhook-schemas.js';
import { signWebhook, verifyWebhookSignature } from '../src/app/webhooks/webhook-signature.js';
import { startWebhookDispatcher } from '../src/jobs/webhook-dispatcher.js';
import { commands, makeContext, type TestContext, useTestDatabase } from './support/test-database.js';

const testDb = useTestDatabase();
const START = '2024-03-04T10:00:00+08:00';
const MINUTE = 60_000;
const SECRET = 'whsec_test_secret_of_enough_length';

async function subscribe(ctx: AppContext, marketplace: string, input: Partial<CreateSubscriptionInput> = {}) {
  const result = await executeCommand(ctx, (uow) =>
    createSubscription(uow, marketplace, {
      url: 'http://127.0.0.1:9/hook',
      eventTypes: ['*'],
      secret: SECRET,
      ...input,
    }),
  );
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const order = (id: string) => ({
  order: id,
  buyer: 'B1',
  seller: 'S1',
  lines: [{ line: 'L1', item: `I-${id}`, price: 3_900 }],
});

/** Runs a use case at the clock's next minute, failing the test on a refusal. */
async function step<T>(ctx: TestContext, work: (uow: UnitOfWork) => Promise<Result<T>>): Promise<T> {
  const result = await commands(ctx).run(ctx.clock.now() + MINUTE, work);
  if (!result.ok) throw new Error(`${result.code} ${result.message}`);
  return result.value;
}

/** A fake receiver: records every request and answers what `answer` says (a status, or throws). */
function fakeReceiver(answer: (request: WebhookRequest, index: number) => number = () => 200) {
  const requests: Array<WebhookRequest & { status: number | 'no answer' }> = [];
  const post: WebhookPost = async (request) => {
    let status: number | 'no answer' = 'no answer';
    try {
      status = answer(request, requests.length);
      return { status };
    } finally {
      requests.push({ ...request, status });
    }
  };
  const eventsSent = () => requests.map((r) => JSON.parse(r.body) as { id: string; type: string; aggregateId: string });
  return { post, requests, eventsSent };
}

async function deliveries(ctx: AppContext) {
  return ctx.db.selectFrom('webhook_deliveries').selectAll().orderBy('delivery_id').execute();
}

describe('signatures', () => {
  it('v1 is the hex HMAC-SHA256 of "timestamp.body"; a receiver verifies it and refuses changes', () => {
    const body = '{"id":"1","type":"order.paid"}';
    const expected = createHmac('sha256', SECRET).update(`1709517600.${body}`).digest('hex');
    expect(signWebhook(SECRET, 1_709_517_600, body)).toBe(`v1=${expected}`);
    const headers = { timestamp: '1709517600', signature: `v1=${expected}` };
    expect(verifyWebhookSignature(SECRET, headers, body, 1_709_517_660)).toBe(true);
    expect(verifyWebhookSignature(SECRET, headers, `${body} `, 1_709_517_660)).toBe(false);
    expect(verifyWebhookSignature(`${SECRET}x`, headers, body, 1_709_517_660)).toBe(false);
    expect(verifyWebhookSignature(SECRET, { ...headers, timestamp: '1709517601' }, body, 1_709_517_660)).toBe(false);
    expect(verifyWebhookSignature(SECRET, headers, body, 1_709_517_600 + 301), 'five minutes late').toBe(false);
    expect(verifyWebhookSignature(SECRET, { ...headers, signature: 'v1=00' }, body, 1_709_517_660)).toBe(false);
  });
});

describe('the README', () => {
  it("has a snippet that verifies a real request's signature and refuses a changed body", async () => {
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    const code = /## Webhooks[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code?.split('\n').length).toBeLessThanOrEqual(10);
    const dir = await mkdtemp(path.join(tmpdir(), 'xinyu-readme-'));
    try {
      const file = path.join(dir, 'verify.mjs');
      await writeFile(file, `${code}\nexport { verifyXinyu };\n`);
      const { verifyXinyu } = (await import(pathToFileURL(file).href)) as {
        verifyXinyu: (secret: string, headers: Record<string, string>, rawBody: string) => boolean;
      };
      const body = '{"id":"1","type":"order.paid"}';
      const timestamp = Math.floor(Date.now() / 1000);
      const headers = { 'xinyu-timestamp': String(timestamp), 'xinyu-signature': signWebhook(SECRET, timestamp, body) };
      expect(verifyXinyu(SECRET, headers, body)).toBe(true);
      expect(verifyXinyu(SECRET, headers, body.replace('paid', 'shipped'))).toBe(false);
      expect(verifyXinyu('another secret', headers, body)).toBe(false);
      const old = {
        'xinyu-timestamp': String(timestamp - 301),
        'xinyu-signature': signWebhook(SECRET, timestamp - 301, body),
      };
      expect(verifyXinyu(SECRET, old, body)).toBe(false);
      expect(verifyXinyu(SECRET, { 'xinyu-timestamp': String(timestamp) }, body)).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('backoff', () => {
  it('waits the base after the first failure, doubling, never more than the cap', () => {
    const options = { backoffBaseMs: 1_000, backoffCapMs: 600_000 };
    const waits = Array.from({ length: 12 }, (_, i) => retryDelayMs(i + 1, options));
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 600, 600].map((s) => s * 1_000));
    expect(retryDelayMs(10_000, options)).toBe(600_000);
    expect(retryDelayMs(1)).toBe(1_000);
    expect(retryDelayMs(20)).toBe(10 * MINUTE);
  });

  it('a receiver that keeps failing is retried on that schedule, and not before', async () => {
    const ctx = makeContext(testDb().db, START);
    await subscribe(ctx, 'm1');
    await step(ctx, (uow) => placeOrder(uow, order('O1')));
    await fanOutEvents(ctx);
    const receiver = fakeReceiver(() => 503);
    const options = { backoffBaseMs: 1_000, backoffCapMs: 8_000 };
    const attemptsAt: number[] = [];
    for (let t = ctx.clock.now(); attemptsAt.length < 7; t += 500) {
      ctx.clock.set(t);
      const { attempted } = await deliverDueWebhooks(ctx, receiver.post, options);
      if (attempted > 0) attemptsAt.push(t);
    }
    const gaps = attemptsAt.slice(1).map((t, i) => t - (attemptsAt[i] as number));
    expect(gaps).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
    const [row] = await deliveries(ctx);
    expect(row).toMatchObject({ status: 'failed-retrying', attempts: 7, last_status_code: 503 });
    expect(row?.next_attempt_at.getTime()).toBe((attemptsAt.at(-1) as number) + 8_000);
  });
});

describe('fan-out from the outbox', () => {
  it('makes one delivery per event and subscription whose types match, once', async () => {
    const ctx = makeContext(testDb().db, START);
    const all = await subscribe(ctx, 'm1', { eventTypes: ['*'] });
    const paid = await subscribe(ctx, 'm1', { eventTypes: ['order.paid', 'review.rated'] });
    await subscribe(ctx, 'm1', { eventTypes: ['refund.requested'] });
    const other = await subscribe(ctx, 'm2', { eventTypes: ['order.placed', 'order.paid'] });
    await step(ctx, (uow) => placeOrder(uow, order('O1')));
    await step(ctx, (uow) => payOrder(uow, 'O1'));
    expect(await fanOutEvents(ctx)).toBe(5);
    expect(await fanOutEvents(ctx), 'a second run finds nothing new').toBe(0);
    const rows = (await deliveries(ctx)).map((d) => [String(d.subscription_id), d.event_type, d.marketplace]);
    expect(rows).toEqual([
      [all.id, 'order.placed', 'm1'],
      [other.id, 'order.placed', 'm2'],
      [all.id, 'order.paid', 'm1'],
      [paid.id, 'order.paid', 'm1'],
      [other.id, 'order.paid', 'm2'],
    ]);
    const undispatched = await ctx.db
      .selectFrom('outbox')
      .select('event_id')
      .where('dispatched_at', 'is', null)
      .execute();
    expect(undispatched).toEqual([]);
    // A subscription receives the events dispatched after it was created.
    await subscribe(ctx, 'm1', { eventTypes: ['order.shipped'] });
    await step(ctx, (uow) => shipOrder(uow, 'O1', 'express'));
    expect(await fanOutEvents(ctx)).toBe(2);
  });
});

describe('order per aggregate', () => {
  it('never sends an event while an earlier one of its aggregate is undelivered; other aggregates go on', async () => {
    const ctx = makeContext(testDb().db, START);
    await subscribe(ctx, 'm1');
    await step(ctx, (uow) => placeOrder(uow, order('O1')));
    await step(ctx, (uow) => placeOrder(uow, order('O2')));
    await step(ctx, (uow) => payOrder(uow, 'O1'));
    await step(ctx, (uow) => payOrder(uow, 'O2'));
    await step(ctx, (uow) => shipOrder(uow, 'O1', 'express'));
    await fanOutEvents(ctx);
    // O1's first event fails three times; everything else is accepted.
    let o1Refusals = 0;
    const receiver = fakeReceiver((request) => {
      const event = JSON.parse(request.body) as { aggregateId: string; type: string };
      if (event.aggregateId === 'O1' && event.type === 'order.placed' && o1Refusals < 3) {
        o1Refusals += 1;
        throw new Error('ECONNREFUSED');
      }
      return 204;
    });
    const options = { backoffBaseMs: 1_000, backoffCapMs: 1_000 };
    const rounds: string[][] = [];
    for (let round = 0; round < 6; round++) {
      const before = receiver.requests.length;
      await deliverDueWebhooks(ctx, receiver.post, options);
      rounds.push(
        receiver
          .eventsSent()
          .slice(before)
          .map((e) => `${e.aggregateId} ${e.type}`),
      );
      ctx.clock.set(ctx.clock.now() + 1_000);
    }
    // One event per aggregate per round: O2 goes on while O1's first event is refused.
    expect(rounds).toEqual([
      ['O1 order.placed', 'O2 order.placed'],
      ['O2 order.paid', 'O1 order.placed'],
      ['O1 order.placed'],
      ['O1 order.placed'],
      ['O1 order.paid'],
      ['O1 order.shipped'],
    ]);
    expect((await deliveries(ctx)).every((d) => d.status === 'delivered')).toBe(true);
  });

  it('a claimed delivery is leased: a second dispatcher does not take it, nor the next of its aggregate', async () => {
    const ctx = makeContext(testDb().db, START);
    await subscribe(ctx, 'm1');
    await step(ctx, (uow) => placeOrder(uow, order('O1')));
    await step(ctx, (uow) => payOrder(uow, 'O1'));
    await fanOutEvents(ctx);
    // The first dispatcher's receiver holds the request until released.
    const slow = fakeReceiver();
    let release: () => void = () => {};
    let called: () => void = () => {};
    const posted = new Promise<void>((resolve) => {
      called = resolve;
    });
    const first = deliverDueWebhooks(
      ctx,
      (request) =>
        new Promise((resolve) => {
          release = () => resolve(slow.post(request));
          called();
        }),
    );
    await posted;
    const second = fakeReceiver();
    expect(await deliverDueWebhooks(ctx, second.post)).toEqual({ attempted: 0, delivered: 0 });
    release();
    expect(await first).toEqual({ attempted: 1, delivered: 1 });
    expect(await deliverDueWebhooks(ctx, second.post)).toEqual({ attempted: 1, delivered: 1 });
    expect(second.eventsSent().map((e) => e.type)).toEqual(['order.paid']);
  });
});

describe('replay', () => {
  it('re-queues a delivered delivery of the marketplace; another marketplace gets NOT_FOUND', async () => {
    const ctx = makeContext(testDb().db, START);
    await subscribe(ctx, 'm1');
    await step(ctx, (uow) => placeOrder(uow, order('O1')));
    await fanOutEvents(ctx);
    const receiver = fakeReceiver();
    await deliverDueWebhooks(ctx, receiver.post);
    const [row] = await deliveries(ctx);
    const id = row?.delivery_id as number;
    const refused = await executeCommand(ctx, (uow) => replayDelivery(uow, 'm2', id));
    expect(refused).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const replayed = await executeCommand(ctx, (uow) => replayDelivery(uow, 'm1', id));
    expect(replayed).toMatchObject({ ok: true, value: { status: 'pending', attempts: 1, deliveredAt: null } });
    expect(await deliverDueWebhooks(ctx, receiver.post)).toEqual({ attempted: 1, delivered: 1 });
    expect(receiver.requests.map((r) => r.headers['Xinyu-Event-Id'])).toEqual(['1', '1']);
    const log = await getWebhookDelivery(ctx, 'm1', id);
    expect(log).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(log?.attemptLog.map((a) => a.statusCode)).toEqual([200, 200]);
    expect(await getWebhookDelivery(ctx, 'm2', id)).toBeNull();
  });
});

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly answered: number;
}

/** A real HTTP receiver on 127.0.0.1 that answers 500 to its first `refusals` requests, then 200. */
async function flakyReceiver(refusals: number) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answered = received.length < refusals ? 500 : 200;
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
      res.writeHead(answered, { 'content-type': 'text/plain' }).end(answered === 200 ? 'ok' : 'try later');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/xinyu-hooks`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('end to end, over real HTTP', () => {
  it('a receiver refusing for a while gets every event at least once, in order per aggregate, signed', async () => {
    const ctx = makeContext(testDb().db, START);
    const receiver = await flakyReceiver(15);
    try {
      const subscription = await subscribe(ctx, 'm1', { url: receiver.url, eventTypes: ['*'], secret: undefined });
      // Six orders moved through their lifecycle in interleaved steps, then rated: 30 events, 12 aggregates.
      const ids = ['O1', 'O2', 'O3', 'O4', 'O5', 'O6'];
      for (const id of ids) await step(ctx, (uow) => placeOrder(uow, order(id)));
      for (const id of ids) await step(ctx, (uow) => payOrder(uow, id));
      for (const id of ids.toReversed()) await step(ctx, (uow) => shipOrder(uow, id, 'express'));
      for (const id of ids) await step(ctx, (uow) => confirmOrder(uow, id));
      for (const id of ids) {
        await step(ctx, (uow) => rateReview(uow, id, 'L1', { by: 'buyer', rating: 'good' }));
      }
      const events = await ctx.db.selectFrom('events').selectAll().orderBy('event_id').execute();
      expect(events.length).toBeGreaterThanOrEqual(30);

      // Two dispatchers at once, on the wall clock, with tiny backoff; bounded wait, no long sleeps.
      const live: AppContext = { ...ctx, clock: systemClock };
      const options = { intervalMs: 5, backoffBaseMs: 10, backoffCapMs: 80, timeoutMs: 5_000 };
      const dispatchers = [startWebhookDispatcher(live, options), startWebhookDispatcher(live, options)];
      try {
        const deadline = Date.now() + 30_000;
        for (;;) {
          const left = await sql<{ n: number | string }>`select
            (select count(*) from outbox where dispatched_at is null) +
            (select count(*) from webhook_deliveries where status <> 'delivered') as n`.execute(ctx.db);
          if (Number(left.rows[0]?.n) === 0) break;
          if (Date.now() > deadline) throw new Error(`${left.rows[0]?.n} deliveries still undelivered`);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      } finally {
        for (const d of dispatchers) await d.stop();
      }

      const accepted = receiver.received.filter((r) => r.answered === 200);
      expect(receiver.received.length - accepted.length, 'the receiver refused first').toBe(15);
      for (const r of receiver.received) {
        const headers = {
          timestamp: String(r.headers['xinyu-timestamp']),
          signature: String(r.headers['xinyu-signature']),
        };
        expect(verifyWebhookSignature(subscription.secret, headers, r.body, Math.floor(Date.now() / 1000))).toBe(true);
        const body = JSON.parse(r.body);
        expect(r.headers['xinyu-event-id']).toBe(body.id);
        expect(r.headers['xinyu-event-type']).toBe(body.type);
        expect(Object.keys(body).sort()).toEqual([
          'aggregate',
          'aggregateId',
          'data',
          'id',
          'occurredAt',
          'seller',
          'type',
        ]);
      }
      // None lost: every event reached the receiver, and was accepted, exactly once here (no lease expired).
      const acceptedIds = accepted.map((r) => Number(r.headers['xinyu-event-id']));
      expect(acceptedIds.toSorted((a, b) => a - b)).toEqual(events.map((e) => e.event_id));
      // In order per aggregate: first receipts of each aggregate's events come in event order.
      const firstSeen = new Map<number, number>();
      receiver.received.forEach((r, index) => {
        const id = Number(r.headers['xinyu-event-id']);
        if (!firstSeen.has(id)) firstSeen.set(id, index);
      });
      const byAggregate = new Map<string, number[]>();
      for (const e of events) {
        const key = `${e.aggregate}/${e.aggregate_id}`;
        byAggregate.set(key, [...(byAggregate.get(key) ?? []), e.event_id]);
      }
      expect(byAggregate.size).toBeGreaterThanOrEqual(9);
      for (const [aggregate, eventIds] of byAggregate) {
        const receipts = eventIds.map((id) => firstSeen.get(id) as number);
        expect(receipts, aggregate).toEqual(receipts.toSorted((a, b) => a - b));
      }
      // The delivery log shows the refused attempts and the accepted one.
      const retried = (await deliveries(ctx)).filter((d) => d.attempts > 1);
      expect(retried.length).toBeGreaterThan(0);
      const log = await getWebhookDelivery(ctx, 'm1', retried[0]?.delivery_id as number);
      expect(log?.status).toBe('delivered');
      expect(log?.attemptLog[0]).toMatchObject({ statusCode: 200, delivered: true, error: null });
      expect(log?.attemptLog.at(-1)).toMatchObject({ statusCode: 500, delivered: false, error: 'HTTP 500 try later' });
      const attempts = await ctx.db.selectFrom('webhook_attempts').select('attempt_id').execute();
      expect(attempts.length).toBe(receiver.received.length);
    } finally {
      await receiver.close();
    }
  });
});

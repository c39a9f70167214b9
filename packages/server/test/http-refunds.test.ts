import { DAY_MS, HOUR_MS } from '@xinyu/domain';
import { describe, expect, it } from 'vitest';
import type { PlaceOrderInput } from '../src/app/command-schemas.js';
import { expectError, type HttpTestApp, MINUTE, type Response, useHttpApp } from './support/http-test-app.js';
import { refundBody } from './support/refund-write-cases.js';
import { instant } from './support/test-database.js';

// Each party's after-sales flow over HTTP (rules H, I, J, G2, L), the clock moved by hand: the
// buyer asks, the seller answers or stays silent, platform staff rule; deadlines fire as timers.

/** Monday 9 September 2024, 10:00 in Shanghai: the Mid-Autumn holiday (15–17 Sept) is ahead. */
const T0 = '2024-09-09T10:00:00+08:00';
const http = useHttpApp(T0);

const iso = (at: number) => new Date(at).toISOString();

/** The JSON of a response that must succeed. */
async function ok(response: Promise<Response>, what = '') {
  const res = await response;
  expect(res.statusCode, `${what} ${res.body}`).toBeLessThan(300);
  return res.json();
}

const getRefund = (h: HttpTestApp, refund: string) => ok(h.get(`/v1/refunds/${refund}`), `GET ${refund}`);
const getOrder = (h: HttpTestApp, order: string) => ok(h.get(`/v1/orders/${order}`), `GET ${order}`);
const metrics = (h: HttpTestApp) => ok(h.get('/v1/sellers/S1/metrics'), 'metrics');
const act = (h: HttpTestApp, refund: string, action: string, body?: unknown) =>
  ok(h.post(`/v1/refunds/${refund}/${action}`, body), `${action} ${refund}`);
const request = (h: HttpTestApp, refund: string, order: string, fields: Record<string, unknown> = {}) =>
  ok(h.post('/v1/refunds', refundBody(refund, order, fields)), `request ${refund}`);

/** Places and pays `order` a minute apart; returns the payment instant. */
async function paid(h: HttpTestApp, order: string, overrides: Partial<PlaceOrderInput> = {}): Promise<number> {
  await h.placeOrder(order, overrides);
  await h.tick();
  await ok(h.post(`/v1/orders/${order}/pay`), `pay ${order}`);
  return h.ctx.clock.now();
}

/** Places, pays and ships `order` by express a minute apart; returns the shipment instant. */
async function shipped(h: HttpTestApp, order: string, overrides: Partial<PlaceOrderInput> = {}): Promise<number> {
  await paid(h, order, overrides);
  await h.tick();
  await ok(h.post(`/v1/orders/${order}/ship`, { method: 'express' }), `ship ${order}`);
  return h.ctx.clock.now();
}

/** The events of one type, oldest first, from the events table. */
async function events(h: HttpTestApp, type: string) {
  const rows = await h.ctx.db
    .selectFrom('events')
    .select(['aggregate_id', 'occurred_at', 'payload'])
    .where('event_type', '=', type)
    .orderBy('event_id')
    .execute();
  return rows.map((r) => ({ id: r.aggregate_id, at: r.occurred_at.getTime(), data: r.payload }));
}

describe('buyer and seller: the seller’s deadlines (H1, H3)', () => {
  it('H1: requested before shipment, the seller silent 48 h → refunded and the order closed (L3: no compensation)', async () => {
    const h = http();
    // A 72 h shipping promise: the order closes before its ship deadline, so nothing is owed (L3).
    const paidAt = await paid(h, 'O1', { promisedShipHours: 72 });
    await h.tick();
    const requestedAt = h.ctx.clock.now();
    const opened = await request(h, 'R1', 'O1');
    expect(opened).toEqual({
      refund: 'R1',
      status: 'requested',
      requested: 3_900,
      maximum: 3_900,
      refunded: 0,
      deadlineAt: iso(requestedAt + 48 * HOUR_MS),
      disputeCounted: false,
    });
    await h.advanceTo(requestedAt + 48 * HOUR_MS - MINUTE);
    expect((await getRefund(h, 'R1')).status).toBe('requested');
    expect((await getOrder(h, 'O1')).status).toBe('paid');

    await h.advanceTo(requestedAt + 48 * HOUR_MS);
    expect(await getRefund(h, 'R1')).toMatchObject({
      status: 'refunded',
      refunded: 3_900,
      outcome: 'seller_silent',
      resolvedAt: iso(requestedAt + 48 * HOUR_MS),
      deadlineAt: null,
    });
    expect(await getOrder(h, 'O1')).toMatchObject({ status: 'closed', closedAt: iso(requestedAt + 48 * HOUR_MS) });
    // The seller's answer at the deadline comes after the timer (half-open windows).
    expectError(await h.post('/v1/refunds/R1/agree'), 409, 'REFUND_STATE_INVALID');

    await h.advanceTo(paidAt + 80 * HOUR_MS);
    expect(await events(h, 'order.late_shipment_compensated')).toEqual([]);
    expect(await metrics(h)).toMatchObject({ trades30d: 1, refunds30d: 1, disputes30d: 0, refundRate30d: 100 });
  });

  it('H1: the seller ships meanwhile → the request closes and the buyer applies again (not blocked, H5)', async () => {
    const h = http();
    await paid(h, 'O1');
    await h.tick();
    await request(h, 'R1', 'O1');
    await h.tick();
    await ok(h.post('/v1/orders/O1/ship', { method: 'express' }));
    expect(await getRefund(h, 'R1')).toMatchObject({ status: 'closed', outcome: 'order_shipped', refunded: 0 });
    await h.tick();
    const again = await request(h, 'R2', 'O1', { reason: 'not_received' });
    expect(again).toMatchObject({ status: 'requested', deadlineAt: iso(h.ctx.clock.now() + 5 * DAY_MS) });
  });

  it('H3: return and refund: the seller agrees, the buyer ships it back, the seller silent 10 d → refunded', async () => {
    const h = http();
    await shipped(h, 'O1');
    await h.tick();
    await ok(h.post('/v1/orders/O1/deliver'));
    await h.tick();
    const requestedAt = h.ctx.clock.now();
    const opened = await request(h, 'R1', 'O1', { kind: 'return_refund', reason: 'quality' });
    expect(opened).toMatchObject({ status: 'requested', deadlineAt: iso(requestedAt + 5 * DAY_MS) });

    await h.advanceTo(requestedAt + DAY_MS);
    const agreed = await act(h, 'R1', 'agree');
    expect(agreed).toMatchObject({
      status: 'awaiting_return',
      refunded: 0,
      deadlineAt: iso(h.ctx.clock.now() + 7 * DAY_MS),
    });

    await h.advanceTo(requestedAt + 3 * DAY_MS);
    const returnedAt = h.ctx.clock.now();
    const sent = await act(h, 'R1', 'ship-return', { method: 'express' });
    expect(sent).toMatchObject({ status: 'return_shipped', deadlineAt: iso(returnedAt + 10 * DAY_MS) });

    await h.advanceTo(returnedAt + 10 * DAY_MS - MINUTE);
    expect((await getRefund(h, 'R1')).status).toBe('return_shipped');
    await h.advanceTo(returnedAt + 10 * DAY_MS);
    expect(await getRefund(h, 'R1')).toMatchObject({
      status: 'refunded',
      refunded: 3_900,
      outcome: 'seller_silent',
      resolvedAt: iso(returnedAt + 10 * DAY_MS),
    });
    // Every line refunded in full after shipment: the order closes rather than auto-confirming.
    expect(await getOrder(h, 'O1')).toMatchObject({ status: 'closed', autoConfirmAt: null });
    expectError(await h.post('/v1/refunds/R1/confirm-return'), 409, 'REFUND_STATE_INVALID');
  });
});

describe('business refusals of a request (H, H5)', () => {
  it('H: amount 0 or negative, an unknown order or line, a reused id, a return before shipment, a cancelled line', async () => {
    const h = http();
    await paid(h, 'O1');
    await h.tick();
    const ask = (fields: Record<string, unknown>) => h.post('/v1/refunds', refundBody('R1', 'O1', fields));
    expectError(await ask({ amount: 0 }), 422, 'REFUND_AMOUNT_INVALID');
    expectError(await ask({ amount: -500 }), 422, 'REFUND_AMOUNT_INVALID');
    expectError(await ask({ order: 'O404' }), 404, 'NOT_FOUND');
    expectError(await ask({ line: 'L9' }), 404, 'NOT_FOUND');
    expectError(await ask({ kind: 'return_refund', reason: 'quality' }), 422, 'REFUND_NOT_ALLOWED');
    expectError(await h.get('/v1/refunds/R1'), 404, 'NOT_FOUND');
    // An ask above what was paid is not refused: min(amount, maximum) is refunded (rules K).
    expect(await ok(ask({ amount: 99_999 }))).toMatchObject({ requested: 99_999, maximum: 3_900 });
    expectError(await ask({}), 409, 'DUPLICATE_ID');
    // H5: after a cancellation no new request on that line.
    await act(h, 'R1', 'cancel');
    expectError(await h.post('/v1/refunds', refundBody('R2', 'O1')), 422, 'REFUND_NOT_ALLOWED');
    expectError(await h.post('/v1/refunds/R1/agree'), 409, 'REFUND_STATE_INVALID');
  });
});

describe('platform staff: intervention and dispute rate (I, J)', () => {
  it('I1, I2, I4, J1, J2: refused → escalated → evidence from both → seller responsible → a dispute refund in the metrics', async () => {
    const h = http();
    await shipped(h, 'O1');
    // Two more lines paid: three trades in the window.
    await paid(h, 'O2', {
      lines: [
        { line: 'L1', item: 'I21', price: 1_000 },
        { line: 'L2', item: 'I22', price: 2_000 },
      ],
    });
    await h.tick();
    await request(h, 'R1', 'O1', { reason: 'not_as_described' });
    await h.tick();
    // I1: no escalation before a refusal.
    expectError(await h.post('/v1/refunds/R1/escalate'), 422, 'ESCALATION_NOT_ALLOWED');
    const refused = await act(h, 'R1', 'refuse', { reason: '商品与描述一致' });
    expect(refused).toMatchObject({ status: 'refused', deadlineAt: iso(h.ctx.clock.now() + 7 * DAY_MS) });
    await h.advanceTo(h.ctx.clock.now() + DAY_MS);
    const escalatedAt = h.ctx.clock.now();
    const escalated = await act(h, 'R1', 'escalate');
    expect(escalated).toMatchObject({ status: 'intervention', deadlineAt: iso(escalatedAt + 3 * DAY_MS) });

    await h.tick();
    await act(h, 'R1', 'evidence', { by: 'buyer', text: '实物颜色与图片不符（照片 1–3）' });
    await h.tick();
    await act(h, 'R1', 'evidence', { by: 'seller', text: '页面已注明存在色差' });
    await h.tick();
    await act(h, 'R1', 'evidence', { by: 'buyer', text: '聊天记录：客服承认发错颜色' });
    // I2: no ruling while the evidence period runs.
    expectError(
      await h.post('/v1/refunds/R1/ruling', { responsible: 'seller', amount: 3_900 }),
      409,
      'REFUND_STATE_INVALID',
    );

    await h.advanceTo(escalatedAt + 3 * DAY_MS);
    expectError(await h.post('/v1/refunds/R1/evidence', { by: 'seller', text: '补充' }), 409, 'REFUND_STATE_INVALID');
    const ruledAt = h.ctx.clock.now();
    const ruled = await act(h, 'R1', 'ruling', { responsible: 'seller', amount: 5_000 });
    // I4: more than the line's maximum refunds the maximum; J1: seller responsible with money.
    expect(ruled).toMatchObject({ status: 'refunded', refunded: 3_900, disputeCounted: true });

    const view = await getRefund(h, 'R1');
    expect(view).toMatchObject({
      status: 'refunded',
      responsible: 'seller',
      outcome: 'ruled',
      disputeCounted: true,
      refusalReason: '商品与描述一致',
      escalatedAt: iso(escalatedAt),
      resolvedAt: iso(ruledAt),
    });
    expect(view.evidence).toMatchObject([
      { by: 'buyer', text: '实物颜色与图片不符（照片 1–3）', at: iso(escalatedAt + MINUTE) },
      { by: 'seller', text: '页面已注明存在色差', at: iso(escalatedAt + 2 * MINUTE) },
      { by: 'buyer', text: '聊天记录：客服承认发错颜色', at: iso(escalatedAt + 3 * MINUTE) },
    ]);

    // J2: 1 dispute refund and 1 refund over 3 lines paid → 33.33 % (half-up, 2 decimals).
    expect(await metrics(h)).toEqual({
      seller: 'S1',
      trades30d: 3,
      refunds30d: 1,
      disputes30d: 1,
      refundRate30d: 33.33,
      disputeRate30d: 33.33,
      campaigns: { default: { eligible: true, reasons: [] } },
    });
    // J2: 30 days after the ruling it has left the window; J1: the refund stays a dispute refund.
    await h.advanceTo(ruledAt + 30 * DAY_MS);
    expect(await metrics(h)).toMatchObject({ trades30d: 0, refunds30d: 0, disputes30d: 0, disputeRate30d: 0 });
    expect((await getRefund(h, 'R1')).disputeCounted).toBe(true);
  });

  it('I2: evidence carries images, checked by their bytes and served back identical, and chat excerpts', async () => {
    const h = http();
    await shipped(h, 'O1');
    await h.tick();
    await request(h, 'R1', 'O1', { reason: 'quality' });
    await act(h, 'R1', 'refuse', { reason: '无质量问题' });
    await act(h, 'R1', 'escalate');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('破损照片')]);
    const chat = {
      kind: 'chat',
      messages: [{ from: 'seller', text: '亲，确实是发错了😀', at: '2024-09-10T10:00:00+08:00' }],
    };
    const notPng = {
      kind: 'image',
      mediaType: 'image/png',
      data: Buffer.from('<script>alert(1)</script>').toString('base64'),
    };
    const svg = { kind: 'image', mediaType: 'image/svg+xml', data: png.toString('base64') };
    for (const bad of [notPng, svg]) {
      expectError(
        await h.post('/v1/refunds/R1/evidence', { by: 'buyer', text: '照片', attachments: [bad] }),
        400,
        'VALIDATION_FAILED',
      );
    }
    expect((await getRefund(h, 'R1')).evidence).toEqual([]);
    await act(h, 'R1', 'evidence', {
      by: 'buyer',
      text: '破损照片与聊天记录',
      attachments: [{ kind: 'image', mediaType: 'image/png', data: png.toString('base64') }, chat],
    });
    const [evidence] = (await getRefund(h, 'R1')).evidence;
    expect(evidence.attachments).toEqual([
      { kind: 'image', mediaType: 'image/png', bytes: png.length, url: expect.stringMatching(/attachments\/0$/) },
      { kind: 'chat', messages: chat.messages },
    ]);
    const image = await h.get(evidence.attachments[0].url);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['x-content-type-options']).toBe('nosniff');
    expect(image.rawPayload.equals(png)).toBe(true);
    expectError(await h.get(evidence.attachments[0].url.replace(/0$/, '1')), 404, 'NOT_FOUND');
  });

  it('J1: a settlement, or a ruling against the seller that refunds nothing, is not a dispute refund', async () => {
    const h = http();
    await shipped(h, 'O1');
    await shipped(h, 'O2');
    await h.tick();
    for (const refund of ['R1', 'R2']) {
      await request(h, refund, refund === 'R1' ? 'O1' : 'O2', { reason: 'quality' });
      await act(h, refund, 'refuse', { reason: '无质量问题' });
      await act(h, refund, 'escalate');
    }
    // I4: the parties may settle while the evidence period still runs.
    expect(await act(h, 'R1', 'settle', { amount: 2_000 })).toMatchObject({
      status: 'refunded',
      refunded: 2_000,
      disputeCounted: false,
    });
    await h.advanceTo(h.ctx.clock.now() + 3 * DAY_MS);
    expect(await act(h, 'R2', 'ruling', { responsible: 'seller', amount: 0 })).toMatchObject({
      status: 'closed',
      refunded: 0,
      disputeCounted: false,
    });
    expect(await metrics(h)).toMatchObject({ trades30d: 2, refunds30d: 1, disputes30d: 0, refundRate30d: 50 });
  });

  it('I3: the queue lists open cases by ruling SLA, 4–6 working days after escalation, weekends and holidays skipped', async () => {
    const h = http();
    await shipped(h, 'O1');
    await shipped(h, 'O2');
    await shipped(h, 'O3');
    await h.tick();
    for (const [refund, order] of [
      ['R1', 'O1'],
      ['R2', 'O2'],
      ['R3', 'O3'],
    ] as const) {
      await request(h, refund, order, { reason: 'quality' });
      await act(h, refund, 'refuse', { reason: '无质量问题' });
    }
    // R2 is escalated first (Thursday), R1 a day later (Friday); R3 is never escalated.
    const thursday = instant('2024-09-12T10:00:00+08:00');
    const friday = instant('2024-09-13T10:00:00+08:00');
    await h.advanceTo(thursday);
    await act(h, 'R2', 'escalate');
    await h.advanceTo(friday);
    await act(h, 'R1', 'escalate');

    await h.advanceTo('2024-09-14T12:00:00+08:00');
    const queue = await ok(h.get('/v1/interventions'));
    // Thursday 12: Fri 13, Sat 14 (worked, 调休), Mid-Autumn 15–17 off, Wed 18, Thu 19 = 4 working
    // days; Fri 20, (weekend), Mon 23 = 6. Friday 13: Sat 14, Wed 18, Thu 19, Fri 20 = 4; Mon 23, Tue 24 = 6.
    expect(queue.cases).toEqual([
      {
        refund: 'R2',
        order: 'O2',
        line: 'L1',
        title: null,
        seller: 'S1',
        buyer: 'B1',
        kind: 'refund_only',
        reason: 'quality',
        requested: 3_900,
        escalatedAt: iso(thursday),
        evidenceOpenUntil: iso(thursday + 3 * DAY_MS),
        rulingDueFrom: '2024-09-19T02:00:00.000Z',
        rulingDueBy: '2024-09-23T02:00:00.000Z',
        overdue: false,
      },
      {
        refund: 'R1',
        order: 'O1',
        line: 'L1',
        title: null,
        seller: 'S1',
        buyer: 'B1',
        kind: 'refund_only',
        reason: 'quality',
        requested: 3_900,
        escalatedAt: iso(friday),
        evidenceOpenUntil: iso(friday + 3 * DAY_MS),
        rulingDueFrom: '2024-09-20T02:00:00.000Z',
        rulingDueBy: '2024-09-24T02:00:00.000Z',
        overdue: false,
      },
    ]);
    expect((await getRefund(h, 'R2')).rulingDueBy).toBe('2024-09-23T02:00:00.000Z');
    expect((await ok(h.get('/v1/interventions?limit=1'))).cases.map((c: { refund: string }) => c.refund)).toEqual([
      'R2',
    ]);

    // Past R2's SLA: it is overdue, R1 not yet; the evidence periods are over.
    await h.advanceTo('2024-09-23T10:01:00+08:00');
    const later = (await ok(h.get('/v1/interventions'))).cases;
    expect(later.map((c: Record<string, unknown>) => [c.refund, c.overdue, c.evidenceOpenUntil])).toEqual([
      ['R2', true, null],
      ['R1', false, null],
    ]);
    // A ruled case leaves the queue.
    await act(h, 'R2', 'ruling', { responsible: 'buyer', amount: 0 });
    const after = (await ok(h.get('/v1/interventions'))).cases;
    expect(after.map((c: { refund: string }) => c.refund)).toEqual(['R1']);
  });
});

describe('the order around its refunds (G2, L1, L3)', () => {
  it('G2: an open refund pauses auto-confirmation; it resumes moved by the paused time', async () => {
    const h = http();
    const shippedAt = await shipped(h, 'O1');
    expect((await getOrder(h, 'O1')).autoConfirmAt).toBe(iso(shippedAt + 10 * DAY_MS));

    // Open from ship + 2 d (requested, then refused) until the buyer cancels at ship + 6 d.
    await h.advanceTo(shippedAt + 2 * DAY_MS);
    await request(h, 'R1', 'O1', { amount: 1_000, reason: 'quality' });
    await h.advanceTo(shippedAt + 5 * DAY_MS);
    await act(h, 'R1', 'refuse', { reason: '无质量问题' });
    await h.advanceTo(shippedAt + 6 * DAY_MS);
    await act(h, 'R1', 'cancel');
    const movedTo = shippedAt + 14 * DAY_MS;
    expect(await getOrder(h, 'O1')).toMatchObject({ status: 'shipped', autoConfirmAt: iso(movedTo) });

    await h.advanceTo(shippedAt + 10 * DAY_MS);
    expect((await getOrder(h, 'O1')).status).toBe('shipped');
    await h.advanceTo(movedTo - MINUTE);
    expect((await getOrder(h, 'O1')).status).toBe('shipped');
    await h.advanceTo(movedTo);
    expect(await getOrder(h, 'O1')).toMatchObject({ status: 'success', successAt: iso(movedTo) });
  });

  it('L1, L3: an order unshipped at its deadline is compensated once; one shipped before it is not', async () => {
    const h = http();
    // O1: 12,900 fen of goods (+800 shipping, excluded) → 10 % = 1,290. O2 ships 1 min early.
    const paidAt1 = await paid(h, 'O1', {
      lines: [{ line: 'L1', item: 'I1', price: 4_300, qty: 3 }],
      shipping: { fee: 800 },
    });
    const paidAt2 = await paid(h, 'O2');
    await h.advanceTo(paidAt2 + 48 * HOUR_MS - MINUTE);
    await ok(h.post('/v1/orders/O2/ship', { method: 'express' }));

    await h.advanceTo(paidAt1 + 48 * HOUR_MS);
    const compensated = await events(h, 'order.late_shipment_compensated');
    expect(compensated).toEqual([
      { id: 'O1', at: paidAt1 + 48 * HOUR_MS, data: { kind: 'late_shipment', amount: 1_290, buyer: 'B1' } },
    ]);
    // Shipping late, and time passing, add nothing.
    await h.tick(2 * HOUR_MS);
    await ok(h.post('/v1/orders/O1/ship', { method: 'express' }));
    await h.advanceTo(paidAt1 + 20 * DAY_MS);
    expect(await events(h, 'order.late_shipment_compensated')).toEqual(compensated);
    const rows = await h.ctx.db.selectFrom('compensations').select(['order_id', 'kind', 'amount']).execute();
    expect(rows).toEqual([{ order_id: 'O1', kind: 'late_shipment', amount: 1_290 }]);
  });
});

import { DAY_MS } from '@xinyu/domain';
import { describe, expect, it } from 'vitest';
import { expectError, type HttpTestApp, MINUTE, useHttpApp } from './support/http-test-app.js';

// The views the console reads: each carries what the caller may do now, computed by the rules,
// so these tests check the actions offered against the rule windows (F1, F3, F4–F7, H, I).

const http = useHttpApp('2024-03-04T10:00:00+08:00');

async function mint(h: HttpTestApp, role: string, subject: string) {
  const res = await h.post('/v1/access-tokens', { role, subject, ttlHours: 8_760 });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().token as string;
}

interface Action {
  action: string;
  until: string | null;
  [more: string]: unknown;
}
const names = (actions: Action[]) => actions.map((a) => a.action);
const lineOf = async (h: HttpTestApp, order: string, token: string) => {
  const res = await h.get(`/v1/orders/${order}`, token);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().lines[0];
};

/** O1 of B1 at shop S1 (named, item titled) reached success; tokens for B1, S1 and staff. */
async function shop(h: HttpTestApp) {
  expect((await h.post('/v1/sellers', { seller: 'S1', name: '南风衣橱' })).statusCode).toBe(200);
  const successAt = await h.completeOrder('O1', {
    lines: [{ line: 'L1', item: 'I1', title: '法式碎花连衣裙', price: 12_900, category: 'clothing' as never }],
  });
  await h.tick();
  return {
    successAt,
    buyer: await mint(h, 'buyer', 'B1'),
    seller: await mint(h, 'seller', 'S1'),
    staff: await mint(h, 'staff', 'staff01'),
  };
}

describe('order views: what each party may do now', () => {
  it('F1, F3: both may rate; the buyer’s review is hidden from the seller until the seller rates', async () => {
    const h = http();
    const t = await shop(h);
    const buyerLine = await lineOf(h, 'O1', t.buyer);
    expect(buyerLine.title).toBe('法式碎花连衣裙');
    expect(names(buyerLine.actions)).toEqual(['rate', 'request_refund']);
    expect(buyerLine.actions[0].until).toBe(new Date(t.successAt + 15 * DAY_MS).toISOString());
    await h.rate('O1', 'L1', { by: 'buyer', rating: 'bad', text: '做工粗糙' });
    const sellerLine = await lineOf(h, 'O1', t.seller);
    expect(sellerLine.reviews.buyer).toMatchObject({ visible: false, rating: null, text: null });
    expect(names(sellerLine.actions)).toEqual(['rate']);
    expect((await lineOf(h, 'O1', t.staff)).reviews.buyer).toMatchObject({ visible: true, rating: 'bad' });
    await h.rate('O1', 'L1', { by: 'seller', rating: 'good' });
    const after = await lineOf(h, 'O1', t.seller);
    expect(after.reviews.buyer).toMatchObject({ visible: true, rating: 'bad', text: '做工粗糙' });
    expect(names(after.actions)).toEqual(['explain', 'complain']);
  });

  it('F6, F4: the buyer may change a bad review for 30 days, then only follow it up', async () => {
    const h = http();
    const t = await shop(h);
    await h.rate('O1', 'L1', { by: 'buyer', rating: 'bad' });
    const givenAt = h.ctx.clock.now();
    const line = await lineOf(h, 'O1', t.buyer);
    expect(names(line.actions)).toEqual(['modify', 'delete', 'followup', 'request_refund']);
    expect(line.actions[0].until).toBe(new Date(givenAt + 30 * DAY_MS).toISOString());
    await h.advanceTo(givenAt + 30 * DAY_MS);
    // After-sales (H) outlives the review windows: a refund may still be asked.
    expect(names((await lineOf(h, 'O1', t.buyer)).actions)).toEqual(['followup', 'request_refund']);
  });

  it('H, K: request_refund says the kinds, reasons and maximum the rules accept', async () => {
    const h = http();
    const t = await shop(h);
    const request = (await lineOf(h, 'O1', t.buyer)).actions.find((a: Action) => a.action === 'request_refund');
    expect(request).toMatchObject({ kinds: ['refund_only', 'return_refund'], maximum: 12_900, until: null });
    expect(request.reasons).toContain('quality');
  });
});

describe('refund queues and pages', () => {
  it('H2, H4, I1: the seller’s queue by deadline; each side sees its own actions', async () => {
    const h = http();
    const t = await shop(h);
    await h.completeOrder('O2');
    for (const [refund, order] of [
      ['R1', 'O1'],
      ['R2', 'O2'],
    ] as const) {
      const body = { refund, order, line: 'L1', kind: 'refund_only', amount: 1_000, reason: 'quality' };
      expect((await h.post('/v1/refunds', body)).statusCode).toBe(201);
      await h.tick(60 * MINUTE);
    }
    const queue = (await h.get('/v1/sellers/S1/refunds?awaiting=seller', t.seller)).json();
    expect(queue.refunds.map((r: { refund: string }) => r.refund)).toEqual(['R1', 'R2']);
    expect(queue.refunds[0]).toMatchObject({ awaiting: 'seller', title: '法式碎花连衣裙', status: 'requested' });
    expect(names(queue.refunds[0].actions)).toEqual(['agree', 'refuse']);
    expect((await h.post('/v1/refunds/R1/refuse', { reason: '无质量问题' }, { apiKey: t.seller })).statusCode).toBe(
      200,
    );
    const mine = (await h.get('/v1/buyers/B1/refunds', t.buyer)).json();
    expect(mine.refunds.map((r: { refund: string; status: string }) => [r.refund, r.status])).toEqual([
      ['R2', 'requested'],
      ['R1', 'refused'],
    ]);
    expect(names((await h.get('/v1/refunds/R1', t.buyer)).json().actions)).toEqual(['resubmit', 'cancel', 'escalate']);
    const left = (await h.get('/v1/sellers/S1/refunds?awaiting=seller', t.seller)).json().refunds;
    expect(left.map((r: { refund: string }) => r.refund)).toEqual(['R2']);
  });

  it('I2–I4: the case page shows evidence, the order and the timeline; staff may rule once evidence closes', async () => {
    const h = http();
    const t = await shop(h);
    const body = { refund: 'R1', order: 'O1', line: 'L1', kind: 'refund_only', amount: 5_000, reason: 'quality' };
    expect((await h.post('/v1/refunds', body)).statusCode).toBe(201);
    await h.tick();
    await h.post('/v1/refunds/R1/refuse', { reason: '已过质保' });
    await h.tick();
    await h.post('/v1/refunds/R1/escalate');
    await h.post('/v1/refunds/R1/evidence', { by: 'buyer', text: '开箱照片' }, { apiKey: t.buyer });
    expectError(await h.get('/v1/refunds/R1/case', t.buyer), 403, 'FORBIDDEN');
    const during = (await h.get('/v1/refunds/R1/case', t.staff)).json();
    expect(names(during.refund.actions)).toEqual(['settle']);
    expect(during.refund.evidence).toHaveLength(1);
    expect(during.order.lines[0].title).toBe('法式碎花连衣裙');
    expect(during.timeline.map((e: { type: string }) => e.type)).toEqual([
      'order.placed',
      'order.paid',
      'order.shipped',
      'order.succeeded',
      'refund.requested',
      'refund.refused',
      'refund.escalated',
      'refund.evidence_submitted',
    ]);
    await h.tick(3 * DAY_MS);
    expect(names((await h.get('/v1/refunds/R1/case', t.staff)).json().refund.actions)).toEqual(['settle', 'ruling']);
  });
});

describe('workbench, complaints, shop page and rates over time', () => {
  it('the workbench lists shown neutral and bad reviews as given, with the buyer’s F6 window', async () => {
    const h = http();
    const t = await shop(h);
    await h.completeOrder('O2');
    await h.rate('O1', 'L1', { by: 'buyer', rating: 'bad', text: '差' });
    await h.rate('O2', 'L1', { by: 'buyer', rating: 'neutral' });
    await h.rate('O2', 'L1', { by: 'seller', rating: 'good' });
    const givenAt = h.ctx.clock.now();
    const listed = (await h.get('/v1/sellers/S1/workbench/reviews', t.seller)).json().reviews;
    // O1's review is still hidden from the seller (F3): only O2's is listed.
    expect(listed.map((r: { review: string }) => r.review)).toEqual(['O2/L1/buyer']);
    expect(listed[0]).toMatchObject({
      rating: 'neutral',
      modifiableUntil: new Date(givenAt + 30 * DAY_MS).toISOString(),
    });
    expect(names(listed[0].actions)).toEqual(['explain', 'complain']);
    await h.post('/v1/orders/O2/lines/L1/reviews/modify', { by: 'buyer', rating: 'good' });
    expect((await h.get('/v1/sellers/S1/workbench/reviews', t.seller)).json().reviews).toEqual([]);
  });

  it('F7: complaints wait for staff oldest first; a ruling folds and the public listing filters it', async () => {
    const h = http();
    const t = await shop(h);
    await h.rate('O1', 'L1', { by: 'seller', rating: 'good' });
    await h.rate('O1', 'L1', { by: 'buyer', rating: 'bad', text: '不返现就差评' });
    await h.post(
      '/v1/orders/O1/lines/L1/reviews/complain',
      { by: 'seller', reason: '以差评要挟' },
      { apiKey: t.seller },
    );
    const pending = (await h.get('/v1/complaints', t.staff)).json().complaints;
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ review: 'O1/L1/buyer', by: 'seller', reason: '以差评要挟', rating: 'bad' });
    expect(names(pending[0].actions)).toEqual(['rule_complaint']);
    expect(names((await lineOf(h, 'O1', t.staff)).actions)).toEqual(['rule_complaint']);
    await h.post('/v1/orders/O1/lines/L1/reviews/complaint-ruling', { upheld: true }, { apiKey: t.staff });
    expect((await h.get('/v1/complaints', t.staff)).json().complaints).toEqual([]);
    expect((await h.get('/v1/complaints?status=upheld', t.staff)).json().complaints).toHaveLength(1);
    const folded = (await h.get('/v1/sellers/S1/reviews?folded=true', null)).json().reviews;
    expect(folded.map((r: { review: string; folded: boolean }) => [r.review, r.folded])).toEqual([
      ['O1/L1/buyer', true],
    ]);
    expect((await h.get('/v1/sellers/S1/reviews?folded=false', null)).json().reviews).toEqual([]);
  });

  it('A9 as data: a modified review’s new ledger entry says it re-evaluated; the rule numbers come along', async () => {
    const h = http();
    const t = await shop(h);
    await h.rate('O1', 'L1', { by: 'buyer', rating: 'bad' });
    await h.post('/v1/orders/O1/lines/L1/reviews/modify', { by: 'buyer', rating: 'good' });
    const ledger = (await h.get('/v1/sellers/S1/credit', t.seller)).json().ledger;
    expect(
      ledger.entries.map((e: { rule: string; reevaluated: boolean; points: number }) => [
        e.rule,
        e.reevaluated,
        e.points,
      ]),
    ).toEqual([['A1', true, 1]]);
    expect(ledger.ruleParams).toEqual({ A3: { cap: 6 }, A4: { days: 14 }, A6: { maxFen: 100 } });
  });

  it('the shop page is public: name, badge and DSR; an unknown shop is NOT_FOUND', async () => {
    const h = http();
    await shop(h);
    await h.rate('O1', 'L1', { by: 'buyer', rating: 'good', dsr: { description: 5, service: 4, logistics: 5 } });
    const page = (await h.get('/v1/shops/S1', null)).json();
    expect(page).toMatchObject({ seller: 'S1', name: '南风衣橱', market: 'taobao' });
    expect(page.credit).toMatchObject({ score: 1, good: 1, goodRate: 100, tier: 'none', icons: 0 });
    expect(page.dsr).toMatchObject({ description: 5, service: 4, logistics: 5, count: 1 });
    expect(page).not.toHaveProperty('ledger');
    expectError(await h.get('/v1/shops/S404', null), 404, 'NOT_FOUND');
  });

  it('J2 over time: one point per local day, the refund counted from the day it succeeded', async () => {
    const h = http();
    const t = await shop(h);
    const body = { refund: 'R1', order: 'O1', line: 'L1', kind: 'refund_only', amount: 1_000, reason: 'quality' };
    await h.post('/v1/refunds', body);
    await h.post('/v1/refunds/R1/agree', undefined, { apiKey: t.seller });
    await h.tick(DAY_MS);
    const points = (await h.get('/v1/sellers/S1/metrics/history?days=7', t.seller)).json().points;
    expect(points).toHaveLength(7);
    expect(points.at(-2)).toMatchObject({ date: '2024-03-04', trades30d: 1, refunds30d: 1, refundRate30d: 100 });
    expect(points[0]).toMatchObject({ trades30d: 0, refunds30d: 0 });
    expectError(await h.get('/v1/sellers/S1/metrics/history?days=181', t.seller), 400, 'VALIDATION_FAILED');
  });
});

import { DAY_MS } from '@xinyu/domain';
import { describe, expect, it } from 'vitest';
import type { RateReviewInput } from '../src/app/command-schemas.js';
import {
  documentedRoutes,
  expectError,
  type HttpTestApp,
  MINUTE,
  registeredRoutes,
  useHttpApp,
} from './support/http-test-app.js';

const http = useHttpApp('2024-03-04T10:00:00+08:00');

interface LedgerEntry {
  entry: number;
  review: string;
  rating: string;
  counted: boolean;
  points: number;
  rule: string;
  reason: string;
}
interface ListedReview {
  review: string;
  givenAt: string;
  visible: boolean;
  folded: boolean;
  rating?: string;
  text?: string | null;
  [field: string]: unknown;
}

/** Completes an order of `buyer` (one line, item `item`), a minute later rates it; returns the success instant. */
async function reviewed(h: HttpTestApp, order: string, buyer: string, review: RateReviewInput, item = `I-${order}`) {
  const successAt = await h.completeOrder(order, { buyer, lines: [{ line: 'L1', item, price: 3_900 }] });
  await h.tick();
  await h.rate(order, 'L1', review);
  await h.tick();
  return successAt;
}

/** Follows `nextCursor` from the first page to the last; returns every page. */
async function walk<T>(h: HttpTestApp, url: string, items: (body: Record<string, unknown>) => T[]): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | null = null;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const res = await h.get(cursor === null ? url : `${url}${sep}cursor=${encodeURIComponent(cursor)}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    pages.push(items(body));
    cursor = (body.nextCursor ?? body.ledger?.nextCursor ?? null) as string | null;
    expect(pages.length).toBeLessThan(50);
  } while (cursor !== null);
  return pages;
}

const listing = async (h: HttpTestApp, query = '') =>
  (await h.get(`/v1/sellers/S1/reviews${query}`)).json().reviews as ListedReview[];
const reviewIds = (reviews: ListedReview[]) => reviews.map((r) => r.review);

describe('GET /v1/sellers/:seller/credit and /v1/buyers/:buyer/credit', () => {
  /** Seven buyers: five goods, a neutral and a bad; B1's second good on the same item within 14 days (A4). */
  async function shop(h: HttpTestApp) {
    await reviewed(
      h,
      'O1',
      'B1',
      { by: 'buyer', rating: 'good', dsr: { description: 5, service: 5, logistics: 5 } },
      'I1',
    );
    await reviewed(h, 'O2', 'B2', { by: 'buyer', rating: 'good', dsr: { description: 4, service: 4, logistics: 4 } });
    await reviewed(h, 'O3', 'B3', { by: 'buyer', rating: 'good', dsr: { description: 5, service: 4, logistics: 3 } });
    await reviewed(h, 'O4', 'B4', { by: 'buyer', rating: 'good' });
    await reviewed(h, 'O5', 'B5', { by: 'buyer', rating: 'neutral' });
    await reviewed(h, 'O6', 'B6', { by: 'buyer', rating: 'bad' });
    await reviewed(h, 'O7', 'B7', { by: 'buyer', rating: 'good' });
    await reviewed(h, 'O8', 'B1', { by: 'buyer', rating: 'good' }, 'I1');
    await h.rate('O1', 'L1', { by: 'seller', rating: 'good' });
  }

  it('A, B, C1, E2: score, level, tier, icons, counts, good rate and DSR', async () => {
    const h = http();
    await shop(h);
    const res = await h.get('/v1/sellers/S1/credit');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.seller).toBe('S1');
    expect(body.credit).toEqual({
      score: 4,
      level: 1,
      tier: 'heart',
      icons: 1,
      good: 5,
      neutral: 1,
      bad: 1,
      goodRate: 71.43,
    });
    expect(body.dsr).toEqual({ description: 4.6667, service: 4.3333, logistics: 4, count: 3 });
  });

  it('the ledger: limit=2 pages walk every entry once, newest first; each names its review, points, rule, reason', async () => {
    const h = http();
    await shop(h);
    const all = (await h.get('/v1/sellers/S1/credit?limit=100')).json().ledger;
    expect(all.nextCursor).toBeNull();
    const entries = all.entries as LedgerEntry[];
    expect(entries.map((e) => e.review).sort()).toEqual(
      ['O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7', 'O8'].map((o) => `${o}/L1/buyer`),
    );
    const ids = entries.map((e) => e.entry);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const pages = await walk(
      h,
      '/v1/sellers/S1/credit?limit=2',
      (b) => (b.ledger as { entries: LedgerEntry[] }).entries,
    );
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 2]);
    expect(pages.flat()).toEqual(entries);
    const byReview = new Map(entries.map((e) => [e.review, e]));
    expect(byReview.get('O6/L1/buyer')).toMatchObject({ rating: 'bad', counted: true, points: -1, rule: 'A1' });
    expect(byReview.get('O5/L1/buyer')).toMatchObject({ rating: 'neutral', counted: true, points: 0, rule: 'A1' });
    expect(byReview.get('O8/L1/buyer')).toMatchObject({ rating: 'good', counted: false, points: 0, rule: 'A4' });
    for (const e of entries) expect(e.reason.length, e.review).toBeGreaterThan(0);
  });

  it("a buyer's credit comes from sellers' reviews, with its ledger and no DSR", async () => {
    const h = http();
    await shop(h);
    const res = await h.get('/v1/buyers/B1/credit?limit=1');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).not.toHaveProperty('dsr');
    expect(body.buyer).toBe('B1');
    expect(body.credit).toMatchObject({ score: 1, level: 0, tier: 'none', icons: 0, good: 1, goodRate: 100 });
    expect(body.ledger.entries).toEqual([
      expect.objectContaining({ review: 'O1/L1/seller', rating: 'good', counted: true, points: 1, rule: 'A1' }),
    ]);
    expect(body.ledger.nextCursor).toBeNull();
    expect((await h.get('/v1/buyers/B2/credit')).json().credit).toMatchObject({ score: 0, good: 0, goodRate: null });
  });
});

describe('GET /v1/sellers/:seller/reviews', () => {
  /** Seven buyer reviews; O6's two lines are rated at the same instant. All visible (F3) afterwards. */
  async function sevenReviews(h: HttpTestApp) {
    const ratings = ['good', 'bad', 'neutral', 'good', 'bad'] as const;
    let lastSuccess = 0;
    for (const [i, rating] of ratings.entries()) {
      lastSuccess = await reviewed(h, `O${i + 1}`, `B${i + 1}`, { by: 'buyer', rating, text: `第${i + 1}条` });
    }
    lastSuccess = await h.completeOrder('O6', {
      buyer: 'B6',
      lines: [
        { line: 'L1', item: 'I6a', price: 100 },
        { line: 'L2', item: 'I6b', price: 200 },
      ],
    });
    await h.tick();
    await h.rate('O6', 'L1', { by: 'buyer', rating: 'good' });
    await h.rate('O6', 'L2', { by: 'buyer', rating: 'bad' });
    await h.advanceTo(lastSuccess + 15 * DAY_MS);
  }
  const NEWEST_FIRST = ['O6/L2', 'O6/L1', 'O5/L1', 'O4/L1', 'O3/L1', 'O2/L1', 'O1/L1'].map((r) => `${r}/buyer`);

  it('newest first; ties on the instant broken by order and line, stable across pages', async () => {
    const h = http();
    await sevenReviews(h);
    const all = await listing(h, '?limit=100');
    expect(reviewIds(all)).toEqual(NEWEST_FIRST);
    const times = all.map((r) => Date.parse(r.givenAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all[0]?.givenAt).toBe(all[1]?.givenAt);
    expect(all.every((r) => r.visible)).toBe(true);
    expect(all.find((r) => r.review === 'O3/L1/buyer')).toMatchObject({ rating: 'neutral', text: '第3条' });
  });

  it('pagination with the cursor: no duplicates, no gaps, for every page size', async () => {
    const h = http();
    await sevenReviews(h);
    for (const limit of [1, 2, 3, 6, 7, 20]) {
      const pages = await walk(h, `/v1/sellers/S1/reviews?limit=${limit}`, (b) => b.reviews as ListedReview[]);
      expect(reviewIds(pages.flat()), `limit ${limit}`).toEqual(NEWEST_FIRST);
      expect(pages.length, `limit ${limit}`).toBe(Math.max(1, Math.ceil(NEWEST_FIRST.length / limit)));
    }
  });

  it('the rating filter, also across pages', async () => {
    const h = http();
    await sevenReviews(h);
    const bad = ['O6/L2/buyer', 'O5/L1/buyer', 'O2/L1/buyer'];
    expect(reviewIds(await listing(h, '?rating=bad'))).toEqual(bad);
    const pages = await walk(h, '/v1/sellers/S1/reviews?rating=bad&limit=1', (b) => b.reviews as ListedReview[]);
    expect(reviewIds(pages.flat())).toEqual(bad);
    expect(reviewIds(await listing(h, '?rating=neutral'))).toEqual(['O3/L1/buyer']);
    expect(reviewIds(await listing(h, '?rating=good'))).toEqual(['O6/L1/buyer', 'O4/L1/buyer', 'O1/L1/buyer']);
  });

  it('F3: a buyer review is hidden (no rating, text or points) until the seller rates that line', async () => {
    const h = http();
    await reviewed(h, 'O1', 'B1', {
      by: 'buyer',
      rating: 'bad',
      text: '太差了',
      dsr: { description: 1, service: 1, logistics: 1 },
    });
    const [hidden] = await listing(h);
    expect(hidden).toMatchObject({ review: 'O1/L1/buyer', visible: false, folded: false });
    for (const field of ['rating', 'text', 'dsr', 'points', 'counted', 'followup', 'explanation']) {
      expect(hidden, field).not.toHaveProperty(field);
    }
    expect(await listing(h, '?rating=bad')).toEqual([]);
    await h.rate('O1', 'L1', { by: 'seller', rating: 'good' });
    const [shown] = await listing(h);
    expect(shown).toMatchObject({ visible: true, rating: 'bad', text: '太差了', points: -1 });
    expect(reviewIds(await listing(h, '?rating=bad'))).toEqual(['O1/L1/buyer']);
  });

  it('F3: with the seller silent, the review shows exactly at success + 15 days', async () => {
    const h = http();
    const successAt = await reviewed(h, 'O1', 'B1', { by: 'buyer', rating: 'bad', text: '太差了' });
    await h.advanceTo(successAt + 15 * DAY_MS - 1);
    expect((await listing(h))[0]).toMatchObject({ visible: false });
    expect(await listing(h, '?rating=bad')).toEqual([]);
    await h.advanceTo(successAt + 15 * DAY_MS);
    expect((await listing(h))[0]).toMatchObject({ visible: true, rating: 'bad', text: '太差了' });
    expect(reviewIds(await listing(h, '?rating=bad'))).toEqual(['O1/L1/buyer']);
  });

  it('F7: after an upheld complaint the review is still listed, folded; credit unchanged; a rejected one is not folded', async () => {
    const h = http();
    for (const order of ['O1', 'O2']) {
      await reviewed(h, order, `B-${order}`, { by: 'buyer', rating: 'bad', text: '差评' });
      await h.rate(order, 'L1', { by: 'seller', rating: 'good' });
    }
    const credit = (await h.get('/v1/sellers/S1/credit')).json().credit;
    for (const [order, upheld] of [
      ['O1', true],
      ['O2', false],
    ] as const) {
      const base = `/v1/orders/${order}/lines/L1/reviews`;
      expect((await h.post(`${base}/complain`, { by: 'seller', reason: '恶意差评' })).statusCode).toBe(200);
      await h.tick();
      expect((await h.post(`${base}/complaint-ruling`, { upheld })).json()).toEqual(expect.any(Object));
    }
    const reviews = await listing(h);
    expect(reviews.map((r) => [r.review, r.folded, r.rating])).toEqual([
      ['O2/L1/buyer', false, 'bad'],
      ['O1/L1/buyer', true, 'bad'],
    ]);
    expect((await h.get('/v1/sellers/S1/credit')).json().credit).toEqual(credit);
  });

  it('Chinese text, emoji and markup round-trip byte-identical (review, follow-up, explanation)', async () => {
    const h = http();
    const text = '质量很好😀，<script>alert(1)</script>';
    const followup = '👨‍👩‍👧 家人都喜欢 é\u0301 "quoted" \\ back\u2028slash';
    const explanation = '谢谢亲\u200d的支持！&amp; <b>';
    await reviewed(h, 'O1', 'B1', { by: 'buyer', rating: 'good', text });
    await h.rate('O1', 'L1', { by: 'seller', rating: 'good' });
    const base = '/v1/orders/O1/lines/L1/reviews';
    expect((await h.post(`${base}/followup`, { text: followup })).statusCode).toBe(200);
    expect((await h.post(`${base}/explain`, { on: 'review', by: 'seller', text: explanation })).statusCode).toBe(200);
    const res = await h.get('/v1/sellers/S1/reviews');
    expect(res.headers['content-type']).toMatch(/^application\/json; charset=utf-8/);
    const [review] = res.json().reviews as ListedReview[];
    expect(review?.text).toBe(text);
    expect(review?.followup).toMatchObject({ text: followup });
    expect(review?.explanation).toMatchObject({ text: explanation });
    expect(Buffer.from(res.rawPayload).includes(Buffer.from(JSON.stringify(text), 'utf8'))).toBe(true);
    const stored = await h.ctx.db
      .selectFrom('reviews')
      .select(['body', 'followup_body'])
      .where('by_party', '=', 'buyer')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ body: text, followup_body: followup });
  });
});

describe('query validation, OpenAPI and unknown routes', () => {
  const LISTS = ['/v1/sellers/S1/reviews', '/v1/sellers/S1/credit', '/v1/buyers/B1/credit'];

  it('an invalid limit (0, 101, abc, -1, 1.5, empty, twice) → 400 VALIDATION_FAILED', async () => {
    const h = http();
    for (const url of LISTS) {
      for (const limit of ['0', '101', 'abc', '-1', '1.5', '', '01', '1e2']) {
        expectError(await h.get(`${url}?limit=${limit}`), 400, 'VALIDATION_FAILED', `${url} limit=${limit}`);
      }
      expectError(await h.get(`${url}?limit=1&limit=2`), 400, 'VALIDATION_FAILED', `${url} two limits`);
      expectError(await h.get(`${url}?page=2`), 400, 'VALIDATION_FAILED', `${url} unknown parameter`);
      expect((await h.get(`${url}?limit=100`)).statusCode).toBe(200);
    }
    expectError(await h.get('/v1/sellers/S1/reviews?rating=excellent'), 400, 'VALIDATION_FAILED');
    expectError(await h.get('/v1/sellers/S%201/reviews'), 400, 'VALIDATION_FAILED');
    expectError(await h.get(`/v1/sellers/${'S'.repeat(65)}/credit`), 400, 'VALIDATION_FAILED');
  });

  it('a malformed or forged cursor never yields a 5xx', async () => {
    const h = http();
    await reviewed(h, 'O1', 'B1', { by: 'buyer', rating: 'good' });
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const cursors = [
      'abc',
      forged({ at: 1e20, key: 'O1/L1' }),
      forged({ at: -1e20, key: 'O1/L1' }),
      forged({ at: 0, key: "'; drop table reviews; --" }),
      forged({ at: 1.5, key: 'x'.repeat(100) }),
      forged([1, 2]),
      '999999999999999',
      '-1',
    ];
    for (const url of LISTS) {
      for (const cursor of cursors) {
        const res = await h.get(`${url}?cursor=${encodeURIComponent(cursor)}`);
        expect(res.statusCode, `${url} ${cursor} ${res.body}`).toBeLessThan(500);
      }
      expectError(await h.get(`${url}?cursor=${'c'.repeat(201)}`), 400, 'VALIDATION_FAILED');
    }
  });

  it('reads need credentials (401 UNAUTHORIZED), but for the public review listing; bad ones never pass', async () => {
    const h = http();
    for (const url of LISTS) {
      expectError(await h.get(url, 'wrong'), 401, 'UNAUTHORIZED', url);
      if (url.endsWith('/reviews')) expect((await h.get(url, null)).statusCode, url).toBe(200);
      else expectError(await h.get(url, null), 401, 'UNAUTHORIZED', url);
    }
  });

  it('/openapi.json is public, valid JSON, with components, paths and every route the server registers', async () => {
    const h = http();
    const res = await h.get('/openapi.json', null);
    expect(res.statusCode).toBe(200);
    const spec = JSON.parse(res.body);
    expect(spec.openapi).toMatch(/^3\./);
    expect(spec.components.securitySchemes).toHaveProperty('apiKey');
    expect(Object.keys(spec.paths).length).toBeGreaterThan(0);
    const hidden = ['GET /healthz', 'GET /openapi.json'];
    expect(documentedRoutes(spec)).toEqual(registeredRoutes(h.app).filter((r) => !hidden.includes(r)));
    for (const [path, ops] of Object.entries(spec.paths as Record<string, Record<string, { responses?: object }>>)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(Object.keys(op.responses ?? {}), `${method} ${path}`).toContainEqual(expect.stringMatching(/^2\d\d$/));
      }
    }
  });

  it('an unknown route or method → 404 NOT_FOUND with the error shape', async () => {
    const h = http();
    expectError(await h.get('/v1/nothing-here'), 404, 'NOT_FOUND');
    expectError(await h.get('/v2/sellers/S1/credit'), 404, 'NOT_FOUND');
    const del = await h.app.inject({
      method: 'DELETE',
      url: '/v1/orders/O1',
      headers: { authorization: 'Bearer test-key-marketplace-1' },
    });
    expectError(del, 404, 'NOT_FOUND');
    expectError(await h.get('/v1/orders/O404'), 404, 'NOT_FOUND');
  });

  it('GET /v1/orders/:order shows the order placed over HTTP, its instants from the clock', async () => {
    const h = http();
    const successAt = await h.completeOrder('O1');
    const order = (await h.get('/v1/orders/O1')).json();
    expect(order).toMatchObject({
      order: 'O1',
      seller: 'S1',
      buyer: 'B1',
      status: 'success',
      successAt: new Date(successAt).toISOString(),
      shippedAt: new Date(successAt - MINUTE).toISOString(),
      lines: [{ line: 'L1', item: 'I-O1', price: 3_900, qty: 1, amount: 3_900, category: 'general', virtual: false }],
    });
  });
});

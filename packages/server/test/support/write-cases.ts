import { expect } from 'vitest';
import { ACCESS_WRITE_CASES } from './access-write-cases.js';
import type { HttpTestApp } from './http-test-app.js';
import { REFUND_WRITE_CASES } from './refund-write-cases.js';
import { WEBHOOK_WRITE_CASES } from './webhook-write-cases.js';

// Every write endpoint of the HTTP API as a case of http-writes.test.ts: a state in which a valid
// request succeeds, a second valid request, a refusal, and the bad bodies particular to it.

export type Body = Record<string, unknown>;

/** One write endpoint: a state in which `body` at `url` succeeds, and requests it must refuse. */
export interface WriteCase {
  /** As /openapi.json names it. */
  readonly route: string;
  readonly setup: (h: HttpTestApp) => Promise<void>;
  readonly url: string;
  readonly body?: Body;
  readonly status: number;
  /** A second, different valid request (for "same key, other request"). */
  readonly other: { readonly url?: string; readonly body?: Body };
  /** A request the rules refuse in the state `setup` leaves (none can refuse a registration). */
  readonly refusal?: { readonly url?: string; readonly body?: Body; readonly status: number; readonly code: string };
  /** Bad bodies only this endpoint has (amounts, enums, nested objects), beside the generic ones. */
  readonly badBodies?: ReadonlyArray<readonly [string, unknown]>;
  /** The setup or the answer holds a secret minted at random (an access token): runs differ by it. */
  readonly freshSecrets?: boolean;
}

export const orderBody = (order: string): Body => ({
  order,
  buyer: 'B1',
  seller: 'S1',
  lines: [
    { line: 'L1', item: 'I1', price: 3_900, qty: 2, category: 'clothing' },
    { line: 'L2', item: 'I2', price: 100, virtual: true, confirmedNoReturn: true, invoiceTax: 6 },
  ],
  shipping: { fee: 800, freeOver: 9_900 },
  promisedShipHours: 72,
});
const orderWith = (change: (b: Body & { lines: Body[] }) => void): Body => {
  const body = structuredClone(orderBody('O2')) as Body & { lines: Body[] };
  change(body);
  return body;
};
const line = (fields: Body): Body => orderWith((b) => Object.assign(b.lines[0] as Body, fields));
export const STARS = { description: 5, service: 4, logistics: 5 };

const placed = (h: HttpTestApp) => h.placeOrder('O1');
export const paid = async (h: HttpTestApp) => {
  await placed(h);
  await h.tick();
  expect((await h.post('/v1/orders/O1/pay')).statusCode).toBe(200);
};
export const shipped = async (h: HttpTestApp) => {
  await paid(h);
  await h.tick();
  expect((await h.post('/v1/orders/O1/ship', { method: 'express' })).statusCode).toBe(200);
};
export const succeeded = async (h: HttpTestApp) => {
  await h.completeOrder('O1');
  await h.tick();
};
export const buyerRated = (rating: 'good' | 'neutral' | 'bad') => async (h: HttpTestApp) => {
  await succeeded(h);
  await h.rate('O1', 'L1', { by: 'buyer', rating, text: '一般般' });
  await h.tick();
};
const complained = async (h: HttpTestApp) => {
  await buyerRated('bad')(h);
  expect(
    (await h.post('/v1/orders/O1/lines/L1/reviews/complain', { by: 'seller', reason: '恶意差评' })).statusCode,
  ).toBe(200);
  await h.tick();
};

export const REVIEWS = '/v1/orders/O1/lines/L1/reviews';

export const WRITE_CASES: readonly WriteCase[] = [
  ...ACCESS_WRITE_CASES,
  ...WEBHOOK_WRITE_CASES,
  ...REFUND_WRITE_CASES,
  {
    route: '/v1/sellers',
    setup: async () => {},
    url: '/v1/sellers',
    body: { seller: 'S9', market: 'tmall' },
    status: 200,
    other: { body: { seller: 'S9', market: 'taobao' } },
    badBodies: [
      ['an unknown market', { seller: 'S9', market: 'amazon' }],
      ['a seller id with a space', { seller: 'S 9' }],
      ['a seller id of 200 characters', { seller: 'S'.repeat(200) }],
      ['an empty seller id', { seller: '' }],
    ],
  },
  {
    route: '/v1/orders',
    setup: placed,
    url: '/v1/orders',
    body: orderBody('O2'),
    status: 201,
    other: { body: orderBody('O3') },
    refusal: { body: orderBody('O1'), status: 409, code: 'DUPLICATE_ID' },
    badBodies: [
      ['an order id with a space', orderWith((b) => Object.assign(b, { order: 'O 2' }))],
      ['an order id of 200 characters', orderWith((b) => Object.assign(b, { order: 'O'.repeat(200) }))],
      ['a buyer id with a slash', orderWith((b) => Object.assign(b, { buyer: 'B/1' }))],
      ['no lines', orderWith((b) => Object.assign(b, { lines: [] }))],
      [
        '101 lines',
        orderWith((b) =>
          Object.assign(b, { lines: Array.from({ length: 101 }, (_, i) => ({ line: `L${i}`, item: 'I', price: 1 })) }),
        ),
      ],
      ['a negative price', line({ price: -1 })],
      ['a fractional price', line({ price: 1.5 })],
      ['an enormous price', line({ price: 1e11 })],
      ['a price of 1e300', line({ price: 1e300 })],
      ['a price beyond 2^53', line({ price: Number.MAX_SAFE_INTEGER + 2 })],
      ['a price as text', line({ price: '3900' })],
      ['a zero quantity', line({ qty: 0 })],
      ['a quantity of 10,001', line({ qty: 10_001 })],
      ['a negative invoice tax', line({ invoiceTax: -6 })],
      ['an unknown category', line({ category: 'weapons' })],
      ['virtual as text', line({ virtual: 'yes' })],
      ['a line without item', orderWith((b) => delete (b.lines[0] as Body).item)],
      ['an unknown field on a line', line({ discount: 5 })],
      ['a line id with a space', line({ line: 'L 1' })],
      ['a line id of 200 characters', line({ line: 'L'.repeat(200) })],
      ['a negative shipping fee', orderWith((b) => Object.assign(b, { shipping: { fee: -800 } }))],
      ['an unknown shipping field', orderWith((b) => Object.assign(b, { shipping: { fee: 0, express: true } }))],
      ['zero promised ship hours', orderWith((b) => Object.assign(b, { promisedShipHours: 0 }))],
      ['promised ship hours of a year', orderWith((b) => Object.assign(b, { promisedShipHours: 24 * 365 }))],
    ],
  },
  {
    route: '/v1/orders/{order}/pay',
    setup: placed,
    url: '/v1/orders/O1/pay',
    status: 200,
    other: { url: '/v1/orders/O2/pay' },
    refusal: { url: '/v1/orders/O404/pay', status: 404, code: 'NOT_FOUND' },
  },
  {
    route: '/v1/orders/{order}/ship',
    setup: paid,
    url: '/v1/orders/O1/ship',
    body: { method: 'express' },
    status: 200,
    other: { body: { method: 'post' } },
    refusal: { url: '/v1/orders/O404/ship', body: { method: 'express' }, status: 404, code: 'NOT_FOUND' },
    badBodies: [['an unknown method', { method: 'drone' }]],
  },
  {
    route: '/v1/orders/{order}/deliver',
    setup: shipped,
    url: '/v1/orders/O1/deliver',
    status: 200,
    other: { url: '/v1/orders/O2/deliver' },
    refusal: { url: '/v1/orders/O404/deliver', status: 404, code: 'NOT_FOUND' },
  },
  {
    route: '/v1/orders/{order}/confirm',
    setup: shipped,
    url: '/v1/orders/O1/confirm',
    status: 200,
    other: { url: '/v1/orders/O2/confirm' },
    refusal: { url: '/v1/orders/O404/confirm', status: 404, code: 'NOT_FOUND' },
  },
  {
    route: '/v1/orders/{order}/lines/{line}/reviews',
    setup: succeeded,
    url: REVIEWS,
    body: { by: 'buyer', rating: 'good', text: '质量很好😀', anonymous: true, dsr: STARS },
    status: 200,
    other: { body: { by: 'buyer', rating: 'bad' } },
    refusal: { body: { by: 'seller', rating: 'good', dsr: STARS }, status: 422, code: 'DSR_NOT_ALLOWED' },
    badBodies: [
      ['an unknown rating', { by: 'buyer', rating: 'excellent' }],
      ['an unknown party', { by: 'platform', rating: 'good' }],
      ['a DSR star of 0', { by: 'buyer', rating: 'good', dsr: { ...STARS, service: 0 } }],
      ['a DSR star of 6', { by: 'buyer', rating: 'good', dsr: { ...STARS, service: 6 } }],
      ['a DSR star of 4.5', { by: 'buyer', rating: 'good', dsr: { ...STARS, service: 4.5 } }],
      ['a DSR without logistics', { by: 'buyer', rating: 'good', dsr: { description: 5, service: 5 } }],
      ['a DSR with an unknown field', { by: 'buyer', rating: 'good', dsr: { ...STARS, price: 5 } }],
    ],
  },
  {
    route: '/v1/orders/{order}/lines/{line}/reviews/modify',
    setup: buyerRated('bad'),
    url: `${REVIEWS}/modify`,
    body: { by: 'buyer', rating: 'good' },
    status: 200,
    other: { body: { by: 'buyer', rating: 'neutral' } },
    refusal: { body: { by: 'buyer', rating: 'neutral' }, status: 422, code: 'MODIFY_TARGET_INVALID' },
    badBodies: [['an unknown rating', { by: 'buyer', rating: 'great' }]],
  },
  {
    route: '/v1/orders/{order}/lines/{line}/reviews/delete',
    setup: buyerRated('neutral'),
    url: `${REVIEWS}/delete`,
    body: { by: 'buyer' },
    status: 200,
    other: { body: { by: 'seller' } },
    refusal: { body: { by: 'seller' }, status: 422, code: 'NOT_THE_REVIEWER' },
  },
  {
    route: '/v1/orders/{order}/lines/{line}/reviews/followup',
    setup: buyerRated('good'),
    url: `${REVIEWS}/followup`,
    body: { text: '用了一周，还不错' },
    status: 200,
    other: { body: { text: '用了一个月' } },
    refusal: { body: { text: '好'.repeat(501) }, status: 422, code: 'TEXT_TOO_LONG' },
  },
  {
    route: '/v1/orders/{order}/lines/{line}/reviews/explain',
    setup: buyerRated('bad'),
    url: `${REVIEWS}/explain`,
    body: { on: 'review', by: 'seller', text: '已联系买家处理' },
    status: 200,
    other: { body: { on: 'review', by: 'seller', text: '抱歉' } },
    refusal: { body: { on: 'followup', by: 'seller', text: '抱歉' }, status: 404, code: 'NOT_FOUND' },
    badBodies: [['an unknown subject', { on: 'order', by: 'seller', text: 'x' }]],
  },
  {
    route: '/v1/orders/{order}/lines/{line}/reviews/complain',
    setup: buyerRated('bad'),
    url: `${REVIEWS}/complain`,
    body: { by: 'seller', reason: '恶意差评' },
    status: 200,
    other: { body: { by: 'seller', reason: '辱骂' } },
    refusal: { body: { by: 'buyer', reason: '恶意差评' }, status: 422, code: 'NOT_THE_REVIEWER' },
  },
  {
    route: '/v1/orders/{order}/lines/{line}/reviews/complaint-ruling',
    setup: complained,
    url: `${REVIEWS}/complaint-ruling`,
    body: { upheld: true },
    status: 200,
    other: { body: { upheld: false } },
    refusal: {
      url: '/v1/orders/O1/lines/L9/reviews/complaint-ruling',
      body: { upheld: true },
      status: 404,
      code: 'NOT_FOUND',
    },
    badBodies: [['upheld as text', { upheld: 'true' }]],
  },
];

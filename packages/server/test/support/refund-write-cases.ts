import { DAY_MS } from '@xinyu/domain';
import { expect } from 'vitest';
import type { HttpTestApp } from './http-test-app.js';
import type { Body, WriteCase } from './write-cases.js';

// The refund write endpoints (H, I) as cases of http-writes.test.ts (listed in write-cases.ts).
// Each setup leaves refund R1 on order O1 in the state where the valid request succeeds and, when
// the refusal needs one, refund R2 on order O2 in a state where the rules refuse it.

/** A request body for line L1 of `order` (¥39.00, one unit): refund only, seller out of stock. */
export const refundBody = (refund: string, order: string, fields: Body = {}): Body => ({
  refund,
  order,
  line: 'L1',
  kind: 'refund_only',
  amount: 3_900,
  reason: 'out_of_stock',
  ...fields,
});

/** POSTs a setup step that must succeed, then lets a minute pass. */
async function step(h: HttpTestApp, url: string, body?: Body): Promise<void> {
  const res = await h.post(url, body);
  expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
  await h.tick();
}

/** Builds a refund `refund` on order `order` in some state. */
type RefundSetup = (h: HttpTestApp, refund: string, order: string) => Promise<void>;

const paidOrder = async (h: HttpTestApp, order: string, lines?: Body[]) => {
  await h.placeOrder(order, lines ? { lines: lines as never } : {});
  await h.tick();
  await step(h, `/v1/orders/${order}/pay`);
};
const shippedOrder = async (h: HttpTestApp, order: string) => {
  await paidOrder(h, order);
  await step(h, `/v1/orders/${order}/ship`, { method: 'express' });
};
/** Then `action` on the refund the earlier setup built. */
const then =
  (before: RefundSetup, action: string, body?: Body): RefundSetup =>
  async (h, refund, order) => {
    await before(h, refund, order);
    await step(h, `/v1/refunds/${refund}/${action}`, body);
  };

/** H1: requested before shipment; the seller has 48 h. */
export const requested: RefundSetup = async (h, refund, order) => {
  await paidOrder(h, order);
  await step(h, '/v1/refunds', refundBody(refund, order));
};
export const refunded = then(requested, 'agree');
export const cancelled = then(requested, 'cancel');
export const refused = then(requested, 'refuse', { reason: '买家已签收' });
/** I2: escalated after a refusal; 3 days of evidence run. */
export const intervention = then(refused, 'escalate');
/** I2: the evidence period is over; the case awaits a ruling. */
export const awaitingRuling: RefundSetup = async (h, refund, order) => {
  await intervention(h, refund, order);
  await h.tick(3 * DAY_MS);
};
/** H3: a return after shipment, not yet answered by the seller. */
export const returnRequested: RefundSetup = async (h, refund, order) => {
  await shippedOrder(h, order);
  await step(h, '/v1/refunds', refundBody(refund, order, { kind: 'return_refund', reason: 'quality' }));
};
export const awaitingReturn = then(returnRequested, 'agree');
export const returnShipped = then(awaitingReturn, 'ship-return', { method: 'express' });

/** R1 on O1 in the state of `main`, then R2 on O2 in the state of `other`. */
const states =
  (main: RefundSetup, other?: RefundSetup) =>
  async (h: HttpTestApp): Promise<void> => {
    await main(h, 'R1', 'O1');
    if (other) await other(h, 'R2', 'O2');
  };

/** O1 of two lines paid; a request on L1 cancelled by the buyer (H5 then blocks L1, not L2). */
const cancelledOnFirstLine = async (h: HttpTestApp) => {
  await paidOrder(h, 'O1', [
    { line: 'L1', item: 'I1', price: 3_900 },
    { line: 'L2', item: 'I2', price: 2_000 },
  ]);
  await step(h, '/v1/refunds', refundBody('R0', 'O1'));
  await step(h, '/v1/refunds/R0/cancel');
};

const request = (fields: Body) => refundBody('R1', 'O1', { line: 'L2', amount: 2_000, ...fields });
const condition = (fields: Body) =>
  request({ kind: 'refund_only', reason: 'no_reason', condition: { unsealed: false, ...fields } });
const AMOUNTS: ReadonlyArray<readonly [string, unknown]> = [
  ['an enormous amount', 1e11],
  ['an amount of 1e300', 1e300],
  ['an amount beyond 2^53', Number.MAX_SAFE_INTEGER + 2],
  ['a fractional amount', 19.5],
  ['an amount as text', '2000'],
];
const NUL = 'a\u0000b';

export const REFUND_WRITE_CASES: readonly WriteCase[] = [
  {
    route: '/v1/refunds',
    setup: cancelledOnFirstLine,
    url: '/v1/refunds',
    body: request({}),
    status: 201,
    other: { body: request({ amount: 1_000 }) },
    refusal: { body: refundBody('R2', 'O1'), status: 422, code: 'REFUND_NOT_ALLOWED' },
    badBodies: [
      ...AMOUNTS.map(([what, amount]) => [what, request({ amount })] as const),
      ['an unknown kind', request({ kind: 'exchange' })],
      ['an unknown reason', request({ reason: 'changed_mind' })],
      ['a refund id with a space', request({ refund: 'R 1' })],
      ['a missing gift with a negative price', condition({ giftsMissing: [{ name: '赠品', price: -100 }] })],
      ['a missing gift with a fractional price', condition({ giftsMissing: [{ name: '赠品', price: 0.5 }] })],
      ['a missing gift without a price', condition({ giftsMissing: [{ name: '赠品' }] })],
      ['a missing gift with an unknown field', condition({ giftsMissing: [{ name: '赠品', price: 1, qty: 2 }] })],
      ['a gift name of 201 characters', condition({ giftsMissing: [{ name: '赠'.repeat(201), price: 100 }] })],
      ['51 missing gifts', condition({ giftsMissing: Array.from({ length: 51 }, () => ({ name: 'g', price: 1 })) })],
      ['an unknown condition field', condition({ scratched: true })],
      ['unsealed as text', condition({ unsealed: 'yes' })],
      ['a condition that is a list', request({ condition: [] })],
    ],
  },
  {
    route: '/v1/refunds/{refund}/agree',
    setup: states(requested, refunded),
    url: '/v1/refunds/R1/agree',
    status: 200,
    other: { url: '/v1/refunds/R2/agree' },
    refusal: { url: '/v1/refunds/R2/agree', status: 409, code: 'REFUND_STATE_INVALID' },
  },
  {
    route: '/v1/refunds/{refund}/refuse',
    setup: states(requested, cancelled),
    url: '/v1/refunds/R1/refuse',
    body: { reason: '商品已发出，请拒收后再申请' },
    status: 200,
    other: { body: { reason: '与买家协商一致' } },
    refusal: { url: '/v1/refunds/R2/refuse', body: { reason: '已取消' }, status: 409, code: 'REFUND_STATE_INVALID' },
    badBodies: [
      ['a reason of 3,000 characters', { reason: '拒'.repeat(3_000) }],
      ['an empty reason', { reason: '' }],
      ['a reason with a NUL character', { reason: NUL }],
    ],
  },
  {
    route: '/v1/refunds/{refund}/resubmit',
    setup: states(refused),
    url: '/v1/refunds/R1/resubmit',
    status: 200,
    other: { body: { amount: 2_000 } },
    refusal: { body: { amount: 0 }, status: 422, code: 'REFUND_AMOUNT_INVALID' },
    badBodies: [
      ...AMOUNTS.map(([what, amount]) => [what, { amount }] as const),
      ['amount null', { amount: null }],
      ['an unknown field', { amount: 2_000, reason: 'again' }],
    ],
  },
  {
    route: '/v1/refunds/{refund}/ship-return',
    setup: states(awaitingReturn, returnRequested),
    url: '/v1/refunds/R1/ship-return',
    body: { method: 'express' },
    status: 200,
    other: { body: { method: 'post' } },
    refusal: {
      url: '/v1/refunds/R2/ship-return',
      body: { method: 'express' },
      status: 409,
      code: 'REFUND_STATE_INVALID',
    },
    badBodies: [
      ['an unknown method', { method: 'drone' }],
      ['virtual (orders only)', { method: 'virtual' }],
    ],
  },
  {
    route: '/v1/refunds/{refund}/confirm-return',
    setup: states(returnShipped, awaitingReturn),
    url: '/v1/refunds/R1/confirm-return',
    status: 200,
    other: { url: '/v1/refunds/R2/confirm-return' },
    refusal: { url: '/v1/refunds/R2/confirm-return', status: 409, code: 'REFUND_STATE_INVALID' },
  },
  {
    route: '/v1/refunds/{refund}/cancel',
    setup: states(requested, refunded),
    url: '/v1/refunds/R1/cancel',
    status: 200,
    other: { url: '/v1/refunds/R2/cancel' },
    refusal: { url: '/v1/refunds/R2/cancel', status: 409, code: 'REFUND_STATE_INVALID' },
  },
  {
    route: '/v1/refunds/{refund}/escalate',
    setup: states(refused, requested),
    url: '/v1/refunds/R1/escalate',
    status: 200,
    other: { url: '/v1/refunds/R2/escalate' },
    refusal: { url: '/v1/refunds/R2/escalate', status: 422, code: 'ESCALATION_NOT_ALLOWED' },
  },
  {
    route: '/v1/refunds/{refund}/evidence',
    setup: states(intervention, refused),
    url: '/v1/refunds/R1/evidence',
    body: { by: 'buyer', text: '聊天记录：卖家承诺缺货可退' },
    status: 200,
    other: { body: { by: 'seller', text: '物流单号 SF123' } },
    refusal: {
      url: '/v1/refunds/R2/evidence',
      body: { by: 'buyer', text: '截图' },
      status: 409,
      code: 'REFUND_STATE_INVALID',
    },
    badBodies: [
      ['an unknown party', { by: 'platform', text: '裁定' }],
      ['an empty text', { by: 'buyer', text: '' }],
      ['a text of 5,001 characters', { by: 'buyer', text: '证'.repeat(5_001) }],
      ['a text with a NUL character', { by: 'buyer', text: NUL }],
    ],
  },
  {
    route: '/v1/refunds/{refund}/settle',
    setup: states(intervention),
    url: '/v1/refunds/R1/settle',
    body: { amount: 2_000 },
    status: 200,
    other: { body: { amount: 1_000 } },
    refusal: { body: { amount: -5 }, status: 422, code: 'REFUND_AMOUNT_INVALID' },
    badBodies: AMOUNTS.map(([what, amount]) => [what, { amount }] as const),
  },
  {
    route: '/v1/refunds/{refund}/ruling',
    setup: states(awaitingRuling, intervention),
    url: '/v1/refunds/R1/ruling',
    body: { responsible: 'seller', amount: 3_900 },
    status: 200,
    other: { body: { responsible: 'none', amount: 0 } },
    refusal: {
      url: '/v1/refunds/R2/ruling',
      body: { responsible: 'seller', amount: 3_900 },
      status: 409,
      code: 'REFUND_STATE_INVALID',
    },
    badBodies: [
      ...AMOUNTS.map(([what, amount]) => [what, { responsible: 'seller', amount }] as const),
      ['an unknown responsible party', { responsible: 'platform', amount: 0 }],
      ['responsible null', { responsible: null, amount: 0 }],
    ],
  },
];

import { describe, expect, it } from 'vitest';
import { taobaoPolicy } from '../policy/taobao.js';
import { at, facts, line, request } from './refund-fixtures.test-support.js';
import { decideRefundRequest, type RefundRequest, type RefundRequestFacts } from './request-refund.js';

const NOW = at('2024-09-01T10:00:00+08:00');
const DELIVERED = at('2024-08-30T15:00:00+08:00'); // window until 2024-09-07T00:00+08:00
const SHIPPED = facts({ status: 'shipped', shipMethod: 'express', deliveredAt: DELIVERED });
const decide = (f: RefundRequestFacts, r: Partial<RefundRequest>, now = NOW) =>
  decideRefundRequest(f, request(r), now, taobaoPolicy);
const codeOf = (f: RefundRequestFacts, r: Partial<RefundRequest>, now = NOW) => {
  const result = decide(f, r, now);
  return result.ok ? 'ok' : result.code;
};

describe('decideRefundRequest', () => {
  const table: {
    name: string;
    facts: RefundRequestFacts;
    request?: Partial<RefundRequest>;
    now?: number;
    code: string;
  }[] = [
    { name: 'H: a paid order may be refunded', facts: facts(), code: 'ok' },
    { name: 'H: a placed (unpaid) order may not', facts: facts({ status: 'placed' }), code: 'REFUND_NOT_ALLOWED' },
    { name: 'H: a closed order may not', facts: facts({ status: 'closed' }), code: 'REFUND_NOT_ALLOWED' },
    {
      name: 'H: a successful order may (after-sales)',
      facts: facts({ status: 'success', successAt: NOW }),
      code: 'ok',
    },
    { name: 'H: an unknown line is NOT_FOUND', facts: facts(), request: { lineId: 'L9' }, code: 'NOT_FOUND' },
    { name: 'H: amount 0 is invalid', facts: facts(), request: { amount: 0 }, code: 'REFUND_AMOUNT_INVALID' },
    { name: 'H: a negative amount is invalid', facts: facts(), request: { amount: -5 }, code: 'REFUND_AMOUNT_INVALID' },
    {
      name: 'H: a fractional amount is invalid',
      facts: facts(),
      request: { amount: 10.5 },
      code: 'REFUND_AMOUNT_INVALID',
    },
    {
      name: 'H: an amount as text is invalid',
      facts: facts(),
      request: { amount: '100' as never },
      code: 'REFUND_AMOUNT_INVALID',
    },
    {
      name: 'H: an unknown reason fails validation',
      facts: facts(),
      request: { reason: 'bored' as never },
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'H: an unknown kind fails validation',
      facts: facts(),
      request: { kind: 'swap' as never },
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'H: return_refund before shipment is not allowed',
      facts: facts(),
      request: { kind: 'return_refund' },
      code: 'REFUND_NOT_ALLOWED',
    },
    {
      name: 'H3: return_refund after shipment is allowed',
      facts: SHIPPED,
      request: { kind: 'return_refund', reason: 'quality' },
      code: 'ok',
    },
    {
      name: 'H5: a line whose earlier request the buyer cancelled cannot be asked again',
      facts: facts({}, undefined, [{ lineId: 'L1', status: 'closed', outcome: 'cancelled', refunded: 0 }]),
      code: 'REFUND_NOT_ALLOWED',
    },
    {
      name: 'H5: a request closed by the buyer’s silence does not block a new one',
      facts: facts({}, undefined, [{ lineId: 'L1', status: 'closed', outcome: 'buyer_silent', refunded: 0 }]),
      code: 'ok',
    },
    {
      name: 'H1: a request closed by the shipment does not block a new one',
      facts: facts({}, undefined, [{ lineId: 'L1', status: 'closed', outcome: 'order_shipped', refunded: 0 }]),
      code: 'ok',
    },
    {
      name: 'H: one open request per line at a time',
      facts: facts({}, undefined, [{ lineId: 'L1', status: 'refused', outcome: null, refunded: 0 }]),
      code: 'REFUND_NOT_ALLOWED',
    },
    {
      name: 'H: an open request on another line does not block',
      facts: facts(
        {},
        [line('L1', 5_000), line('L2', 5_000)],
        [{ lineId: 'L2', status: 'requested', outcome: null, refunded: 0 }],
      ),
      code: 'ok',
    },
    {
      name: 'H: a line refunded in full has nothing left',
      facts: facts({}, undefined, [{ lineId: 'L1', status: 'refunded', outcome: 'agreed', refunded: 12_900 }]),
      code: 'REFUND_NOT_ALLOWED',
    },
    {
      name: 'H6: no_reason before shipment on a general line is accepted',
      facts: facts(),
      request: { reason: 'no_reason' },
      code: 'ok',
    },
    {
      name: 'H6: no_reason is refused on an uncovered line, even before shipment',
      facts: facts({}, [line('L1', 12_900, { category: 'custom_made' })]),
      request: { reason: 'no_reason' },
      code: 'RETURN_NOT_ELIGIBLE',
    },
    {
      name: 'K1: no_reason within the window',
      facts: SHIPPED,
      request: { reason: 'no_reason', kind: 'return_refund' },
      code: 'ok',
    },
    {
      name: 'K1: no_reason at the end of the window is refused',
      facts: SHIPPED,
      request: { reason: 'no_reason', kind: 'return_refund' },
      now: at('2024-09-07T00:00:00+08:00'),
      code: 'RETURN_WINDOW_CLOSED',
    },
    {
      name: 'K1: no_reason on goods shipped but not delivered is not eligible (window not open)',
      facts: facts({ status: 'shipped', shipMethod: 'express' }),
      request: { reason: 'no_reason', kind: 'return_refund' },
      code: 'RETURN_NOT_ELIGIBLE',
    },
    {
      name: 'K4: unsealed cosmetics are not eligible',
      facts: facts({ status: 'shipped', deliveredAt: DELIVERED }, [line('L1', 12_900, { category: 'cosmetics' })]),
      request: { reason: 'no_reason', kind: 'return_refund', condition: { unsealed: true } },
      code: 'RETURN_NOT_ELIGIBLE',
    },
    {
      name: 'K4: quality is not a no-reason return: unsealed cosmetics may be returned',
      facts: facts({ status: 'shipped', deliveredAt: DELIVERED }, [line('L1', 12_900, { category: 'cosmetics' })]),
      request: { reason: 'quality', kind: 'return_refund', condition: { unsealed: true } },
      code: 'ok',
    },
    {
      name: 'K6: gift prices must be fen',
      facts: SHIPPED,
      request: {
        reason: 'no_reason',
        kind: 'return_refund',
        condition: { giftsMissing: [{ name: 'mug', price: -1 }] },
      },
      code: 'VALIDATION_FAILED',
    },
  ];
  for (const c of table) it(c.name, () => expect(codeOf(c.facts, c.request ?? {}, c.now)).toBe(c.code));

  it('K7: the worked example through the request: ¥60 + ¥50, free over ¥99, fee ¥8 → maximum ¥52', () => {
    const f = facts({ status: 'shipped', deliveredAt: DELIVERED, shippingFeeFen: 800, freeShippingOverFen: 9_900 }, [
      line('L1', 6_000),
      line('L2', 5_000),
    ]);
    const result = decide(f, { reason: 'no_reason', kind: 'return_refund', amount: 6_000 });
    expect(result.ok && result.value.refund.maximum).toBe(5_200);
  });

  it('H: an earlier partial refund lowers the maximum of the next request', () => {
    const f = facts({}, undefined, [{ lineId: 'L1', status: 'refunded', outcome: 'agreed', refunded: 2_900 }]);
    const result = decide(f, {});
    expect(result.ok && result.value.refund.maximum).toBe(10_000);
  });

  const deadlines: { name: string; facts: RefundRequestFacts; request: Partial<RefundRequest>; due: string }[] = [
    { name: 'H1: 48 h before shipment', facts: facts(), request: {}, due: '2024-09-03T10:00:00+08:00' },
    { name: 'H2: 5 d after shipment', facts: SHIPPED, request: {}, due: '2024-09-06T10:00:00+08:00' },
    {
      name: 'H2: 3 d for virtual goods',
      facts: facts({ status: 'shipped', shipMethod: 'virtual' }),
      request: {},
      due: '2024-09-04T10:00:00+08:00',
    },
    {
      name: 'H3: 5 d to agree to a return',
      facts: SHIPPED,
      request: { kind: 'return_refund', reason: 'quality' },
      due: '2024-09-06T10:00:00+08:00',
    },
  ];
  for (const d of deadlines) {
    it(`${d.name}: the seller deadline is a keyed timer`, () => {
      const result = decide(d.facts, d.request);
      if (!result.ok) throw new Error(result.code);
      expect(result.value.refund).toMatchObject({ status: 'requested', deadlineAt: at(d.due), requestedAt: NOW });
      expect(result.value.timers).toEqual([
        { type: 'set', kind: 'refund.seller_deadline', ref: 'R1', dueAt: at(d.due) },
      ]);
      expect(result.value.events.map((e) => e.type)).toEqual(['refund.requested']);
    });
  }
});

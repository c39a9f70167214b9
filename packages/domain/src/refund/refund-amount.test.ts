import { describe, expect, it } from 'vitest';
import { taobaoPolicy } from '../policy/taobao.js';
import { apportionShipping, maximumRefund, type RefundAmountOrder, refundedAmount } from './refund-amount.js';
import type { RefundReason, ReturnCondition } from './refund-state.js';

const lines = (...amounts: number[]) =>
  amounts.map((amountFen, i) => ({ lineId: `L${i + 1}`, amountFen, invoiceTaxFen: 300 }));
/** rules.md's example: ¥60 + ¥50, free shipping over ¥99, standard fee ¥8. */
const EXAMPLE: RefundAmountOrder = { lines: lines(6_000, 5_000), shippingFeeFen: 800, freeShippingOverFen: 9_900 };
/** ¥60 + ¥40 with ¥10 shipping paid (no free-shipping offer). */
const PAID_SHIPPING: RefundAmountOrder = {
  lines: lines(6_000, 4_000),
  shippingFeeFen: 1_000,
  freeShippingOverFen: null,
};

interface Case {
  name: string;
  order: RefundAmountOrder;
  line: string;
  reason: RefundReason;
  condition?: ReturnCondition;
  maximum: number;
}

const cases: Case[] = [
  {
    name: 'K7: the worked example: the ¥60 line returned without reason → ¥52',
    order: EXAMPLE,
    line: 'L1',
    reason: 'no_reason',
    maximum: 5_200,
  },
  {
    name: 'K7: the ¥50 line returned without reason: ¥60 kept is below ¥99 too → ¥42',
    order: EXAMPLE,
    line: 'L2',
    reason: 'no_reason',
    maximum: 4_200,
  },
  {
    name: 'K7: a seller-fault return of a free-shipping order: no outbound fee was paid → ¥60',
    order: EXAMPLE,
    line: 'L1',
    reason: 'quality',
    maximum: 6_000,
  },
  {
    name: 'K7: a buyer reason other than no_reason: no threshold fee → ¥60',
    order: EXAMPLE,
    line: 'L1',
    reason: 'other',
    maximum: 6_000,
  },
  {
    name: 'K7: quality → the line plus its shipping share (60 % of ¥10)',
    order: PAID_SHIPPING,
    line: 'L1',
    reason: 'quality',
    maximum: 6_600,
  },
  {
    name: 'K7: not as described → the share of the last line',
    order: PAID_SHIPPING,
    line: 'L2',
    reason: 'not_as_described',
    maximum: 4_400,
  },
  {
    name: 'K7: counterfeit → line plus share',
    order: PAID_SHIPPING,
    line: 'L1',
    reason: 'counterfeit',
    maximum: 6_600,
  },
  {
    name: 'K7: the buyer’s reason on paid shipping → the outbound fee is not refunded',
    order: PAID_SHIPPING,
    line: 'L1',
    reason: 'no_reason',
    maximum: 6_000,
  },
  {
    name: 'K7: still at or above the threshold after the return → no fee',
    order: { lines: lines(10_000, 9_900), shippingFeeFen: 800, freeShippingOverFen: 9_900 },
    line: 'L1',
    reason: 'no_reason',
    maximum: 10_000,
  },
  {
    name: 'K7: an earlier return already broke the threshold → the fee is not deducted twice',
    order: { ...EXAMPLE, lines: [{ ...EXAMPLE.lines[0]!, refundedFen: 5_200 }, EXAMPLE.lines[1]!] },
    line: 'L2',
    reason: 'no_reason',
    maximum: 5_000,
  },
  {
    name: 'K6: missing gifts deduct their stated price (no-reason)',
    order: PAID_SHIPPING,
    line: 'L1',
    reason: 'no_reason',
    condition: {
      giftsMissing: [
        { name: 'mug', price: 500 },
        { name: 'pen', price: 150 },
      ],
    },
    maximum: 5_350,
  },
  {
    name: 'K6: a missing invoice deducts the line’s tax (no-reason)',
    order: PAID_SHIPPING,
    line: 'L1',
    reason: 'no_reason',
    condition: { invoiceMissing: true },
    maximum: 5_700,
  },
  {
    name: 'K6: deductions apply to no-reason returns only',
    order: PAID_SHIPPING,
    line: 'L1',
    reason: 'quality',
    condition: { invoiceMissing: true, giftsMissing: [{ name: 'mug', price: 500 }] },
    maximum: 6_600,
  },
  {
    name: 'K6: deductions never take the maximum below 0',
    order: PAID_SHIPPING,
    line: 'L1',
    reason: 'no_reason',
    condition: { giftsMissing: [{ name: 'gold', price: 99_999 }] },
    maximum: 0,
  },
];

describe('maximumRefund', () => {
  for (const c of cases) {
    it(c.name, () => {
      expect(maximumRefund(c.order, c.line, c.reason, c.condition, taobaoPolicy).maximum).toBe(c.maximum);
    });
  }

  it('K6/K7: the breakdown explains the example', () => {
    expect(maximumRefund(EXAMPLE, 'L1', 'no_reason', { invoiceMissing: true }, taobaoPolicy)).toEqual({
      maximum: 4_900,
      lineAmount: 6_000,
      shippingShare: 0,
      giftsDeduction: 0,
      invoiceDeduction: 300,
      thresholdFee: 800,
      alreadyRefunded: 0,
    });
  });

  it('H: a line never refunds more than it cost across requests', () => {
    const order = {
      ...PAID_SHIPPING,
      lines: [{ ...PAID_SHIPPING.lines[0]!, refundedFen: 2_000 }, PAID_SHIPPING.lines[1]!],
    };
    expect(maximumRefund(order, 'L1', 'other', undefined, taobaoPolicy).maximum).toBe(4_000);
  });
});

describe('apportionShipping', () => {
  const shares: { name: string; amounts: number[]; shipping: number; shares: number[] }[] = [
    { name: 'K7: by goods amount', amounts: [6_000, 4_000], shipping: 1_000, shares: [600, 400] },
    {
      name: 'K7: rounded down, the remainder to the last line',
      amounts: [1_000, 1_000, 1_000],
      shipping: 1_000,
      shares: [333, 333, 334],
    },
    { name: 'K7: one line takes it all', amounts: [12_900], shipping: 1_000, shares: [1_000] },
    { name: 'K7: free lines (0 goods) give it all to the last line', amounts: [0, 0], shipping: 800, shares: [0, 800] },
  ];
  for (const s of shares) {
    it(s.name, () => expect(apportionShipping(lines(...s.amounts), s.shipping)).toEqual(s.shares));
  }
});

describe('refundedAmount', () => {
  it('K: min(amount, maximum)', () => {
    expect(refundedAmount(8_000, 5_200)).toBe(5_200);
    expect(refundedAmount(3_000, 5_200)).toBe(3_000);
  });
});

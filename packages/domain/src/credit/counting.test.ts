import { describe, expect, it } from 'vitest';
import { taobaoPolicy } from '../policy/taobao.js';
import { DAY_MS } from '../shared/time.js';
import {
  type CountableReview,
  type CreditDecision,
  compareCountingOrder,
  decidePairCredit,
  describeCreditRule,
} from './counting.js';

const at = (iso: string) => Date.parse(iso);

/** One buyer review of one line; each review is given 5 days after its order by default. */
function review(orderId: string, fields: Partial<CountableReview> & { created?: string } = {}): CountableReview {
  const { created = '2024-09-02T20:00:00+08:00', ...rest } = fields;
  const orderCreatedAt = rest.orderCreatedAt ?? at(created);
  const lineId = rest.lineId ?? 'L1';
  return {
    key: `${orderId}/${lineId}/buyer`,
    orderId,
    lineId,
    itemId: `item-of-${orderId}`,
    orderCreatedAt,
    lineAmountFen: 5_000,
    rating: 'good',
    effectiveAt: orderCreatedAt + 5 * DAY_MS,
    deleted: false,
    ...rest,
  };
}

function decide(reviews: readonly CountableReview[]) {
  const decisions = decidePairCredit(reviews, taobaoPolicy);
  const byKey = new Map<string, CreditDecision>(decisions.map((d) => [d.key, d]));
  const of = (orderId: string, lineId = 'L1') => byKey.get(`${orderId}/${lineId}/buyer`)!;
  const total = decisions.reduce((sum, d) => sum + d.points, 0);
  return { decisions, of, total, rules: decisions.map((d) => d.rule) };
}

/** Orders O1…On created on consecutive days from `first`, all good, distinct items. */
function goods(count: number, first: string, prefix = 'O'): CountableReview[] {
  return Array.from({ length: count }, (_, i) =>
    review(`${prefix}${i + 1}`, { orderCreatedAt: at(first) + i * DAY_MS }),
  );
}

describe('decidePairCredit: A1 points', () => {
  for (const { rating, points } of [
    { rating: 'good', points: 1 },
    { rating: 'neutral', points: 0 },
    { rating: 'bad', points: -1 },
  ] as const) {
    it(`A1: a counted ${rating} review is worth ${points}`, () => {
      const [d] = decidePairCredit([review('O1', { rating })], taobaoPolicy);
      expect(d).toEqual({ key: 'O1/L1/buyer', counted: true, points, rule: 'A1' });
    });
  }

  it('A1: ten neutrals of the same item in one month all count, for 0 points', () => {
    const neutrals = Array.from({ length: 10 }, (_, i) =>
      review(`O${i + 1}`, { rating: 'neutral', itemId: 'I1', orderCreatedAt: at('2024-09-02T10:00:00+08:00') + i }),
    );
    const { decisions, total } = decide(neutrals);
    expect(decisions.every((d) => d.counted && d.rule === 'A1' && d.points === 0)).toBe(true);
    expect(total).toBe(0);
  });
});

describe('decidePairCredit: A3 monthly cap', () => {
  it('A3: the official example: six goods in September, two of the same item 4 days apart → +5', () => {
    const reviews = [
      review('O1', { itemId: 'I1', created: '2024-09-01T10:00:00+08:00' }),
      review('O2', { itemId: 'I2', created: '2024-09-03T10:00:00+08:00' }),
      review('O3', { itemId: 'I1', created: '2024-09-05T10:00:00+08:00' }),
      review('O4', { itemId: 'I3', created: '2024-09-10T10:00:00+08:00' }),
      review('O5', { itemId: 'I4', created: '2024-09-15T10:00:00+08:00' }),
      review('O6', { itemId: 'I5', created: '2024-09-20T10:00:00+08:00' }),
    ];
    const { of, total } = decide(reviews);
    expect(total).toBe(5);
    expect(of('O3')).toMatchObject({ counted: false, points: 0, rule: 'A4' });
  });

  for (const { n, counted, rule, total } of [
    { n: 6, counted: true, rule: 'A1', total: 6 },
    { n: 7, counted: false, rule: 'A3', total: 6 },
  ]) {
    it(`A3: good number ${n} of a pair in one month: counted ${counted} (${rule})`, () => {
      const { of, total: sum } = decide(goods(n, '2024-09-01T10:00:00+08:00'));
      expect(of(`O${n}`)).toMatchObject({ counted, rule, points: counted ? 1 : 0 });
      expect(sum).toBe(total);
    });
  }

  it('A3: the cap counts by the month of order creation, not of the review', () => {
    // Six August orders reviewed in September, then a September order: all seven count.
    const august = goods(6, '2024-08-25T10:00:00+08:00', 'A').map((r) => ({
      ...r,
      effectiveAt: at('2024-09-10T10:00:00+08:00'),
    }));
    const september = review('S1', {
      created: '2024-09-01T10:00:00+08:00',
      effectiveAt: at('2024-09-05T10:00:00+08:00'),
    });
    expect(decide([...august, september]).total).toBe(7);

    // Seven September orders, some reviewed in October: the seventh is still capped.
    const reviewedLate = goods(7, '2024-09-20T10:00:00+08:00').map((r, i) => ({
      ...r,
      effectiveAt: at('2024-10-02T10:00:00+08:00') + i,
    }));
    const { of, total } = decide(reviewedLate);
    expect(total).toBe(6);
    expect(of('O7').rule).toBe('A3');
  });

  it('A3: the month is the Shanghai month (an order at 2024-08-31T16:30Z is September)', () => {
    const september = goods(6, '2024-09-05T10:00:00+08:00');
    const edge = review('E1', {
      orderCreatedAt: at('2024-08-31T16:30:00Z'),
      effectiveAt: at('2024-09-30T10:00:00+08:00'),
    });
    expect(decide([...september, edge]).of('E1').rule).toBe('A3');
    const august = review('E2', {
      orderCreatedAt: at('2024-08-31T15:59:59Z'),
      effectiveAt: at('2024-09-30T10:00:00+08:00'),
    });
    expect(decide([...september, august]).of('E2').rule).toBe('A1');
  });

  it('A3: bad reviews are never capped', () => {
    const bads = goods(8, '2024-09-01T10:00:00+08:00').map((r) => ({ ...r, rating: 'bad' as const }));
    expect(decide(bads).total).toBe(-8);
  });

  it('A3: a capped good does not count toward the good-review rate', () => {
    const { of } = decide(goods(7, '2024-09-01T10:00:00+08:00'));
    expect(of('O7').counted).toBe(false);
  });
});

describe('decidePairCredit: A4 same item within 14 days', () => {
  const first = at('2024-09-01T10:00:00+08:00');
  for (const { rating, gap, apart, counted, total } of [
    { rating: 'good', gap: 14 * DAY_MS, apart: 'exactly 14×24 h', counted: true, total: 2 },
    { rating: 'good', gap: 14 * DAY_MS - 1, apart: '14×24 h − 1 ms', counted: false, total: 1 },
    { rating: 'bad', gap: 14 * DAY_MS, apart: 'exactly 14×24 h', counted: true, total: -2 },
    { rating: 'bad', gap: 14 * DAY_MS - 1, apart: '14×24 h − 1 ms', counted: false, total: -1 },
  ] as const) {
    it(`A4: a second ${rating} of the same item with orders ${apart} apart: counted ${counted}`, () => {
      const reviews = [
        review('O1', { rating, itemId: 'I1', orderCreatedAt: first }),
        review('O2', { rating, itemId: 'I1', orderCreatedAt: first + gap }),
      ];
      const { of, total: sum } = decide(reviews);
      expect(of('O2')).toMatchObject({ counted, rule: counted ? 'A1' : 'A4' });
      expect(sum).toBe(total);
    });
  }

  it('A4: the distance is |Δ| of order creation: an earlier order reviewed later is blocked too', () => {
    const reviews = [
      review('O1', { itemId: 'I1', orderCreatedAt: first + 3 * DAY_MS, effectiveAt: first + 5 * DAY_MS }),
      review('O2', { itemId: 'I1', orderCreatedAt: first, effectiveAt: first + 9 * DAY_MS }),
    ];
    const { of } = decide(reviews);
    expect(of('O1').rule).toBe('A1');
    expect(of('O2').rule).toBe('A4');
  });

  it('A4: a good and a bad of the same item do not block each other', () => {
    const reviews = [
      review('O1', { itemId: 'I1', orderCreatedAt: first }),
      review('O2', { itemId: 'I1', orderCreatedAt: first + DAY_MS, rating: 'bad' }),
    ];
    expect(decide(reviews).rules).toEqual(['A1', 'A1']);
  });

  it('A4: different items within 14 days both count', () => {
    const reviews = [
      review('O1', { itemId: 'I1', orderCreatedAt: first }),
      review('O2', { itemId: 'I2', orderCreatedAt: first + DAY_MS }),
    ];
    expect(decide(reviews).total).toBe(2);
  });

  it('A4 before A3: an A4-blocked good does not consume the month cap', () => {
    // Seven September goods, O2 repeating O1's item: O2 is discarded by A4, so O7 is the 6th counted.
    const seven = goods(7, '2024-09-01T10:00:00+08:00').map((r) =>
      r.orderId === 'O2' ? { ...r, itemId: r.itemId.replace('O2', 'O1') } : r,
    );
    const { of, total } = decide(seven);
    expect(of('O2').rule).toBe('A4');
    expect(of('O7').rule).toBe('A1');
    expect(total).toBe(6);
    const eighth = review('O8', { orderCreatedAt: first + 7 * DAY_MS });
    expect(decide([...seven, eighth]).of('O8').rule).toBe('A3');
  });

  it('A4: a capped (uncounted) good does not block a later same-item good', () => {
    const capped = goods(7, '2024-09-20T10:00:00+08:00').map((r) => (r.orderId === 'O7' ? { ...r, itemId: 'I1' } : r));
    // N1 (October, no cap) was ordered 5 days after the capped O7, same item.
    const october = review('N1', { itemId: 'I1', created: '2024-10-01T10:00:00+08:00' });
    const { of } = decide([...capped, october]);
    expect(of('O7').rule).toBe('A3');
    expect(of('N1').rule).toBe('A1');
  });
});

describe('decidePairCredit: A6 small lines', () => {
  for (const { rating, fen, counted, rule } of [
    { rating: 'good', fen: 100, counted: false, rule: 'A6' },
    { rating: 'good', fen: 101, counted: true, rule: 'A1' },
    { rating: 'bad', fen: 100, counted: false, rule: 'A6' },
    { rating: 'bad', fen: 101, counted: true, rule: 'A1' },
    { rating: 'neutral', fen: 1, counted: false, rule: 'A6' },
  ] as const) {
    it(`A6: a ${rating} on a line of ${fen} fen: counted ${counted}`, () => {
      const [d] = decidePairCredit([review('O1', { rating, lineAmountFen: fen })], taobaoPolicy);
      expect(d).toMatchObject({ counted, rule, points: counted ? taobaoPolicy.credit.points[rating] : 0 });
    });
  }

  it('A6: an uncounted small line neither blocks (A4) nor uses the cap (A3)', () => {
    const small = review('O0', { itemId: 'I1', lineAmountFen: 100, created: '2024-09-01T09:00:00+08:00' });
    const rest = goods(6, '2024-09-01T10:00:00+08:00').map((r) => (r.orderId === 'O1' ? { ...r, itemId: 'I1' } : r));
    expect(decide([small, ...rest]).total).toBe(6);
  });
});

describe('decidePairCredit: A9 deletion and modification', () => {
  const first = at('2024-09-01T10:00:00+08:00');
  it('A9: a deleted review contributes nothing', () => {
    const [d] = decidePairCredit([review('O1', { rating: 'bad', deleted: true })], taobaoPolicy);
    expect(d).toEqual({ key: 'O1/L1/buyer', counted: false, points: 0, rule: 'deleted' });
  });

  it('A9: deleting a review frees a same-item review it blocked under A4', () => {
    const blocker = review('O1', { rating: 'bad', itemId: 'I1', orderCreatedAt: first });
    const blocked = review('O2', { rating: 'bad', itemId: 'I1', orderCreatedAt: first + 3 * DAY_MS });
    expect(decide([blocker, blocked]).of('O2').rule).toBe('A4');
    const { of, total } = decide([{ ...blocker, deleted: true }, blocked]);
    expect(of('O2').rule).toBe('A1');
    expect(total).toBe(-1);
  });

  it('A9: a modified review is re-evaluated at its modification instant, keeping its order creation time', () => {
    // O1 was bad, changed to good on day 20; O2 (same item, 3 days later) was good on day 8.
    const modified = review('O1', { itemId: 'I1', orderCreatedAt: first, effectiveAt: first + 20 * DAY_MS });
    const other = review('O2', { itemId: 'I1', orderCreatedAt: first + 3 * DAY_MS, effectiveAt: first + 8 * DAY_MS });
    const { of, total } = decide([modified, other]);
    expect(of('O2').rule).toBe('A1');
    expect(of('O1').rule).toBe('A4');
    expect(total).toBe(1);
  });
});

describe('counting order', () => {
  const t = at('2024-09-10T10:00:00+08:00');
  const base = { itemId: 'I1', orderCreatedAt: at('2024-09-01T10:00:00+08:00') };
  for (const { a, b, name } of [
    {
      name: 'the earlier effectiveAt counts first, whatever the ids',
      a: review('O9', { ...base, effectiveAt: t }),
      b: review('O1', { ...base, effectiveAt: t + 1 }),
    },
    {
      name: 'same effectiveAt: the smaller order id first',
      a: review('O1', { ...base, effectiveAt: t }),
      b: review('O2', { ...base, effectiveAt: t }),
    },
    {
      name: 'same effectiveAt and order: the smaller line id first',
      a: review('O1', { ...base, lineId: 'L1', effectiveAt: t }),
      b: review('O1', { ...base, lineId: 'L2', effectiveAt: t }),
    },
  ]) {
    it(`A: ${name}`, () => {
      expect(compareCountingOrder(a, b)).toBeLessThan(0);
      expect(compareCountingOrder(b, a)).toBeGreaterThan(0);
      expect(compareCountingOrder(a, a)).toBe(0);
      // Same item within 14 days: the one considered first counts, the other is blocked (A4).
      const decisions = decidePairCredit([b, a], taobaoPolicy);
      expect(decisions.map((d) => [d.key, d.rule])).toEqual([
        [a.key, 'A1'],
        [b.key, 'A4'],
      ]);
    });
  }

  it('A: the result does not depend on the order of the input', () => {
    const reviews = [
      ...goods(8, '2024-09-01T10:00:00+08:00').map((r, i) => ({ ...r, itemId: `I${i % 3}`, effectiveAt: t + (i % 4) })),
      review('B1', { rating: 'bad', itemId: 'I0', effectiveAt: t }),
      review('B2', { rating: 'bad', itemId: 'I0', created: '2024-09-03T10:00:00+08:00', effectiveAt: t }),
      review('N1', { rating: 'neutral', itemId: 'I0', effectiveAt: t }),
      review('D1', { itemId: 'I1', deleted: true, effectiveAt: t - 1 }),
      review('S1', { lineAmountFen: 99, effectiveAt: t }),
    ];
    const expected = decidePairCredit(reviews, taobaoPolicy);
    const orderings = [
      [...reviews].reverse(),
      ...reviews.map((_, i) => [...reviews.slice(i), ...reviews.slice(0, i)]),
      [...reviews].sort((x, y) => (x.key < y.key ? 1 : -1)),
    ];
    for (const ordering of orderings) expect(decidePairCredit(ordering, taobaoPolicy)).toEqual(expected);
  });
});

describe('describeCreditRule', () => {
  for (const { rule, rating, text } of [
    { rule: 'A1', rating: 'good', text: 'good review counted: +1' },
    { rule: 'A1', rating: 'neutral', text: 'neutral review counted: +0' },
    { rule: 'A1', rating: 'bad', text: 'bad review counted: -1' },
    { rule: 'A3', rating: 'good', text: 'not counted: already 6 positive points' },
    { rule: 'A4', rating: 'bad', text: 'same item rated bad by this pair within 14 days' },
    { rule: 'A6', rating: 'good', text: 'at most 100 fen' },
    { rule: 'deleted', rating: 'bad', text: 'the review was deleted' },
  ] as const) {
    it(`${rule}: the ledger reason for a ${rating} names the rule`, () => {
      expect(describeCreditRule(rule, rating, taobaoPolicy)).toContain(text);
    });
  }
});

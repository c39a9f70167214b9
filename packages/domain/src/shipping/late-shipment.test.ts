import { describe, expect, it } from 'vitest';
import { taobaoPolicy } from '../policy/taobao.js';
import { taobao2015Policy } from '../policy/taobao-2015.js';
import {
  compensationAtShipDeadline,
  isShippedLate,
  lateShipmentCompensation,
  promisedShipDeadline,
  type ShipPromiseFacts,
  shipDeadlineTimer,
} from './late-shipment.js';

const at = (iso: string) => Date.parse(iso);
// b-late-shipment: paid 2024-11-11 00:10, 48 h promise, goods 30,000 fen (+1,000 shipping, excluded).
const PAID_AT = at('2024-11-11T00:10:00+08:00');
const DEADLINE = at('2024-11-13T00:10:00+08:00');
const order = (fields: Partial<ShipPromiseFacts> = {}): ShipPromiseFacts => ({
  orderId: 'PO13',
  status: 'paid',
  paidAt: PAID_AT,
  promisedShipHours: 48,
  lines: [{ amountFen: 30_000 }],
  ...fields,
});

describe('L1: the shipping promise', () => {
  it('L1: the deadline is payment + the promised hours', () => {
    expect(promisedShipDeadline(PAID_AT, 48)).toBe(DEADLINE);
    expect(promisedShipDeadline(PAID_AT, 72)).toBe(at('2024-11-14T00:10:00+08:00'));
  });
  it('L1: the deadline is a keyed timer on the order', () => {
    expect(shipDeadlineTimer('PO13', PAID_AT, 48)).toEqual({
      type: 'set',
      kind: 'order.ship_deadline',
      ref: 'PO13',
      dueAt: DEADLINE,
    });
  });
  it('L1: shipping at exactly the deadline is late; 1 ms before is on time', () => {
    expect(isShippedLate(PAID_AT, 48, DEADLINE)).toBe(true);
    expect(isShippedLate(PAID_AT, 48, DEADLINE - 1)).toBe(false);
  });
});

describe('L3: compensation', () => {
  const amounts: { name: string; goods: number; taobao: number; taobao2015: number }[] = [
    { name: 'the example: 30,000 fen of goods', goods: 30_000, taobao: 3_000, taobao2015: 1_500 },
    { name: 'small orders get the minimum', goods: 1_000, taobao: 500, taobao2015: 500 },
    { name: 'large orders are capped', goods: 200_000, taobao: 10_000, taobao2015: 3_000 },
    { name: 'half a fen rounds up', goods: 12_345, taobao: 1_235, taobao2015: 617 },
  ];
  for (const a of amounts) {
    it(`L3: ${a.name} → ${a.taobao} (2019 rule), ${a.taobao2015} (2015 rule)`, () => {
      expect(lateShipmentCompensation(a.goods, taobaoPolicy)).toBe(a.taobao);
      expect(lateShipmentCompensation(a.goods, taobao2015Policy)).toBe(a.taobao2015);
    });
  }

  const timers: { name: string; order: ShipPromiseFacts; now: number; amount: number | null }[] = [
    { name: 'still unshipped at the deadline → compensated', order: order(), now: DEADLINE, amount: 3_000 },
    {
      name: 'shipping is excluded, lines are summed',
      order: order({ lines: [{ amountFen: 20_000 }, { amountFen: 10_000 }] }),
      now: DEADLINE,
      amount: 3_000,
    },
    { name: 'a timer fired early → nothing', order: order(), now: DEADLINE - 1, amount: null },
    { name: 'shipped before the deadline → nothing', order: order({ status: 'shipped' }), now: DEADLINE, amount: null },
    { name: 'closed before the deadline → nothing', order: order({ status: 'closed' }), now: DEADLINE, amount: null },
  ];
  for (const t of timers) {
    it(`L3: ${t.name}`, () => {
      const result = compensationAtShipDeadline(t.order, t.now, taobaoPolicy);
      expect(result).toEqual(t.amount === null ? null : { orderId: 'PO13', kind: 'late_shipment', amount: t.amount });
    });
  }
});

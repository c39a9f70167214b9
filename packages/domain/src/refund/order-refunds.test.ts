import { describe, expect, it } from 'vitest';
import { isOrderFullyRefunded } from './order-refunds.js';

const lines = [
  { lineId: 'L1', amountFen: 6_000 },
  { lineId: 'L2', amountFen: 5_000 },
];
type R = Parameters<typeof isOrderFullyRefunded>[1][number];
const refund = (lineId: string, refunded: number, fields: Partial<R> = {}): R => ({
  lineId,
  kind: 'refund_only',
  status: 'refunded',
  refunded,
  ...fields,
});

describe('isOrderFullyRefunded', () => {
  const cases: { name: string; refunds: R[]; full: boolean }[] = [
    {
      name: 'H: every line refunded in full closes the order',
      refunds: [refund('L1', 6_000), refund('L2', 5_000)],
      full: true,
    },
    { name: 'H: one line left → the order stays', refunds: [refund('L1', 6_000)], full: false },
    { name: 'H: a partial refund keeps the line', refunds: [refund('L1', 6_000), refund('L2', 2_000)], full: false },
    {
      name: 'H: two partial refunds reaching the amount complete the line',
      refunds: [refund('L1', 6_000), refund('L2', 2_000), refund('L2', 3_000)],
      full: true,
    },
    {
      name: 'K7: a return refunded less its deductions still gave the goods back',
      refunds: [refund('L1', 5_200, { kind: 'return_refund' }), refund('L2', 5_000, { kind: 'return_refund' })],
      full: true,
    },
    {
      name: 'H: an open or closed request refunds nothing',
      refunds: [refund('L1', 6_000), refund('L2', 0, { status: 'closed' })],
      full: false,
    },
  ];
  for (const c of cases) it(c.name, () => expect(isOrderFullyRefunded(lines, c.refunds)).toBe(c.full));
});

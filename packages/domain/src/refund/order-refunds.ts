import type { Fen } from '../shared/money.js';
import type { RefundState } from './refund-state.js';

/**
 * Whether every line of an order is refunded in full, which closes the order (rules.md H, replay.md
 * Precisions). A line counts when its refunds reach its goods amount, or when its goods went back
 * in a successful return even if K6/K7 deductions lowered the amount (Decision).
 */
export function isOrderFullyRefunded(
  lines: readonly { readonly lineId: string; readonly amountFen: Fen }[],
  refunds: readonly Pick<RefundState, 'lineId' | 'kind' | 'status' | 'refunded'>[],
): boolean {
  return (
    lines.length > 0 &&
    lines.every((line) => {
      const done = refunds.filter((r) => r.lineId === line.lineId && r.status === 'refunded');
      const total = done.reduce((sum, r) => sum + r.refunded, 0);
      return total >= line.amountFen || done.some((r) => r.kind === 'return_refund');
    })
  );
}

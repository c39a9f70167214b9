import { listInterventions } from '../../db/refunds.repository.js';
import type { AppContext } from '../context.js';
import { iso } from './views.js';

/** I3: the staff queue, ordered by ruling SLA (4–6 working days after escalation). */
export async function listInterventionQueue(ctx: AppContext, limit: number) {
  const now = ctx.clock.now();
  const rows = await listInterventions(ctx.db, limit);
  return {
    cases: rows.map(({ sellerId, buyerId, title, state }) => ({
      refund: state.refundId,
      order: state.orderId,
      line: state.lineId,
      title,
      seller: sellerId,
      buyer: buyerId,
      kind: state.kind,
      reason: state.reason,
      requested: state.requestedAmount,
      escalatedAt: iso(state.escalatedAt),
      evidenceOpenUntil: state.evidenceClosed ? null : iso(state.deadlineAt),
      rulingDueFrom: iso(state.rulingDueFrom),
      rulingDueBy: iso(state.rulingDueBy),
      overdue: state.rulingDueBy !== null && now > state.rulingDueBy,
    })),
  };
}

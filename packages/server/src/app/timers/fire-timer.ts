import { ok, REFUND_TIMER_ACTIONS, type Result } from '@xinyu/domain';
import type { DueTimer } from '../../db/timers.repository.js';
import type { UnitOfWork } from '../context.js';
import { advanceOrder } from '../orders/advance-order.js';
import { compensateLateShipment } from '../orders/compensate-late-shipment.js';
import { changeRefund } from '../refunds/change-refund.js';
import { createDefaultReviews } from '../reviews/create-default-reviews.js';

/**
 * Runs what a due timer stands for, at the timer's own instant. Idempotent: a timer whose subject
 * moved on (order already confirmed, refund already answered) does nothing and is consumed.
 */
export async function fireTimer(uow: UnitOfWork, timer: DueTimer): Promise<Result<{ fired: string }>> {
  const fired = ok({ fired: `${timer.kind}:${timer.ref}` });
  switch (timer.kind) {
    case 'order.auto_confirm': {
      const result = await advanceOrder(uow, timer.ref, { action: 'auto_confirm' });
      // A refusal here means the order no longer awaits confirmation: nothing to do.
      return result.ok || result.code === 'ORDER_STATE_INVALID' ? fired : result;
    }
    case 'review.window_end': {
      const result = await createDefaultReviews(uow, timer.ref);
      return result.ok ? fired : result;
    }
    case 'order.ship_deadline': {
      const result = await compensateLateShipment(uow, timer.ref);
      return result.ok ? fired : result;
    }
    case 'refund.seller_deadline':
    case 'refund.buyer_deadline':
    case 'refund.evidence_deadline': {
      const action = REFUND_TIMER_ACTIONS[timer.kind];
      const result = await changeRefund(uow, timer.ref, { action });
      // The refund moved on before its deadline (a stale timer): nothing to do.
      return result.ok || result.code === 'REFUND_STATE_INVALID' ? fired : result;
    }
    default:
      throw new Error(`no handler for timer kind ${timer.kind}`);
  }
}

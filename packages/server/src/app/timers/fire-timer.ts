import { ok, type Result } from '@xinyu/domain';
import type { DueTimer } from '../../db/timers.repository.js';
import type { UnitOfWork } from '../context.js';
import { advanceOrder } from '../orders/advance-order.js';
import { createDefaultReviews } from '../reviews/create-default-reviews.js';

/**
 * Runs what a due timer stands for, at the timer's own instant. Idempotent: a timer whose subject
 * moved on (order already confirmed or closed) does nothing and is consumed.
 */
export async function fireTimer(uow: UnitOfWork, timer: DueTimer): Promise<Result<{ fired: string }>> {
  const fired = `${timer.kind}:${timer.ref}`;
  switch (timer.kind) {
    case 'order.auto_confirm': {
      const result = await advanceOrder(uow, timer.ref, { action: 'auto_confirm' });
      // A refusal here means the order no longer awaits confirmation: nothing to do.
      return result.ok || result.code === 'ORDER_STATE_INVALID' ? ok({ fired }) : result;
    }
    case 'review.window_end': {
      const result = await createDefaultReviews(uow, timer.ref);
      return result.ok ? ok({ fired }) : result;
    }
    default:
      throw new Error(`no handler for timer kind ${timer.kind}`);
  }
}

import {
  isOrderFullyRefunded,
  isRefundOpen,
  ok,
  type RefundCommand,
  type RefundState,
  type Result,
  refuse,
  resumeAutoConfirm,
  transitionOrder,
  transitionRefund,
} from '@xinyu/domain';
import { loadLines, loadOrder, saveOrderState } from '../../db/orders.repository.js';
import {
  insertEvidence,
  loadOrderRefunds,
  loadRefund,
  type StoredAttachment,
  saveRefund,
} from '../../db/refunds.repository.js';
import type { UnitOfWork } from '../context.js';
import { type RefundOutcome, refundOutcome } from './refund-outcome.js';

/**
 * Applies one command to a refund (H, I): load, let the domain decide, save with its events and
 * timers. When the refund ends, the order follows: a full refund of every line closes it, otherwise
 * its auto-confirmation resumes, moved by the paused time (G2).
 */
export async function changeRefund(
  uow: UnitOfWork,
  refundId: string,
  command: RefundCommand,
  attachments: readonly StoredAttachment[] = [],
): Promise<Result<RefundOutcome>> {
  const stored = await loadRefund(uow.tx, refundId);
  if (!stored) return refuse('NOT_FOUND', `refund ${refundId} does not exist`);
  const decided = transitionRefund(stored.state, command, uow.now, uow.policy);
  if (!decided.ok) return decided;
  const { refund, events, timers } = decided.value;
  await saveRefund(uow.tx, stored.sellerId, refund);
  if (command.action === 'evidence') {
    await insertEvidence(uow.tx, stored.sellerId, refundId, command.by, command.text, uow.now, attachments);
  }
  uow.record(stored.sellerId, events);
  uow.schedule(stored.sellerId, timers);
  if (isRefundOpen(stored.state) && !isRefundOpen(refund)) await settleOrder(uow, stored.sellerId, refund);
  return ok(refundOutcome(refund));
}

async function settleOrder(uow: UnitOfWork, sellerId: string, ended: RefundState): Promise<void> {
  const order = await loadOrder(uow.tx, ended.orderId, true);
  if (!order || order.status === 'closed') return;
  const refunds = await loadOrderRefunds(uow.tx, sellerId, order.orderId);
  const lines = await loadLines(uow.tx, sellerId, order.orderId);
  if (isOrderFullyRefunded(lines, refunds)) {
    const closed = transitionOrder(order, { action: 'close', reason: 'fully_refunded' }, uow.now, uow.policy);
    if (closed.ok) {
      await saveOrderState(uow.tx, sellerId, { ...closed.value.order, autoConfirmPausedAt: null });
      uow.record(sellerId, closed.value.events);
      uow.schedule(sellerId, closed.value.timers);
      return;
    }
  }
  const open = refunds.filter((r) => r.refundId !== ended.refundId && isRefundOpen(r)).length;
  const resumed = resumeAutoConfirm(order, uow.now, open);
  if (resumed.order !== order) {
    await saveOrderState(uow.tx, sellerId, resumed.order);
    uow.schedule(sellerId, resumed.timers);
  }
}

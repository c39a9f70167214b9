import {
  decideRefundRequest,
  ok,
  pauseAutoConfirm,
  type RefundReason,
  type Result,
  type ReturnCondition,
  refuse,
} from '@xinyu/domain';
import { loadLines, loadOrder, saveOrderState } from '../../db/orders.repository.js';
import { insertRefund, loadOrderRefunds, refundExists } from '../../db/refunds.repository.js';
import type { UnitOfWork } from '../context.js';
import { type RefundOutcome, refundOutcome } from './refund-outcome.js';

export interface RequestRefundInput {
  readonly refund: string;
  readonly order: string;
  readonly line: string;
  readonly kind: 'refund_only' | 'return_refund';
  readonly amount: number;
  readonly reason: RefundReason;
  readonly condition?: ReturnCondition | undefined;
}

/**
 * The buyer asks for money back on one line (H1–H3, H5, H6, K): the domain checks eligibility and
 * computes the maximum; the seller's deadline starts, and a shipped order's auto-confirmation
 * pauses (G2).
 */
export async function requestRefund(uow: UnitOfWork, input: RequestRefundInput): Promise<Result<RefundOutcome>> {
  if (await refundExists(uow.tx, input.refund)) return refuse('DUPLICATE_ID', `refund ${input.refund} already exists`);
  const order = await loadOrder(uow.tx, input.order, true);
  if (!order) return refuse('NOT_FOUND', `order ${input.order} does not exist`);
  const lines = await loadLines(uow.tx, order.sellerId, order.orderId);
  const earlierRefunds = await loadOrderRefunds(uow.tx, order.sellerId, order.orderId);
  const decided = decideRefundRequest(
    { order, lines, earlierRefunds },
    {
      refundId: input.refund,
      orderId: input.order,
      lineId: input.line,
      kind: input.kind,
      amount: input.amount,
      reason: input.reason,
      condition: input.condition,
    },
    uow.now,
    uow.policy,
  );
  if (!decided.ok) return decided;
  const { refund, events, timers } = decided.value;
  await insertRefund(uow.tx, order.sellerId, order.buyerId, refund, uow.policy.version);
  uow.record(order.sellerId, events);
  uow.schedule(order.sellerId, timers);
  const paused = pauseAutoConfirm(order, uow.now);
  if (paused.timers.length > 0) {
    await saveOrderState(uow.tx, order.sellerId, paused.order);
    uow.schedule(order.sellerId, paused.timers);
  }
  return ok(refundOutcome(refund));
}

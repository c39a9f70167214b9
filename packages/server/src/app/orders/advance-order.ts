import { type OrderCommand, type OrderState, ok, type Result, refuse, transitionOrder } from '@xinyu/domain';
import { loadOrder, type StoredOrder, saveOrderState } from '../../db/orders.repository.js';
import type { UnitOfWork } from '../context.js';

/** Result of an order command: the order's new status. */
export interface OrderOutcome {
  readonly order: string;
  readonly status: string;
}

/** Work that follows a transition in the same transaction (timers of other rules, refunds). */
export type AfterTransition = (uow: UnitOfWork, before: StoredOrder, after: OrderState) => Promise<void>;

/**
 * Applies one lifecycle command to an order (pay, ship, deliver, confirm, auto-confirm, close):
 * load, let the domain decide, save state and timers together. Each public use case is a thin
 * name on it.
 */
export async function advanceOrder(
  uow: UnitOfWork,
  orderId: string,
  command: OrderCommand,
  after?: AfterTransition,
): Promise<Result<OrderOutcome>> {
  const order = await loadOrder(uow.tx, orderId, true);
  if (!order) return refuse('NOT_FOUND', `order ${orderId} does not exist`);
  const decided = transitionOrder(order, command, uow.now, uow.policy);
  if (!decided.ok) return decided;
  const next = {
    ...decided.value.order,
    autoConfirmPausedAt: command.action === 'close' ? null : order.autoConfirmPausedAt,
  };
  await saveOrderState(uow.tx, order.sellerId, next);
  uow.record(order.sellerId, decided.value.events);
  uow.schedule(order.sellerId, decided.value.timers);
  if (after) await after(uow, order, decided.value.order);
  return ok({ order: orderId, status: decided.value.order.status });
}

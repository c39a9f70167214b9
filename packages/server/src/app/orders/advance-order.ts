import { type OrderCommand, ok, type Result, refuse, transitionOrder } from '@xinyu/domain';
import { loadOrder, saveOrderState } from '../../db/orders.repository.js';
import type { UnitOfWork } from '../context.js';

/** Result of an order command: the order's new status. */
export interface OrderOutcome {
  readonly order: string;
  readonly status: string;
}

/**
 * Applies one lifecycle command to an order (pay, ship, deliver, confirm, auto-confirm): load,
 * let the domain decide, save state and timers together. Each public use case is a thin name on it.
 */
export async function advanceOrder(
  uow: UnitOfWork,
  orderId: string,
  command: OrderCommand,
): Promise<Result<OrderOutcome>> {
  const order = await loadOrder(uow.tx, orderId, true);
  if (!order) return refuse('NOT_FOUND', `order ${orderId} does not exist`);
  const decided = transitionOrder(order, command, uow.now, uow.policy);
  if (!decided.ok) return decided;
  await saveOrderState(uow.tx, order.sellerId, decided.value.order);
  uow.record(order.sellerId, decided.value.events);
  uow.schedule(order.sellerId, decided.value.timers);
  return ok({ order: orderId, status: decided.value.order.status });
}

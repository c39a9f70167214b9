import { compensationAtShipDeadline, ok, type Result } from '@xinyu/domain';
import { loadLines, loadOrder } from '../../db/orders.repository.js';
import { insertCompensation } from '../../db/refunds.repository.js';
import type { UnitOfWork } from '../context.js';

/** L1/L3 at the ship deadline: an order still unshipped compensates its buyer, once. */
export async function compensateLateShipment(uow: UnitOfWork, orderId: string): Promise<Result<{ amount: number }>> {
  const order = await loadOrder(uow.tx, orderId, true);
  if (!order) return ok({ amount: 0 });
  const lines = await loadLines(uow.tx, order.sellerId, orderId);
  const owed = compensationAtShipDeadline({ ...order, lines }, uow.now, uow.policy);
  if (!owed) return ok({ amount: 0 });
  await insertCompensation(uow.tx, order.sellerId, owed, uow.now, uow.policy.version);
  uow.record(order.sellerId, [
    {
      type: 'order.late_shipment_compensated',
      aggregate: 'order',
      aggregateId: orderId,
      at: uow.now,
      data: { kind: owed.kind, amount: owed.amount, buyer: order.buyerId },
    },
  ]);
  return ok({ amount: owed.amount });
}

import { ok, placedOrder, type Result, refuse } from '@xinyu/domain';
import { findOrderSeller, insertOrder, type StoredLine } from '../../db/orders.repository.js';
import { ensureBuyer, ensureSeller } from '../../db/parties.repository.js';
import type { PlaceOrderInput } from '../command-schemas.js';
import type { UnitOfWork } from '../context.js';

const DEFAULT_PROMISED_SHIP_HOURS = 48;

/** Records a new order with its lines; its creation instant is now (A3, A4 use it). */
export async function placeOrder(uow: UnitOfWork, input: PlaceOrderInput): Promise<Result<{ order: string }>> {
  const { tx, now } = uow;
  if ((await findOrderSeller(tx, input.order)) !== null) {
    return refuse('DUPLICATE_ID', `order ${input.order} already exists`);
  }
  const lineIds = new Set(input.lines.map((l) => l.line));
  if (lineIds.size !== input.lines.length) {
    return refuse('VALIDATION_FAILED', 'line ids must be unique within an order', { field: 'lines' });
  }
  await ensureSeller(tx, input.seller, now);
  await ensureBuyer(tx, input.buyer, now);
  const lines: StoredLine[] = input.lines.map((l, position) => {
    const quantity = l.qty ?? 1;
    return {
      lineId: l.line,
      position,
      itemId: l.item,
      unitPriceFen: l.price,
      quantity,
      amountFen: l.price * quantity,
      category: l.category ?? 'general',
      isVirtual: l.virtual ?? false,
      confirmedNoReturn: l.confirmedNoReturn ?? false,
      invoiceTaxFen: l.invoiceTax ?? 0,
      title: l.title ?? null,
    };
  });
  const inserted = await insertOrder(
    tx,
    {
      ...placedOrder(input.order, now),
      sellerId: input.seller,
      buyerId: input.buyer,
      promisedShipHours: input.promisedShipHours ?? DEFAULT_PROMISED_SHIP_HOURS,
      shippingFeeFen: input.shipping?.fee ?? 0,
      freeShippingOverFen: input.shipping?.freeOver ?? null,
      autoConfirmPausedAt: null,
    },
    lines,
  );
  // Placed by a concurrent request between the check above and this insert.
  if (!inserted) return refuse('DUPLICATE_ID', `order ${input.order} already exists`);
  uow.record(input.seller, [
    {
      type: 'order.placed',
      aggregate: 'order',
      aggregateId: input.order,
      at: now,
      data: { buyer: input.buyer, seller: input.seller, lines: lines.length },
    },
  ]);
  return ok({ order: input.order });
}

import type { Instant, OrderState, OrderStatus, ShipMethod } from '@xinyu/domain';
import type { Kysely, Selectable } from 'kysely';
import type { Database, OrderLinesTable, OrdersTable } from './schema.js';

/** An order with what the server keeps beside its lifecycle state. */
export interface StoredOrder extends OrderState {
  readonly sellerId: string;
  readonly buyerId: string;
  readonly promisedShipHours: number;
  readonly shippingFeeFen: number;
  readonly freeShippingOverFen: number | null;
  /** G2: when an open refund paused the auto-confirmation countdown; `null` while it runs. */
  readonly autoConfirmPausedAt: Instant | null;
}

export interface StoredLine {
  readonly lineId: string;
  readonly position: number;
  readonly itemId: string;
  readonly unitPriceFen: number;
  readonly quantity: number;
  readonly amountFen: number;
  readonly category: string;
  readonly isVirtual: boolean;
  readonly confirmedNoReturn: boolean;
  readonly invoiceTaxFen: number;
  /** The item's display title, when the marketplace sent one. */
  readonly title: string | null;
}

const time = (d: Date | null): Instant | null => (d ? d.getTime() : null);
const date = (t: Instant | null): Date | null => (t === null ? null : new Date(t));

/** Maps an orders row to the stored order (shared by single and batch loads). */
export function toStoredOrder(r: Selectable<OrdersTable>): StoredOrder {
  return {
    orderId: r.order_id,
    sellerId: r.seller_id,
    buyerId: r.buyer_id,
    status: r.status as OrderStatus,
    createdAt: r.created_at.getTime(),
    paidAt: time(r.paid_at),
    shippedAt: time(r.shipped_at),
    shipMethod: r.ship_method as ShipMethod | null,
    deliveredAt: time(r.delivered_at),
    successAt: time(r.success_at),
    closedAt: time(r.closed_at),
    autoConfirmAt: time(r.auto_confirm_at),
    promisedShipHours: r.promised_ship_hours,
    shippingFeeFen: r.shipping_fee,
    freeShippingOverFen: r.free_shipping_over,
    autoConfirmPausedAt: time(r.auto_confirm_paused_at),
  };
}

/** Finds the seller owning an order id (orders are addressed by id alone). */
export async function findOrderSeller(db: Kysely<Database>, orderId: string): Promise<string | null> {
  const row = await db
    .selectFrom('order_directory')
    .select('seller_id')
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  return row?.seller_id ?? null;
}

/** Loads an order by id (with its directory entry, in one statement); `lock` takes a row lock so concurrent commands on it serialize. */
export async function loadOrder(db: Kysely<Database>, orderId: string, lock = false): Promise<StoredOrder | null> {
  let query = db
    .selectFrom('orders')
    .innerJoin('order_directory as d', (j) =>
      j.onRef('d.order_id', '=', 'orders.order_id').onRef('d.seller_id', '=', 'orders.seller_id'),
    )
    .selectAll('orders')
    .where('d.order_id', '=', orderId);
  if (lock) query = query.forUpdate('orders');
  const r = await query.executeTakeFirst();
  return r ? toStoredOrder(r) : null;
}

/** Maps an order_lines row to the stored line. */
export function toStoredLine(r: Selectable<OrderLinesTable>): StoredLine {
  return {
    lineId: r.line_id,
    position: r.position,
    itemId: r.item_id,
    unitPriceFen: r.unit_price,
    quantity: r.quantity,
    amountFen: r.amount,
    category: r.category,
    isVirtual: r.is_virtual,
    confirmedNoReturn: r.confirmed_no_return,
    invoiceTaxFen: r.invoice_tax,
    title: r.title,
  };
}

export async function loadLines(db: Kysely<Database>, sellerId: string, orderId: string): Promise<StoredLine[]> {
  const rows = await db
    .selectFrom('order_lines')
    .selectAll()
    .where('seller_id', '=', sellerId)
    .where('order_id', '=', orderId)
    .orderBy('position')
    .execute();
  return rows.map(toStoredLine);
}

/**
 * Inserts a new order with its lines and directory entry; `false` (nothing written) when the id is
 * taken, also by a placement committed while this one ran (the directory's key decides the race).
 */
export async function insertOrder(
  db: Kysely<Database>,
  order: StoredOrder,
  lines: readonly StoredLine[],
): Promise<boolean> {
  const claimed = await db
    .insertInto('order_directory')
    .values({ order_id: order.orderId, seller_id: order.sellerId })
    .onConflict((oc) => oc.column('order_id').doNothing())
    .returning('order_id')
    .executeTakeFirst();
  if (!claimed) return false;
  await db
    .insertInto('orders')
    .values({
      seller_id: order.sellerId,
      order_id: order.orderId,
      buyer_id: order.buyerId,
      status: order.status,
      created_at: new Date(order.createdAt),
      promised_ship_hours: order.promisedShipHours,
      shipping_fee: order.shippingFeeFen,
      free_shipping_over: order.freeShippingOverFen,
    })
    .execute();
  await db
    .insertInto('order_lines')
    .values(
      lines.map((l) => ({
        seller_id: order.sellerId,
        order_id: order.orderId,
        line_id: l.lineId,
        position: l.position,
        item_id: l.itemId,
        unit_price: l.unitPriceFen,
        quantity: l.quantity,
        amount: l.amountFen,
        category: l.category,
        is_virtual: l.isVirtual,
        confirmed_no_return: l.confirmedNoReturn,
        invoice_tax: l.invoiceTaxFen,
        title: l.title,
      })),
    )
    .execute();
  return true;
}

/** Saves an order's lifecycle fields. */
export async function saveOrderState(
  db: Kysely<Database>,
  sellerId: string,
  order: OrderState & { autoConfirmPausedAt?: Instant | null },
): Promise<void> {
  await db
    .updateTable('orders')
    .set({
      status: order.status,
      paid_at: date(order.paidAt),
      shipped_at: date(order.shippedAt),
      ship_method: order.shipMethod,
      delivered_at: date(order.deliveredAt),
      success_at: date(order.successAt),
      closed_at: date(order.closedAt),
      auto_confirm_at: date(order.autoConfirmAt),
      ...(order.autoConfirmPausedAt === undefined ? {} : { auto_confirm_paused_at: date(order.autoConfirmPausedAt) }),
    })
    .where('seller_id', '=', sellerId)
    .where('order_id', '=', order.orderId)
    .execute();
}

/** When each of these orders reached success (F3 visibility of their reviews). */
export async function successTimes(
  db: Kysely<Database>,
  sellerId: string,
  orderIds: readonly string[],
): Promise<Map<string, Instant | null>> {
  if (orderIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('orders')
    .select(['order_id', 'success_at'])
    .where('seller_id', '=', sellerId)
    .where('order_id', 'in', [...orderIds])
    .execute();
  return new Map(rows.map((r) => [r.order_id, time(r.success_at)]));
}

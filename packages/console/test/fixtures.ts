import { api, uniqueId } from './support.js';

/** The demo's fixed sign-ins (`xinyu demo` creates them). */
export const TOKENS = { buyer: 'demo-buyer', seller: 'demo-seller', agent: 'demo-agent', staff: 'demo-staff' } as const;

/** Who a demo token stands for. */
export async function subjectOf(token: string): Promise<string> {
  const me = await api<{ subject: string }>('GET', '/v1/me', undefined, token);
  return me.subject;
}

export interface MadeOrder {
  readonly order: string;
  readonly line: string;
  readonly title: string;
  readonly amount: number;
}

/**
 * An order of one line placed by the marketplace backend, taken as far as `until`:
 * `shipped` (refunds after shipment) or `success` (open for reviews).
 */
export async function makeOrder(
  seller: string,
  buyer: string,
  until: 'shipped' | 'success',
  title: string,
): Promise<MadeOrder> {
  const order = uniqueId('T');
  const price = 12_800;
  await api('POST', '/v1/orders', {
    order,
    buyer,
    seller,
    lines: [{ line: 'L1', item: uniqueId('item'), price, title }],
  });
  await api('POST', `/v1/orders/${order}/pay`);
  await api('POST', `/v1/orders/${order}/ship`, { method: 'express' });
  if (until === 'success') await api('POST', `/v1/orders/${order}/confirm`);
  return { order, line: 'L1', title, amount: price };
}

/** The buyer's review of the line, given through the API (the seller rated first, so it is visible: F3). */
export async function buyerRates(made: MadeOrder, rating: 'good' | 'neutral' | 'bad', text: string): Promise<void> {
  await api('POST', `/v1/orders/${made.order}/lines/${made.line}/reviews`, { by: 'seller', rating: 'good' });
  await api('POST', `/v1/orders/${made.order}/lines/${made.line}/reviews`, {
    by: 'buyer',
    rating,
    text,
    dsr: { description: 2, service: 3, logistics: 4 },
  });
}

/** A refund request on a shipped line, as the buyer makes it (through the marketplace backend). */
export async function requestRefund(made: MadeOrder): Promise<string> {
  const refund = uniqueId('R');
  await api('POST', '/v1/refunds', {
    refund,
    order: made.order,
    line: made.line,
    kind: 'refund_only',
    amount: made.amount,
    reason: 'quality',
  });
  return refund;
}

import type { Policy } from '../policy/policy.js';
import type { AllowedAction } from '../shared/allowed-action.js';
import type { Instant } from '../shared/time.js';
import { type OrderState, transitionOrder } from './order-machine.js';

export type OrderActionName = 'confirm' | 'ship';

/**
 * What a party may do with the order itself now: the buyer confirms receipt (G1 would otherwise
 * confirm at `autoConfirmAt`), the seller ships; asked of the order machine itself.
 */
export function orderActions(
  order: OrderState,
  party: 'buyer' | 'seller',
  now: Instant,
  policy: Policy,
): AllowedAction<OrderActionName>[] {
  if (party === 'buyer') {
    return transitionOrder(order, { action: 'confirm' }, now, policy).ok
      ? [{ action: 'confirm', until: order.autoConfirmAt }]
      : [];
  }
  return transitionOrder(order, { action: 'ship', method: 'express' }, now, policy).ok
    ? [{ action: 'ship', until: null }]
    : [];
}

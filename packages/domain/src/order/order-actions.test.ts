import { describe, expect, it } from 'vitest';
import { taobaoPolicy } from '../policy/taobao.js';
import { orderActions } from './order-actions.js';
import type { OrderState } from './order-machine.js';

const base: OrderState = {
  orderId: 'O1',
  status: 'paid',
  createdAt: 0,
  paidAt: 0,
  shippedAt: null,
  shipMethod: null,
  deliveredAt: null,
  successAt: null,
  closedAt: null,
  autoConfirmAt: null,
};

describe('orderActions', () => {
  it('G1: a paid order may be shipped by the seller; the buyer confirms only after shipment', () => {
    expect(orderActions(base, 'seller', 1, taobaoPolicy)).toEqual([{ action: 'ship', until: null }]);
    expect(orderActions(base, 'buyer', 1, taobaoPolicy)).toEqual([]);
    const shipped: OrderState = { ...base, status: 'shipped', shippedAt: 1, shipMethod: 'express', autoConfirmAt: 99 };
    expect(orderActions(shipped, 'buyer', 2, taobaoPolicy)).toEqual([{ action: 'confirm', until: 99 }]);
    expect(orderActions(shipped, 'seller', 2, taobaoPolicy)).toEqual([]);
    expect(orderActions({ ...shipped, status: 'success' }, 'buyer', 2, taobaoPolicy)).toEqual([]);
  });
});

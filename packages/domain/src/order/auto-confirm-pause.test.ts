import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../shared/time.js';
import {
  type AutoConfirmFacts,
  movedAutoConfirmDue,
  pauseAutoConfirm,
  resumeAutoConfirm,
} from './auto-confirm-pause.js';

const SHIPPED_AT = Date.parse('2024-06-01T10:00:00+08:00');
const DUE = SHIPPED_AT + 10 * DAY_MS;
const day = (n: number) => SHIPPED_AT + n * DAY_MS;
const shipped: AutoConfirmFacts = { orderId: 'O1', status: 'shipped', autoConfirmAt: DUE, autoConfirmPausedAt: null };

describe('G2: the auto-confirm pause', () => {
  it('G2: new due = old due + (closed − opened)', () => {
    expect(movedAutoConfirmDue(DUE, day(2), day(5))).toBe(DUE + 3 * DAY_MS);
  });

  it('G2: a refund opened at day 2 and ended at day 5 moves the 10-day deadline to day 13', () => {
    const paused = pauseAutoConfirm(shipped, day(2));
    expect(paused.order.autoConfirmPausedAt).toBe(day(2));
    expect(paused.timers).toEqual([{ type: 'cancel', kind: 'order.auto_confirm', ref: 'O1' }]);
    const resumed = resumeAutoConfirm(paused.order, day(5), 0);
    expect(resumed.order).toEqual({ ...shipped, autoConfirmAt: day(13), autoConfirmPausedAt: null });
    expect(resumed.timers).toEqual([{ type: 'set', kind: 'order.auto_confirm', ref: 'O1', dueAt: day(13) }]);
  });

  it('G2: overlapping refunds pause once and resume when the last one ends', () => {
    const first = pauseAutoConfirm(shipped, day(2)).order;
    const second = pauseAutoConfirm(first, day(3));
    expect(second).toEqual({ order: first, timers: [] });
    const stillPaused = resumeAutoConfirm(first, day(4), 1);
    expect(stillPaused).toEqual({ order: first, timers: [] });
    expect(resumeAutoConfirm(first, day(6), 0).order.autoConfirmAt).toBe(day(14));
  });

  it('G1/G2: an unshipped order has no countdown to pause', () => {
    const paid: AutoConfirmFacts = { ...shipped, status: 'paid', autoConfirmAt: null };
    expect(pauseAutoConfirm(paid, day(1))).toEqual({ order: paid, timers: [] });
  });

  it('G2: a refund opened at the due instant is too late: the order confirmed first', () => {
    expect(pauseAutoConfirm(shipped, DUE)).toEqual({ order: shipped, timers: [] });
    expect(pauseAutoConfirm(shipped, DUE - 1).order.autoConfirmPausedAt).toBe(DUE - 1);
  });

  it('G2: an order closed by a full refund only drops the pause', () => {
    const paused = pauseAutoConfirm(shipped, day(2)).order;
    const closed = { ...paused, status: 'closed' as const, autoConfirmAt: null };
    expect(resumeAutoConfirm(closed, day(3), 0)).toEqual({
      order: { ...closed, autoConfirmPausedAt: null },
      timers: [],
    });
  });

  it('G2: extra fields of the caller’s order survive', () => {
    const stored = { ...shipped, sellerId: 'S1' };
    expect(pauseAutoConfirm(stored, day(1)).order.sellerId).toBe('S1');
  });
});

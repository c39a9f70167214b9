import { cancelTimer, setTimer, type TimerEffect } from '../shared/effects.js';
import type { Instant } from '../shared/time.js';
import type { OrderStatus } from './order-machine.js';

/** The part of an order the G2 pause touches; the server keeps `autoConfirmPausedAt` beside OrderState. */
export interface AutoConfirmFacts {
  readonly orderId: string;
  readonly status: OrderStatus;
  /** G1: when the order confirms by itself; kept while paused, so the remaining time is known. */
  readonly autoConfirmAt: Instant | null;
  /** G2: when the countdown was paused by the first open refund; `null` while it runs. */
  readonly autoConfirmPausedAt: Instant | null;
}

/** G2: the due instant moved by the time a refund was open: `due + (closedAt − openedAt)`. */
export function movedAutoConfirmDue(due: Instant, openedAt: Instant, closedAt: Instant): Instant {
  return due + Math.max(0, closedAt - openedAt);
}

/**
 * G2: a refund opened on a shipped order pauses its countdown (cancelling the keyed timer). No
 * effect when it is already paused (another refund is open), not running, or already due (the
 * timer fires first).
 */
export function pauseAutoConfirm<T extends AutoConfirmFacts>(
  order: T,
  now: Instant,
): { order: T; timers: TimerEffect[] } {
  const running = order.status === 'shipped' && order.autoConfirmAt !== null && order.autoConfirmPausedAt === null;
  if (!running || now >= order.autoConfirmAt!) return { order, timers: [] };
  return {
    order: { ...order, autoConfirmPausedAt: now },
    timers: [cancelTimer('order.auto_confirm', order.orderId)],
  };
}

/**
 * G2: when a refund ends and no other refund on the order is open, the countdown resumes with its
 * deadline moved by the paused time. An order closed meanwhile (full refund) only drops the pause.
 */
export function resumeAutoConfirm<T extends AutoConfirmFacts>(
  order: T,
  now: Instant,
  otherOpenRefunds: number,
): { order: T; timers: TimerEffect[] } {
  const pausedAt = order.autoConfirmPausedAt;
  if (pausedAt === null || otherOpenRefunds > 0) return { order, timers: [] };
  if (order.status !== 'shipped' || order.autoConfirmAt === null) {
    return { order: { ...order, autoConfirmPausedAt: null }, timers: [] };
  }
  const dueAt = movedAutoConfirmDue(order.autoConfirmAt, pausedAt, now);
  return {
    order: { ...order, autoConfirmAt: dueAt, autoConfirmPausedAt: null },
    timers: [setTimer('order.auto_confirm', order.orderId, dueAt)],
  };
}

import type { OrderStatus } from '../order/order-machine.js';
import type { Policy } from '../policy/policy.js';
import type { ErrorCode } from '../shared/error-codes.js';
import { addHours, type Instant, startOfNextDay } from '../shared/time.js';
import type { ReturnCondition } from './refund-state.js';

/** Goods categories (replay.md); `general` has no special rule. */
export type LineCategory =
  | 'general'
  | 'food'
  | 'cosmetics'
  | 'medical_device'
  | 'family_planning'
  | 'electronics'
  | 'clothing'
  | 'custom_made'
  | 'fresh'
  | 'audio_video_software'
  | 'periodical';

/** What K2–K5 need to know about a line (a stored order line fits). */
export interface ReturnLine {
  readonly category: string;
  /** K3: the conspicuous no-return confirmation was shown and accepted at checkout. */
  readonly confirmedNoReturn: boolean;
}

/** What K1 needs to know about the order. */
export interface ReturnOrder {
  readonly status: OrderStatus;
  readonly deliveredAt: Instant | null;
  readonly successAt: Instant | null;
}

/**
 * Why a line is not eligible, as machine codes: `excluded_category:<category>` (K2),
 * `confirmed_no_return` (K3), `window_not_open` / `window_closed` (K1), `seal_broken`,
 * `activated`, `tag_removed`, `packaging_damaged` (K4/K5).
 */
export type ReturnIneligibility = string;

/** K1–K5 verdict: eligible when no reason stands against it. */
export interface ReturnEligibility {
  readonly eligible: boolean;
  readonly reasons: readonly ReturnIneligibility[];
}

/**
 * K1: the window runs from delivery until `windowHours` after 00:00 (policy zone) of the next day,
 * half-open; a request between delivery and that midnight is already inside it (replay.md).
 */
export function sevenDayReturnWindow(deliveredAt: Instant, policy: Policy): { from: Instant; until: Instant } {
  const opens = startOfNextDay(deliveredAt, policy.utcOffsetMinutes);
  return { from: deliveredAt, until: addHours(opens, policy.afterSales.sevenDayReturns.windowHours) };
}

/**
 * The instant the goods count as received: the signature, or else the buyer's confirmation of
 * receipt (Decision: a `success` order without a recorded delivery was received at success).
 */
export function receivedAt(order: ReturnOrder): Instant | null {
  if (order.deliveredAt !== null) return order.deliveredAt;
  return order.status === 'success' ? order.successAt : null;
}

/**
 * K2/K3: whether the line's goods are covered at all, whatever the window; H6 refuses
 * `no_reason` on an uncovered line. `unsealed` matters for audio-video/software only.
 */
export function sevenDayReturnCoverage(
  line: ReturnLine,
  condition: ReturnCondition | undefined,
  policy: Policy,
): ReturnIneligibility[] {
  const rules = policy.afterSales.sevenDayReturns;
  const reasons: ReturnIneligibility[] = [];
  const neverOnceUnsealed = rules.neverOnceUnsealedCategories.includes(line.category) && condition?.unsealed;
  if (rules.neverCategories.includes(line.category) || neverOnceUnsealed) {
    reasons.push(`excluded_category:${line.category}`);
  }
  // K3: without the recorded checkout confirmation the seller may not refuse on these grounds.
  if (line.confirmedNoReturn) reasons.push('confirmed_no_return');
  return reasons;
}

/** K4/K5: whether the goods come back intact; opening to inspect alone never breaks it. */
export function intactnessProblems(line: ReturnLine, condition: ReturnCondition | undefined, policy: Policy): string[] {
  const rules = policy.afterSales.sevenDayReturns;
  const reasons: string[] = [];
  if (condition?.unsealed && rules.sealCategories.includes(line.category)) reasons.push('seal_broken');
  if (condition?.activated && rules.activationCategories.includes(line.category)) reasons.push('activated');
  if (condition?.tagRemoved && rules.tagCategories.includes(line.category)) reasons.push('tag_removed');
  if (condition?.packagingDamaged) reasons.push('packaging_damaged');
  return reasons;
}

/**
 * K1–K5: whether a line may be returned without reason now. Undelivered goods (no signature, no
 * confirmation) are `window_not_open` (Decision: the window has not started, so nothing is late).
 */
export function sevenDayReturnEligibility(
  line: ReturnLine,
  order: ReturnOrder,
  condition: ReturnCondition | undefined,
  now: Instant,
  policy: Policy,
): ReturnEligibility {
  const reasons = sevenDayReturnCoverage(line, condition, policy);
  const received = receivedAt(order);
  if (received === null || now < received) reasons.push('window_not_open');
  else if (now >= sevenDayReturnWindow(received, policy).until) reasons.push('window_closed');
  reasons.push(...intactnessProblems(line, condition, policy));
  return { eligible: reasons.length === 0, reasons };
}

/**
 * The refusal code for ineligibility reasons: RETURN_WINDOW_CLOSED when the window alone is the
 * problem, RETURN_NOT_ELIGIBLE otherwise (the goods themselves are excluded or not intact).
 */
export function returnRefusalCode(reasons: readonly ReturnIneligibility[]): ErrorCode {
  return reasons.length > 0 && reasons.every((r) => r === 'window_closed')
    ? 'RETURN_WINDOW_CLOSED'
    : 'RETURN_NOT_ELIGIBLE';
}

import type { Policy } from '../policy/policy.js';
import type { Fen } from '../shared/money.js';
import type { RefundReason, ReturnCondition } from './refund-state.js';

/** A line as the refund arithmetic needs it (a stored order line fits). */
export interface RefundAmountLine {
  readonly lineId: string;
  /** Goods amount paid for the line (price × quantity), in fen. */
  readonly amountFen: Fen;
  /** K6: the invoice tax recorded on the line, deducted when the invoice is not returned. */
  readonly invoiceTaxFen: Fen;
  /** Fen already refunded on the line by earlier requests (default 0). */
  readonly refundedFen?: Fen;
}

/** The order as the refund arithmetic needs it, lines in their order of placement. */
export interface RefundAmountOrder {
  readonly lines: readonly RefundAmountLine[];
  /** The standard shipping fee, in fen. */
  readonly shippingFeeFen: Fen;
  /** Free shipping at or above this goods amount; `null` when the listing offers none. */
  readonly freeShippingOverFen: Fen | null;
}

/** How a line's maximum was reached, so that "why ¥52?" has an answer. */
export interface RefundMaximum {
  readonly maximum: Fen;
  readonly lineAmount: Fen;
  /** K7: the line's share of the outbound shipping paid, refunded when the seller is at fault. */
  readonly shippingShare: Fen;
  /** K6: the stated price of missing gifts. */
  readonly giftsDeduction: Fen;
  /** K6: the line's invoice tax when the invoice is missing. */
  readonly invoiceDeduction: Fen;
  /** K7: the standard shipping fee when this return breaks the free-shipping threshold. */
  readonly thresholdFee: Fen;
  /** Refunded earlier on the same line: a line never refunds more than it cost. */
  readonly alreadyRefunded: Fen;
}

const sum = (values: readonly Fen[]): Fen => values.reduce((a, b) => a + b, 0);

/** Goods amount of the order (shipping excluded), in fen. */
export function goodsAmount(lines: readonly Pick<RefundAmountLine, 'amountFen'>[]): Fen {
  return sum(lines.map((l) => l.amountFen));
}

/** The outbound shipping the buyer paid: nothing when the goods amount reached free shipping. */
export function paidShipping(order: RefundAmountOrder): Fen {
  const free = order.freeShippingOverFen !== null && goodsAmount(order.lines) >= order.freeShippingOverFen;
  return free ? 0 : order.shippingFeeFen;
}

/** K7: shipping apportioned to lines by goods amount, rounded down, the remainder to the last line. */
export function apportionShipping(lines: readonly Pick<RefundAmountLine, 'amountFen'>[], shipping: Fen): Fen[] {
  const total = goodsAmount(lines);
  const shares = lines.map((l) => (total === 0 ? 0 : Math.floor((shipping * l.amountFen) / total)));
  if (shares.length > 0) shares[shares.length - 1]! += shipping - sum(shares);
  return shares;
}

/** K7: whether a reason puts the seller at fault (quality, not as described, counterfeit). */
export function isSellerAtFault(reason: RefundReason, policy: Policy): boolean {
  return policy.afterSales.refund.sellerFaultReasons.includes(reason);
}

/**
 * K7: the standard fee when returning `lineId` drops the goods the buyer keeps below the
 * free-shipping threshold the order had reached; 0 when the order never had free shipping or an
 * earlier return already broke it (the fee is deducted once).
 */
export function thresholdBreakFee(order: RefundAmountOrder, lineId: string): Fen {
  const { freeShippingOverFen: freeOver } = order;
  if (freeOver === null || goodsAmount(order.lines) < freeOver) return 0;
  const kept = (l: RefundAmountLine) => Math.max(0, l.amountFen - (l.refundedFen ?? 0));
  const keptBefore = sum(order.lines.map(kept));
  const line = order.lines.find((l) => l.lineId === lineId);
  const keptAfter = keptBefore - (line ? kept(line) : 0);
  return keptBefore >= freeOver && keptAfter < freeOver ? order.shippingFeeFen : 0;
}

/**
 * The most a request on `lineId` can refund (rules.md "Refund arithmetic"): line amount, plus its
 * shipping share when the seller is at fault, minus K6 deductions and the K7 threshold fee for
 * no-reason requests, minus what the line already refunded; never below 0.
 */
export function maximumRefund(
  order: RefundAmountOrder,
  lineId: string,
  reason: RefundReason,
  condition: ReturnCondition | undefined,
  policy: Policy,
): RefundMaximum {
  const index = order.lines.findIndex((l) => l.lineId === lineId);
  const line = order.lines[index];
  if (!line) throw new Error(`line ${lineId} is not a line of the order`);
  const shippingShare = isSellerAtFault(reason, policy)
    ? apportionShipping(order.lines, paidShipping(order))[index]!
    : 0;
  const noReason = reason === 'no_reason';
  const giftsDeduction = noReason ? sum((condition?.giftsMissing ?? []).map((g) => g.price)) : 0;
  const invoiceDeduction = noReason && condition?.invoiceMissing ? line.invoiceTaxFen : 0;
  const thresholdFee = noReason ? thresholdBreakFee(order, lineId) : 0;
  const alreadyRefunded = line.refundedFen ?? 0;
  const maximum = Math.max(
    0,
    line.amountFen + shippingShare - giftsDeduction - invoiceDeduction - thresholdFee - alreadyRefunded,
  );
  return {
    maximum,
    lineAmount: line.amountFen,
    shippingShare,
    giftsDeduction,
    invoiceDeduction,
    thresholdFee,
    alreadyRefunded,
  };
}

/** What the engine refunds for an ask: `min(amount, maximum)` (rules.md K, replay.md Precisions). */
export function refundedAmount(requested: Fen, maximum: Fen): Fen {
  return Math.max(0, Math.min(requested, maximum));
}

import type { Rating } from '../credit/counting.js';
import type { Result } from '../shared/result.js';
import { DAY_MS } from '../shared/time.js';
import type { Party, ReviewRecord } from './review-record.js';
import type { ReviewFacts } from './review-rules.js';

// Shared fixtures of the review-rule tests: one order line that reached success, and its reviews.

export const at = (iso: string) => Date.parse(iso);
export const successAt = at('2024-09-02T20:00:00+08:00');
export const givenAt = successAt + DAY_MS;

/** A review of line O1/L1 given a day after success, with `fields` overriding. */
export function record(by: Party, rating: Rating, fields: Partial<ReviewRecord> = {}): ReviewRecord {
  return {
    orderId: 'O1',
    lineId: 'L1',
    by,
    rating,
    originalRating: rating,
    isDefault: false,
    anonymous: false,
    text: null,
    givenAt,
    effectiveAt: givenAt,
    state: 'active',
    changedAt: null,
    dsr: null,
    followup: null,
    explanation: null,
    followupExplanation: null,
    complaint: null,
    folded: false,
    ...fields,
  };
}

/** The facts of a reviewable line of a successful taobao order, with `fields` overriding. */
export function facts(fields: Partial<ReviewFacts> = {}): ReviewFacts {
  return {
    orderStatus: 'success',
    successAt,
    market: 'taobao',
    lineReviewable: true,
    buyerReview: null,
    sellerReview: null,
    ...fields,
  };
}

/** `ok` or the refusal code, for tables of expected outcomes. */
export const outcome = (result: Result<unknown>) => (result.ok ? 'ok' : result.code);

/** The value of a result that must succeed. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.code}`);
  return result.value;
}

import type { Rating } from '../credit/counting.js';
import type { OrderStatus } from '../order/order-machine.js';
import type { Policy } from '../policy/policy.js';
import { ok, type Result, refuse } from '../shared/result.js';
import { addDays, type Instant } from '../shared/time.js';
import { type DsrScores, otherParty, type Party, type ReviewRecord, textLength } from './review-record.js';

/** What the review guards need to know about the order and line (loaded first, STYLE 3). */
export interface ReviewFacts {
  readonly orderStatus: OrderStatus;
  readonly successAt: Instant | null;
  /** The seller's market (`taobao`, `tmall`): F6 forbids changes on some. */
  readonly market: string;
  /** False when the line cannot be reviewed (e.g. fully refunded). */
  readonly lineReviewable: boolean;
  readonly buyerReview: ReviewRecord | null;
  readonly sellerReview: ReviewRecord | null;
}

export interface RateCommand {
  readonly by: Party;
  readonly rating: Rating;
  readonly text?: string | undefined;
  readonly anonymous?: boolean | undefined;
  readonly dsr?: DsrScores | undefined;
}

function reviewOf(facts: ReviewFacts, party: Party): ReviewRecord | null {
  return party === 'buyer' ? facts.buyerReview : facts.sellerReview;
}

/** A party's own review, or the code replay.md prescribes when it has none. */
function ownReview(facts: ReviewFacts, party: Party): Result<ReviewRecord> {
  const review = reviewOf(facts, party);
  if (review) return ok(review);
  if (reviewOf(facts, otherParty(party))) {
    return refuse('NOT_THE_REVIEWER', `the ${party} has not rated this line`);
  }
  return refuse('NOT_FOUND', 'no review on this line');
}

/** The review a rated party acts on (explain, complain): the other party's. */
function reviewAbout(facts: ReviewFacts, ratedParty: Party): Result<ReviewRecord> {
  const review = reviewOf(facts, otherParty(ratedParty));
  if (review) return ok(review);
  if (reviewOf(facts, ratedParty)) {
    return refuse('NOT_THE_REVIEWER', `the ${ratedParty} has not been rated on this line`);
  }
  return refuse('NOT_FOUND', 'no review on this line');
}

function tooLong(text: string | undefined | null, max: number, what: string) {
  if (text != null && textLength(text) > max) {
    return refuse('TEXT_TOO_LONG', `${what} is longer than ${max} characters`, { max });
  }
  return null;
}

/** F1, E1, E3: a main review, given after success and before success + 15 days. */
export function decideRate(
  facts: ReviewFacts,
  command: RateCommand,
  orderLine: { orderId: string; lineId: string },
  now: Instant,
  policy: Policy,
): Result<ReviewRecord> {
  if (facts.orderStatus !== 'success' || facts.successAt === null || !facts.lineReviewable) {
    return refuse('REVIEW_NOT_OPEN', `the order is ${facts.orderStatus}; reviews open at success`);
  }
  if (now >= addDays(facts.successAt, policy.review.windowDays)) {
    return refuse('REVIEW_WINDOW_CLOSED', `reviews close ${policy.review.windowDays} days after success`);
  }
  if (reviewOf(facts, command.by)) return refuse('REVIEW_EXISTS', `the ${command.by} already rated this line`);
  if (command.dsr && command.by !== 'buyer') {
    return refuse('DSR_NOT_ALLOWED', 'only buyers give shop ratings');
  }
  const long = tooLong(command.text, policy.review.textMaxChars, 'the review');
  if (long) return long;
  return ok({
    orderId: orderLine.orderId,
    lineId: orderLine.lineId,
    by: command.by,
    rating: command.rating,
    originalRating: command.rating,
    isDefault: false,
    anonymous: command.anonymous ?? false,
    text: command.text ?? null,
    givenAt: now,
    effectiveAt: now,
    state: 'active',
    changedAt: null,
    dsr: command.dsr ?? null,
    followup: null,
    explanation: null,
    followupExplanation: null,
    complaint: null,
    folded: false,
  });
}

/** F6 checks shared by modification and deletion. */
function changeableReview(facts: ReviewFacts, by: Party, now: Instant, policy: Policy): Result<ReviewRecord> {
  const own = ownReview(facts, by);
  if (!own.ok) return own;
  const review = own.value;
  if (policy.review.unmodifiableMarkets.includes(facts.market)) {
    return refuse('REVIEW_NOT_MODIFIABLE', `reviews on ${facts.market} orders cannot be changed`);
  }
  if (review.isDefault || review.rating === 'good' || review.state !== 'active') {
    return refuse('REVIEW_NOT_MODIFIABLE', 'only a neutral or bad review may be changed, once');
  }
  if (now >= addDays(review.givenAt, policy.review.modifyWindowDays)) {
    return refuse('MODIFY_WINDOW_CLOSED', `changes close ${policy.review.modifyWindowDays} days after the review`);
  }
  return own;
}

/** F6, A9: the one change of a neutral/bad review, only to good; it takes effect now. */
export function decideModify(
  facts: ReviewFacts,
  by: Party,
  rating: Rating,
  now: Instant,
  policy: Policy,
): Result<ReviewRecord> {
  const changeable = changeableReview(facts, by, now, policy);
  if (!changeable.ok) return changeable;
  if (rating !== 'good') return refuse('MODIFY_TARGET_INVALID', 'a review may only be changed to good');
  return ok({ ...changeable.value, rating, state: 'modified', changedAt: now, effectiveAt: now });
}

/** F6, A9: deletion, the other use of the single chance; a deleted review counts nothing. */
export function decideDelete(facts: ReviewFacts, by: Party, now: Instant, policy: Policy): Result<ReviewRecord> {
  const changeable = changeableReview(facts, by, now, policy);
  if (!changeable.ok) return changeable;
  return ok({ ...changeable.value, state: 'deleted', changedAt: now });
}

/** F4: the buyer's one follow-up, before success + 180 days, on an existing buyer review. */
export function decideFollowup(facts: ReviewFacts, text: string, now: Instant, policy: Policy): Result<ReviewRecord> {
  const review = facts.buyerReview;
  if (!review || review.state === 'deleted' || facts.successAt === null) {
    return refuse('FOLLOWUP_NOT_OPEN', 'a follow-up needs the buyer’s review of this line');
  }
  if (now >= addDays(facts.successAt, policy.review.followupWindowDays)) {
    return refuse('FOLLOWUP_WINDOW_CLOSED', `follow-ups close ${policy.review.followupWindowDays} days after success`);
  }
  if (review.followup) return refuse('FOLLOWUP_EXISTS', 'this line already has its follow-up');
  const long = tooLong(text, policy.review.followupMaxChars, 'the follow-up');
  if (long) return long;
  return ok({ ...review, followup: { text, at: now } });
}

/** F5: one explanation by the rated party per review and per follow-up, within 30 days of it. */
export function decideExplain(
  facts: ReviewFacts,
  by: Party,
  on: 'review' | 'followup',
  text: string,
  now: Instant,
  policy: Policy,
): Result<ReviewRecord> {
  const about = reviewAbout(facts, by);
  if (!about.ok) return about;
  const review = about.value;
  const subject = on === 'review' ? { at: review.givenAt } : review.followup;
  if (!subject) return refuse('NOT_FOUND', 'there is no follow-up to explain');
  const existing = on === 'review' ? review.explanation : review.followupExplanation;
  if (existing) return refuse('EXPLANATION_EXISTS', `this ${on} already has its explanation`);
  if (now >= addDays(subject.at, policy.review.explanationWindowDays)) {
    return refuse(
      'EXPLANATION_WINDOW_CLOSED',
      `explanations close ${policy.review.explanationWindowDays} days after the ${on}`,
    );
  }
  const long = tooLong(text, policy.review.explanationMaxChars, 'the explanation');
  if (long) return long;
  const entry = { text, at: now };
  return ok(on === 'review' ? { ...review, explanation: entry } : { ...review, followupExplanation: entry });
}

/** F7: the rated party complains about a review within 30 days of it; one pending at a time. */
export function decideComplain(
  facts: ReviewFacts,
  by: Party,
  reason: string,
  now: Instant,
  policy: Policy,
): Result<ReviewRecord> {
  const about = reviewAbout(facts, by);
  if (!about.ok) return about;
  const review = about.value;
  if (now >= addDays(review.givenAt, policy.review.complaintWindowDays)) {
    return refuse(
      'COMPLAINT_WINDOW_CLOSED',
      `complaints close ${policy.review.complaintWindowDays} days after the review`,
    );
  }
  if (review.complaint?.status === 'pending' || review.folded) {
    return refuse('DUPLICATE_ID', 'this review already has a complaint pending or upheld');
  }
  const long = tooLong(reason, policy.review.complaintReasonMaxChars, 'the reason');
  if (long) return long;
  return ok({ ...review, complaint: { reason, at: now, status: 'pending' } });
}

/** F7: the platform's ruling folds the review when upheld; it is never deleted. */
export function decideComplaintRuling(review: ReviewRecord | null, upheld: boolean): Result<ReviewRecord> {
  if (review?.complaint?.status !== 'pending') {
    return refuse('NOT_FOUND', 'no pending complaint on this line');
  }
  return ok({
    ...review,
    complaint: { ...review.complaint, status: upheld ? 'upheld' : 'rejected' },
    folded: review.folded || upheld,
  });
}

/**
 * F2 at success + 15 days, per line: when exactly one party gave `good` and the other gave nothing,
 * the silent party is deemed to have given a `good` (no DSR, E3). Ratings as they stand then.
 */
export function decideDefaultReview(
  facts: ReviewFacts,
  orderLine: { orderId: string; lineId: string },
  now: Instant,
): ReviewRecord | null {
  const { buyerReview, sellerReview } = facts;
  if (!facts.lineReviewable || facts.orderStatus !== 'success') return null;
  if ((buyerReview === null) === (sellerReview === null)) return null;
  const rater = (buyerReview ?? sellerReview)!;
  if (rater.state === 'deleted' || rater.rating !== 'good') return null;
  return {
    orderId: orderLine.orderId,
    lineId: orderLine.lineId,
    by: otherParty(rater.by),
    rating: 'good',
    originalRating: 'good',
    isDefault: true,
    anonymous: false,
    text: null,
    givenAt: now,
    effectiveAt: now,
    state: 'active',
    changedAt: null,
    dsr: null,
    followup: null,
    explanation: null,
    followupExplanation: null,
    complaint: null,
    folded: false,
  };
}

/**
 * F3: a review is shown once the counterpart has also rated the line or the window has ended.
 * Display only: credit took effect when the review was given.
 */
export function isReviewVisible(
  counterpartRated: boolean,
  successAt: Instant | null,
  now: Instant,
  policy: Policy,
): boolean {
  if (counterpartRated) return true;
  return successAt !== null && now >= addDays(successAt, policy.review.windowDays);
}

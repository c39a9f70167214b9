import type { Policy } from '../policy/policy.js';
import type { AllowedAction } from '../shared/allowed-action.js';
import { addDays, type Instant } from '../shared/time.js';
import type { Party } from './review-record.js';
import {
  decideComplain,
  decideDelete,
  decideExplain,
  decideFollowup,
  decideModify,
  decideRate,
  isReviewVisible,
  type ReviewFacts,
} from './review-rules.js';

export type ReviewActionName = 'rate' | 'modify' | 'delete' | 'followup' | 'explain' | 'explain_followup' | 'complain';

const LINE = { orderId: '-', lineId: '-' };

/**
 * What `party` may do now with the reviews of one line (F1, F4–F7), each found by asking the very
 * guard the command runs (with a harmless payload), so the answer cannot drift from the rules.
 * A review still hidden from `party` by double-blind (F3) cannot be explained or complained about.
 */
export function reviewActions(
  facts: ReviewFacts,
  party: Party,
  now: Instant,
  policy: Policy,
): AllowedAction<ReviewActionName>[] {
  const { review } = policy;
  const actions: AllowedAction<ReviewActionName>[] = [];
  const own = party === 'buyer' ? facts.buyerReview : facts.sellerReview;
  const about = party === 'buyer' ? facts.sellerReview : facts.buyerReview;
  const allow = (action: ReviewActionName, ok: boolean, until: Instant | null) => {
    if (ok) actions.push({ action, until });
  };
  const successAt = facts.successAt;
  allow(
    'rate',
    decideRate(facts, { by: party, rating: 'good' }, LINE, now, policy).ok,
    successAt === null ? null : addDays(successAt, review.windowDays),
  );
  const changeUntil = own ? addDays(own.givenAt, review.modifyWindowDays) : null;
  allow('modify', decideModify(facts, party, 'good', now, policy).ok, changeUntil);
  allow('delete', decideDelete(facts, party, now, policy).ok, changeUntil);
  if (party === 'buyer') {
    allow(
      'followup',
      decideFollowup(facts, '', now, policy).ok,
      successAt === null ? null : addDays(successAt, review.followupWindowDays),
    );
  }
  const ownRated = own !== null;
  if (about && isReviewVisible(ownRated, successAt, now, policy)) {
    allow(
      'explain',
      decideExplain(facts, party, 'review', '', now, policy).ok,
      addDays(about.givenAt, review.explanationWindowDays),
    );
    allow(
      'explain_followup',
      decideExplain(facts, party, 'followup', '', now, policy).ok,
      about.followup ? addDays(about.followup.at, review.explanationWindowDays) : null,
    );
    allow(
      'complain',
      decideComplain(facts, party, '', now, policy).ok,
      addDays(about.givenAt, review.complaintWindowDays),
    );
  }
  return actions;
}

/** Whether `viewer` may see the rating and text of the review `by` gave on this line (F3). */
export function isReviewShownTo(
  facts: ReviewFacts,
  by: Party,
  viewer: Party | 'platform' | 'public',
  now: Instant,
  policy: Policy,
): boolean {
  if (viewer === by || viewer === 'platform') return true;
  const counterpart = by === 'buyer' ? facts.sellerReview : facts.buyerReview;
  return isReviewVisible(counterpart !== null, facts.successAt, now, policy);
}

import { describe, expect, it } from 'vitest';
import { taobaoPolicy } from '../policy/taobao.js';
import { DAY_MS } from '../shared/time.js';
import { facts, givenAt, outcome, record, successAt, value } from './review-fixtures.test-support.js';
import type { Party, ReviewRecord } from './review-record.js';
import {
  decideComplain,
  decideComplaintRuling,
  decideExplain,
  decideFollowup,
  type ReviewFacts,
} from './review-rules.js';

// Follow-ups (F4), explanations (F5) and complaints (F7): what hangs on a main review.

const dsr = { description: 2, service: 2, logistics: 2 };

describe('decideFollowup', () => {
  const followupEnd = successAt + 180 * DAY_MS;
  const bad = record('buyer', 'bad');
  for (const { f, now, code, name } of [
    { name: 'no review on the line', f: facts(), now: givenAt, code: 'FOLLOWUP_NOT_OPEN' },
    {
      name: 'only the seller rated',
      f: facts({ sellerReview: record('seller', 'good') }),
      now: givenAt,
      code: 'FOLLOWUP_NOT_OPEN',
    },
    {
      name: 'the buyer review was deleted',
      f: facts({ buyerReview: record('buyer', 'bad', { state: 'deleted' }) }),
      now: givenAt,
      code: 'FOLLOWUP_NOT_OPEN',
    },
    {
      name: 'the buyer review is a default review',
      f: facts({ buyerReview: record('buyer', 'good', { isDefault: true }) }),
      now: givenAt,
      code: 'ok',
    },
    {
      name: 'the buyer review was modified',
      f: facts({ buyerReview: record('buyer', 'good', { originalRating: 'bad', state: 'modified' }) }),
      now: givenAt,
      code: 'ok',
    },
    {
      name: 'the last instant of 180 d after success',
      f: facts({ buyerReview: bad }),
      now: followupEnd - 1,
      code: 'ok',
    },
    {
      name: 'exactly success + 180 d',
      f: facts({ buyerReview: bad }),
      now: followupEnd,
      code: 'FOLLOWUP_WINDOW_CLOSED',
    },
    {
      name: 'the line already has its follow-up',
      f: facts({ buyerReview: record('buyer', 'bad', { followup: { text: 'still broken', at: givenAt } }) }),
      now: givenAt + DAY_MS,
      code: 'FOLLOWUP_EXISTS',
    },
  ]) {
    it(`F4: ${name} → ${code}`, () => {
      expect(outcome(decideFollowup(f, 'after a month', now, taobaoPolicy))).toBe(code);
    });
  }

  for (const { text, code } of [
    { text: '好'.repeat(500), code: 'ok' },
    { text: '😀'.repeat(500), code: 'ok' },
    { text: '好'.repeat(501), code: 'TEXT_TOO_LONG' },
  ]) {
    it(`F4: a follow-up of ${text.length} UTF-16 units → ${code}`, () => {
      expect(outcome(decideFollowup(facts({ buyerReview: bad }), text, givenAt, taobaoPolicy))).toBe(code);
    });
  }

  it('F4: a follow-up changes neither the rating, the effective instant nor the DSR', () => {
    const review = record('buyer', 'bad', { dsr });
    const now = givenAt + 40 * DAY_MS;
    expect(value(decideFollowup(facts({ buyerReview: review }), 'still broken', now, taobaoPolicy))).toEqual({
      ...review,
      followup: { text: 'still broken', at: now },
    });
  });
});

describe('decideExplain', () => {
  const followupAt = givenAt + 60 * DAY_MS;
  const withFollowup = record('buyer', 'bad', { followup: { text: 'still broken', at: followupAt } });
  for (const { f, by, on, now, code, name } of [
    { name: 'no review on the line', f: facts(), by: 'seller', on: 'review', now: givenAt, code: 'NOT_FOUND' },
    {
      name: 'the seller was not rated (only its own review exists)',
      f: facts({ sellerReview: record('seller', 'good') }),
      by: 'seller',
      on: 'review',
      now: givenAt,
      code: 'NOT_THE_REVIEWER',
    },
    {
      name: 'the seller explains the buyer review',
      f: facts({ buyerReview: withFollowup }),
      by: 'seller',
      on: 'review',
      now: givenAt,
      code: 'ok',
    },
    {
      name: 'the buyer explains the seller review',
      f: facts({ sellerReview: record('seller', 'bad') }),
      by: 'buyer',
      on: 'review',
      now: givenAt,
      code: 'ok',
    },
    {
      name: 'the last instant of 30 d after the review',
      f: facts({ buyerReview: withFollowup }),
      by: 'seller',
      on: 'review',
      now: givenAt + 30 * DAY_MS - 1,
      code: 'ok',
    },
    {
      name: 'exactly 30 d after the review',
      f: facts({ buyerReview: withFollowup }),
      by: 'seller',
      on: 'review',
      now: givenAt + 30 * DAY_MS,
      code: 'EXPLANATION_WINDOW_CLOSED',
    },
    {
      name: 'a follow-up, within 30 d of it (long after the review)',
      f: facts({ buyerReview: withFollowup }),
      by: 'seller',
      on: 'followup',
      now: followupAt + 30 * DAY_MS - 1,
      code: 'ok',
    },
    {
      name: 'a follow-up, exactly 30 d after it',
      f: facts({ buyerReview: withFollowup }),
      by: 'seller',
      on: 'followup',
      now: followupAt + 30 * DAY_MS,
      code: 'EXPLANATION_WINDOW_CLOSED',
    },
    {
      name: 'a follow-up that does not exist',
      f: facts({ buyerReview: record('buyer', 'bad') }),
      by: 'seller',
      on: 'followup',
      now: givenAt,
      code: 'NOT_FOUND',
    },
    {
      name: 'the review already explained',
      f: facts({ buyerReview: { ...withFollowup, explanation: { text: 'sorry', at: givenAt } } }),
      by: 'seller',
      on: 'review',
      now: givenAt + DAY_MS,
      code: 'EXPLANATION_EXISTS',
    },
    {
      name: 'the follow-up, when only the review was explained',
      f: facts({ buyerReview: { ...withFollowup, explanation: { text: 'sorry', at: givenAt } } }),
      by: 'seller',
      on: 'followup',
      now: followupAt,
      code: 'ok',
    },
    {
      name: 'the follow-up already explained',
      f: facts({ buyerReview: { ...withFollowup, followupExplanation: { text: 'sorry', at: followupAt } } }),
      by: 'seller',
      on: 'followup',
      now: followupAt + DAY_MS,
      code: 'EXPLANATION_EXISTS',
    },
  ] as { name: string; f: ReviewFacts; by: Party; on: 'review' | 'followup'; now: number; code: string }[]) {
    it(`F5: ${name} → ${code}`, () => {
      expect(outcome(decideExplain(f, by, on, 'we are sorry', now, taobaoPolicy))).toBe(code);
    });
  }

  it('F5: an explanation of 501 characters is too long', () => {
    const f = facts({ buyerReview: withFollowup });
    expect(outcome(decideExplain(f, 'seller', 'review', 'x'.repeat(501), givenAt, taobaoPolicy))).toBe('TEXT_TOO_LONG');
    expect(outcome(decideExplain(f, 'seller', 'review', 'x'.repeat(500), givenAt, taobaoPolicy))).toBe('ok');
  });

  it('F5: one explanation per review and one per follow-up are recorded apart', () => {
    const f = facts({ buyerReview: withFollowup });
    const onReview = value(decideExplain(f, 'seller', 'review', 'a', givenAt, taobaoPolicy));
    expect(onReview).toEqual({ ...withFollowup, explanation: { text: 'a', at: givenAt } });
    const onBoth = value(
      decideExplain(facts({ buyerReview: onReview }), 'seller', 'followup', 'b', followupAt, taobaoPolicy),
    );
    expect(onBoth).toEqual({ ...onReview, followupExplanation: { text: 'b', at: followupAt } });
  });
});

describe('decideComplain', () => {
  const complaintEnd = givenAt + 30 * DAY_MS;
  const bad = record('buyer', 'bad');
  const complained = (status: 'pending' | 'upheld' | 'rejected', folded = false) =>
    record('buyer', 'bad', { complaint: { reason: 'extortion', at: givenAt, status }, folded });
  for (const { f, now, code, name } of [
    { name: 'no review on the line', f: facts(), now: givenAt, code: 'NOT_FOUND' },
    {
      name: 'the seller was not rated',
      f: facts({ sellerReview: record('seller', 'bad') }),
      now: givenAt,
      code: 'NOT_THE_REVIEWER',
    },
    { name: 'the last instant of 30 d', f: facts({ buyerReview: bad }), now: complaintEnd - 1, code: 'ok' },
    {
      name: 'exactly 30 d after the review',
      f: facts({ buyerReview: bad }),
      now: complaintEnd,
      code: 'COMPLAINT_WINDOW_CLOSED',
    },
    {
      name: 'a complaint is pending',
      f: facts({ buyerReview: complained('pending') }),
      now: givenAt,
      code: 'DUPLICATE_ID',
    },
    {
      name: 'the review is already folded',
      f: facts({ buyerReview: complained('upheld', true) }),
      now: givenAt,
      code: 'DUPLICATE_ID',
    },
    {
      name: 'an earlier complaint was rejected',
      f: facts({ buyerReview: complained('rejected') }),
      now: givenAt,
      code: 'ok',
    },
  ]) {
    it(`F7: ${name} → ${code}`, () => {
      expect(outcome(decideComplain(f, 'seller', 'extortion', now, taobaoPolicy))).toBe(code);
    });
  }

  it('F7: a reason of 501 characters is too long', () => {
    const f = facts({ buyerReview: bad });
    expect(outcome(decideComplain(f, 'seller', 'x'.repeat(501), givenAt, taobaoPolicy))).toBe('TEXT_TOO_LONG');
  });

  it('F7: a complaint is recorded pending; the review is not folded yet', () => {
    const now = givenAt + DAY_MS;
    expect(value(decideComplain(facts({ buyerReview: bad }), 'seller', 'extortion', now, taobaoPolicy))).toEqual({
      ...bad,
      complaint: { reason: 'extortion', at: now, status: 'pending' },
    });
  });
});

describe('decideComplaintRuling', () => {
  const pending = record('buyer', 'bad', { dsr, complaint: { reason: 'extortion', at: givenAt, status: 'pending' } });
  for (const { review, name } of [
    { name: 'no review', review: null },
    { name: 'no complaint', review: record('buyer', 'bad') },
    {
      name: 'a complaint already rejected',
      review: { ...pending, complaint: { ...pending.complaint!, status: 'rejected' } },
    },
    {
      name: 'a complaint already upheld',
      review: { ...pending, complaint: { ...pending.complaint!, status: 'upheld' } },
    },
  ] as { name: string; review: ReviewRecord | null }[]) {
    it(`F7: a ruling on ${name} → NOT_FOUND`, () => {
      expect(outcome(decideComplaintRuling(review, true))).toBe('NOT_FOUND');
    });
  }

  it('F7: an upheld complaint folds the review; rating, state and DSR are unchanged (never deleted)', () => {
    expect(value(decideComplaintRuling(pending, true))).toEqual({
      ...pending,
      complaint: { ...pending.complaint!, status: 'upheld' },
      folded: true,
    });
  });

  it('F7: a rejected complaint leaves the review unfolded', () => {
    expect(value(decideComplaintRuling(pending, false))).toEqual({
      ...pending,
      complaint: { ...pending.complaint!, status: 'rejected' },
      folded: false,
    });
  });
});

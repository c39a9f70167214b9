import { describe, expect, it } from 'vitest';
import { taobaoPolicy } from '../policy/taobao.js';
import { DAY_MS } from '../shared/time.js';
import { facts, givenAt, outcome, record, successAt, value } from './review-fixtures.test-support.js';
import type { Party, ReviewRecord } from './review-record.js';
import {
  decideDefaultReview,
  decideDelete,
  decideModify,
  decideRate,
  isReviewVisible,
  type RateCommand,
  type ReviewFacts,
} from './review-rules.js';

const windowEnd = successAt + 15 * DAY_MS;
const line = { orderId: 'O1', lineId: 'L1' };
const dsr = { description: 5, service: 4, logistics: 3 };

describe('decideRate', () => {
  const buyerGood: RateCommand = { by: 'buyer', rating: 'good' };
  for (const { f, now, code, name } of [
    { name: 'F1: placed', f: facts({ orderStatus: 'placed', successAt: null }), now: givenAt, code: 'REVIEW_NOT_OPEN' },
    { name: 'F1: paid', f: facts({ orderStatus: 'paid', successAt: null }), now: givenAt, code: 'REVIEW_NOT_OPEN' },
    {
      name: 'F1: shipped',
      f: facts({ orderStatus: 'shipped', successAt: null }),
      now: givenAt,
      code: 'REVIEW_NOT_OPEN',
    },
    {
      name: 'F1: closed by a full refund',
      f: facts({ orderStatus: 'closed', successAt: null }),
      now: givenAt,
      code: 'REVIEW_NOT_OPEN',
    },
    { name: 'F1: line not reviewable', f: facts({ lineReviewable: false }), now: givenAt, code: 'REVIEW_NOT_OPEN' },
    { name: 'F1: at the success instant', f: facts(), now: successAt, code: 'ok' },
    { name: 'F1: the last instant of the window', f: facts(), now: windowEnd - 1, code: 'ok' },
    { name: 'F1: exactly success + 15 d', f: facts(), now: windowEnd, code: 'REVIEW_WINDOW_CLOSED' },
    {
      name: 'F1: the other party already rated',
      f: facts({ sellerReview: record('seller', 'bad') }),
      now: givenAt,
      code: 'ok',
    },
    {
      name: 'F1: the buyer already rated',
      f: facts({ buyerReview: record('buyer', 'neutral') }),
      now: givenAt,
      code: 'REVIEW_EXISTS',
    },
    {
      name: 'F6: the buyer deleted the review (the single chance is used)',
      f: facts({ buyerReview: record('buyer', 'bad', { state: 'deleted' }) }),
      now: givenAt,
      code: 'REVIEW_EXISTS',
    },
  ]) {
    it(`${name} → ${code}`, () => {
      expect(outcome(decideRate(f, buyerGood, line, now, taobaoPolicy))).toBe(code);
    });
  }

  for (const { command, code, name } of [
    { name: 'E1: a seller giving DSR', command: { by: 'seller', rating: 'bad', dsr }, code: 'DSR_NOT_ALLOWED' },
    { name: 'E1: a buyer giving DSR', command: { by: 'buyer', rating: 'good', dsr }, code: 'ok' },
    { name: 'A1: a seller giving bad', command: { by: 'seller', rating: 'bad' }, code: 'ok' },
    {
      name: 'F1: a text of 500 characters',
      command: { by: 'buyer', rating: 'good', text: '好'.repeat(500) },
      code: 'ok',
    },
    {
      name: 'F1: a text of 501 code points',
      command: { by: 'buyer', rating: 'good', text: '好'.repeat(501) },
      code: 'TEXT_TOO_LONG',
    },
    {
      name: 'F1: a text of 500 emoji (1000 UTF-16 units)',
      command: { by: 'buyer', rating: 'good', text: '😀'.repeat(500) },
      code: 'ok',
    },
    {
      name: 'F1: a text of 501 emoji',
      command: { by: 'buyer', rating: 'good', text: '😀'.repeat(501) },
      code: 'TEXT_TOO_LONG',
    },
  ] as { name: string; command: RateCommand; code: string }[]) {
    it(`${name} → ${code}`, () => {
      expect(outcome(decideRate(facts(), command, line, givenAt, taobaoPolicy))).toBe(code);
    });
  }

  it('E3: a DSR can only be given within the review window', () => {
    const late = decideRate(facts(), { by: 'buyer', rating: 'good', dsr }, line, windowEnd, taobaoPolicy);
    expect(outcome(late)).toBe('REVIEW_WINDOW_CLOSED');
  });

  it('F1, A9: a new review takes effect when given', () => {
    const command: RateCommand = { by: 'buyer', rating: 'neutral', text: 'slow', anonymous: true, dsr };
    expect(value(decideRate(facts(), command, line, givenAt, taobaoPolicy))).toEqual(
      record('buyer', 'neutral', { anonymous: true, text: 'slow', dsr }),
    );
  });
});

describe('decideModify / decideDelete', () => {
  const neutral = record('buyer', 'neutral', { dsr });
  const mine = facts({ buyerReview: neutral });
  const modifyEnd = givenAt + 30 * DAY_MS;
  for (const { f, by, now, code, name } of [
    { name: 'F6: no review on the line', f: facts(), by: 'buyer', now: givenAt, code: 'NOT_FOUND' },
    {
      name: 'F6: only the other party rated',
      f: facts({ sellerReview: record('seller', 'bad') }),
      by: 'buyer',
      now: givenAt,
      code: 'NOT_THE_REVIEWER',
    },
    {
      name: 'F6: the rated party cannot change the rater’s review',
      f: mine,
      by: 'seller',
      now: givenAt,
      code: 'NOT_THE_REVIEWER',
    },
    {
      name: 'F6: a Tmall order',
      f: facts({ buyerReview: neutral, market: 'tmall' }),
      by: 'buyer',
      now: givenAt,
      code: 'REVIEW_NOT_MODIFIABLE',
    },
    {
      name: 'F6: a good review',
      f: facts({ buyerReview: record('buyer', 'good') }),
      by: 'buyer',
      now: givenAt,
      code: 'REVIEW_NOT_MODIFIABLE',
    },
    {
      name: 'F6: a default review',
      f: facts({ sellerReview: record('seller', 'good', { isDefault: true }) }),
      by: 'seller',
      now: givenAt,
      code: 'REVIEW_NOT_MODIFIABLE',
    },
    {
      name: 'F6: an already modified review',
      f: facts({ buyerReview: record('buyer', 'good', { originalRating: 'bad', state: 'modified' }) }),
      by: 'buyer',
      now: givenAt,
      code: 'REVIEW_NOT_MODIFIABLE',
    },
    {
      name: 'F6: a deleted review',
      f: facts({ buyerReview: record('buyer', 'bad', { state: 'deleted' }) }),
      by: 'buyer',
      now: givenAt,
      code: 'REVIEW_NOT_MODIFIABLE',
    },
    { name: 'F6: after the review window, within 30 d', f: mine, by: 'buyer', now: windowEnd + DAY_MS, code: 'ok' },
    { name: 'F6: the last instant of 30 d', f: mine, by: 'buyer', now: modifyEnd - 1, code: 'ok' },
    { name: 'F6: exactly 30 d after the review', f: mine, by: 'buyer', now: modifyEnd, code: 'MODIFY_WINDOW_CLOSED' },
    {
      name: 'F6: a seller’s own bad review',
      f: facts({ sellerReview: record('seller', 'bad') }),
      by: 'seller',
      now: givenAt,
      code: 'ok',
    },
  ] as { name: string; f: ReviewFacts; by: Party; now: number; code: string }[]) {
    it(`${name} → ${code}`, () => {
      expect(outcome(decideModify(f, by, 'good', now, taobaoPolicy))).toBe(code);
      expect(outcome(decideDelete(f, by, now, taobaoPolicy))).toBe(code);
    });
  }

  for (const { from, to, code } of [
    { from: 'neutral', to: 'good', code: 'ok' },
    { from: 'bad', to: 'good', code: 'ok' },
    { from: 'neutral', to: 'bad', code: 'MODIFY_TARGET_INVALID' },
    { from: 'neutral', to: 'neutral', code: 'MODIFY_TARGET_INVALID' },
    { from: 'bad', to: 'neutral', code: 'MODIFY_TARGET_INVALID' },
    { from: 'good', to: 'bad', code: 'REVIEW_NOT_MODIFIABLE' },
  ] as const) {
    it(`F6: changing ${from} to ${to} → ${code}`, () => {
      const f = facts({ buyerReview: record('buyer', from) });
      expect(outcome(decideModify(f, 'buyer', to, givenAt + DAY_MS, taobaoPolicy))).toBe(code);
    });
  }

  it('A9, E5: a modification takes effect now, keeps the original rating and the DSR', () => {
    const now = givenAt + 3 * DAY_MS;
    expect(value(decideModify(mine, 'buyer', 'good', now, taobaoPolicy))).toEqual({
      ...neutral,
      rating: 'good',
      originalRating: 'neutral',
      state: 'modified',
      changedAt: now,
      effectiveAt: now,
    });
  });

  it('A9, E5: a deletion keeps the rating, the instants and the DSR, and marks the review deleted', () => {
    const now = givenAt + 3 * DAY_MS;
    expect(value(decideDelete(mine, 'buyer', now, taobaoPolicy))).toEqual({
      ...neutral,
      state: 'deleted',
      changedAt: now,
    });
  });
});

describe('decideDefaultReview', () => {
  const now = windowEnd;
  for (const { buyer, seller, deemed, name } of [
    { name: 'buyer good, seller silent', buyer: record('buyer', 'good'), seller: null, deemed: 'seller' },
    { name: 'seller good, buyer silent', buyer: null, seller: record('seller', 'good'), deemed: 'buyer' },
    {
      name: 'buyer bad changed to good, seller silent (ratings as they stand)',
      buyer: record('buyer', 'good', { originalRating: 'bad', state: 'modified' }),
      seller: null,
      deemed: 'seller',
    },
    { name: 'buyer neutral, seller silent', buyer: record('buyer', 'neutral'), seller: null, deemed: null },
    { name: 'seller bad, buyer silent', buyer: null, seller: record('seller', 'bad'), deemed: null },
    {
      name: 'buyer deleted, seller silent',
      buyer: record('buyer', 'bad', { state: 'deleted' }),
      seller: null,
      deemed: null,
    },
    { name: 'nobody rated', buyer: null, seller: null, deemed: null },
    { name: 'both rated', buyer: record('buyer', 'good'), seller: record('seller', 'good'), deemed: null },
  ] as { name: string; buyer: ReviewRecord | null; seller: ReviewRecord | null; deemed: Party | null }[]) {
    it(`F2: ${name} → ${deemed ? `a default good by the ${deemed}` : 'no default review'}`, () => {
      const created = decideDefaultReview(facts({ buyerReview: buyer, sellerReview: seller }), line, now);
      expect(created?.by ?? null).toBe(deemed);
    });
  }

  it('F2, E3: the default review is a good, deemed now, with no DSR', () => {
    const created = decideDefaultReview(facts({ sellerReview: record('seller', 'good') }), line, now);
    expect(created).toEqual(
      record('buyer', 'good', { isDefault: true, givenAt: now, effectiveAt: now, dsr: null, text: null }),
    );
  });

  for (const { f, name } of [
    { name: 'the line is not reviewable', f: facts({ lineReviewable: false, buyerReview: record('buyer', 'good') }) },
    { name: 'the order is closed', f: facts({ orderStatus: 'closed', buyerReview: record('buyer', 'good') }) },
  ]) {
    it(`F1, F2: nothing is created when ${name}`, () => {
      expect(decideDefaultReview(f, line, now)).toBeNull();
    });
  }
});

describe('isReviewVisible', () => {
  for (const { rated, success, now, visible, name } of [
    { name: 'the counterpart rated', rated: true, success: successAt, now: givenAt, visible: true },
    {
      name: 'the counterpart is silent, window open',
      rated: false,
      success: successAt,
      now: windowEnd - 1,
      visible: false,
    },
    {
      name: 'the counterpart is silent, window ended',
      rated: false,
      success: successAt,
      now: windowEnd,
      visible: true,
    },
    { name: 'no success yet', rated: false, success: null, now: windowEnd, visible: false },
  ]) {
    it(`F3: visible when ${name}: ${visible}`, () => {
      expect(isReviewVisible(rated, success, now, taobaoPolicy)).toBe(visible);
    });
  }
});

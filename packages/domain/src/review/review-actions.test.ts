import { describe, expect, it } from 'vitest';
import { taobaoPolicy } from '../policy/taobao.js';
import { DAY_MS } from '../shared/time.js';
import { reviewActions } from './review-actions.js';
import { facts, givenAt, record, successAt } from './review-fixtures.test-support.js';

const names = (list: { action: string }[]) => list.map((a) => a.action);
const until = (list: { action: string; until: number | null }[], action: string) =>
  list.find((a) => a.action === action)?.until;

describe('reviewActions: what a party may do now, asked of the guards', () => {
  it('F1: both parties may rate a successful line until success + 15 days, not at the end', () => {
    const open = reviewActions(facts(), 'buyer', successAt + DAY_MS, taobaoPolicy);
    expect(names(open)).toEqual(['rate']);
    expect(until(open, 'rate')).toBe(successAt + 15 * DAY_MS);
    expect(names(reviewActions(facts(), 'seller', successAt + 15 * DAY_MS - 1, taobaoPolicy))).toEqual(['rate']);
    expect(reviewActions(facts(), 'buyer', successAt + 15 * DAY_MS, taobaoPolicy)).toEqual([]);
    expect(reviewActions(facts({ orderStatus: 'shipped', successAt: null }), 'buyer', successAt, taobaoPolicy)).toEqual(
      [],
    );
  });

  it('F6, F4: a bad review may be modified or deleted for 30 days and followed up for 180', () => {
    const f = facts({ buyerReview: record('buyer', 'bad') });
    const now = givenAt + DAY_MS;
    const list = reviewActions(f, 'buyer', now, taobaoPolicy);
    expect(names(list)).toEqual(['modify', 'delete', 'followup']);
    expect(until(list, 'modify')).toBe(givenAt + 30 * DAY_MS);
    expect(until(list, 'followup')).toBe(successAt + 180 * DAY_MS);
    expect(names(reviewActions(f, 'buyer', givenAt + 30 * DAY_MS, taobaoPolicy))).toEqual(['followup']);
  });

  it('F6: a good review, a changed one and Tmall orders offer no change', () => {
    const now = givenAt + DAY_MS;
    expect(names(reviewActions(facts({ buyerReview: record('buyer', 'good') }), 'buyer', now, taobaoPolicy))).toEqual([
      'followup',
    ]);
    const modified = record('buyer', 'good', { originalRating: 'bad', state: 'modified', changedAt: now });
    expect(names(reviewActions(facts({ buyerReview: modified }), 'buyer', now, taobaoPolicy))).toEqual(['followup']);
    const tmall = facts({ market: 'tmall', buyerReview: record('buyer', 'bad') });
    expect(names(reviewActions(tmall, 'buyer', now, taobaoPolicy))).toEqual(['followup']);
  });

  it('F3, F5, F7: the seller explains or complains only once the buyer’s review is shown to it', () => {
    const hidden = facts({ buyerReview: record('buyer', 'bad') });
    const now = givenAt + DAY_MS;
    expect(names(reviewActions(hidden, 'seller', now, taobaoPolicy))).toEqual(['rate']);
    const both = facts({ buyerReview: record('buyer', 'bad'), sellerReview: record('seller', 'good') });
    const list = reviewActions(both, 'seller', now, taobaoPolicy);
    expect(names(list)).toEqual(['explain', 'complain']);
    expect(until(list, 'explain')).toBe(givenAt + 30 * DAY_MS);
    // After the review window the buyer's review is public: the seller sees it without rating.
    expect(names(reviewActions(hidden, 'seller', successAt + 15 * DAY_MS, taobaoPolicy))).toEqual([
      'explain',
      'complain',
    ]);
  });

  it('F5: a follow-up opens its own explanation; a pending complaint closes the complaint', () => {
    const followedUp = record('buyer', 'neutral', {
      followup: { text: '用了一周就坏了', at: givenAt + 2 * DAY_MS },
      explanation: { text: '已联系', at: givenAt + DAY_MS },
      complaint: { reason: '恶意差评', at: givenAt + DAY_MS, status: 'pending' },
    });
    const f = facts({ buyerReview: followedUp, sellerReview: record('seller', 'good') });
    const list = reviewActions(f, 'seller', givenAt + 3 * DAY_MS, taobaoPolicy);
    expect(names(list)).toEqual(['explain_followup']);
    expect(until(list, 'explain_followup')).toBe(givenAt + 32 * DAY_MS);
  });
});

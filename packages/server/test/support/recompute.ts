import {
  type CountableReview,
  type CreditDecision,
  type CreditTotals,
  type DsrRating,
  decidePairCredit,
  monthKey,
  type Policy,
  type Rating,
  ZERO_TOTALS,
} from '@xinyu/domain';
import type { Kysely, Selectable } from 'kysely';
import type { Database, ReviewsTable } from '../../src/db/schema.js';

/**
 * From-scratch recomputations over the full review history, independent of the incremental
 * bookkeeping (credit_totals, credit_entries, reviews.counted, reviews.dsr_counted) they check.
 */
export type ReviewRow = Selectable<ReviewsTable>;

export const reviewKey = (r: Pick<ReviewRow, 'order_id' | 'line_id' | 'by_party'>) =>
  `${r.order_id}/${r.line_id}/${r.by_party}`;

/** The party a review rates: buyers rate sellers, sellers rate buyers (A1). */
export const ratedParty = (r: Pick<ReviewRow, 'by_party' | 'seller_id' | 'buyer_id'>) =>
  r.by_party === 'buyer' ? { kind: 'seller' as const, id: r.seller_id } : { kind: 'buyer' as const, id: r.buyer_id };

export const partyKey = (p: { kind: string; id: string }) => `${p.kind}:${p.id}`;

export async function loadAllReviews(db: Kysely<Database>): Promise<ReviewRow[]> {
  return db.selectFrom('reviews').selectAll().orderBy('seller_id').orderBy('order_id').orderBy('line_id').execute();
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/** A1–A9 from scratch: each review's decision, and each rated party's totals. */
export function recomputeCredit(reviews: readonly ReviewRow[], policy: Policy) {
  const decisions = new Map<string, CreditDecision>();
  const pairs = groupBy(reviews, (r) => `${r.seller_id}|${r.buyer_id}|${r.by_party}`);
  for (const pair of pairs.values()) {
    const countable: CountableReview[] = pair.map((r) => ({
      key: reviewKey(r),
      orderId: r.order_id,
      lineId: r.line_id,
      itemId: r.item_id,
      orderCreatedAt: r.order_created_at.getTime(),
      lineAmountFen: r.line_amount,
      rating: r.rating as Rating,
      effectiveAt: r.effective_at.getTime(),
      deleted: r.state === 'deleted',
    }));
    for (const decision of decidePairCredit(countable, policy)) decisions.set(decision.key, decision);
  }
  const totals = new Map<string, CreditTotals>();
  for (const r of reviews) {
    const decision = decisions.get(reviewKey(r))!;
    const party = partyKey(ratedParty(r));
    const t = totals.get(party) ?? ZERO_TOTALS;
    if (!decision.counted) {
      totals.set(party, t);
      continue;
    }
    totals.set(party, {
      score: t.score + decision.points,
      good: t.good + (r.rating === 'good' ? 1 : 0),
      neutral: t.neutral + (r.rating === 'neutral' ? 1 : 0),
      bad: t.bad + (r.rating === 'bad' ? 1 : 0),
    });
  }
  return { decisions, totals };
}

/**
 * E4 from scratch: per pair and natural month of the order's creation, the first `perPairMonthlyCap`
 * DSR ratings in the order they were given count; E5: whatever happened to the review since.
 */
export function recomputeDsrCounted(reviews: readonly ReviewRow[], policy: Policy): Map<string, boolean> {
  const counted = new Map<string, boolean>(reviews.map((r) => [reviewKey(r), false]));
  const withDsr = reviews.filter((r) => r.by_party === 'buyer' && r.dsr_description !== null);
  const groups = groupBy(
    withDsr,
    (r) => `${r.seller_id}|${r.buyer_id}|${monthKey(r.order_created_at.getTime(), policy.utcOffsetMinutes)}`,
  );
  for (const group of groups.values()) {
    const given = [...group].sort(
      (a, b) => a.given_at.getTime() - b.given_at.getTime() || reviewKey(a).localeCompare(reviewKey(b)),
    );
    for (const r of given.slice(0, policy.dsr.perPairMonthlyCap)) counted.set(reviewKey(r), true);
  }
  return counted;
}

/** A seller's DSR ratings as summarizeDsr takes them, with the recomputed E4 flags. */
export function dsrRatingsOf(reviews: readonly ReviewRow[], sellerId: string, counted: Map<string, boolean>) {
  return reviews
    .filter((r) => r.seller_id === sellerId && r.by_party === 'buyer' && r.dsr_description !== null)
    .map(
      (r): DsrRating => ({
        givenAt: r.given_at.getTime(),
        counted: counted.get(reviewKey(r)) ?? false,
        scores: { description: r.dsr_description!, service: r.dsr_service!, logistics: r.dsr_logistics! },
      }),
    );
}

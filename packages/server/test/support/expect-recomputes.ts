import { summarizeCredit, summarizeDsr, ZERO_TOTALS } from '@xinyu/domain';
import { expect } from 'vitest';
import { getCredit, getSellerDsr } from '../../src/app/queries/get-credit.js';
import {
  dsrRatingsOf,
  loadAllReviews,
  partyKey,
  ratedParty,
  recomputeCredit,
  recomputeDsrCounted,
  reviewKey,
} from './recompute.js';
import type { TestContext } from './test-database.js';

/**
 * Assertions that what the server kept incrementally equals a from-scratch recomputation over
 * the stored reviews (DESIGN: credit is a ledger; the invariant is property-tested).
 */
const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);

async function parties(ctx: TestContext) {
  const sellers = await ctx.db.selectFrom('sellers').select('seller_id').execute();
  const buyers = await ctx.db.selectFrom('buyers').select('buyer_id').execute();
  return [
    ...sellers.map((s) => ({ kind: 'seller' as const, id: s.seller_id })),
    ...buyers.map((b) => ({ kind: 'buyer' as const, id: b.buyer_id })),
  ];
}

/** Reviews' decisions, credit_totals (through getCredit) and the current ledger against A1–A9 from scratch. */
export async function expectCreditRecomputes(ctx: TestContext) {
  const reviews = await loadAllReviews(ctx.db);
  const { decisions, totals } = recomputeCredit(reviews, ctx.policy);
  const expected = reviews
    .map((r) => ({ ...decisions.get(reviewKey(r))!, party: partyKey(ratedParty(r)), rating: r.rating }))
    .sort(byKey);

  const kept = reviews.map((r) => ({ key: reviewKey(r), counted: r.counted, points: r.points, rule: r.credit_rule }));
  expect(kept.sort(byKey), 'reviews.counted/points/credit_rule').toEqual(
    expected.map(({ key, counted, points, rule }) => ({ key, counted, points, rule })),
  );

  const current = await ctx.db.selectFrom('credit_entries').selectAll().where('superseded_at', 'is', null).execute();
  const ledger = current.map((e) => ({
    key: reviewKey(e),
    party: partyKey({ kind: e.party_kind, id: e.party_id }),
    rating: e.rating,
    counted: e.counted,
    points: e.points,
    rule: e.credit_rule,
  }));
  expect(ledger.sort(byKey), 'one current ledger entry per review, as decided').toEqual(expected);
  for (const e of current) expect(e.reason, `reason of ${reviewKey(e)}`).not.toBe('');

  for (const party of await parties(ctx)) {
    const want = totals.get(partyKey(party)) ?? ZERO_TOTALS;
    const credit = await getCredit(ctx, party.kind, party.id);
    expect(credit, `credit of ${partyKey(party)}`).toEqual(summarizeCredit(want, ctx.policy));
    const ledgerScore = current
      .filter((e) => partyKey({ kind: e.party_kind, id: e.party_id }) === partyKey(party))
      .reduce((sum, e) => sum + (e.counted ? e.points : 0), 0);
    expect(ledgerScore, `ledger sum of ${partyKey(party)}`).toBe(credit.score);
  }
  return expected;
}

/** dsr_counted against E4 from scratch, and getSellerDsr against summarizeDsr (E2). */
export async function expectDsrRecomputes(ctx: TestContext) {
  const reviews = await loadAllReviews(ctx.db);
  const counted = recomputeDsrCounted(reviews, ctx.policy);
  const kept = reviews.map((r) => ({ key: reviewKey(r), dsrCounted: r.dsr_counted })).sort(byKey);
  expect(kept, 'reviews.dsr_counted').toEqual(
    reviews.map((r) => ({ key: reviewKey(r), dsrCounted: counted.get(reviewKey(r)) })).sort(byKey),
  );
  for (const party of await parties(ctx)) {
    if (party.kind !== 'seller') continue;
    const want = summarizeDsr(dsrRatingsOf(reviews, party.id, counted), ctx.clock.now(), ctx.policy);
    expect(await getSellerDsr(ctx, party.id), `DSR of ${party.id}`).toEqual(want);
  }
}

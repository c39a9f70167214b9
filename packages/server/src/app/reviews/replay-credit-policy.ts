import {
  type CountableReview,
  type CreditRule,
  type CreditTotals,
  type DsrSummary,
  decidePairCredit,
  dsrSummaryFromSums,
  dsrWindowStart,
  type Instant,
  monthKey,
  type Policy,
  ZERO_TOTALS,
} from '@xinyu/domain';
import type { Kysely } from 'kysely';
import { type HistoryReview, streamReviewsByPair } from '../../db/review-history.repository.js';
import type { Database } from '../../db/schema.js';

/** Credit and DSR of every party recomputed from the whole review history under one policy. */
export interface PolicyReplay {
  readonly reviews: number;
  /** By `seller:ID` or `buyer:ID`: the totals the party would have. */
  readonly totals: Map<string, CreditTotals>;
  /** By seller: E2 at `now`, with E4 re-decided. */
  readonly dsr: Map<string, DsrSummary>;
  /** How many reviews each rule decided (A1 counted; A3, A4, A6, deleted not). */
  readonly rules: Record<CreditRule, number>;
  /** Parties some review of which was not counted (A3/A4/A6/deleted), and sellers some DSR rating of which E4 or the window left out. */
  readonly partiesWithUncounted: Set<string>;
  readonly sellersWithUncountedDsr: Set<string>;
  /**
   * Sellers where E4's cut fell between ratings of one pair given at the same instant (one
   * batch): which of them counted depended on the order they were applied in, which the rows
   * do not keep, so the replay (ties by review key) may differ from what was kept there.
   */
  readonly sellersWithDsrTies: Set<string>;
}

const PAGE = 5_000;

/**
 * Replays credit (A1–A9 via the domain's pair decision) and DSR (E4 per pair and month, E2 over
 * the window ending `now`) from every stored review under `policy`, as a policy change would:
 * the reviews stream by pair through a cursor, each pair is decided when its last row has been
 * read, and only per-party sums stay in memory. Nothing is written.
 */
export async function replayCreditPolicy(db: Kysely<Database>, policy: Policy, now: Instant): Promise<PolicyReplay> {
  const from = dsrWindowStart(now, policy);
  const totals = new Map<string, CreditTotals>();
  const dsrSums = new Map<
    string,
    { sums: { description: number; service: number; logistics: number }; count: number }
  >();
  const rules: Record<CreditRule, number> = { A1: 0, A3: 0, A4: 0, A6: 0, deleted: 0 };
  const partiesWithUncounted = new Set<string>();
  const sellersWithUncountedDsr = new Set<string>();
  const sellersWithDsrTies = new Set<string>();
  let pair: HistoryReview[] = [];

  const decide = (rows: HistoryReview[]) => {
    const first = rows[0];
    if (!first) return;
    const party = first.by === 'buyer' ? `seller:${first.sellerId}` : `buyer:${first.buyerId}`;
    const countable: CountableReview[] = rows.map((r) => ({ ...r, key: `${r.orderId}/${r.lineId}/${r.by}` }));
    const ratingOf = new Map(countable.map((r) => [r.key, r.rating]));
    let t = totals.get(party) ?? ZERO_TOTALS;
    for (const d of decidePairCredit(countable, policy)) {
      rules[d.rule] += 1;
      if (!d.counted) {
        partiesWithUncounted.add(party);
        continue;
      }
      const rating = ratingOf.get(d.key);
      t = {
        score: t.score + d.points,
        good: t.good + (rating === 'good' ? 1 : 0),
        neutral: t.neutral + (rating === 'neutral' ? 1 : 0),
        bad: t.bad + (rating === 'bad' ? 1 : 0),
      };
    }
    totals.set(party, t);
    if (first.by === 'buyer') addDsr(rows, first.sellerId);
  };

  // E4: per pair and natural month of the order's creation, the first ratings given count.
  const addDsr = (rows: HistoryReview[], sellerId: string) => {
    const byMonth = new Map<string, HistoryReview[]>();
    for (const r of rows) {
      if (!r.dsr) continue;
      const month = monthKey(r.orderCreatedAt, policy.utcOffsetMinutes);
      byMonth.set(month, [...(byMonth.get(month) ?? []), r]);
    }
    const kept = dsrSums.get(sellerId) ?? { sums: { description: 0, service: 0, logistics: 0 }, count: 0 };
    for (const group of byMonth.values()) {
      group.sort((a, b) => a.givenAt - b.givenAt || keyOf(a).localeCompare(keyOf(b)));
      const cap = policy.dsr.perPairMonthlyCap;
      if (group.length > cap && group[cap - 1]!.givenAt === group[cap]!.givenAt) sellersWithDsrTies.add(sellerId);
      for (const [i, r] of group.entries()) {
        const inWindow = r.givenAt > from && r.givenAt <= now;
        if (i >= policy.dsr.perPairMonthlyCap || !inWindow) {
          sellersWithUncountedDsr.add(sellerId);
          continue;
        }
        kept.sums.description += r.dsr!.description;
        kept.sums.service += r.dsr!.service;
        kept.sums.logistics += r.dsr!.logistics;
        kept.count += 1;
      }
    }
    dsrSums.set(sellerId, kept);
  };

  const reviews = await streamReviewsByPair(db, PAGE, (page) => {
    for (const r of page) {
      const last = pair[pair.length - 1];
      if (last && (last.sellerId !== r.sellerId || last.buyerId !== r.buyerId || last.by !== r.by)) {
        decide(pair);
        pair = [];
      }
      pair.push(r);
    }
  });
  decide(pair);
  const dsr = new Map([...dsrSums].map(([seller, s]) => [seller, dsrSummaryFromSums(s.sums, s.count, policy)]));
  return { reviews, totals, dsr, rules, partiesWithUncounted, sellersWithUncountedDsr, sellersWithDsrTies };
}

const keyOf = (r: HistoryReview) => `${r.orderId}/${r.lineId}/${r.by}`;

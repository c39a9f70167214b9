import { type CreditTotals, dsrSummaryFromSums, ZERO_TOTALS } from '@xinyu/domain';
import { sql } from 'kysely';
import { type AppContext, ManualClock } from '../src/app/context.js';
import { getSellerDsr } from '../src/app/queries/get-credit.js';
import { replayCreditPolicy } from '../src/app/reviews/replay-credit-policy.js';
import type { BenchDatabase } from './bench-database.js';
import { MemoryPeak, round, timed } from './measure.js';
import type { BenchOptions } from './options.js';
import { insertReplayHistory } from './replay-history.js';
import type { FigureResult } from './report.js';

/**
 * Policy replay: credit (A1–A9 through the domain's pair decision) and DSR (E4, E2) of every party
 * recomputed from all `--reviews` reviews streamed through a cursor, against one SQL GROUP BY
 * pass over the same rows (points and counts by rated party, DSR sums by shop), which ignores
 * the A and E4 rules. The replay is checked twice: against the totals and DSR the use cases
 * kept (for every party the earlier figures rated through them), and against the GROUP BY for
 * the bulk-loaded parties none of whose reviews a rule left uncounted.
 */
export async function benchPolicyReplay(
  bench: BenchDatabase,
  ctx: AppContext,
  options: BenchOptions,
): Promise<FigureResult> {
  const { db } = bench;
  const now = ctx.clock.now();
  const existing = Number((await sql<{ n: string }>`select count(*) as n from reviews`.execute(db)).rows[0]?.n ?? 0);
  await insertReplayHistory(db, 'rpl', Math.max(0, options.reviews - existing), now);
  await bench.vacuum();
  await sql`select count(*) from reviews`.execute(db);

  const points = ctx.policy.credit.points;
  const group = await timed(async () => {
    const credit = await sql<{
      kind: string;
      party: string;
      score: number;
      good: number;
      neutral: number;
      bad: number;
    }>`
      select case when by_party = 'buyer' then 'seller' else 'buyer' end as kind,
             case when by_party = 'buyer' then seller_id else buyer_id end as party,
             sum(case rating when 'good' then ${points.good}::int when 'bad' then ${points.bad}::int
                 else ${points.neutral}::int end)::int as score,
             (count(*) filter (where rating = 'good'))::int as good,
             (count(*) filter (where rating = 'neutral'))::int as neutral,
             (count(*) filter (where rating = 'bad'))::int as bad
      from reviews where state <> 'deleted' group by 1, 2`.execute(db);
    const dsr = await sql<{ seller: string; n: number; d: number; s: number; l: number }>`
      select seller_id as seller, count(*)::int as n, sum(dsr_description)::int as d, sum(dsr_service)::int as s,
             sum(dsr_logistics)::int as l
      from reviews where by_party = 'buyer' and dsr_description is not null group by seller_id`.execute(db);
    return { credit: credit.rows, dsr: dsr.rows };
  });

  const memory = new MemoryPeak();
  const replay = await timed(() => replayCreditPolicy(db, ctx.policy, now));
  const peak = memory.stop();
  const { value: r } = replay;

  // 1. Parties rated through the use cases: the replay equals what they kept.
  const kept = await db.selectFrom('credit_totals').selectAll().execute();
  let keptChecked = 0;
  for (const row of kept) {
    if (row.party_id.startsWith('rpl') || row.party_id.startsWith('apr')) continue;
    const key = `${row.party_kind}:${row.party_id}`;
    expectTotals(key, r.totals.get(key) ?? ZERO_TOTALS, row, 'kept by the use cases');
    keptChecked += 1;
  }
  const fixed = { ...ctx, clock: new ManualClock(now) };
  let dsrChecked = 0;
  for (const row of kept) {
    if (row.party_kind !== 'seller' || row.party_id.startsWith('rpl') || row.party_id.startsWith('apr')) continue;
    if (r.sellersWithDsrTies.has(row.party_id)) continue;
    const want = await getSellerDsr(fixed, row.party_id);
    const got =
      r.dsr.get(row.party_id) ?? dsrSummaryFromSums({ description: 0, service: 0, logistics: 0 }, 0, ctx.policy);
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      throw new Error(`DSR of ${row.party_id}: replay ${JSON.stringify(got)}, kept ${JSON.stringify(want)}`);
    }
    dsrChecked += 1;
  }
  // 2. Bulk parties no rule touched: the replay equals the plain GROUP BY.
  let groupChecked = 0;
  for (const g of group.value.credit) {
    const key = `${g.kind}:${g.party}`;
    if (!g.party.startsWith('rpl') || r.partiesWithUncounted.has(key)) continue;
    expectTotals(key, r.totals.get(key) ?? ZERO_TOTALS, g, 'GROUP BY');
    groupChecked += 1;
  }
  let groupDsrChecked = 0;
  for (const g of group.value.dsr) {
    if (!g.seller.startsWith('rpl') || r.sellersWithUncountedDsr.has(g.seller)) continue;
    const want = dsrSummaryFromSums({ description: g.d, service: g.s, logistics: g.l }, g.n, ctx.policy);
    if (JSON.stringify(r.dsr.get(g.seller)) !== JSON.stringify(want)) {
      throw new Error(
        `DSR of ${g.seller}: replay ${JSON.stringify(r.dsr.get(g.seller))}, GROUP BY ${JSON.stringify(want)}`,
      );
    }
    groupDsrChecked += 1;
  }
  if (groupChecked === 0 || groupDsrChecked === 0)
    throw new Error('the policy replay checked no party against the GROUP BY');

  return {
    ratio: round(replay.ms / group.ms),
    ours: { reviews: r.reviews, ms: round(replay.ms), peakRssMb: peak.peakRssMb, peakHeapMb: peak.peakHeapMb },
    raw: { reviews: r.reviews, ms: round(group.ms), parties: group.value.credit.length },
    extra: {
      heapAtStartMb: peak.startHeapMb,
      checkedAgainstUseCases: keptChecked,
      dsrCheckedAgainstUseCases: dsrChecked,
      dsrNotCheckedForTies: r.sellersWithDsrTies.size,
      checkedAgainstGroupBy: groupChecked,
      dsrCheckedAgainstGroupBy: groupDsrChecked,
      ruleA3: r.rules.A3,
      ruleA4: r.rules.A4,
      ruleA6: r.rules.A6,
    },
  };
}

function expectTotals(key: string, got: CreditTotals, want: CreditTotals, what: string): void {
  const same =
    got.score === want.score && got.good === want.good && got.neutral === want.neutral && got.bad === want.bad;
  if (!same) throw new Error(`credit of ${key}: replay ${JSON.stringify(got)}, ${what} ${JSON.stringify(want)}`);
}

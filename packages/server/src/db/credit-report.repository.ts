import type { CreditTotals, Instant } from '@xinyu/domain';
import { type Kysely, sql } from 'kysely';
import type { PartyKind } from './credit.repository.js';
import type { Database } from './schema.js';

/** One current ledger entry as a credit report lists it. */
export interface LedgerRow {
  readonly entry_id: number;
  readonly order_id: string;
  readonly line_id: string;
  readonly by_party: string;
  readonly rating: string;
  readonly counted: boolean;
  readonly points: number;
  readonly credit_rule: string;
  readonly reason: string;
  readonly effective_at: Date;
  readonly recorded_at: Date;
  readonly policy_version: string;
}

/** Everything a credit report shows, read together. */
export interface CreditReportRows {
  readonly totals: CreditTotals;
  readonly ledger: { rows: LedgerRow[]; hasMore: boolean };
  /** E2 sums of the seller's counted DSR ratings given in `(from, to]`; null when not asked. */
  readonly dsr: { count: number; sums: { description: number; service: number; logistics: number } } | null;
}

/**
 * A party's totals, a page of its current ledger (newest first) and, for a seller, its DSR sums
 * over a window, in one statement: the read every credit page makes costs one round trip (what
 * loadTotals, listLedger and sumSellerDsr return, together).
 */
export async function loadCreditReportRows(
  db: Kysely<Database>,
  partyKind: PartyKind,
  partyId: string,
  page: { limit: number; beforeEntryId?: number | undefined },
  dsrWindow: { from: Instant; to: Instant } | null,
): Promise<CreditReportRows> {
  const before = page.beforeEntryId ?? null;
  const from = dsrWindow ? new Date(dsrWindow.from) : null;
  const to = dsrWindow ? new Date(dsrWindow.to) : null;
  // One row per ledger entry of the page (or one row of nulls when there is none), each carrying the
  // totals and DSR sums: plain columns parse faster than a json_agg and need no date re-parsing.
  const { rows } = await sql<
    { [K in keyof LedgerRow]: LedgerRow[K] | null } & {
      score: number | null;
      good: number | null;
      neutral: number | null;
      bad: number | null;
      dsr_n: number | string | null;
      dsr_d: number | string | null;
      dsr_s: number | string | null;
      dsr_l: number | string | null;
    }
  >`
    select t.score, t.good, t.neutral, t.bad,
      d.n as dsr_n, d.description as dsr_d, d.service as dsr_s, d.logistics as dsr_l,
      e.entry_id, e.order_id, e.line_id, e.by_party, e.rating, e.counted, e.points, e.credit_rule, e.reason,
      e.effective_at, e.recorded_at, e.policy_version
    from (select 1) as one
    left join credit_totals t on t.party_kind = ${partyKind} and t.party_id = ${partyId}
    left join lateral (
      select count(*) as n, coalesce(sum(dsr_description), 0) as description,
             coalesce(sum(dsr_service), 0) as service, coalesce(sum(dsr_logistics), 0) as logistics
      from reviews
      where seller_id = ${partyId} and dsr_counted and given_at > ${from}::timestamptz and given_at <= ${to}::timestamptz
    ) d on ${dsrWindow !== null}::boolean
    left join lateral (
      select entry_id, order_id, line_id, by_party, rating, counted, points, credit_rule, reason,
             effective_at, recorded_at, policy_version
      from credit_entries
      where party_kind = ${partyKind} and party_id = ${partyId} and superseded_at is null
        and (${before}::bigint is null or entry_id < ${before}::bigint)
      order by entry_id desc limit ${page.limit + 1}
    ) e on true
    order by e.entry_id desc`.execute(db);
  const r = rows[0]!;
  const entries = rows.filter((row): row is typeof row & LedgerRow => row.entry_id !== null);
  return {
    totals: { score: r.score ?? 0, good: r.good ?? 0, neutral: r.neutral ?? 0, bad: r.bad ?? 0 },
    ledger: { rows: entries.slice(0, page.limit), hasMore: entries.length > page.limit },
    dsr: dsrWindow
      ? {
          count: Number(r.dsr_n ?? 0),
          sums: { description: Number(r.dsr_d ?? 0), service: Number(r.dsr_s ?? 0), logistics: Number(r.dsr_l ?? 0) },
        }
      : null,
  };
}

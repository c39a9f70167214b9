import type { CreditTotals, Instant, Party, Rating } from '@xinyu/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

export type PartyKind = 'seller' | 'buyer';

/** The current ledger entry of one review, if any. */
export interface CurrentEntry {
  readonly entryId: number;
  readonly rating: Rating;
  readonly counted: boolean;
  readonly points: number;
  readonly rule: string;
}

export interface NewCreditEntry {
  readonly partyKind: PartyKind;
  readonly partyId: string;
  readonly sellerId: string;
  readonly buyerId: string;
  readonly orderId: string;
  readonly lineId: string;
  readonly by: Party;
  readonly rating: Rating;
  readonly counted: boolean;
  readonly points: number;
  readonly rule: string;
  readonly reason: string;
  readonly effectiveAt: Instant;
}

/** The current (not superseded) ledger entries of one pair and direction, by review key. */
export async function loadCurrentEntries(
  db: Kysely<Database>,
  sellerId: string,
  buyerId: string,
  by: Party,
): Promise<Map<string, CurrentEntry>> {
  const rows = await db
    .selectFrom('credit_entries')
    .select(['entry_id', 'order_id', 'line_id', 'rating', 'counted', 'points', 'credit_rule'])
    .where('seller_id', '=', sellerId)
    .where('buyer_id', '=', buyerId)
    .where('by_party', '=', by)
    .where('superseded_at', 'is', null)
    .execute();
  return new Map(
    rows.map((r) => [
      `${r.order_id}/${r.line_id}/${by}`,
      {
        entryId: r.entry_id,
        rating: r.rating as Rating,
        counted: r.counted,
        points: r.points,
        rule: r.credit_rule,
      },
    ]),
  );
}

/** Replaces a review's current entry: the old one is kept as history, marked superseded. */
export async function writeEntry(
  db: Kysely<Database>,
  previous: CurrentEntry | undefined,
  entry: NewCreditEntry,
  now: Instant,
  policyVersion: string,
): Promise<void> {
  if (previous) {
    await db
      .updateTable('credit_entries')
      .set({ superseded_at: new Date(now) })
      .where('entry_id', '=', previous.entryId)
      .execute();
  }
  await db
    .insertInto('credit_entries')
    .values({
      party_kind: entry.partyKind,
      party_id: entry.partyId,
      seller_id: entry.sellerId,
      buyer_id: entry.buyerId,
      order_id: entry.orderId,
      line_id: entry.lineId,
      by_party: entry.by,
      rating: entry.rating,
      counted: entry.counted,
      points: entry.points,
      credit_rule: entry.rule,
      reason: entry.reason,
      effective_at: new Date(entry.effectiveAt),
      recorded_at: new Date(now),
      superseded_at: null,
      policy_version: policyVersion,
    })
    .execute();
}

/** Adds a delta to a party's totals (the projection of its current ledger entries). */
export async function addToTotals(
  db: Kysely<Database>,
  partyKind: PartyKind,
  partyId: string,
  delta: CreditTotals,
): Promise<void> {
  if (delta.score === 0 && delta.good === 0 && delta.neutral === 0 && delta.bad === 0) return;
  await db
    .insertInto('credit_totals')
    .values({ party_kind: partyKind, party_id: partyId, ...delta })
    .onConflict((oc) =>
      oc.columns(['party_kind', 'party_id']).doUpdateSet({
        score: sql`credit_totals.score + ${delta.score}`,
        good: sql`credit_totals.good + ${delta.good}`,
        neutral: sql`credit_totals.neutral + ${delta.neutral}`,
        bad: sql`credit_totals.bad + ${delta.bad}`,
      }),
    )
    .execute();
}

export async function loadTotals(db: Kysely<Database>, partyKind: PartyKind, partyId: string): Promise<CreditTotals> {
  const row = await db
    .selectFrom('credit_totals')
    .select(['score', 'good', 'neutral', 'bad'])
    .where('party_kind', '=', partyKind)
    .where('party_id', '=', partyId)
    .executeTakeFirst();
  return row ?? { score: 0, good: 0, neutral: 0, bad: 0 };
}

/** A page of a party's ledger, newest first: "why is my score 247?". */
export async function listLedger(
  db: Kysely<Database>,
  partyKind: PartyKind,
  partyId: string,
  page: { limit: number; beforeEntryId?: number | undefined },
) {
  let query = db
    .selectFrom('credit_entries')
    .select([
      'entry_id',
      'order_id',
      'line_id',
      'by_party',
      'rating',
      'counted',
      'points',
      'credit_rule',
      'reason',
      'effective_at',
      'recorded_at',
      'policy_version',
    ])
    .where('party_kind', '=', partyKind)
    .where('party_id', '=', partyId)
    .where('superseded_at', 'is', null)
    .orderBy('entry_id', 'desc')
    .limit(page.limit + 1);
  if (page.beforeEntryId !== undefined) query = query.where('entry_id', '<', page.beforeEntryId);
  const rows = await query.execute();
  return { rows: rows.slice(0, page.limit), hasMore: rows.length > page.limit };
}

import type { CountableReview, CreditTotals, Instant, Party, Rating } from '@xinyu/domain';
import { type Insertable, type Kysely, sql } from 'kysely';
import type { CurrentEntry, NewCreditEntry, PartyKind } from './credit.repository.js';
import { type PairDirection, pairDirectionKey } from './review-batch.repository.js';
import type { Database, ReviewsTable } from './schema.js';

/**
 * Credit reads and writes of many pairs at once, with multi-row statements: what
 * recountPairCredit reads and writes for one pair and direction, for a whole batch.
 */

/** PostgreSQL takes at most 65,535 parameters per statement: rows go in chunks below that. */
const MAX_PARAMETERS = 60_000;

function chunks<T>(rows: readonly T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

const pairFilter = (pairs: readonly PairDirection[]) =>
  sql<boolean>`(seller_id, buyer_id, by_party) in (select * from unnest(${pairs.map((p) => p.sellerId)}::text[],
    ${pairs.map((p) => p.buyerId)}::text[], ${pairs.map((p) => p.by)}::text[]))`;

/** A review as credit counting sees it, with the decision stored on it. */
export type CountedReview = CountableReview & { stored: { counted: boolean; points: number; rule: string } };

/** loadPairForCounting for many pairs and directions, by pairDirectionKey. */
export async function loadPairsForCounting(
  db: Kysely<Database>,
  pairs: readonly PairDirection[],
): Promise<Map<string, CountedReview[]>> {
  const found = new Map<string, CountedReview[]>(pairs.map((p) => [pairDirectionKey(p), []]));
  if (pairs.length === 0) return found;
  const rows = await db
    .selectFrom('reviews')
    .select([
      'seller_id',
      'buyer_id',
      'by_party',
      'order_id',
      'line_id',
      'item_id',
      'order_created_at',
      'line_amount',
      'rating',
      'effective_at',
      'state',
      'counted',
      'points',
      'credit_rule',
    ])
    .where(pairFilter(pairs))
    .execute();
  for (const r of rows) {
    const by = r.by_party as Party;
    found.get(pairDirectionKey({ sellerId: r.seller_id, buyerId: r.buyer_id, by }))?.push({
      key: `${r.order_id}/${r.line_id}/${by}`,
      orderId: r.order_id,
      lineId: r.line_id,
      itemId: r.item_id,
      orderCreatedAt: r.order_created_at.getTime(),
      lineAmountFen: r.line_amount,
      rating: r.rating as Rating,
      effectiveAt: r.effective_at.getTime(),
      deleted: r.state === 'deleted',
      stored: { counted: r.counted, points: r.points, rule: r.credit_rule },
    });
  }
  return found;
}

/** loadCurrentEntries for many pairs and directions: by pairDirectionKey, then review key. */
export async function loadCurrentEntriesOfPairs(
  db: Kysely<Database>,
  pairs: readonly PairDirection[],
): Promise<Map<string, Map<string, CurrentEntry>>> {
  const found = new Map<string, Map<string, CurrentEntry>>(pairs.map((p) => [pairDirectionKey(p), new Map()]));
  if (pairs.length === 0) return found;
  const rows = await db
    .selectFrom('credit_entries')
    .select(['entry_id', 'seller_id', 'buyer_id', 'by_party', 'order_id', 'line_id', 'rating', 'counted', 'points'])
    .select('credit_rule')
    .where(pairFilter(pairs))
    .where('superseded_at', 'is', null)
    .execute();
  for (const r of rows) {
    const by = r.by_party as Party;
    found
      .get(pairDirectionKey({ sellerId: r.seller_id, buyerId: r.buyer_id, by }))
      ?.set(`${r.order_id}/${r.line_id}/${by}`, {
        entryId: r.entry_id,
        rating: r.rating as Rating,
        counted: r.counted,
        points: r.points,
        rule: r.credit_rule,
      });
  }
  return found;
}

/** Inserts new reviews, their credit decisions already taken. */
export async function insertReviewRows(db: Kysely<Database>, rows: ReadonlyArray<Insertable<ReviewsTable>>) {
  for (const part of chunks(rows, 26)) await db.insertInto('reviews').values(part).execute();
}

/** saveCreditDecision for many reviews (`key` is `ORDER/LINE/by` of `sellerId`'s order). */
export async function saveCreditDecisions(
  db: Kysely<Database>,
  decisions: ReadonlyArray<{ sellerId: string; orderId: string; lineId: string; by: Party } & CreditDecisionValues>,
): Promise<void> {
  for (const part of chunks(decisions, 7)) {
    await sql`update reviews r set counted = v.counted, points = v.points, credit_rule = v.rule
      from unnest(${part.map((d) => d.sellerId)}::text[], ${part.map((d) => d.orderId)}::text[],
                  ${part.map((d) => d.lineId)}::text[], ${part.map((d) => d.by)}::text[],
                  ${part.map((d) => d.counted)}::boolean[], ${part.map((d) => d.points)}::integer[],
                  ${part.map((d) => d.rule)}::text[]) as v(seller_id, order_id, line_id, by_party, counted, points, rule)
      where r.seller_id = v.seller_id and r.order_id = v.order_id and r.line_id = v.line_id
        and r.by_party = v.by_party`.execute(db);
  }
}

interface CreditDecisionValues {
  readonly counted: boolean;
  readonly points: number;
  readonly rule: string;
}

/** Marks entries superseded at `now` (history kept, as writeEntry does one at a time). */
export async function supersedeEntries(db: Kysely<Database>, entryIds: readonly number[], now: Instant) {
  if (entryIds.length === 0) return;
  await db
    .updateTable('credit_entries')
    .set({ superseded_at: new Date(now) })
    .where('entry_id', '=', sql<number>`any(${[...entryIds]}::bigint[])`)
    .execute();
}

/** Appends entries in the given order (entry ids follow it); `supersededAt` set when a later one replaced it. */
export async function insertEntries(
  db: Kysely<Database>,
  entries: ReadonlyArray<{ entry: NewCreditEntry; supersededAt: Instant | null }>,
  now: Instant,
  policyVersion: string,
): Promise<void> {
  const recordedAt = new Date(now);
  for (const part of chunks(entries, 16)) {
    await db
      .insertInto('credit_entries')
      .values(
        part.map(({ entry, supersededAt }) => ({
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
          recorded_at: recordedAt,
          superseded_at: supersededAt === null ? null : new Date(supersededAt),
          policy_version: policyVersion,
        })),
      )
      .execute();
  }
}

/** addToTotals for many parties (each party once), creating the rows that are missing. */
export async function addToTotalsOfParties(
  db: Kysely<Database>,
  deltas: ReadonlyArray<{ partyKind: PartyKind; partyId: string; delta: CreditTotals }>,
): Promise<void> {
  for (const part of chunks(deltas, 6)) {
    await db
      .insertInto('credit_totals')
      .values(part.map((d) => ({ party_kind: d.partyKind, party_id: d.partyId, ...d.delta })))
      .onConflict((oc) =>
        oc.columns(['party_kind', 'party_id']).doUpdateSet({
          score: sql`credit_totals.score + excluded.score`,
          good: sql`credit_totals.good + excluded.good`,
          neutral: sql`credit_totals.neutral + excluded.neutral`,
          bad: sql`credit_totals.bad + excluded.bad`,
        }),
      )
      .execute();
  }
}

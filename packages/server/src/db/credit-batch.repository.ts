import type { CountableReview, CreditTotals, Instant, Party, Rating } from '@xinyu/domain';
import { type Insertable, type Kysely, sql } from 'kysely';
import type { CurrentEntry, NewCreditEntry, PartyKind } from './credit.repository.js';
import { type PairDirection, pairDirectionKey } from './review-batch.repository.js';
import type { Database, ReviewsTable } from './schema.js';
import { type ColumnType, columnList, type UnnestValue, unnestRows } from './unnest-rows.js';

/**
 * Credit reads and writes of many pairs at once, with multi-row statements: what
 * recountPairCredit reads and writes for one pair and direction, for a whole batch.
 */

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

type ReviewRow = Insertable<ReviewsTable>;
const at = (v: unknown) => (v == null ? null : new Date(v as Date));
const REVIEW_COLUMNS: ReadonlyArray<readonly [string, ColumnType, (r: ReviewRow) => UnnestValue]> = [
  ['seller_id', 'text', (r) => r.seller_id],
  ['order_id', 'text', (r) => r.order_id],
  ['line_id', 'text', (r) => r.line_id],
  ['by_party', 'text', (r) => r.by_party],
  ['buyer_id', 'text', (r) => r.buyer_id],
  ['item_id', 'text', (r) => r.item_id],
  ['order_created_at', 'timestamptz', (r) => at(r.order_created_at)],
  ['line_amount', 'bigint', (r) => r.line_amount],
  ['rating', 'text', (r) => r.rating],
  ['original_rating', 'text', (r) => r.original_rating],
  ['is_default', 'boolean', (r) => r.is_default],
  ['anonymous', 'boolean', (r) => r.anonymous],
  ['body', 'text', (r) => r.body ?? null],
  ['given_at', 'timestamptz', (r) => at(r.given_at)],
  ['effective_at', 'timestamptz', (r) => at(r.effective_at)],
  ['state', 'text', (r) => r.state],
  ['changed_at', 'timestamptz', (r) => at(r.changed_at)],
  ['counted', 'boolean', (r) => r.counted],
  ['points', 'integer', (r) => r.points],
  ['credit_rule', 'text', (r) => r.credit_rule],
  ['dsr_description', 'smallint', (r) => r.dsr_description ?? null],
  ['dsr_service', 'smallint', (r) => r.dsr_service ?? null],
  ['dsr_logistics', 'smallint', (r) => r.dsr_logistics ?? null],
  ['dsr_counted', 'boolean', (r) => r.dsr_counted ?? false],
  ['policy_version', 'text', (r) => r.policy_version],
];

/** Inserts new reviews (as newReviewRow builds them), their credit decisions already taken. */
export async function insertReviewRows(db: Kysely<Database>, rows: readonly ReviewRow[]) {
  if (rows.length === 0) return;
  await sql`insert into reviews (${columnList(REVIEW_COLUMNS)})
    select ${columnList(REVIEW_COLUMNS)} from ${unnestRows('v', REVIEW_COLUMNS, rows)} order by v.ord`.execute(db);
}

/** saveCreditDecision for many reviews (`key` is `ORDER/LINE/by` of `sellerId`'s order). */
export async function saveCreditDecisions(
  db: Kysely<Database>,
  decisions: ReadonlyArray<{ sellerId: string; orderId: string; lineId: string; by: Party } & CreditDecisionValues>,
): Promise<void> {
  if (decisions.length === 0) return;
  const part = decisions;
  await sql`update reviews r set counted = v.counted, points = v.points, credit_rule = v.rule
      from unnest(${part.map((d) => d.sellerId)}::text[], ${part.map((d) => d.orderId)}::text[],
                  ${part.map((d) => d.lineId)}::text[], ${part.map((d) => d.by)}::text[],
                  ${part.map((d) => d.counted)}::boolean[], ${part.map((d) => d.points)}::integer[],
                  ${part.map((d) => d.rule)}::text[]) as v(seller_id, order_id, line_id, by_party, counted, points, rule)
      where r.seller_id = v.seller_id and r.order_id = v.order_id and r.line_id = v.line_id
        and r.by_party = v.by_party`.execute(db);
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

type EntryRow = { entry: NewCreditEntry; supersededAt: Instant | null };

/** Appends entries in the given order (entry ids follow it); `supersededAt` set when a later one replaced it. */
export async function insertEntries(
  db: Kysely<Database>,
  entries: readonly EntryRow[],
  now: Instant,
  policyVersion: string,
): Promise<void> {
  if (entries.length === 0) return;
  const columns: ReadonlyArray<readonly [string, ColumnType, (r: EntryRow) => UnnestValue]> = [
    ['party_kind', 'text', (r) => r.entry.partyKind],
    ['party_id', 'text', (r) => r.entry.partyId],
    ['seller_id', 'text', (r) => r.entry.sellerId],
    ['buyer_id', 'text', (r) => r.entry.buyerId],
    ['order_id', 'text', (r) => r.entry.orderId],
    ['line_id', 'text', (r) => r.entry.lineId],
    ['by_party', 'text', (r) => r.entry.by],
    ['rating', 'text', (r) => r.entry.rating],
    ['counted', 'boolean', (r) => r.entry.counted],
    ['points', 'integer', (r) => r.entry.points],
    ['credit_rule', 'text', (r) => r.entry.rule],
    ['reason', 'text', (r) => r.entry.reason],
    ['effective_at', 'timestamptz', (r) => new Date(r.entry.effectiveAt)],
    ['superseded_at', 'timestamptz', (r) => (r.supersededAt === null ? null : new Date(r.supersededAt))],
  ];
  await sql`insert into credit_entries (${columnList(columns)}, recorded_at, policy_version)
    select ${columnList(columns)}, ${new Date(now).toISOString()}::timestamptz, ${policyVersion}::text
    from ${unnestRows('v', columns, entries)} order by v.ord`.execute(db);
}

type TotalsRow = { partyKind: PartyKind; partyId: string; delta: CreditTotals };

/** addToTotals for many parties (each party once), creating the rows that are missing. */
export async function addToTotalsOfParties(db: Kysely<Database>, deltas: readonly TotalsRow[]): Promise<void> {
  if (deltas.length === 0) return;
  const columns: ReadonlyArray<readonly [string, ColumnType, (r: TotalsRow) => UnnestValue]> = [
    ['party_kind', 'text', (r) => r.partyKind],
    ['party_id', 'text', (r) => r.partyId],
    ['score', 'integer', (r) => r.delta.score],
    ['good', 'integer', (r) => r.delta.good],
    ['neutral', 'integer', (r) => r.delta.neutral],
    ['bad', 'integer', (r) => r.delta.bad],
  ];
  // Sorted by key, so that two batches touching the same parties lock their rows in the same order.
  const sorted = [...deltas].sort((a, b) => (a.partyKind + a.partyId < b.partyKind + b.partyId ? -1 : 1));
  await sql`insert into credit_totals (${columnList(columns)})
    select ${columnList(columns)} from ${unnestRows('v', columns, sorted)} order by v.ord
    on conflict (party_kind, party_id) do update set score = credit_totals.score + excluded.score,
      good = credit_totals.good + excluded.good, neutral = credit_totals.neutral + excluded.neutral,
      bad = credit_totals.bad + excluded.bad`.execute(db);
}

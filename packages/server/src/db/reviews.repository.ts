import type { CountableReview, Instant, Party, Rating, ReviewRecord, ReviewState } from '@xinyu/domain';
import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { Database, ReviewsTable } from './schema.js';

/** Where a review sits, and the order facts credit counting needs beside it. */
export interface ReviewPlacement {
  readonly sellerId: string;
  readonly buyerId: string;
  readonly itemId: string;
  readonly orderCreatedAt: Instant;
  readonly lineAmountFen: number;
}

/** A stored review: the domain record plus its placement and current credit decision. */
export interface StoredReview extends ReviewRecord, ReviewPlacement {
  readonly counted: boolean;
  readonly points: number;
  readonly creditRule: string;
  readonly dsrCounted: boolean;
}

const t = (d: Date | null): Instant | null => (d ? d.getTime() : null);
const d = (x: Instant | null | undefined): Date | null => (x == null ? null : new Date(x));
const entry = (text: string | null, at: Date | null) =>
  text !== null && at !== null ? { text, at: at.getTime() } : null;

export function toStoredReview(r: Selectable<ReviewsTable>): StoredReview {
  return {
    orderId: r.order_id,
    lineId: r.line_id,
    by: r.by_party as Party,
    rating: r.rating as Rating,
    originalRating: r.original_rating as Rating,
    isDefault: r.is_default,
    anonymous: r.anonymous,
    text: r.body,
    givenAt: r.given_at.getTime(),
    effectiveAt: r.effective_at.getTime(),
    state: r.state as ReviewState,
    changedAt: t(r.changed_at),
    dsr:
      r.dsr_description !== null && r.dsr_service !== null && r.dsr_logistics !== null
        ? { description: r.dsr_description, service: r.dsr_service, logistics: r.dsr_logistics }
        : null,
    followup: entry(r.followup_body, r.followup_at),
    explanation: entry(r.explanation_body, r.explanation_at),
    followupExplanation: entry(r.followup_explanation_body, r.followup_explanation_at),
    complaint:
      r.complaint_reason !== null && r.complaint_at !== null && r.complaint_status !== null
        ? {
            reason: r.complaint_reason,
            at: r.complaint_at.getTime(),
            status: r.complaint_status as 'pending' | 'upheld' | 'rejected',
          }
        : null,
    folded: r.folded,
    sellerId: r.seller_id,
    buyerId: r.buyer_id,
    itemId: r.item_id,
    orderCreatedAt: r.order_created_at.getTime(),
    lineAmountFen: r.line_amount,
    counted: r.counted,
    points: r.points,
    creditRule: r.credit_rule,
    dsrCounted: r.dsr_counted,
  };
}

/** Advisory lock class of buyer–seller pairs (the two-key space never meets migrate's one-key lock). */
export const PAIR_LOCK_CLASS = 7460013;

/**
 * Serializes, until the transaction ends, the review commands of one buyer–seller pair: A3/A4
 * re-decide and E4 counts over the whole pair, so two of them deciding at once (two pollers, two
 * requests) would each miss the other's review and both write entries and totals from stale reads.
 */
export async function lockPair(db: Kysely<Database>, sellerId: string, buyerId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${PAIR_LOCK_CLASS}, hashtext(${`${sellerId}/${buyerId}`}))`.execute(db);
}

/** The reviews of one line, by party. */
export async function loadLineReviews(
  db: Kysely<Database>,
  sellerId: string,
  orderId: string,
  lineId: string,
): Promise<{ buyer: StoredReview | null; seller: StoredReview | null }> {
  const rows = await db
    .selectFrom('reviews')
    .selectAll()
    .where('seller_id', '=', sellerId)
    .where('order_id', '=', orderId)
    .where('line_id', '=', lineId)
    .forUpdate()
    .execute();
  const reviews = rows.map(toStoredReview);
  return {
    buyer: reviews.find((r) => r.by === 'buyer') ?? null,
    seller: reviews.find((r) => r.by === 'seller') ?? null,
  };
}

/** The row of a new review, its credit decision pending (filled in by the recount that follows). */
export function newReviewRow(
  review: ReviewRecord,
  placement: ReviewPlacement,
  dsrCounted: boolean,
  policyVersion: string,
): Insertable<ReviewsTable> {
  return {
    seller_id: placement.sellerId,
    order_id: review.orderId,
    line_id: review.lineId,
    by_party: review.by,
    buyer_id: placement.buyerId,
    item_id: placement.itemId,
    order_created_at: new Date(placement.orderCreatedAt),
    line_amount: placement.lineAmountFen,
    rating: review.rating,
    original_rating: review.originalRating,
    is_default: review.isDefault,
    anonymous: review.anonymous,
    body: review.text,
    given_at: new Date(review.givenAt),
    effective_at: new Date(review.effectiveAt),
    state: review.state,
    changed_at: d(review.changedAt),
    counted: false,
    points: 0,
    credit_rule: 'pending',
    dsr_description: review.dsr?.description ?? null,
    dsr_service: review.dsr?.service ?? null,
    dsr_logistics: review.dsr?.logistics ?? null,
    dsr_counted: dsrCounted,
    policy_version: policyVersion,
  };
}

/** Inserts a new review; its credit decision is filled in by the recount that follows. */
export async function insertReview(
  db: Kysely<Database>,
  review: ReviewRecord,
  placement: ReviewPlacement,
  dsrCounted: boolean,
  policyVersion: string,
): Promise<void> {
  await db
    .insertInto('reviews')
    .values(newReviewRow(review, placement, dsrCounted, policyVersion))
    .execute();
}

/** Saves what a command may change on an existing review (never its DSR: E5). */
export async function saveReview(db: Kysely<Database>, sellerId: string, review: ReviewRecord): Promise<void> {
  await db
    .updateTable('reviews')
    .set({
      rating: review.rating,
      state: review.state,
      changed_at: d(review.changedAt),
      effective_at: new Date(review.effectiveAt),
      followup_body: review.followup?.text ?? null,
      followup_at: d(review.followup?.at),
      explanation_body: review.explanation?.text ?? null,
      explanation_at: d(review.explanation?.at),
      followup_explanation_body: review.followupExplanation?.text ?? null,
      followup_explanation_at: d(review.followupExplanation?.at),
      complaint_reason: review.complaint?.reason ?? null,
      complaint_at: d(review.complaint?.at),
      complaint_status: review.complaint?.status ?? null,
      folded: review.folded,
    })
    .where('seller_id', '=', sellerId)
    .where('order_id', '=', review.orderId)
    .where('line_id', '=', review.lineId)
    .where('by_party', '=', review.by)
    .execute();
}

/** All reviews of one buyer–seller pair in one direction, as credit counting sees them. */
export async function loadPairForCounting(
  db: Kysely<Database>,
  sellerId: string,
  buyerId: string,
  by: Party,
): Promise<Array<CountableReview & { stored: { counted: boolean; points: number; rule: string } }>> {
  const rows = await db
    .selectFrom('reviews')
    .select([
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
    .where('seller_id', '=', sellerId)
    .where('buyer_id', '=', buyerId)
    .where('by_party', '=', by)
    .execute();
  return rows.map((r) => ({
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
  }));
}

/** Stores a review's new credit decision. */
export async function saveCreditDecision(
  db: Kysely<Database>,
  sellerId: string,
  orderId: string,
  lineId: string,
  by: Party,
  decision: { counted: boolean; points: number; rule: string },
): Promise<void> {
  await db
    .updateTable('reviews')
    .set({ counted: decision.counted, points: decision.points, credit_rule: decision.rule })
    .where('seller_id', '=', sellerId)
    .where('order_id', '=', orderId)
    .where('line_id', '=', lineId)
    .where('by_party', '=', by)
    .execute();
}

/** One DSR rating of a pair as E4 orders them: when it was given, and whether it counts now. */
export interface PairDsrRating {
  readonly orderId: string;
  readonly lineId: string;
  readonly givenAt: Instant;
  readonly counted: boolean;
}

/** E4: every DSR rating of a pair for orders created in `[from, to)` (deleted reviews' too: E5). */
export async function loadPairDsrInMonth(
  db: Kysely<Database>,
  sellerId: string,
  buyerId: string,
  from: Instant,
  to: Instant,
): Promise<PairDsrRating[]> {
  const rows = await db
    .selectFrom('reviews')
    .select(['order_id', 'line_id', 'given_at', 'dsr_counted'])
    .where('seller_id', '=', sellerId)
    .where('buyer_id', '=', buyerId)
    .where('by_party', '=', 'buyer')
    .where('dsr_description', 'is not', null)
    .where('order_created_at', '>=', new Date(from))
    .where('order_created_at', '<', new Date(to))
    .execute();
  return rows.map((r) => ({
    orderId: r.order_id,
    lineId: r.line_id,
    givenAt: r.given_at.getTime(),
    counted: r.dsr_counted,
  }));
}

/** Stores E4's decision on a buyer's review. */
export async function saveDsrCounted(
  db: Kysely<Database>,
  sellerId: string,
  orderId: string,
  lineId: string,
  counted: boolean,
): Promise<void> {
  await db
    .updateTable('reviews')
    .set({ dsr_counted: counted })
    .where('seller_id', '=', sellerId)
    .where('order_id', '=', orderId)
    .where('line_id', '=', lineId)
    .where('by_party', '=', 'buyer')
    .execute();
}

/** E2: sums and count of a shop's counted DSR ratings given in `(from, to]`. */
export async function sumSellerDsr(db: Kysely<Database>, sellerId: string, from: Instant, to: Instant) {
  const row = await db
    .selectFrom('reviews')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.coalesce(eb.fn.sum<number>('dsr_description'), eb.lit(0)).as('description'),
      eb.fn.coalesce(eb.fn.sum<number>('dsr_service'), eb.lit(0)).as('service'),
      eb.fn.coalesce(eb.fn.sum<number>('dsr_logistics'), eb.lit(0)).as('logistics'),
    ])
    .where('seller_id', '=', sellerId)
    .where('dsr_counted', '=', true)
    .where('given_at', '>', new Date(from))
    .where('given_at', '<=', new Date(to))
    .executeTakeFirstOrThrow();
  return {
    count: Number(row.n),
    sums: { description: Number(row.description), service: Number(row.service), logistics: Number(row.logistics) },
  };
}

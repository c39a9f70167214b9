import { type Kysely, sql } from 'kysely';
import { type StoredReview, toStoredReview } from './reviews.repository.js';
import type { Database } from './schema.js';

/** A review with a complaint (F7), and its line's title. */
export interface ComplainedReview {
  readonly review: StoredReview;
  readonly title: string | null;
}

/**
 * The reviews whose complaint is in `status`, across shops: pending ones oldest first (the staff's
 * queue), ruled ones newest first; after `after` (complaint instant and review key).
 */
export async function listComplainedReviews(
  db: Kysely<Database>,
  status: string,
  page: { limit: number; after?: { at: number; key: string } | undefined },
): Promise<ComplainedReview[]> {
  const oldestFirst = status === 'pending';
  const key = sql<string>`r.seller_id || '/' || r.order_id || '/' || r.line_id || '/' || r.by_party`;
  let query = db
    .selectFrom('reviews as r')
    .innerJoin('order_lines as l', (j) =>
      j
        .onRef('l.seller_id', '=', 'r.seller_id')
        .onRef('l.order_id', '=', 'r.order_id')
        .onRef('l.line_id', '=', 'r.line_id'),
    )
    .selectAll('r')
    .select('l.title')
    .where('r.complaint_status', '=', status);
  const after = page.after;
  if (after) {
    const position = sql`(r.complaint_at, ${key})`;
    const from = sql`(${new Date(after.at)}, ${after.key})`;
    query = query.where(oldestFirst ? sql<boolean>`${position} > ${from}` : sql<boolean>`${position} < ${from}`);
  }
  const direction = oldestFirst ? 'asc' : 'desc';
  const rows = await query.orderBy('r.complaint_at', direction).orderBy(key, direction).limit(page.limit).execute();
  return rows.map((row) => {
    const { title, ...review } = row;
    return { review: toStoredReview(review), title };
  });
}

import { otherParty } from '@xinyu/domain';
import { listComplainedReviews } from '../../db/complaints.repository.js';
import type { Caller } from '../access/caller.js';
import type { AppContext } from '../context.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { iso } from './views.js';

/**
 * The staff's complaints queue (F7): reviews the rated party asked to fold, pending ones oldest
 * first; staff see the review whatever double-blind hides from the parties. A ruling folds or not,
 * never deletes.
 */
export async function listComplaints(
  ctx: AppContext,
  caller: Caller,
  query: { status: 'pending' | 'upheld' | 'rejected'; limit: number; cursor?: string | undefined },
) {
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await listComplainedReviews(ctx.db, query.status, { limit: query.limit + 1, after: cursor });
  const shown = rows.slice(0, query.limit);
  const complaints = shown.map(({ review: r, title }) => ({
    review: `${r.orderId}/${r.lineId}/${r.by}`,
    order: r.orderId,
    line: r.lineId,
    item: r.itemId,
    title,
    seller: r.sellerId,
    buyer: r.buyerId,
    by: otherParty(r.by),
    reason: r.complaint?.reason ?? '',
    complainedAt: iso(r.complaint?.at),
    status: r.complaint?.status ?? query.status,
    rating: r.rating,
    text: r.state === 'deleted' ? null : r.text,
    givenAt: iso(r.givenAt),
    folded: r.folded,
    actions:
      r.complaint?.status === 'pending' && caller.role !== 'marketplace'
        ? [{ action: 'rule_complaint', until: null }]
        : [],
  }));
  const last = shown.at(-1)?.review;
  const nextCursor =
    rows.length > query.limit && last?.complaint
      ? encodeCursor({ at: last.complaint.at, key: `${last.sellerId}/${last.orderId}/${last.lineId}/${last.by}` })
      : null;
  return { complaints, nextCursor };
}

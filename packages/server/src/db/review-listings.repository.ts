import type { Instant } from '@xinyu/domain';
import type { Kysely } from 'kysely';
import { type StoredReview, toStoredReview } from './reviews.repository.js';
import type { Database } from './schema.js';

// The shop's review listings (public page, seller workbench): reads only, paged newest first.

/** A page of the reviews a seller received (buyers' reviews), newest first. */
export async function listReviewsOfSeller(
  db: Kysely<Database>,
  sellerId: string,
  page: {
    limit: number;
    /** Only these current ratings (any when absent). */
    ratings?: readonly string[] | undefined;
    /** Only folded (true) or only unfolded (false) reviews (F7); both when absent. */
    folded?: boolean | undefined;
    /** Only reviews as given: neither modified nor deleted (F6). */
    activeOnly?: boolean | undefined;
    /** Only reviews shown by F3: the seller rated the line too, or the order succeeded at or before this. */
    shownIfSuccessBy?: Instant | undefined;
    before?: { givenAt: Instant; key: string } | undefined;
  },
): Promise<StoredReview[]> {
  let query = db
    .selectFrom('reviews')
    .selectAll()
    .where('seller_id', '=', sellerId)
    .where('by_party', '=', 'buyer')
    .orderBy('given_at', 'desc')
    .orderBy('order_id', 'desc')
    .orderBy('line_id', 'desc')
    .limit(page.limit);
  if (page.ratings) query = query.where('rating', 'in', [...page.ratings]);
  if (page.folded !== undefined) query = query.where('folded', '=', page.folded);
  if (page.activeOnly) query = query.where('state', '=', 'active');
  if (page.shownIfSuccessBy !== undefined) {
    const successBy = new Date(page.shownIfSuccessBy);
    query = query.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('reviews as s')
            .select('s.line_id')
            .whereRef('s.seller_id', '=', 'reviews.seller_id')
            .whereRef('s.order_id', '=', 'reviews.order_id')
            .whereRef('s.line_id', '=', 'reviews.line_id')
            .where('s.by_party', '=', 'seller'),
        ),
        eb.exists(
          eb
            .selectFrom('orders as o')
            .select('o.order_id')
            .whereRef('o.seller_id', '=', 'reviews.seller_id')
            .whereRef('o.order_id', '=', 'reviews.order_id')
            .where('o.success_at', '<=', successBy),
        ),
      ]),
    );
  }
  if (page.before) {
    const [orderId = '', lineId = ''] = page.before.key.split('/');
    const at = new Date(page.before.givenAt);
    query = query.where((eb) =>
      eb.or([
        eb('given_at', '<', at),
        eb.and([eb('given_at', '=', at), eb('order_id', '<', orderId)]),
        eb.and([eb('given_at', '=', at), eb('order_id', '=', orderId), eb('line_id', '<', lineId)]),
      ]),
    );
  }
  return (await query.execute()).map(toStoredReview);
}

/** Which lines of these orders the other party has rated too (F3 visibility). */
export async function ratedParties(db: Kysely<Database>, sellerId: string, orderIds: readonly string[]) {
  if (orderIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('reviews')
    .select(['order_id', 'line_id', 'by_party'])
    .where('seller_id', '=', sellerId)
    .where('order_id', 'in', [...orderIds])
    .execute();
  return new Set(rows.map((r) => `${r.order_id}/${r.line_id}/${r.by_party}`));
}

import { decideDsrCounted, type Instant, monthRange } from '@xinyu/domain';
import { loadPairDsrInMonth, saveDsrCounted } from '../../db/reviews.repository.js';
import type { UnitOfWork } from '../context.js';

/**
 * E4 re-decided over one pair's DSR ratings for orders of one natural month: the first
 * `perPairMonthlyCap` in the order they were given (ties by order, then line) count. Counting only
 * the ones stored before a new rating would follow the order in which concurrent commands got the
 * pair's lock, not the order of their instants (each takes `now` before waiting), and the flags
 * would drift from a from-scratch count. Returns each rating's flag by `ORDER/LINE`.
 */
export async function recountPairDsr(
  uow: UnitOfWork,
  sellerId: string,
  buyerId: string,
  orderCreatedAt: Instant,
): Promise<Map<string, boolean>> {
  const month = monthRange(orderCreatedAt, uow.policy.utcOffsetMinutes);
  const ratings = await loadPairDsrInMonth(uow.tx, sellerId, buyerId, month.start, month.end);
  const key = (r: { orderId: string; lineId: string }) => `${r.orderId}/${r.lineId}`;
  ratings.sort((a, b) => a.givenAt - b.givenAt || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const flags = new Map<string, boolean>();
  let counted = 0;
  for (const rating of ratings) {
    const counts = decideDsrCounted(counted, uow.policy);
    if (counts) counted += 1;
    flags.set(key(rating), counts);
    if (counts !== rating.counted) await saveDsrCounted(uow.tx, sellerId, rating.orderId, rating.lineId, counts);
  }
  return flags;
}

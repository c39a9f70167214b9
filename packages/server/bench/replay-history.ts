import type { Insertable, Kysely } from 'kysely';
import { insertReviewRows } from '../src/db/credit-batch.repository.js';
import type { Database, ReviewsTable } from '../src/db/schema.js';
import { Random } from '../src/demo/random.js';
import { type BenchOrder, DAY, insertOrders } from './fixtures.js';

const ORDERS_PER_CHUNK = 5_000;

/**
 * Bulk-loads `count` reviews (rounded up to whole orders: two lines, each rated by buyer and
 * seller) with raw multi-row INSERTs, for the policy replay. Orders span the last seven months.
 * One shop in ten sells only to first-time buyers, distinct items above ¥1, created within the
 * DSR window: no A or E4 rule applies to them or their buyers, so a plain GROUP BY must agree
 * with the replay there. The others have repeat buyers and items (A3, A4), ¥1 lines (A6) and
 * more than three DSR ratings per pair and month (E4).
 */
export async function insertReplayHistory(db: Kysely<Database>, prefix: string, count: number, now: number) {
  const orders = Math.ceil(count / 4);
  const sellers = Math.max(10, Math.ceil(orders / 500));
  const buyers = Math.max(1, Math.ceil(orders / 8));
  const random = new Random(41);
  for (let start = 0; start < orders; start += ORDERS_PER_CHUNK) {
    const chunk: BenchOrder[] = [];
    const reviews: Array<Insertable<ReviewsTable>> = [];
    for (let n = start; n < Math.min(orders, start + ORDERS_PER_CHUNK); n += 1) {
      const seller = n % sellers;
      const clean = seller % 10 === 0;
      const buyer = clean ? `${prefix}U${n}` : `${prefix}B${Math.floor(random.next() ** 2 * buyers)}`;
      const age = clean ? 10 + random.next() * 140 : 3 + random.next() * 210;
      const createdAt = Math.floor(now - age * DAY);
      const lines = [1, 2].map((k) => ({
        lineId: `L${k}`,
        itemId: clean ? `${prefix}I${n}-${k}` : `${prefix}I${seller}-${Math.floor(random.next() * 20)}`,
        amountFen: !clean && random.next() < 0.03 ? 100 : 200 + Math.floor(random.next() * 30_000),
      }));
      const order: BenchOrder = {
        sellerId: `${prefix}S${seller}`,
        buyerId: buyer,
        orderId: `${prefix}${n}`,
        status: 'success',
        createdAt,
        shippedAt: createdAt + 3_600_000,
        successAt: createdAt + DAY,
        autoConfirmAt: null,
        lines,
      };
      chunk.push(order);
      for (const line of lines) {
        const givenAt = new Date(createdAt + DAY + Math.floor(random.next() * 5 * DAY));
        const r = random.next();
        const rating = r < 0.9 ? 'good' : r < 0.96 ? 'neutral' : 'bad';
        const base = {
          seller_id: order.sellerId,
          order_id: order.orderId,
          line_id: line.lineId,
          buyer_id: buyer,
          item_id: line.itemId,
          order_created_at: new Date(createdAt),
          line_amount: line.amountFen,
          is_default: false,
          anonymous: false,
          given_at: givenAt,
          effective_at: givenAt,
          state: 'active',
          changed_at: null,
          counted: false,
          points: 0,
          credit_rule: 'pending',
          policy_version: 'bench',
        };
        reviews.push({
          ...base,
          by_party: 'buyer',
          rating,
          original_rating: rating,
          body: '宝贝收到了，和描述一致',
          dsr_description: 4 + (n % 2),
          dsr_service: 5,
          dsr_logistics: 3 + (n % 3),
          dsr_counted: false,
        });
        reviews.push({ ...base, by_party: 'seller', rating: 'good', original_rating: 'good', body: null });
      }
    }
    await insertOrders(db, chunk);
    await insertReviewRows(db, reviews);
  }
}

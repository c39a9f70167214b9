import type { Kysely } from 'kysely';
import type { RateReviewInput } from '../src/app/command-schemas.js';
import type { BatchReview } from '../src/app/reviews/rate-reviews-in-batch.js';
import type { Database } from '../src/db/schema.js';
import { Random } from '../src/demo/random.js';

/**
 * The bench's starting data, written with raw multi-row INSERTs (setting up is not what is
 * measured): orders already in the state a figure starts from, as the use cases would have left
 * them. Sizes come from the options; the mix of ratings and repeat buyers is fixed by a seed.
 */
export const DAY = 86_400_000;

export interface BenchOrder {
  readonly sellerId: string;
  readonly buyerId: string;
  readonly orderId: string;
  readonly status: 'success' | 'shipped';
  readonly createdAt: number;
  readonly shippedAt: number;
  readonly successAt: number | null;
  readonly autoConfirmAt: number | null;
  readonly lines: ReadonlyArray<{ lineId: string; itemId: string; amountFen: number }>;
}

const MAX_PARAMETERS = 60_000;

async function insertChunked<T>(rows: readonly T[], columns: number, write: (part: T[]) => Promise<unknown>) {
  const size = Math.floor(MAX_PARAMETERS / columns);
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Inserts orders with their lines, directory entries, sellers and buyers. */
export async function insertOrders(db: Kysely<Database>, orders: readonly BenchOrder[]): Promise<void> {
  const at = new Date(Math.min(...orders.map((o) => o.createdAt)));
  const sellers = [...new Set(orders.map((o) => o.sellerId))].map((s) => ({ seller_id: s, created_at: at }));
  const buyers = [...new Set(orders.map((o) => o.buyerId))].map((b) => ({ buyer_id: b, created_at: at }));
  await insertChunked(sellers, 2, (part) =>
    db
      .insertInto('sellers')
      .values(part)
      .onConflict((oc) => oc.column('seller_id').doNothing())
      .execute(),
  );
  await insertChunked(buyers, 2, (part) =>
    db
      .insertInto('buyers')
      .values(part)
      .onConflict((oc) => oc.column('buyer_id').doNothing())
      .execute(),
  );
  await insertChunked(orders, 2, (part) =>
    db
      .insertInto('order_directory')
      .values(part.map((o) => ({ order_id: o.orderId, seller_id: o.sellerId })))
      .execute(),
  );
  await insertChunked(orders, 13, (part) =>
    db
      .insertInto('orders')
      .values(
        part.map((o) => ({
          seller_id: o.sellerId,
          order_id: o.orderId,
          buyer_id: o.buyerId,
          status: o.status,
          created_at: new Date(o.createdAt),
          paid_at: new Date(o.createdAt + 60_000),
          shipped_at: new Date(o.shippedAt),
          ship_method: 'express',
          success_at: o.successAt === null ? null : new Date(o.successAt),
          auto_confirm_at: o.autoConfirmAt === null ? null : new Date(o.autoConfirmAt),
          promised_ship_hours: 48,
        })),
      )
      .execute(),
  );
  const lines = orders.flatMap((o) => o.lines.map((l, position) => ({ o, l, position })));
  await insertChunked(lines, 12, (part) =>
    db
      .insertInto('order_lines')
      .values(
        part.map(({ o, l, position }) => ({
          seller_id: o.sellerId,
          order_id: o.orderId,
          line_id: l.lineId,
          position,
          item_id: l.itemId,
          unit_price: l.amountFen,
          quantity: 1,
          amount: l.amountFen,
          category: 'general',
          is_virtual: false,
          confirmed_no_return: false,
          invoice_tax: 0,
        })),
      )
      .execute(),
  );
}

/** A marketplace's orders and the reviews they get: who buys where, what, and how they rate. */
export interface Market {
  readonly orders: BenchOrder[];
  /** Four per order: the buyer rates both lines (with DSR), the seller rates both. */
  readonly reviews: BatchReview[];
}

/**
 * `count` orders of two lines each, created between `now − 12 days` and `now − 2 days` and
 * successful a day later (so every review is within the 15-day window at `now`). A fifth of the
 * orders come from loyal buyers of one shop, so A3 (monthly cap) and A4 (same item) decide some
 * reviews; one line in fifty costs at most ¥1 (A6); ratings are 90 % good, 6 % neutral, 4 % bad.
 */
export function successfulMarket(prefix: string, count: number, now: number, seed = 1): Market {
  const random = new Random(seed);
  const sellers = Math.max(1, Math.ceil(count / 50));
  const buyers = Math.max(1, Math.ceil(count / 2));
  const orders: BenchOrder[] = [];
  const reviews: BatchReview[] = [];
  const rating = (): RateReviewInput['rating'] => {
    const r = random.next();
    return r < 0.9 ? 'good' : r < 0.96 ? 'neutral' : 'bad';
  };
  for (let n = 0; n < count; n += 1) {
    const loyal = random.next() < 0.2;
    const seller = loyal ? n % Math.min(sellers, 10) : Math.floor(random.next() * sellers);
    const buyer = loyal ? n % Math.min(buyers, 25) : Math.floor(random.next() * buyers);
    const createdAt = now - 12 * DAY + Math.floor(random.next() * 10 * DAY);
    const orderId = `${prefix}${n}`;
    const lines = [1, 2].map((k) => ({
      lineId: `L${k}`,
      itemId: `I${seller}-${Math.floor(random.next() * (loyal ? 4 : 40))}`,
      amountFen: random.next() < 0.02 ? 90 : 500 + Math.floor(random.next() * 50_000),
    }));
    orders.push({
      sellerId: `${prefix}S${seller}`,
      buyerId: `${prefix}B${buyer}`,
      orderId,
      status: 'success',
      createdAt,
      shippedAt: createdAt + 2 * 3_600_000,
      successAt: createdAt + DAY,
      autoConfirmAt: null,
      lines,
    });
    for (const { lineId } of lines) {
      const dsr = { description: 5 - Math.floor(random.next() * 2), service: 5, logistics: 4 + (n % 2) };
      reviews.push({ orderId, lineId, input: { by: 'buyer', rating: rating(), dsr, text: '质量很好，物流很快' } });
      reviews.push({ orderId, lineId, input: { by: 'seller', rating: 'good' } });
    }
  }
  // Reviews arrive interleaved across orders, not order by order.
  for (let i = reviews.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1));
    [reviews[i], reviews[j]] = [reviews[j]!, reviews[i]!];
  }
  return { orders, reviews };
}

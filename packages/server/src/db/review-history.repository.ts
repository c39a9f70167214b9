import type { Rating } from '@xinyu/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/** What a from-scratch recount reads of each review (credit A1–A9, DSR E2/E4). */
export interface HistoryReview {
  readonly sellerId: string;
  readonly buyerId: string;
  readonly by: 'buyer' | 'seller';
  readonly orderId: string;
  readonly lineId: string;
  readonly itemId: string;
  readonly orderCreatedAt: number;
  readonly lineAmountFen: number;
  readonly rating: Rating;
  readonly effectiveAt: number;
  readonly givenAt: number;
  readonly deleted: boolean;
  readonly dsr: { description: number; service: number; logistics: number } | null;
}

interface Row {
  seller_id: string;
  buyer_id: string;
  by_party: string;
  order_id: string;
  line_id: string;
  item_id: string;
  order_created_at: Date;
  line_amount: number | string;
  rating: string;
  effective_at: Date;
  given_at: Date;
  state: string;
  dsr_description: number | null;
  dsr_service: number | null;
  dsr_logistics: number | null;
}

/**
 * Every review, grouped by buyer–seller pair and direction (the unit credit is decided in), read
 * through a server-side cursor `pageSize` rows at a time inside one read-only transaction: a
 * consistent snapshot of any size in bounded memory. `onPage` gets each page in turn.
 */
export async function streamReviewsByPair(
  db: Kysely<Database>,
  pageSize: number,
  onPage: (page: HistoryReview[]) => void,
): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await sql`set transaction isolation level repeatable read, read only`.execute(tx);
    await sql`declare review_history no scroll cursor for
      select seller_id, buyer_id, by_party, order_id, line_id, item_id, order_created_at, line_amount, rating,
        effective_at, given_at, state, dsr_description, dsr_service, dsr_logistics
      from reviews order by seller_id, buyer_id, by_party`.execute(tx);
    let total = 0;
    for (;;) {
      const { rows } = await sql<Row>`fetch ${sql.raw(String(Math.trunc(pageSize)))} from review_history`.execute(tx);
      if (rows.length === 0) break;
      total += rows.length;
      onPage(rows.map(toHistoryReview));
    }
    await sql`close review_history`.execute(tx);
    return total;
  });
}

function toHistoryReview(r: Row): HistoryReview {
  return {
    sellerId: r.seller_id,
    buyerId: r.buyer_id,
    by: r.by_party as 'buyer' | 'seller',
    orderId: r.order_id,
    lineId: r.line_id,
    itemId: r.item_id,
    orderCreatedAt: r.order_created_at.getTime(),
    lineAmountFen: Number(r.line_amount),
    rating: r.rating as Rating,
    effectiveAt: r.effective_at.getTime(),
    givenAt: r.given_at.getTime(),
    deleted: r.state === 'deleted',
    dsr:
      r.dsr_description !== null && r.dsr_service !== null && r.dsr_logistics !== null
        ? { description: r.dsr_description, service: r.dsr_service, logistics: r.dsr_logistics }
        : null,
  };
}

import { addDays, isReviewVisible, ratePercent } from '@xinyu/domain';
import type { AppContext } from '../../app/context.js';
import { getCredit, getSellerDsr } from '../../app/queries/get-credit.js';
import { countPaidLines, readAllOrders, readAllParties, readAllReviews } from '../../db/snapshot.repository.js';

const iso = (d: Date | null) => (d ? toShanghaiIso(d.getTime()) : null);

/** ISO 8601 in the policy zone (+08:00), as people reading the output expect. */
function toShanghaiIso(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** The final state document of spec/replay.md, evaluated at the clock's instant. */
export async function buildReplaySnapshot(ctx: AppContext) {
  const now = ctx.clock.now();
  const { db, policy } = ctx;
  const { sellers, buyers } = await readAllParties(db);
  const trades = await countPaidLines(db, addDays(now, -30), now);

  const sellerOut: Record<string, unknown> = {};
  for (const { seller_id } of sellers) {
    const trades30d = trades.get(seller_id) ?? 0;
    const refunds30d = 0;
    const disputes30d = 0;
    sellerOut[seller_id] = {
      credit: await getCredit(ctx, 'seller', seller_id),
      dsr: await getSellerDsr(ctx, seller_id),
      trades30d,
      refunds30d,
      disputes30d,
      refundRate30d: ratePercent(refunds30d, trades30d) ?? 0,
      disputeRate30d: ratePercent(disputes30d, trades30d) ?? 0,
    };
  }
  const buyerOut: Record<string, unknown> = {};
  for (const { buyer_id } of buyers) buyerOut[buyer_id] = { credit: await getCredit(ctx, 'buyer', buyer_id) };

  const orders = await readAllOrders(db);
  const orderOut: Record<string, unknown> = {};
  const successAt = new Map<string, number | null>();
  for (const o of orders) {
    successAt.set(o.order_id, o.success_at?.getTime() ?? null);
    orderOut[o.order_id] = { status: o.status, successAt: iso(o.success_at), autoConfirmAt: iso(o.auto_confirm_at) };
  }

  const reviews = await readAllReviews(db);
  const rated = new Set(reviews.map((r) => `${r.order_id}/${r.line_id}/${r.by_party}`));
  const reviewOut: Record<string, unknown> = {};
  for (const r of reviews) {
    const counterpart = r.by_party === 'buyer' ? 'seller' : 'buyer';
    const counterpartRated = rated.has(`${r.order_id}/${r.line_id}/${counterpart}`);
    reviewOut[`${r.order_id}/${r.line_id}/${r.by_party}`] = {
      rating: r.rating,
      isDefault: r.is_default,
      counted: r.counted,
      points: r.points,
      rule: r.credit_rule,
      visible: isReviewVisible(counterpartRated, successAt.get(r.order_id) ?? null, now, policy),
      folded: r.folded,
      state: r.state,
      dsrCounted: r.dsr_counted,
      followup: r.followup_at !== null,
      explanations: (r.explanation_at ? 1 : 0) + (r.followup_explanation_at ? 1 : 0),
    };
  }
  return {
    at: toShanghaiIso(now),
    policy: policy.version,
    sellers: sellerOut,
    buyers: buyerOut,
    orders: orderOut,
    reviews: reviewOut,
    refunds: {},
    compensations: [],
  };
}

import { isReviewVisible } from '@xinyu/domain';
import type { AppContext } from '../../app/context.js';
import { getCredit, getSellerDsr } from '../../app/queries/get-credit.js';
import { getSellerMetrics } from '../../app/queries/get-seller-metrics.js';
import { listCompensations } from '../../db/refunds.repository.js';
import { readAllOrders, readAllParties, readAllRefunds, readAllReviews } from '../../db/snapshot.repository.js';

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

  const sellerOut: Record<string, unknown> = {};
  for (const { seller_id } of sellers) {
    sellerOut[seller_id] = {
      credit: await getCredit(ctx, 'seller', seller_id),
      dsr: await getSellerDsr(ctx, seller_id),
      ...(await getSellerMetrics(ctx, seller_id)),
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
    refunds: Object.fromEntries(
      (await readAllRefunds(db)).map((r) => [
        r.refund_id,
        {
          status: r.status,
          refunded: r.refunded,
          disputeCounted: r.dispute_counted,
          order: r.order_id,
          line: r.line_id,
          requested: r.requested_amount,
          maximum: r.maximum,
          deadlineAt: iso(r.deadline_at),
        },
      ]),
    ),
    compensations: (await listCompensations(db)).map((c) => ({ order: c.order_id, kind: c.kind, amount: c.amount })),
  };
}

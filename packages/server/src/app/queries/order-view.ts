import {
  type AllowedAction,
  isOrderFullyRefunded,
  isReviewShownTo,
  orderActions,
  type Party,
  type Policy,
  type RefundState,
  type ReviewFacts,
  refundRequestOptions,
  reviewActions,
} from '@xinyu/domain';
import {
  loadOrdersDetail,
  loadSellerProfiles,
  type OrdersDetail,
  orderKeyOf,
} from '../../db/order-views.repository.js';
import type { StoredLine, StoredOrder } from '../../db/orders.repository.js';
import type { StoredReview } from '../../db/reviews.repository.js';
import { type Caller, partyOf } from '../access/caller.js';
import type { AppContext } from '../context.js';
import { actionView, iso } from './views.js';

/** A review as `viewer` may see it: double-blind (F3) hides a rating and text not yet shown. */
export function reviewView(review: StoredReview, shown: boolean) {
  const entry = (e: { text: string; at: number } | null) =>
    e && shown ? { text: e.text, at: new Date(e.at).toISOString() } : null;
  return {
    by: review.by,
    visible: shown,
    rating: shown ? review.rating : null,
    isDefault: review.isDefault,
    state: review.state,
    givenAt: iso(review.givenAt),
    changedAt: iso(review.changedAt),
    text: shown && review.state !== 'deleted' ? review.text : null,
    anonymous: review.anonymous,
    dsr: shown ? review.dsr : null,
    followup: entry(review.followup),
    explanation: entry(review.explanation),
    followupExplanation: entry(review.followupExplanation),
    folded: review.folded,
    complaint: review.complaint
      ? { status: review.complaint.status, at: new Date(review.complaint.at).toISOString() }
      : null,
  };
}

function refundsOfLine(refunds: ReadonlyArray<{ state: RefundState }>, lineId: string) {
  return refunds
    .filter((r) => r.state.lineId === lineId)
    .map(({ state }) => ({
      refund: state.refundId,
      kind: state.kind,
      status: state.status,
      requested: state.requestedAmount,
      refunded: state.refunded,
      deadlineAt: iso(state.deadlineAt),
    }));
}

/** What an order's view is made of, loaded first. */
export interface ViewInput {
  readonly order: StoredOrder;
  readonly lines: readonly StoredLine[];
  readonly reviews: readonly StoredReview[];
  readonly refunds: ReadonlyArray<{ state: RefundState }>;
  readonly market: string;
  readonly shopName: string | null;
}

/** The actions of one line for the caller: a party's review and refund commands, staff's ruling. */
function lineActions(
  input: ViewInput,
  line: StoredLine,
  facts: ReviewFacts,
  viewer: Party | 'platform',
  caller: Caller,
  now: number,
  policy: Policy,
) {
  const actions: AllowedAction[] = [];
  if (viewer !== 'platform') actions.push(...reviewActions(facts, viewer, now, policy));
  if (viewer === 'buyer') {
    const states = input.refunds.map((r) => r.state);
    const options = refundRequestOptions(
      { order: input.order, lines: input.lines, earlierRefunds: states },
      input.order.orderId,
      line.lineId,
      now,
      policy,
    );
    if (options) actions.push(options);
  }
  const pending = [facts.buyerReview, facts.sellerReview].some((r) => r?.complaint?.status === 'pending');
  if (caller.role === 'staff' && pending) actions.push({ action: 'rule_complaint', until: null });
  return actions.map(actionView);
}

/** The review facts of one line (F1: a line refunded in full is not reviewable), as the guards see them. */
export function lineFacts(
  input: ViewInput,
  line: StoredLine,
): ReviewFacts & {
  buyerReview: StoredReview | null;
  sellerReview: StoredReview | null;
} {
  return {
    orderStatus: input.order.status,
    successAt: input.order.successAt,
    market: input.market,
    lineReviewable: !isOrderFullyRefunded(
      [line],
      input.refunds.map((r) => r.state),
    ),
    buyerReview: input.reviews.find((r) => r.lineId === line.lineId && r.by === 'buyer') ?? null,
    sellerReview: input.reviews.find((r) => r.lineId === line.lineId && r.by === 'seller') ?? null,
  };
}

/** One order as `caller` sees it, with what the caller may do now on the order and on each line. */
export function orderView(input: ViewInput, caller: Caller, now: number, policy: Policy) {
  const { order } = input;
  const viewer = partyOf(caller);
  const lines = input.lines.map((line) => {
    const facts = lineFacts(input, line);
    const { buyerReview, sellerReview } = facts;
    const view = (review: StoredReview | null) =>
      review ? reviewView(review, isReviewShownTo(facts, review.by, viewer, now, policy)) : null;
    return {
      line: line.lineId,
      item: line.itemId,
      title: line.title,
      price: line.unitPriceFen,
      qty: line.quantity,
      amount: line.amountFen,
      category: line.category,
      virtual: line.isVirtual,
      reviews: { buyer: view(buyerReview), seller: view(sellerReview) },
      refunds: refundsOfLine(input.refunds, line.lineId),
      actions: lineActions(input, line, facts, viewer, caller, now, policy),
    };
  });
  return {
    order: order.orderId,
    seller: order.sellerId,
    shopName: input.shopName,
    buyer: order.buyerId,
    status: order.status,
    createdAt: iso(order.createdAt),
    paidAt: iso(order.paidAt),
    shippedAt: iso(order.shippedAt),
    shipMethod: order.shipMethod,
    deliveredAt: iso(order.deliveredAt),
    successAt: iso(order.successAt),
    closedAt: iso(order.closedAt),
    autoConfirmAt: iso(order.autoConfirmAt),
    total: input.lines.reduce((sum, l) => sum + l.amountFen, 0),
    lines,
    actions: viewer === 'platform' ? [] : orderActions(order, viewer, now, policy).map(actionView),
  };
}

export type OrderView = ReturnType<typeof orderView>;

/** The inputs of several orders' views, loaded in a fixed number of statements whatever their number. */
export async function loadViewInputs(ctx: AppContext, orders: readonly StoredOrder[]): Promise<ViewInput[]> {
  const [detail, profiles]: [OrdersDetail, Awaited<ReturnType<typeof loadSellerProfiles>>] = await Promise.all([
    loadOrdersDetail(ctx.db, orders),
    loadSellerProfiles(
      ctx.db,
      orders.map((o) => o.sellerId),
    ),
  ]);
  return orders.map((order) => {
    const key = orderKeyOf(order);
    const profile = profiles.get(order.sellerId);
    return {
      order,
      lines: detail.lines.get(key) ?? [],
      reviews: detail.reviews.get(key) ?? [],
      refunds: detail.refunds.get(key) ?? [],
      market: profile?.market ?? 'taobao',
      shopName: profile?.name ?? null,
    };
  });
}

/** The views of several orders for `caller`. */
export async function orderViews(
  ctx: AppContext,
  caller: Caller,
  orders: readonly StoredOrder[],
): Promise<OrderView[]> {
  const now = ctx.clock.now();
  return (await loadViewInputs(ctx, orders)).map((input) => orderView(input, caller, now, ctx.policy));
}

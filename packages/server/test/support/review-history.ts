import type { DsrScores, Instant, Party, Rating, Result } from '@xinyu/domain';
import fc from 'fast-check';
import type { UnitOfWork } from '../../src/app/context.js';
import { confirmOrder } from '../../src/app/orders/confirm-order.js';
import { payOrder } from '../../src/app/orders/pay-order.js';
import { placeOrder } from '../../src/app/orders/place-order.js';
import { shipOrder } from '../../src/app/orders/ship-order.js';
import { deleteReview } from '../../src/app/reviews/delete-review.js';
import { modifyReview } from '../../src/app/reviews/modify-review.js';
import { rateReview } from '../../src/app/reviews/rate-review.js';
import type { Commands } from './test-database.js';

/**
 * Random review histories for the credit invariant: a few buyers and sellers, orders of 1–3 lines
 * on a small set of items (A4 collisions), amounts around 100 fen (A6), creation dates across
 * month boundaries (A3, E4), buyer and seller reviews with DSR, changes within and past 30 days
 * (F6, A9), and clock advances that fire auto-confirmation (G1) and default reviews (F2).
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Orders are created from here over 70 days, so across the February and March month boundaries. */
export const HISTORY_START = Date.parse('2024-01-20T00:00:00+08:00');
const MONTH_EDGES = ['2024-02-01T00:00:00+08:00', '2024-03-01T00:00:00+08:00'].map(Date.parse);

export interface ChangePlan {
  readonly kind: 'modify' | 'delete';
  readonly to: Rating;
  readonly afterMinutes: number;
}

export interface ReviewPlan {
  readonly rating: Rating;
  /** From the order's success (negative: before it, refused REVIEW_NOT_OPEN). */
  readonly afterMinutes: number;
  readonly dsr: DsrScores | null;
  readonly anonymous: boolean;
  readonly change: ChangePlan | null;
}

export interface LinePlan {
  readonly item: string;
  readonly price: number;
  readonly qty: number;
  readonly buyer: ReviewPlan | null;
  readonly seller: ReviewPlan | null;
}

export interface OrderPlan {
  readonly buyer: string;
  readonly seller: string;
  readonly createdAt: Instant;
  readonly lines: readonly LinePlan[];
  /** `confirm`: the buyer confirms; `auto`: G1 confirms 10 d after shipment; `unshipped`: never succeeds. */
  readonly flow: 'confirm' | 'auto' | 'unshipped';
  readonly confirmAfterMinutes: number;
}

export interface ReviewHistory {
  readonly orders: readonly OrderPlan[];
  readonly advances: readonly Instant[];
  /** Days past the last command at which the state is checked (E2's 6-month window slides). */
  readonly checkAfterDays: number;
}

/** Two frequent items collide under A4; the rest rarely do, so that A3's cap is reached too. */
const item = fc.oneof(
  { arbitrary: fc.constantFrom('I1', 'I2'), weight: 1 },
  { arbitrary: fc.integer({ min: 3, max: 40 }).map((n) => `I${n}`), weight: 2 },
);
const rating = fc.constantFrom<Rating>('good', 'good', 'good', 'good', 'neutral', 'bad');
const star = fc.integer({ min: 1, max: 5 });
const dsr = fc.record({ description: star, service: star, logistics: star });

function reviewPlan(by: Party): fc.Arbitrary<ReviewPlan | null> {
  const plan = fc.record({
    rating,
    afterMinutes: fc.oneof(
      { arbitrary: fc.integer({ min: 0, max: 14 * 24 * 60 }), weight: 9 },
      { arbitrary: fc.integer({ min: -24 * 60, max: 17 * 24 * 60 }), weight: 1 },
    ),
    // Sellers giving DSR is refused (E1, DSR_NOT_ALLOWED): rare, to keep most seller reviews.
    dsr: by === 'buyer' ? fc.option(dsr, { freq: 4 }) : fc.oneof({ arbitrary: fc.constant(null), weight: 9 }, dsr),
    anonymous: fc.boolean(),
    change: fc.option(
      fc.record({
        kind: fc.constantFrom<ChangePlan['kind']>('modify', 'modify', 'delete'),
        to: fc.constantFrom<Rating>('good', 'good', 'good', 'neutral'),
        afterMinutes: fc.integer({ min: 0, max: 32 * 24 * 60 }),
      }),
      { freq: 2 },
    ),
  });
  return fc.option(plan, { freq: by === 'buyer' ? 5 : 3 });
}

/** Creation instants over `spanDays`: whole days apart (A4's |Δ| < 14 d edge) or at a month's edge. */
function createdAt(spanDays: number): fc.Arbitrary<Instant> {
  return fc.oneof(
    {
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: spanDays }), fc.constantFrom(0, MINUTE, 9 * HOUR, 23 * HOUR + 59 * MINUTE))
        .map(([day, time]) => HISTORY_START + day * DAY + time),
      weight: 5,
    },
    { arbitrary: fc.constantFrom(...MONTH_EDGES.flatMap((edge) => [edge - MINUTE, edge])), weight: 1 },
  );
}

function orderPlan(buyers: number, sellers: number, spanDays: number): fc.Arbitrary<OrderPlan> {
  return fc.record({
    buyer: fc.integer({ min: 1, max: buyers }).map((n) => `B${n}`),
    seller: fc.integer({ min: 1, max: sellers }).map((n) => `S${n}`),
    createdAt: createdAt(spanDays),
    lines: fc.array(
      fc.record({
        item,
        // 50×2 and 100 are at the A6 limit, 51×2 and 101 just past it.
        price: fc.constantFrom(50, 51, 100, 101, 3_900, 3_900, 12_800, 12_800, 12_800),
        qty: fc.constantFrom(1, 1, 1, 2),
        buyer: reviewPlan('buyer'),
        seller: reviewPlan('seller'),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    flow: fc.constantFrom<OrderPlan['flow']>('confirm', 'confirm', 'confirm', 'auto', 'auto', 'unshipped'),
    confirmAfterMinutes: fc.integer({ min: 1, max: 9 * 24 * 60 }),
  });
}

/**
 * A history; one buyer and one seller over 6 or 25 days is likely, so that A3's monthly cap is reached;
 * 70 days cross two month boundaries.
 */
export function reviewHistory(maxOrders: number): fc.Arbitrary<ReviewHistory> {
  const count = fc.constantFrom(1, 1, 1, 2, 3);
  return fc.tuple(count, count, fc.constantFrom(6, 25, 70)).chain(([buyers, sellers, spanDays]) =>
    fc.record({
      orders: fc.array(orderPlan(buyers, sellers, spanDays), { minLength: 1, maxLength: maxOrders, size: 'max' }),
      advances: fc.array(
        fc.integer({ min: 0, max: 100 * DAY }).map((t) => HISTORY_START + t),
        { maxLength: 3 },
      ),
      checkAfterDays: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 200 })),
    }),
  );
}

interface Step {
  at: Instant;
  readonly label: string;
  readonly work: ((uow: UnitOfWork) => Promise<Result<unknown>>) | null;
}

/** What a history did: how many commands ran and the codes of those refused. */
export interface HistoryOutcome {
  readonly commands: number;
  readonly refusals: Record<string, number>;
  readonly end: Instant;
}

function reviewSteps(orderId: string, lineId: string, by: Party, plan: ReviewPlan, successAt: Instant): Step[] {
  const ratedAt = successAt + plan.afterMinutes * MINUTE;
  const steps: Step[] = [
    {
      at: ratedAt,
      label: `rate ${orderId}/${lineId}/${by} ${plan.rating}`,
      work: (uow) =>
        rateReview(uow, orderId, lineId, {
          by,
          rating: plan.rating,
          anonymous: plan.anonymous,
          ...(plan.dsr ? { dsr: plan.dsr } : {}),
        }),
    },
  ];
  const { change } = plan;
  if (change) {
    steps.push({
      at: ratedAt + change.afterMinutes * MINUTE,
      label: `${change.kind} ${orderId}/${lineId}/${by}`,
      work: (uow) =>
        change.kind === 'modify'
          ? modifyReview(uow, orderId, lineId, by, change.to)
          : deleteReview(uow, orderId, lineId, by),
    });
  }
  return steps;
}

function orderSteps(plan: OrderPlan, orderId: string): Step[] {
  const placedAt = plan.createdAt;
  const shippedAt = placedAt + 2 * MINUTE;
  const steps: Step[] = [
    {
      at: placedAt,
      label: `place ${orderId}`,
      work: (uow) =>
        placeOrder(uow, {
          order: orderId,
          buyer: plan.buyer,
          seller: plan.seller,
          lines: plan.lines.map((l, i) => ({ line: `L${i + 1}`, item: l.item, price: l.price, qty: l.qty })),
        }),
    },
    { at: placedAt + MINUTE, label: `pay ${orderId}`, work: (uow) => payOrder(uow, orderId) },
  ];
  if (plan.flow !== 'unshipped') {
    steps.push({ at: shippedAt, label: `ship ${orderId}`, work: (uow) => shipOrder(uow, orderId, 'express') });
  }
  const confirmedAt = shippedAt + plan.confirmAfterMinutes * MINUTE;
  if (plan.flow === 'confirm') {
    steps.push({ at: confirmedAt, label: `confirm ${orderId}`, work: (uow) => confirmOrder(uow, orderId) });
  }
  // An unshipped order never succeeds: its reviews are refused (REVIEW_NOT_OPEN).
  const successAt = plan.flow === 'confirm' ? confirmedAt : shippedAt + 10 * DAY;
  plan.lines.forEach((line, i) => {
    for (const by of ['buyer', 'seller'] as const) {
      const review = line[by];
      if (review) steps.push(...reviewSteps(orderId, `L${i + 1}`, by, review, successAt));
    }
  });
  return steps;
}

/**
 * Applies a history through the use cases, in time order (every command at its own instant, so
 * "the order given" is unambiguous), then advances past every review window and `checkAfterDays`.
 */
export async function applyHistory(history: ReviewHistory, run: Commands): Promise<HistoryOutcome> {
  const steps = history.orders.flatMap((plan, i) => orderSteps(plan, `O${i + 1}`));
  for (const at of history.advances) steps.push({ at, label: 'clock.advance', work: null });
  steps.sort((a, b) => a.at - b.at); // stable: ties keep plan order
  for (let i = 1; i < steps.length; i++) {
    const previous = steps[i - 1]!;
    if (steps[i]!.at <= previous.at) steps[i]!.at = previous.at + 1_000;
  }
  const refusals: Record<string, number> = {};
  let commands = 0;
  for (const step of steps) {
    if (!step.work) {
      await run.advanceTo(step.at);
      continue;
    }
    const result = await run.run(step.at, step.work);
    commands += 1;
    if (!result.ok) refusals[result.code] = (refusals[result.code] ?? 0) + 1;
  }
  const last = steps.at(-1)?.at ?? HISTORY_START;
  const end = last + (26 + history.checkAfterDays) * DAY;
  await run.advanceTo(end);
  return { commands, refusals, end };
}

import { DAY_MS, HOUR_MS, type Instant, type Result } from '@xinyu/domain';
import type { Kysely } from 'kysely';
import { type AppContext, executeCommand, type UnitOfWork } from '../../src/app/context.js';
import { confirmOrder } from '../../src/app/orders/confirm-order.js';
import { payOrder } from '../../src/app/orders/pay-order.js';
import { placeOrder } from '../../src/app/orders/place-order.js';
import { shipOrder } from '../../src/app/orders/ship-order.js';
import { requestRefund } from '../../src/app/refunds/request-refund.js';
import { rateReview } from '../../src/app/reviews/rate-review.js';
import type { Database } from '../../src/db/schema.js';

/**
 * Deadlines that real server processes (on the wall clock) find due: each subject is set up
 * through the use cases at instants in the past, chosen so that its deadline falls at a given
 * wall-clock instant, in one transaction per subject so that no poller ever sees (and fires) the
 * intermediate timers the setup sets and cancels again.
 */
export type DeadlineKind =
  | 'order.auto_confirm'
  | 'review.window_end'
  | 'order.ship_deadline'
  | 'refund.seller_deadline';

export interface Deadline {
  readonly kind: DeadlineKind;
  readonly ref: string;
  readonly dueAt: Instant;
  /** The event its firing records, on which aggregate. */
  readonly effect: { readonly type: string; readonly aggregateId: string };
}

const KINDS: readonly DeadlineKind[] = [
  'order.auto_confirm', // G1: express ship + 10 d
  'review.window_end', // F2: success + 15 d, the buyer rated good, the seller silent
  'order.ship_deadline', // L1/L3: paid + promised hours, never shipped
  'refund.seller_deadline', // H2: a refund after shipment, the seller silent for 5 d
];

type Step = readonly [Instant, (uow: UnitOfWork) => Promise<Result<unknown>>];

function steps(ctx: AppContext, kind: DeadlineKind, id: string, due: Instant, index: number): Step[] {
  const { policy } = ctx;
  const order = (at: Instant, promisedShipHours = 48): Step => [
    at,
    (uow) =>
      placeOrder(uow, {
        order: id,
        buyer: `DB${index}`,
        seller: `DS${index % 3}`,
        lines: [{ line: 'L1', item: `DI${index}`, price: 5_900 }],
        promisedShipHours,
      }),
  ];
  const m = 60_000;
  switch (kind) {
    case 'order.auto_confirm': {
      const ship = due - policy.autoConfirmDays.express * DAY_MS;
      return [
        order(ship - 2 * m),
        [ship - m, (uow) => payOrder(uow, id)],
        [ship, (uow) => shipOrder(uow, id, 'express')],
      ];
    }
    case 'review.window_end': {
      const success = due - policy.review.windowDays * DAY_MS;
      return [
        order(success - 3 * m),
        [success - 2 * m, (uow) => payOrder(uow, id)],
        [success - m, (uow) => shipOrder(uow, id, 'express')],
        [success, (uow) => confirmOrder(uow, id)],
        [success + m, (uow) => rateReview(uow, id, 'L1', { by: 'buyer', rating: 'good' })],
      ];
    }
    case 'order.ship_deadline': {
      const paid = due - 24 * HOUR_MS;
      return [order(paid - m, 24), [paid, (uow) => payOrder(uow, id)]];
    }
    case 'refund.seller_deadline': {
      const requested = due - policy.afterSales.refund.sellerDaysAfterShipment * DAY_MS;
      return [
        order(requested - 3 * m),
        [requested - 2 * m, (uow) => payOrder(uow, id)],
        [requested - m, (uow) => shipOrder(uow, id, 'express')],
        [
          requested,
          (uow) =>
            requestRefund(uow, {
              refund: `${id}R`,
              order: id,
              line: 'L1',
              kind: 'refund_only',
              amount: 5_900,
              reason: 'quality',
            }),
        ],
      ];
    }
  }
}

function deadlineOf(kind: DeadlineKind, id: string, dueAt: Instant): Deadline {
  switch (kind) {
    case 'order.auto_confirm':
      return { kind, ref: id, dueAt, effect: { type: 'order.succeeded', aggregateId: id } };
    case 'review.window_end':
      return { kind, ref: id, dueAt, effect: { type: 'review.defaulted', aggregateId: `${id}/L1/seller` } };
    case 'order.ship_deadline':
      return { kind, ref: id, dueAt, effect: { type: 'order.late_shipment_compensated', aggregateId: id } };
    case 'refund.seller_deadline':
      return { kind, ref: `${id}R`, dueAt, effect: { type: 'refund.seller_timed_out', aggregateId: `${id}R` } };
  }
}

/**
 * Sets one deadline due at each of `dues`, the four kinds in turn, on subjects `{prefix}{i}` (their
 * own sellers `DS0..2` and buyers `DB{i}`); checks that each timer row is written, due then.
 */
export async function setDueDeadlines(ctx: AppContext, dues: readonly Instant[], prefix = 'D'): Promise<Deadline[]> {
  const deadlines: Deadline[] = [];
  for (const [i, due] of dues.entries()) {
    const kind = KINDS[i % KINDS.length]!;
    const id = `${prefix}${i}`;
    const deadline = deadlineOf(kind, id, due);
    await ctx.db.transaction().execute(async (tx) => {
      for (const [at, work] of steps(ctx, kind, id, due, i)) {
        const result = await executeCommand(ctx, work, { tx, at });
        if (!result.ok) throw new Error(`setting up ${kind} ${id}: ${result.code} ${result.message}`);
      }
      const timer = await tx
        .selectFrom('timers')
        .select('due_at')
        .where('kind', '=', kind)
        .where('ref', '=', deadline.ref)
        .executeTakeFirst();
      if (timer?.due_at.getTime() !== due) throw new Error(`${kind} ${deadline.ref} is not due at ${due}`);
    });
    deadlines.push(deadline);
  }
  return deadlines;
}

/** When each deadline's effect was recorded (`kind ref` → occurred_at of every matching event). */
export async function firings(db: Kysely<Database>, deadlines: readonly Deadline[]): Promise<Map<string, Instant[]>> {
  const rows = await db
    .selectFrom('events')
    .select(['event_type', 'aggregate_id', 'occurred_at', 'payload'])
    .where(
      'event_type',
      'in',
      deadlines.map((d) => d.effect.type),
    )
    .execute();
  const found = new Map<string, Instant[]>();
  for (const d of deadlines) {
    const at = rows
      .filter((r) => r.event_type === d.effect.type && r.aggregate_id === d.effect.aggregateId)
      // Only the auto-confirmation's success is this deadline's effect, not a buyer's confirmation.
      .filter((r) => r.event_type !== 'order.succeeded' || (r.payload as { automatic?: boolean }).automatic === true)
      .map((r) => r.occurred_at.getTime());
    found.set(`${d.kind} ${d.ref}`, at);
  }
  return found;
}

/** Waits until every deadline's effect is recorded (the pollers run on their own), at most `ms`. */
export async function waitForFirings(db: Kysely<Database>, deadlines: readonly Deadline[], ms = 30_000) {
  const until = Date.now() + ms;
  for (;;) {
    const fired = await firings(db, deadlines);
    const missing = deadlines.filter((d) => (fired.get(`${d.kind} ${d.ref}`) ?? []).length === 0);
    if (missing.length === 0) return fired;
    if (Date.now() > until) {
      throw new Error(`not fired within ${ms} ms: ${missing.map((d) => `${d.kind} ${d.ref}`).join(', ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

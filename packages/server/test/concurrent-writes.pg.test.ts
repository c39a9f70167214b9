import { DAY_MS, type Instant, type Result } from '@xinyu/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaceOrderInput } from '../src/app/command-schemas.js';
import { executeCommand, type UnitOfWork } from '../src/app/context.js';
import { confirmOrder } from '../src/app/orders/confirm-order.js';
import { payOrder } from '../src/app/orders/pay-order.js';
import { placeOrder } from '../src/app/orders/place-order.js';
import { shipOrder } from '../src/app/orders/ship-order.js';
import { agreeRefund } from '../src/app/refunds/agree-refund.js';
import { requestRefund } from '../src/app/refunds/request-refund.js';
import { complainAboutReview } from '../src/app/reviews/complain-about-review.js';
import { deleteReview } from '../src/app/reviews/delete-review.js';
import { explainReview } from '../src/app/reviews/explain-review.js';
import { followUpReview } from '../src/app/reviews/follow-up-review.js';
import { modifyReview } from '../src/app/reviews/modify-review.js';
import { rateReview } from '../src/app/reviews/rate-review.js';
import { ruleOnComplaint } from '../src/app/reviews/rule-on-complaint.js';
import { fireDueTimers } from '../src/app/timers/fire-due-timers.js';
import { type OpenedDatabase, openDatabase } from '../src/db/open-database.js';
import { expectCreditRecomputes, expectDsrRecomputes } from './support/expect-recomputes.js';
import { commands, instant, makeContext, type TestContext, useTestDatabase } from './support/test-database.js';

// Issue: "two concurrent modifications of the same review: exactly one wins, the other gets its
// code". Each command runs as a server request does (its own transaction, on its own pool: other
// sessions of the PostgreSQL server), all of them begun before any starts deciding, so that each
// one's reads could interleave with the others' writes if nothing serialized them.

const testDb = useTestDatabase();
const T0 = instant('2024-03-04T10:00:00+08:00');
const MINUTE = 60_000;
const POOLS = 4;
const POOL_SIZE = 8;
const pools: OpenedDatabase[] = [];

beforeAll(async () => {
  for (let i = 0; i < POOLS; i++) {
    pools.push(await openDatabase({ kind: 'postgres', url: testDb().url!, poolSize: POOL_SIZE }));
  }
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

type Work = (uow: UnitOfWork) => Promise<Result<unknown>>;

/** Runs each work at `at` in its own transaction, on pools in turn, once all of them have begun. */
async function together(
  ctx: TestContext,
  works: readonly Work[],
  at: (i: number) => Instant,
): Promise<Result<unknown>[]> {
  // Each holds its connection while it waits for the others: they must all get one.
  if (works.length > POOLS * POOL_SIZE) throw new Error(`at most ${POOLS * POOL_SIZE} works at once`);
  let begun = 0;
  let go!: () => void;
  const started = new Promise<void>((resolve) => {
    go = resolve;
  });
  return Promise.all(
    works.map((work, i) =>
      pools[i % pools.length]!.db.transaction().execute(async (tx) => {
        await sql`select 1`.execute(tx);
        begun += 1;
        if (begun === works.length) go();
        await started;
        return executeCommand({ ...ctx, db: pools[i % pools.length]!.db }, work, { tx, at: at(i) });
      }),
    ),
  );
}

const order = (id: string, buyer: string, item = `I-${id}`): PlaceOrderInput => ({
  order: id,
  buyer,
  seller: 'S1',
  lines: [{ line: 'L1', item, price: 3_900 }],
});

async function expectOk<T>(result: Promise<Result<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`setup refused: ${r.code} ${r.message}`);
  return r.value;
}

interface RaceCase {
  readonly name: string;
  /** Brings order `id` (its own buyer) to the state where each racer alone would succeed. */
  readonly setup: (run: ReturnType<typeof commands>, id: string, at: Instant) => Promise<void>;
  readonly racers: readonly [(id: string) => Work, (id: string) => Work];
  /** The code the loser gets, whichever racer it is. */
  readonly code: string;
  /** The events one winner records (and two would record twice). */
  readonly events: readonly string[];
}

const rated =
  (
    rating: 'good' | 'neutral' | 'bad',
    extra: (run: ReturnType<typeof commands>, id: string, at: Instant) => Promise<void> = async () => {},
  ) =>
  async (run: ReturnType<typeof commands>, id: string, at: Instant) => {
    const success = await run.completeOrder(at, order(id, `B-${id}`));
    await expectOk(
      run.run(success + MINUTE, (uow) => rateReview(uow, id, 'L1', { by: 'buyer', rating, text: '不好' })),
    );
    await extra(run, id, success + 2 * MINUTE);
  };

const CASES: readonly RaceCase[] = [
  {
    name: 'F6: two changes of one bad review to good',
    setup: rated('bad'),
    racers: [
      (id) => (uow) => modifyReview(uow, id, 'L1', 'buyer', 'good'),
      (id) => (uow) => modifyReview(uow, id, 'L1', 'buyer', 'good'),
    ],
    code: 'REVIEW_NOT_MODIFIABLE',
    events: ['review.modified'],
  },
  {
    name: 'F6: a change and a deletion of one neutral review',
    setup: rated('neutral'),
    racers: [
      (id) => (uow) => modifyReview(uow, id, 'L1', 'buyer', 'good'),
      (id) => (uow) => deleteReview(uow, id, 'L1', 'buyer'),
    ],
    code: 'REVIEW_NOT_MODIFIABLE',
    events: ['review.modified', 'review.deleted'],
  },
  {
    name: 'F1: two main reviews of one line by the buyer',
    setup: async (run, id, at) => {
      await run.completeOrder(at, order(id, `B-${id}`));
    },
    racers: [
      (id) => (uow) =>
        rateReview(uow, id, 'L1', { by: 'buyer', rating: 'good', dsr: { description: 5, service: 5, logistics: 5 } }),
      (id) => (uow) =>
        rateReview(uow, id, 'L1', { by: 'buyer', rating: 'bad', dsr: { description: 1, service: 1, logistics: 1 } }),
    ],
    code: 'REVIEW_EXISTS',
    events: ['review.rated'],
  },
  {
    name: 'F4: two follow-ups of one review',
    setup: rated('good'),
    racers: [
      (id) => (uow) => followUpReview(uow, id, 'L1', '一周后：好'),
      (id) => (uow) => followUpReview(uow, id, 'L1', '一周后：差'),
    ],
    code: 'FOLLOWUP_EXISTS',
    events: ['review.followed_up'],
  },
  {
    name: 'F5: two explanations of one review',
    setup: rated('bad'),
    racers: [
      (id) => (uow) => explainReview(uow, id, 'L1', { by: 'seller', on: 'review', text: '已补发' }),
      (id) => (uow) => explainReview(uow, id, 'L1', { by: 'seller', on: 'review', text: '抱歉' }),
    ],
    code: 'EXPLANATION_EXISTS',
    events: ['review.explained'],
  },
  {
    name: 'F7: two complaints about one review',
    setup: rated('bad'),
    racers: [
      (id) => (uow) => complainAboutReview(uow, id, 'L1', { by: 'seller', reason: '恶意差评' }),
      (id) => (uow) => complainAboutReview(uow, id, 'L1', { by: 'seller', reason: '辱骂' }),
    ],
    code: 'DUPLICATE_ID',
    events: ['review.complained'],
  },
  {
    name: 'F7: two rulings on one complaint',
    setup: rated('bad', async (run, id, at) => {
      await expectOk(run.run(at, (uow) => complainAboutReview(uow, id, 'L1', { by: 'seller', reason: '恶意差评' })));
    }),
    racers: [
      (id) => (uow) => ruleOnComplaint(uow, id, 'L1', true),
      (id) => (uow) => ruleOnComplaint(uow, id, 'L1', false),
    ],
    code: 'NOT_FOUND',
    events: ['review.folded', 'review.complaint_rejected'],
  },
];

/** Events of these types on the buyer's review of `id`'s line. */
async function reviewEvents(ctx: TestContext, id: string, types: readonly string[]) {
  const rows = await ctx.db
    .selectFrom('events')
    .select('event_type')
    .where('aggregate_id', '=', `${id}/L1/buyer`)
    .where('event_type', 'in', [...types])
    .execute();
  return rows.map((r) => r.event_type);
}

describe('two concurrent writes of the same review: exactly one wins, the other gets its code', () => {
  const ORDERS = 6;
  for (const c of CASES) {
    it(`${c.name}: one succeeds, one is refused ${c.code}, the stored state shows one change`, async () => {
      const ctx = makeContext(testDb().db, T0);
      const run = commands(ctx);
      const ids = Array.from({ length: ORDERS }, (_, i) => `O${i + 1}`);
      for (const [i, id] of ids.entries()) await c.setup(run, id, T0 + i * 10 * MINUTE);
      const at = T0 + DAY_MS;
      ctx.clock.set(at);
      const before = await ctx.db.selectFrom('credit_entries').select('entry_id').execute();
      // Every race at once: 2 racers × 6 reviews over 4 pools.
      const works = ids.flatMap((id) => c.racers.map((racer) => racer(id)));
      const results = await together(ctx, works, () => at);
      for (const [i, id] of ids.entries()) {
        const pair = results.slice(2 * i, 2 * i + 2);
        expect(
          pair.filter((r) => r.ok),
          `${id}: one winner`,
        ).toHaveLength(1);
        expect(
          pair.find((r) => !r.ok),
          `${id}: the loser’s code`,
        ).toMatchObject({ ok: false, code: c.code });
        expect(await reviewEvents(ctx, id, c.events), `${id}: one change recorded`).toHaveLength(1);
      }
      const reviews = await ctx.db.selectFrom('reviews').select(['order_id', 'by_party']).execute();
      expect(
        reviews.filter((r) => r.by_party === 'buyer'),
        'one buyer review per line',
      ).toHaveLength(ORDERS);
      const entries = await ctx.db.selectFrom('credit_entries').select('entry_id').execute();
      // A change re-decides its review once (one new entry); a first rating writes one; nothing else does.
      const newEntries = c.events.some((e) => ['review.modified', 'review.deleted', 'review.rated'].includes(e))
        ? ORDERS
        : 0;
      expect(entries.length - before.length, 'new ledger entries').toBe(newEntries);
      await expectCreditRecomputes(ctx);
      await expectDsrRecomputes(ctx);
    });
  }

  it('placing one order id twice at once: one is placed, the other is refused DUPLICATE_ID', async () => {
    const ctx = makeContext(testDb().db, T0);
    const ids = Array.from({ length: ORDERS }, (_, i) => `O${i + 1}`);
    const works = ids.flatMap((id): Work[] => [
      (uow) => placeOrder(uow, order(id, 'B1')),
      (uow) => placeOrder(uow, order(id, 'B2')),
    ]);
    const results = await together(ctx, works, () => T0);
    for (const [i, id] of ids.entries()) {
      const pair = results.slice(2 * i, 2 * i + 2);
      expect(
        pair.filter((r) => r.ok),
        `${id}: one placed`,
      ).toHaveLength(1);
      expect(
        pair.find((r) => !r.ok),
        `${id}: the other refused`,
      ).toMatchObject({ ok: false, code: 'DUPLICATE_ID' });
    }
    const placed = await ctx.db
      .selectFrom('events')
      .select('aggregate_id')
      .where('event_type', '=', 'order.placed')
      .execute();
    expect(placed.map((e) => e.aggregate_id).sort()).toEqual(ids);
  });
});

describe('concurrent writers of one pair’s credit (A3/A4 and E4 look across the pair)', () => {
  it('A3, A4, A9, E4: ratings, changes and deletions of one pair at once count as a from-scratch recount does', async () => {
    const ctx = makeContext(testDb().db, T0);
    const run = commands(ctx);
    // One buyer–seller pair, 14 orders in one natural month: I1 three times (A4 within 14 days),
    // the others distinct, so that more than 6 goods meet the monthly cap (A3).
    const ids = Array.from({ length: 14 }, (_, i) => `O${i + 1}`);
    const items = ids.map((_, i) => (i < 3 ? 'I1' : `I${i}`));
    let at = T0;
    for (const [i, id] of ids.entries()) at = await run.completeOrder(at + MINUTE, order(id, 'B1', items[i]));
    // Three of them already rated bad or neutral by the buyer, to be changed or deleted in the race.
    for (const [id, rating] of [
      ['O1', 'bad'],
      ['O4', 'neutral'],
      ['O5', 'bad'],
    ] as const) {
      at += MINUTE;
      await expectOk(run.run(at, (uow) => rateReview(uow, id, 'L1', { by: 'buyer', rating })));
    }
    const dsr = { description: 4, service: 5, logistics: 3 };
    const works: Work[] = [
      (uow) => modifyReview(uow, 'O1', 'L1', 'buyer', 'good'),
      (uow) => modifyReview(uow, 'O4', 'L1', 'buyer', 'good'),
      (uow) => deleteReview(uow, 'O5', 'L1', 'buyer'),
      ...ids.slice(5).map(
        (id): Work =>
          (uow) =>
            rateReview(uow, id, 'L1', { by: 'buyer', rating: 'good', dsr }),
      ),
      ...ids.slice(1, 3).map(
        (id): Work =>
          (uow) =>
            rateReview(uow, id, 'L1', { by: 'buyer', rating: 'good', dsr }),
      ),
      // The other direction at the same time: the seller rates the buyer (buyer credit).
      ...ids.map(
        (id, i): Work =>
          (uow) =>
            rateReview(uow, id, 'L1', { by: 'seller', rating: i % 5 === 0 ? 'bad' : 'good' }),
      ),
    ];
    // Each at its own instant, in an order unrelated to the one in which they will get the pair.
    const start = at + MINUTE;
    const results = await together(ctx, works, (i) => start + ((i * 7) % works.length) * 1_000);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    ctx.clock.set(start + works.length * 1_000);
    await expectCreditRecomputes(ctx);
    await expectDsrRecomputes(ctx);
    // 13 buyer goods in force: I1 counts once (A4), then at most 6 a month (A3).
    expect(
      (await ctx.db.selectFrom('credit_totals').selectAll().where('party_kind', '=', 'seller').execute())[0],
    ).toMatchObject({
      score: 6,
      good: 6,
    });
  });
});

describe('a command and the firing of its subject’s deadline at once', () => {
  // The firing holds its timer row and waits for the subject; the command holds the subject and,
  // at its end, cancels that timer row. Neither may fail (a deadlock would abort one of them).
  const RACES = [
    {
      name: 'G1: the buyer confirms as the auto-confirmation fires',
      kind: 'order.auto_confirm',
      refund: false,
      command:
        (id: string): Work =>
        (uow) =>
          confirmOrder(uow, id),
      code: 'ORDER_STATE_INVALID',
      effect: (id: string) => ({ aggregate: id, types: ['order.succeeded'] }),
    },
    {
      name: 'H2: the seller agrees as the seller’s deadline fires',
      kind: 'refund.seller_deadline',
      refund: true,
      command:
        (id: string): Work =>
        (uow) =>
          agreeRefund(uow, `${id}R`),
      code: 'REFUND_STATE_INVALID',
      effect: (id: string) => ({ aggregate: `${id}R`, types: ['refund.agreed', 'refund.seller_timed_out'] }),
    },
  ] as const;
  const pollerPools: OpenedDatabase[] = [];
  beforeAll(async () => {
    const url = new URL(testDb().url!);
    url.searchParams.set('options', `${url.searchParams.get('options')} -c deadlock_timeout=10s`);
    for (let i = 0; i < 2; i++) {
      pollerPools.push(await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 }));
    }
  });
  afterAll(async () => {
    await Promise.all(pollerPools.map((p) => p.close()));
  });
  for (const race of RACES) {
    it(`${race.name}: one of them decides, the other is refused or does nothing, none fails`, async () => {
      const ctx = makeContext(testDb().db, T0);
      const run = commands(ctx);
      const ids = Array.from({ length: 16 }, (_, i) => `O${i + 1}`);
      for (const id of ids) await expectOk(run.run(T0, (uow) => placeOrder(uow, order(id, `B-${id}`))));
      for (const id of ids) await expectOk(run.run(T0 + MINUTE, (uow) => payOrder(uow, id)));
      for (const id of ids) await expectOk(run.run(T0 + 2 * MINUTE, (uow) => shipOrder(uow, id, 'express')));
      if (race.refund) {
        for (const id of ids) {
          await expectOk(
            run.run(T0 + 3 * MINUTE, (uow) =>
              requestRefund(uow, {
                refund: `${id}R`,
                order: id,
                line: 'L1',
                kind: 'refund_only',
                amount: 3_900,
                reason: 'quality',
              }),
            ),
          );
        }
      }
      const timers = await ctx.db.selectFrom('timers').select('due_at').where('kind', '=', race.kind).execute();
      expect(timers).toHaveLength(ids.length);
      const due = timers[0]!.due_at.getTime();
      // Two pollers fire the deadlines due now while each command arrives just before its deadline.
      // Their sessions check for deadlocks late, so that any deadlock aborts a command, visibly (a
      // firing aborted would only be retried).
      const failures: unknown[] = [];
      const pollers = pollerPools.map((pool) =>
        fireDueTimers({ ...ctx, db: pool.db }, due).catch((error: unknown) => {
          failures.push(error);
          return 0;
        }),
      );
      const answers = ids.map((id, i) =>
        executeCommand({ ...ctx, db: pools[2 + (i % 2)]!.db }, race.command(id), { at: due - 1 }).catch(
          (error: unknown) => {
            failures.push(error);
            return null;
          },
        ),
      );
      const results = await Promise.all(answers);
      await Promise.all(pollers);
      expect(failures.map(String), 'commands or firings that failed').toEqual([]);
      for (const r of results) if (r && !r.ok) expect(r.code).toBe(race.code);
      // A firing that found its subject busy gave its timer back for the next round.
      await fireDueTimers(ctx, due);
      for (const id of ids) {
        const { aggregate, types } = race.effect(id);
        const decided = await ctx.db
          .selectFrom('events')
          .select('event_type')
          .where('aggregate_id', '=', aggregate)
          .where('event_type', 'in', [...types])
          .execute();
        expect(decided, `${aggregate}: decided once`).toHaveLength(1);
      }
      const left = await ctx.db
        .selectFrom('timers')
        .select(['kind', 'ref', 'attempts'])
        .where((eb) => eb.or([eb('kind', '=', race.kind), eb('attempts', '>', 0)]))
        .execute();
      expect(left, 'the deadlines consumed, none failed').toEqual([]);
    });
  }
});

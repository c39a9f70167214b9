import { afterEach, describe, expect, it } from 'vitest';
import { type Chain, commandStream, postWrite, runStream, type StreamWrite } from './support/command-stream.js';
import { type Deadline, setDueDeadlines, waitForFirings } from './support/due-deadlines.js';
import { type ServerProcess, startServerProcess } from './support/server-process.js';
import { expectNothingHalfApplied, expectWritesApplied, finalState } from './support/stored-outcome.js';
import { makeContext, openTestDatabase, type TestDatabase, useTestDatabase } from './support/test-database.js';

// Issue: "a test that runs the engine with 3 server processes against one PostgreSQL under load
// with results identical to a single process." The same writes go over HTTP to three `xinyu serve`
// processes on one schema (each write to the next process in turn, so consecutive writes of one
// order land on different processes) and to one process on another schema; both schemas hold the
// same deadlines, which their pollers fire on the wall clock. The stream's final state does not
// depend on how its chains interleave (command-stream.ts: every cross-order rule looks within one
// buyer–seller pair, whose writes are sent in order; totals are sums), and the deadlines fire at
// their own instants, so the two final states must be equal, wall-clock instants aside.

const testDb = useTestDatabase();
const API_KEY = 'multi-process-test-key';
const started: ServerProcess[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.kill()));
});

async function start(database: TestDatabase, name: string): Promise<ServerProcess> {
  const server = await startServerProcess(database.url!, { name, apiKey: API_KEY });
  started.push(server);
  return server;
}

const ok = (status: number) => status >= 200 && status < 300;

/**
 * Orders R1..R5 rated bad by their buyers (RB1..RB5: one pair each, so that the five races are
 * independent of each other; the changes of one pair's reviews in another order would leave
 * another ledger history, A4 re-deciding them): each review is changed twice at once with
 * different keys, to two processes, and the first change is sent again with its key to a third
 * at the same time. Returns the three answers, per order.
 */
async function races(addresses: readonly string[]) {
  const at = (n: number) => addresses[n % addresses.length]!;
  const setup: Chain[] = Array.from({ length: 5 }, (_, i) => {
    const order = `R${i + 1}`;
    const write = (step: string, path: string, body?: Record<string, unknown>): StreamWrite => ({
      key: `${order}.${step}`,
      path,
      ...(body ? { body } : {}),
      effect: { aggregateId: order, type: '' },
    });
    return [
      write('place', '/v1/orders', {
        order,
        buyer: `RB${i + 1}`,
        seller: 'S0',
        lines: [{ line: 'L1', item: 'RI', price: 990 }],
      }),
      write('pay', `/v1/orders/${order}/pay`),
      write('ship', `/v1/orders/${order}/ship`, { method: 'express' }),
      write('confirm', `/v1/orders/${order}/confirm`),
      write('rate', `/v1/orders/${order}/lines/L1/reviews`, { by: 'buyer', rating: 'bad', text: '差' }),
    ];
  });
  const prepared = await runStream(setup, { apiKey: API_KEY, concurrency: 5, target: at });
  expect(prepared.filter((a) => !ok(a.status)).map((a) => [a.write.key, a.body])).toEqual([]);
  return Promise.all(
    Array.from({ length: 5 }, async (_, i) => {
      const path = `/v1/orders/R${i + 1}/lines/L1/reviews/modify`;
      const body = { by: 'buyer', rating: 'good' };
      const [first, second, again] = await Promise.all([
        postWrite(at(i), API_KEY, `R${i + 1}.modify-1`, path, body),
        postWrite(at(i + 1), API_KEY, `R${i + 1}.modify-2`, path, body),
        postWrite(at(i + 2), API_KEY, `R${i + 1}.modify-1`, path, body),
      ]);
      return { first, second, again };
    }),
  );
}

async function expectFiredOnce(database: TestDatabase, deadlines: readonly Deadline[]) {
  const fired = await waitForFirings(database.db, deadlines);
  for (const d of deadlines) expect(fired.get(`${d.kind} ${d.ref}`), `${d.kind} ${d.ref}`).toEqual([d.dueAt]);
  const due = await database.db
    .selectFrom('timers')
    .select(['kind', 'ref'])
    .where('due_at', '<=', new Date())
    .execute();
  expect(due, 'timers left due').toEqual([]);
}

describe('three server processes on one PostgreSQL database, against one', () => {
  it('the same writes and deadlines under load end in the same state as on a single process', async () => {
    const three = testDb();
    const one = await openTestDatabase();
    try {
      // 24 deadlines (G1, F2, L3, H2) set up alike in both schemas, due from 1 s ago to 6 s from now.
      const now = Date.now();
      const dues = Array.from({ length: 24 }, (_, i) => now - 1_000 + i * 300);
      const deadlines = await setDueDeadlines(makeContext(three.db, now), dues);
      await setDueDeadlines(makeContext(one.db, now), dues);

      const servers = await Promise.all([
        start(three, 'xinyu-multi-a'),
        start(three, 'xinyu-multi-b'),
        start(three, 'xinyu-multi-c'),
        start(one, 'xinyu-single'),
      ]);
      const spread = servers.slice(0, 3).map((s) => s.address);
      const single = [servers[3]!.address];
      const chains = commandStream(24, 1111);
      // Both deployments at once, 9 chains in flight each.
      const [onThree, onOne] = await Promise.all([
        runStream(chains, { apiKey: API_KEY, concurrency: 9, target: (n) => spread[n % 3]! }),
        runStream(chains, { apiKey: API_KEY, concurrency: 9, target: () => single[0]! }),
      ]);
      for (const answers of [onThree, onOne]) {
        expect(answers.filter((a) => !ok(a.status)).map((a) => [a.write.key, a.status, a.body])).toEqual([]);
        expect(answers.filter((a) => a.unanswered > 0 || a.replayed)).toEqual([]);
      }

      // Two changes of one review at once: one wins, the other gets REVIEW_NOT_MODIFIABLE; the
      // winner's key sent again at the same time answers what the first got (once it committed).
      for (const raced of await Promise.all([races(spread), races([single[0]!, single[0]!, single[0]!])])) {
        for (const { first, second, again } of raced) {
          expect([first.status, second.status].sort()).toEqual([200, 422]);
          const loser = first.status === 200 ? second : first;
          expect(loser.body).toMatchObject({ code: 'REVIEW_NOT_MODIFIABLE' });
          expect({ status: again.status, body: again.body }).toEqual({ status: first.status, body: first.body });
        }
      }

      await Promise.all([expectFiredOnce(three, deadlines), expectFiredOnce(one, deadlines)]);
      await Promise.all(servers.map((s) => s.stop()));
      for (const [database, answers] of [
        [three, onThree],
        [one, onOne],
      ] as const) {
        await expectWritesApplied(database.db, answers);
        await expectNothingHalfApplied(makeContext(database.db, Date.now()));
      }
      const [stateOfThree, stateOfOne] = await Promise.all([finalState(three.db), finalState(one.db)]);
      expect(stateOfThree.orders.length).toBeGreaterThan(60);
      expect(stateOfThree).toEqual(stateOfOne);
    } finally {
      await one.close();
    }
    // About 30 s on two cores; room for a CI machine busy with the other test files.
  }, 120_000);
});

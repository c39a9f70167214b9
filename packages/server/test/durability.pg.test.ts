import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type Answer, commandStream, runStream } from './support/command-stream.js';
import { type Deadline, setDueDeadlines, waitForFirings } from './support/due-deadlines.js';
import { type ServerProcess, startServerProcess } from './support/server-process.js';
import { expectNothingHalfApplied, expectWritesApplied } from './support/stored-outcome.js';
import { makeContext, useTestDatabase } from './support/test-database.js';

// Issue: "under a steady write load, the server process is killed with SIGKILL and restarted;
// every write that got a 2xx is present afterwards, nothing is half-applied, each deadline fires
// exactly once; two server processes polling the same database never fire a timer twice."
// Real `xinyu serve` processes on this file's PostgreSQL schema, on the wall clock: the deadlines
// are set up through the use cases at instants in the past, so that they fall due during the test.

const testDb = useTestDatabase();
const API_KEY = 'durability-test-key';
const started: ServerProcess[] = [];

async function start(name: string, pollMs?: number): Promise<ServerProcess> {
  const server = await startServerProcess(testDb().url!, { name, apiKey: API_KEY, ...(pollMs ? { pollMs } : {}) });
  started.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.kill()));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each deadline's effect recorded exactly once, at its own instant; no timer left due or failed. */
async function expectEachFiredOnce(deadlines: readonly Deadline[]) {
  const { db } = testDb();
  const fired = await waitForFirings(db, deadlines);
  for (const d of deadlines) {
    expect(fired.get(`${d.kind} ${d.ref}`), `${d.kind} ${d.ref}: once, at ${new Date(d.dueAt).toISOString()}`).toEqual([
      d.dueAt,
    ]);
  }
  const stale = await db
    .selectFrom('timers')
    .select(['kind', 'ref', 'attempts', 'last_error'])
    .where((eb) => eb.or([eb('due_at', '<=', new Date()), eb('attempts', '>', 0)]))
    .execute();
  expect(stale, 'timers still due, or whose firing failed').toEqual([]);
}

describe('server processes on one PostgreSQL database, killed and restarted', () => {
  it('SIGKILL twice under a write load: every 2xx is present, nothing half-applied, each deadline fires once', async () => {
    const database = testDb();
    // 40 deadlines of four kinds (G1, F2, L3, H2), 300 ms apart from 2 s ago: the first fire as
    // the server starts, the others while it takes writes, dies, and comes back.
    const now = Date.now();
    const deadlines = await setDueDeadlines(
      makeContext(database.db, now),
      Array.from({ length: 40 }, (_, i) => now - 2_000 + i * 300),
    );
    const chains = commandStream(24, 20_240_304);
    const total = chains.reduce((n, c) => n + c.length, 0);
    const killAt = [Math.floor(total / 3), Math.floor((2 * total) / 3)];

    let server: ServerProcess | null = await start('xinyu-durability-1');
    const restarts: Promise<void>[] = [];
    const answers: Answer[] = await runStream(chains, {
      apiKey: API_KEY,
      concurrency: 8,
      // While the server is down, writes wait for the next one (their first attempt failed).
      target: async () => {
        while (!server) await sleep(20);
        return server.address;
      },
      onAnswer: (answered) => {
        if (answered !== killAt[0] || !server) return;
        killAt.shift();
        const dying = server;
        server = null;
        restarts.push(
          (async () => {
            await dying.kill();
            server = await start(`xinyu-durability-${started.length + 1}`);
          })(),
        );
      },
    });
    await Promise.all(restarts);
    expect(started, 'the server was killed twice and restarted').toHaveLength(3);

    // Every write eventually answered 2xx; the kills cut some of them off (retried with their key).
    expect(answers.filter((a) => a.status >= 300).map((a) => [a.write.key, a.status, a.body])).toEqual([]);
    expect(answers).toHaveLength(total);
    expect(answers.filter((a) => a.unanswered > 0).length, 'writes whose attempt got no answer').toBeGreaterThan(0);
    if (process.env.XINYU_TEST_STATS) {
      const replayed = answers.filter((a) => a.replayed).length;
      console.info({ writes: total, retried: answers.filter((a) => a.unanswered > 0).length, replayed });
    }

    await expectEachFiredOnce(deadlines);
    await server!.stop();
    await expectWritesApplied(database.db, answers);
    await expectNothingHalfApplied(makeContext(database.db, Date.now()));
    // About 15 s on two cores; room for a CI machine busy with the other test files.
  }, 120_000);

  it('two server processes polling the same database fire each due timer once, both taking part', async () => {
    const database = testDb();
    // Who wrote each event: the `application_name` of the session (test instrumentation only).
    await sql`create table if not exists event_writers (event_id bigint primary key, writer text not null)`.execute(
      database.db,
    );
    await sql`create or replace function record_event_writer() returns trigger language plpgsql as $$
      begin insert into event_writers values (new.event_id, current_setting('application_name')); return new; end $$`.execute(
      database.db,
    );
    await sql`create or replace trigger events_writer after insert on events
      for each row execute function record_event_writer()`.execute(database.db);

    const names = ['xinyu-poller-a', 'xinyu-poller-b'];
    await Promise.all(names.map((name) => start(name, 20)));
    // 80 deadlines falling due within 0.8 s, once they are all set up (about 3 s): both pollers
    // are awake then and race for them.
    const base = Date.now() + 6_000;
    const deadlines = await setDueDeadlines(
      makeContext(database.db, Date.now()),
      Array.from({ length: 80 }, (_, i) => base + i * 10),
    );
    await expectEachFiredOnce(deadlines);

    const writers = await database.db
      .selectFrom('events')
      .innerJoin(sql<{ event_id: number; writer: string }>`event_writers`.as('w'), 'w.event_id', 'events.event_id')
      .select(['w.writer', 'events.event_type', 'events.aggregate_id'])
      .where('events.occurred_at', '>=', new Date(base))
      .execute();
    const byWriter = new Map<string, number>();
    for (const d of deadlines) {
      const effect = writers.filter((w) => w.event_type === d.effect.type && w.aggregate_id === d.effect.aggregateId);
      expect(effect, `${d.kind} ${d.ref}`).toHaveLength(1);
      byWriter.set(effect[0]!.writer, (byWriter.get(effect[0]!.writer) ?? 0) + 1);
    }
    expect([...byWriter.keys()].sort(), `firings by process: ${JSON.stringify([...byWriter])}`).toEqual(names);
    if (process.env.XINYU_TEST_STATS) console.info(Object.fromEntries(byWriter));
    await Promise.all(started.map((s) => s.stop()));
    await expectNothingHalfApplied(makeContext(database.db, Date.now()));
  });
});

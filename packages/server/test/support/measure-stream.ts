// The single-node figures of docs/scaling.md, measured with the multi-process tests' own stream
// (command-stream.ts) on a throwaway schema of the PostgreSQL server named by DATABASE_URL:
//   DATABASE_URL=postgres://... node --import tsx packages/server/test/support/measure-stream.ts \
//     [--processes 1] [--pairs 120] [--concurrency 16]
// Prints (1) the SQL statements each kind of write runs, counted in-process through the real HTTP
// routes, (2) the writes per second `--processes` `xinyu serve` processes answer over HTTP with
// `--concurrency` chains in flight, and (3) the CPU time one write costs in the server processes
// and in their PostgreSQL backends (Linux /proc; the server must run on this machine), a figure
// that holds on a machine shared with other work where writes per second do not. Not a benchmark
// of the engine against the raw database: that is `npm run bench` (docs/performance.md).
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { type KyselyPlugin, sql } from 'kysely';
import { systemClock } from '../../src/app/context.js';
import { policyByName } from '../../src/app/policies.js';
import { buildServer } from '../../src/http/build-server.js';
import { commandStream, runStream } from './command-stream.js';
import { type ServerProcess, startServerProcess } from './server-process.js';
import { openTestDatabase } from './test-database.js';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const processes = arg('processes', 1);
const pairs = arg('pairs', 120);
const concurrency = arg('concurrency', 16);
const API_KEY = 'measure-key';
if (!process.env.DATABASE_URL) throw new Error('set DATABASE_URL to a PostgreSQL server');

/** The kind of a write, from its key `ORDER.step` or `ORDER.LINE.step`. */
const kindOf = (key: string) => key.split('.').at(-1)!;

async function statementsPerWrite(): Promise<Record<string, number>> {
  const database = await openTestDatabase();
  try {
    let statements = 0;
    const counting: KyselyPlugin = {
      transformQuery: ({ node }) => {
        statements += 1;
        return node;
      },
      transformResult: async ({ result }) => result,
    };
    const policy = policyByName('taobao')!;
    const ctx = { db: database.db.withPlugin(counting), policy, clock: systemClock };
    const app = await buildServer({ ctx, apiKeys: new Map([[API_KEY, 'measure']]) });
    const seen = new Map<string, { writes: number; statements: number }>();
    for (const chain of commandStream(20, 7)) {
      for (const write of chain) {
        const before = statements;
        const res = await app.inject({
          method: 'POST',
          url: write.path,
          headers: { authorization: `Bearer ${API_KEY}`, 'idempotency-key': write.key },
          ...(write.body ? { payload: write.body } : {}),
        });
        if (res.statusCode >= 300) throw new Error(`${write.key}: ${res.statusCode} ${res.body}`);
        const kind = seen.get(kindOf(write.key)) ?? { writes: 0, statements: 0 };
        seen.set(kindOf(write.key), { writes: kind.writes + 1, statements: kind.statements + statements - before });
      }
    }
    await app.close();
    const all = [...seen.values()].reduce((t, v) => ({
      writes: t.writes + v.writes,
      statements: t.statements + v.statements,
    }));
    const mean = (v: { writes: number; statements: number }) => Math.round((v.statements / v.writes) * 10) / 10;
    return { ...Object.fromEntries([...seen].map(([k, v]) => [k, mean(v)])), 'mean of the stream': mean(all) };
  } finally {
    await database.close();
  }
}

const CLOCK_TICKS_PER_SECOND = 100;

/** User + system CPU seconds a process has used so far (0 once it is gone). */
async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!stat) return 0;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

async function writesPerSecond() {
  const database = await openTestDatabase();
  const servers: ServerProcess[] = [];
  try {
    for (let i = 0; i < processes; i++) {
      servers.push(
        await startServerProcess(database.url!, { name: `xinyu-measure-${i}`, apiKey: API_KEY, pollMs: 1_000 }),
      );
    }
    const backends = async () =>
      (
        await sql<{
          pid: number;
        }>`select pid from pg_stat_activity where application_name like 'xinyu-measure-%'`.execute(database.db)
      ).rows.map((r) => r.pid);
    const cpuOf = async (pids: readonly number[]) => {
      const each = await Promise.all(pids.map(cpuSeconds));
      return new Map(pids.map((pid, i) => [pid, each[i]!]));
    };
    const serverCpu = await cpuOf(servers.map((s) => s.pid));
    const backendCpu = await cpuOf(await backends());
    const walAt = async () =>
      (await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(database.db)).rows[0]!.lsn;
    const walBefore = await walAt();
    const chains = commandStream(pairs, 42);
    const started = performance.now();
    const answers = await runStream(chains, {
      apiKey: API_KEY,
      concurrency,
      target: (n) => servers[n % servers.length]!.address,
    });
    const seconds = (performance.now() - started) / 1000;
    // Each process's (and backend's) CPU since the stream began; a backend opened during it from 0.
    const used = async (before: Map<number, number>, pids: readonly number[]) => {
      const after = await cpuOf(pids);
      return [...after].reduce((sum, [pid, cpu]) => sum + cpu - (before.get(pid) ?? 0), 0);
    };
    const serverUsed = await used(
      serverCpu,
      servers.map((s) => s.pid),
    );
    const backendUsed = await used(backendCpu, await backends());
    // The whole server's WAL: an upper bound when other work writes to it meanwhile.
    const wal = await sql<{
      bytes: string;
    }>`select pg_wal_lsn_diff(${await walAt()}::pg_lsn, ${walBefore}::pg_lsn)::text as bytes`.execute(database.db);
    const failed = answers.filter((a) => a.status >= 300);
    if (failed.length > 0) throw new Error(`${failed.length} writes failed, e.g. ${JSON.stringify(failed[0])}`);
    const ms = (cpu: number) => Math.round((cpu / answers.length) * 1000 * 100) / 100;
    return {
      writes: answers.length,
      seconds: Math.round(seconds * 10) / 10,
      perSecond: Math.round(answers.length / seconds),
      cpuMsPerWrite: { server: ms(serverUsed), postgres: ms(backendUsed) },
      walBytesPerWrite: Math.round(Number(wal.rows[0]!.bytes) / answers.length),
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await database.close();
  }
}

console.info('statements per write (Kysely queries, BEGIN/COMMIT not counted):', await statementsPerWrite());
console.info(`${processes} process(es), ${concurrency} chains in flight:`, await writesPerSecond());

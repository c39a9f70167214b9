import type { Instant, Result } from '@xinyu/domain';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { PlaceOrderInput } from '../../src/app/command-schemas.js';
import { type AppContext, executeCommand, ManualClock, type UnitOfWork } from '../../src/app/context.js';
import { confirmOrder } from '../../src/app/orders/confirm-order.js';
import { payOrder } from '../../src/app/orders/pay-order.js';
import { placeOrder } from '../../src/app/orders/place-order.js';
import { shipOrder } from '../../src/app/orders/ship-order.js';
import { policyByName } from '../../src/app/policies.js';
import { fireDueTimers } from '../../src/app/timers/fire-due-timers.js';
import { openDatabase, type StorageConfig } from '../../src/db/open-database.js';
import type { Database } from '../../src/db/schema.js';

/**
 * The database of one test file (DESIGN, STYLE 12): PGlite in memory by default; when DATABASE_URL
 * is set, a schema of its own on that PostgreSQL server, dropped when the file is done, so that the
 * same suite runs on both and two runs (or files) sharing the server never see each other's rows.
 */
export interface TestDatabase {
  readonly db: Kysely<Database>;
  readonly storage: StorageConfig['kind'];
  /** When `storage` is `postgres`: a URL of this file's schema, to open a second pool on it. */
  readonly url: string | null;
  /** Empties every application table (not schema_migrations) and restarts their sequences. */
  truncate(): Promise<void>;
  close(): Promise<void>;
}

/** The storage the suite runs on: DATABASE_URL when set, PGlite in memory otherwise. */
export function testStorage(env: NodeJS.ProcessEnv = process.env): StorageConfig {
  const url = env.DATABASE_URL?.trim();
  return url ? { kind: 'postgres', url, poolSize: 4 } : { kind: 'embedded' };
}

const SCHEMA_PREFIX = 'xinyu_test_';

/** Creates this file's schema (dropping those left by runs that died on this machine); returns its URL. */
async function createSchema(serverUrl: string): Promise<{ url: string; schema: string }> {
  const schema = `${SCHEMA_PREFIX}${process.pid}_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      'select nspname as name from pg_namespace where starts_with(nspname, $1)',
      [SCHEMA_PREFIX],
    );
    for (const { name } of rows) {
      const pid = Number(name.slice(SCHEMA_PREFIX.length).split('_')[0]);
      if (!processAlive(pid)) await client.query(`drop schema if exists "${name}" cascade`);
    }
    await client.query(`create schema "${schema}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), schema };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Opens (and migrates) the test database. Prefer `useTestDatabase()` in a test file. */
export async function openTestDatabase(): Promise<TestDatabase> {
  const base = testStorage();
  const own = base.kind === 'postgres' ? await createSchema(base.url) : null;
  const storage: StorageConfig = base.kind === 'postgres' && own ? { ...base, url: own.url } : base;
  const opened = await openDatabase(storage);
  const { db } = opened;
  let tables: string[] | null = null;
  return {
    db,
    storage: storage.kind,
    url: own?.url ?? null,
    async truncate() {
      tables ??= (
        await sql<{ tablename: string }>`select tablename from pg_tables
          where schemaname = current_schema() and tablename <> 'schema_migrations' order by tablename`.execute(db)
      ).rows.map((r) => r.tablename);
      if (tables.length === 0) return;
      const list = sql.join(tables.map((t) => sql.id(t)));
      await sql`truncate table ${list} restart identity cascade`.execute(db);
    },
    async close() {
      if (own) await sql`drop schema ${sql.id(own.schema)} cascade`.execute(db);
      await opened.close();
    },
  };
}

/** Registers this file's hooks: open the database before all tests, empty it before each, close it after all. */
export function useTestDatabase(): () => TestDatabase {
  let current: TestDatabase | null = null;
  beforeAll(async () => {
    current = await openTestDatabase();
  });
  beforeEach(async () => {
    await current?.truncate();
  });
  afterAll(async () => {
    await current?.close();
  });
  return () => {
    if (!current) throw new Error('the test database is opened in beforeAll; use it inside a test or hook');
    return current;
  };
}

/** An instant from ISO 8601 text (with an offset, as replay takes it) or epoch milliseconds. */
export type At = string | Instant;

export function instant(at: At): Instant {
  if (typeof at === 'number') return at;
  if (!/(Z|[+-]\d{2}:\d{2})$/.test(at)) throw new Error(`${at} has no offset`);
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new Error(`${at} is not an ISO 8601 instant`);
  return ms;
}

/** An AppContext whose clock only moves when told to. */
export interface TestContext extends AppContext {
  readonly clock: ManualClock;
}

/** A context on `db` with a ManualClock at `startAt` and the `taobao` policy. */
export function makeContext(db: Kysely<Database>, startAt: At): TestContext {
  const policy = policyByName('taobao');
  if (!policy) throw new Error('the taobao policy is missing');
  return { db, policy, clock: new ManualClock(instant(startAt)) };
}

/** Runs use cases at given instants, as `xinyu replay` does. */
export interface Commands {
  /** Fires the timers due up to `at`, moves the clock there, then runs `work` in one transaction. */
  run<T>(at: At, work: (uow: UnitOfWork) => Promise<Result<T>>): Promise<Result<T>>;
  /** Fires the timers due up to `at` and moves the clock there (replay's `clock.advance`); returns how many fired. */
  advanceTo(at: At): Promise<number>;
  /** Places an order at `at`, pays (+1 min), ships by express (+2 min), confirms (+3 min); returns the success instant. */
  completeOrder(at: At, input: PlaceOrderInput): Promise<Instant>;
}

const MINUTE = 60_000;

export function commands(ctx: TestContext): Commands {
  const advanceTo = async (at: At) => {
    const to = instant(at);
    if (to < ctx.clock.now()) throw new Error(`the test moved the clock backwards to ${new Date(to).toISOString()}`);
    const fired = await fireDueTimers(ctx, to, Number.MAX_SAFE_INTEGER);
    ctx.clock.set(to);
    return fired;
  };
  const run = async <T>(at: At, work: (uow: UnitOfWork) => Promise<Result<T>>) => {
    await advanceTo(at);
    return executeCommand(ctx, work);
  };
  const expectOk = <T>(result: Result<T>, what: string): T => {
    if (!result.ok) throw new Error(`${what} was refused: ${result.code} ${result.message}`);
    return result.value;
  };
  return {
    run,
    advanceTo,
    async completeOrder(at, input) {
      const start = instant(at);
      expectOk(await run(start, (uow) => placeOrder(uow, input)), `placing ${input.order}`);
      expectOk(await run(start + MINUTE, (uow) => payOrder(uow, input.order)), `paying ${input.order}`);
      expectOk(
        await run(start + 2 * MINUTE, (uow) => shipOrder(uow, input.order, 'express')),
        `shipping ${input.order}`,
      );
      expectOk(await run(start + 3 * MINUTE, (uow) => confirmOrder(uow, input.order)), `confirming ${input.order}`);
      return start + 3 * MINUTE;
    },
  };
}

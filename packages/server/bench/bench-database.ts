import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/db/open-database.js';
import type { Database } from '../src/db/schema.js';
import type { Backend } from './options.js';

/** The throwaway database of one backend's run, migrated as the app migrates it. */
export interface BenchDatabase {
  readonly backend: Backend;
  readonly db: Kysely<Database>;
  /** e.g. `PostgreSQL 15.20` or `PGlite 0.5.16 (PostgreSQL 17.5)`. */
  readonly version: string;
  /** Reclaims dead rows and refreshes planner statistics between phases, so each starts alike. */
  vacuum(): Promise<void>;
  close(): Promise<void>;
}

const BENCH_DATABASE = 'xinyu_bench';

/**
 * PostgreSQL: the database `xinyu_bench` on the server of `postgresUrl`, dropped and created
 * afresh (nothing else on the server is touched) and dropped again at the end. PGlite: a fresh
 * data folder in the temp folder, as `xinyu serve` keeps one, removed at the end.
 */
export async function openBenchDatabase(backend: Backend, postgresUrl: string): Promise<BenchDatabase> {
  if (backend === 'postgres') {
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
    await admin(`drop database if exists ${BENCH_DATABASE} with (force)`);
    await admin(`create database ${BENCH_DATABASE}`);
    const url = new URL(postgresUrl);
    url.pathname = `/${BENCH_DATABASE}`;
    const opened = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 10 });
    const version = await serverVersion(opened.db);
    return {
      backend,
      db: opened.db,
      version: `PostgreSQL ${version}`,
      vacuum: async () => void (await sql`vacuum analyze`.execute(opened.db)),
      close: async () => {
        await opened.close();
        // The pool's connections finish closing after pool.end() resolves; forcing the drop at once
        // would terminate them mid-close (an error no one listens to). Wait for them instead.
        for (let attempt = 0; ; attempt += 1) {
          try {
            await admin(`drop database if exists ${BENCH_DATABASE}`);
            return;
          } catch (error) {
            if (attempt >= 50) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
      },
    };
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'xinyu-bench-'));
  const opened = await openDatabase({ kind: 'embedded', dataDir });
  const version = await serverVersion(opened.db);
  return {
    backend,
    db: opened.db,
    version: `PGlite (PostgreSQL ${version})`,
    vacuum: async () => void (await sql`vacuum analyze`.execute(opened.db)),
    close: async () => {
      await opened.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function serverVersion(db: Kysely<Database>): Promise<string> {
  const row = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db);
  return row.rows[0]?.v ?? 'unknown';
}

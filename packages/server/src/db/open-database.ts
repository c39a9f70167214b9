import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { loadEmbeddedTemplate, saveEmbeddedTemplate } from './embedded-template.js';
import { migrate } from './migrate.js';
import { PglitePool } from './pglite-pool.js';
import type { Database } from './schema.js';

/** Where the data lives: a PostgreSQL server, an embedded folder, or embedded in memory. */
export type StorageConfig =
  | { readonly kind: 'postgres'; readonly url: string; readonly poolSize?: number }
  | { readonly kind: 'embedded'; readonly dataDir?: string };

export interface OpenedDatabase {
  readonly db: Kysely<Database>;
  readonly storage: StorageConfig['kind'];
  close(): Promise<void>;
}

// bigint (int8) columns hold fen and counts far below 2^53: read them as numbers, like PGlite does.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (value: string) => Number.parseInt(value, 10);
    return pg.types.getTypeParser(oid, format);
  },
};

/** Opens the database and brings its schema up to date. */
export async function openDatabase(config: StorageConfig): Promise<OpenedDatabase> {
  if (config.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 10, types: pgTypes });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await migrate(db as Kysely<unknown>);
    return { db, storage: config.kind, close: () => db.destroy() };
  }
  const throwaway = config.dataDir === undefined;
  const template = throwaway ? await loadEmbeddedTemplate() : undefined;
  const pool = await PglitePool.open(config.dataDir, template);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const applied = await migrate(db as Kysely<unknown>);
  if (throwaway && (template === undefined || applied.length > 0)) await saveEmbeddedTemplate(await pool.dump());
  return { db, storage: config.kind, close: () => db.destroy() };
}

/** DATABASE_URL selects a server; otherwise the embedded database in `dataDir` (memory when unset). */
export function storageFromEnv(env: NodeJS.ProcessEnv, dataDir?: string): StorageConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: 'postgres', url };
  return dataDir ? { kind: 'embedded', dataDir } : { kind: 'embedded' };
}

import { readdir, readFile } from 'node:fs/promises';
import { type Kysely, sql } from 'kysely';

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

/**
 * Applies the numbered SQL files in migrations/ that have not run yet, in order, each in its own
 * transaction. Forward only: a file that landed is never edited; a change is a new file.
 */
export async function migrate(db: Kysely<unknown>): Promise<string[]> {
  await sql`create table if not exists schema_migrations (
    name text primary key, applied_at timestamptz not null default now())`.execute(db);
  // One migrator at a time, even with several servers starting together.
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_.*\.sql$/.test(f)).sort();
  const applied: string[] = [];
  for (const name of files) {
    const done = await db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(7460012)`.execute(tx);
      const seen = await sql<{ name: string }>`select name from schema_migrations where name = ${name}`.execute(tx);
      if (seen.rows.length > 0) return false;
      const text = await readFile(new URL(name, MIGRATIONS_DIR), 'utf8');
      await sql.raw(text).execute(tx);
      await sql`insert into schema_migrations (name) values (${name})`.execute(tx);
      return true;
    });
    if (done) applied.push(name);
  }
  return applied;
}

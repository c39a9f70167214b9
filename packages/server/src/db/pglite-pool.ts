import { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * The embedded database seen as a node-postgres pool, so that Kysely's PostgresDialect (and all our
 * SQL) runs unchanged on PGlite and on a PostgreSQL server. PGlite is one session: the pool hands
 * out that session to one borrower at a time, which serializes transactions as a server would.
 */
export class PglitePool implements PostgresPool {
  private readonly waiters: Array<() => void> = [];
  private borrowed = false;
  private closed = false;

  private constructor(readonly db: PGlite) {}

  /**
   * Opens PGlite in `dataDir` (a folder, created if missing) or in memory when omitted; an
   * in-memory database may start from `template`, a dump of an already-migrated one.
   */
  static async open(dataDir?: string, template?: Blob): Promise<PglitePool> {
    const db = dataDir ? new PGlite(dataDir) : new PGlite(template ? { loadDataDir: template } : {});
    await db.waitReady;
    return new PglitePool(db);
  }

  /** A dump of the whole database, to start later in-memory databases from. */
  async dump(): Promise<Blob> {
    return this.db.dumpDataDir('none');
  }

  async connect(): Promise<PostgresPoolClient> {
    if (this.closed) throw new Error('the embedded database is closed');
    if (this.borrowed) await new Promise<void>((resolve) => this.waiters.push(resolve));
    this.borrowed = true;
    let released = false;
    return {
      query: (sql: string, parameters: ReadonlyArray<unknown>) => this.run(sql, parameters),
      release: () => {
        if (released) return;
        released = true;
        const next = this.waiters.shift();
        if (next) next();
        else this.borrowed = false;
      },
    } as PostgresPoolClient;
  }

  async end(): Promise<void> {
    this.closed = true;
    await this.db.close();
  }

  private async run<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
    if (parameters.length === 0 && sql.includes(';')) {
      // Several statements (migrations) go through the simple protocol, as node-postgres does.
      const results = await this.db.exec(sql);
      const last = results.at(-1);
      return { command: commandOf(sql), rowCount: last?.affectedRows ?? 0, rows: (last?.rows ?? []) as R[] };
    }
    const result = await this.db.query<R>(sql, parameters as unknown[]);
    return {
      command: commandOf(sql),
      rowCount: result.affectedRows ?? result.rows.length,
      rows: result.rows,
    };
  }
}

/** The statement's verb, which Kysely reads to report affected rows. */
function commandOf(sql: string): PostgresQueryResult<unknown>['command'] {
  const verb = /^\s*(?:with\b[\s\S]*?\)\s*)?(\w+)/i.exec(sql)?.[1]?.toUpperCase();
  switch (verb) {
    case 'INSERT':
    case 'UPDATE':
    case 'DELETE':
    case 'MERGE':
      return verb;
    default:
      return 'SELECT';
  }
}

import { type RawBuilder, sql } from 'kysely';

/**
 * Many rows as one `unnest` of one array per column: a statement with a parameter per column
 * instead of one per value, which PostgreSQL parses and plans in constant time (about twice as
 * fast as a multi-row VALUES list of 500 rows) and which never meets the 65,535-parameter limit.
 * Rows come out in the given order, numbered by `ord` (1, 2, …).
 */
export type ColumnType = 'text' | 'boolean' | 'integer' | 'smallint' | 'bigint' | 'timestamptz' | 'jsonb';

export type UnnestValue = string | number | boolean | Date | null;

/** `unnest($1::text[], $2::integer[], …) with ordinality as alias(col1, col2, …, ord)` */
export function unnestRows<Row>(
  alias: string,
  columns: ReadonlyArray<readonly [name: string, type: ColumnType, value: (row: Row) => UnnestValue]>,
  rows: readonly Row[],
): RawBuilder<unknown> {
  const arrays = columns.map(([, type, value]) => {
    const values = rows.map((row) => {
      const v = value(row);
      // Timestamps go as ISO text: node-postgres and PGlite then agree on the array literal.
      return v instanceof Date ? v.toISOString() : v;
    });
    return sql`${values}::${sql.raw(type)}[]`;
  });
  const names = columns.map(([name]) => sql.id(name));
  return sql`unnest(${sql.join(arrays)}) with ordinality as ${sql.id(alias)}(${sql.join(names)}, ord)`;
}

/** The column list of an insert from unnestRows, in the same order. */
export function columnList(columns: ReadonlyArray<readonly [string, ...unknown[]]>): RawBuilder<unknown> {
  return sql.join(columns.map(([name]) => sql.id(name)));
}

import type { KyselyPlugin, QueryId } from 'kysely';

/**
 * A Kysely plugin that stops a timer's transaction at a chosen point, to model a crash: once the
 * `n`-th insert into `events` (query builder or raw SQL) has run, the effect written, not committed, it awaits `crash()`
 * before answering, so the rest of that transaction runs on a dead connection, or never.
 */
export function crashAfterEventInsert(n: number, crash: () => Promise<void>): KyselyPlugin {
  const inserts = new Set<QueryId>();
  let seen = 0;
  return {
    transformQuery({ node, queryId }) {
      if (node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === 'events') inserts.add(queryId);
      // appendEvents writes events and outbox rows in one raw statement.
      if (node.kind === 'RawNode' && /\binsert into events\b/.test(node.sqlFragments.join(''))) inserts.add(queryId);
      return node;
    },
    async transformResult({ result, queryId }) {
      if (inserts.delete(queryId)) {
        seen += 1;
        if (seen === n) await crash();
      }
      return result;
    },
  };
}

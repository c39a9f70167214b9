import type { Instant, TimerEffect } from '@xinyu/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from './schema.js';

/** A due timer as the poller claims it. */
export interface DueTimer {
  readonly kind: string;
  readonly ref: string;
  readonly sellerId: string;
  readonly dueAt: Instant;
}

/**
 * Sets (replacing by key) or cancels timers in the caller's transaction, in one statement. Applied
 * in order, effects on one key come down to the last of them (a set, or a cancel), so each key
 * gets only its last effect: the cancelled keys are deleted and the set ones upserted together.
 */
export async function applyTimerEffects(
  tx: Transaction<Database>,
  effects: ReadonlyArray<{ sellerId: string; effect: TimerEffect }>,
): Promise<void> {
  const last = new Map<string, { sellerId: string; effect: TimerEffect }>();
  for (const e of effects) {
    const key = JSON.stringify([e.effect.kind, e.effect.ref]);
    last.delete(key);
    last.set(key, e);
  }
  const cancels = [...last.values()].filter((e) => e.effect.type === 'cancel').map((e) => e.effect);
  const sets = [...last.values()].flatMap(({ sellerId, effect }) =>
    effect.type === 'cancel' ? [] : [{ ...effect, sellerId }],
  );
  if (cancels.length === 0 && sets.length === 0) return;
  const cancel = sql`delete from timers where (kind, ref) in (select * from unnest(
    ${cancels.map((c) => c.kind)}::text[], ${cancels.map((c) => c.ref)}::text[]))`;
  if (sets.length === 0) {
    await cancel.execute(tx);
    return;
  }
  const upsert = sql`insert into timers (kind, ref, seller_id, due_at)
    select * from unnest(${sets.map((t) => t.kind)}::text[], ${sets.map((t) => t.ref)}::text[],
      ${sets.map((t) => t.sellerId)}::text[], ${sets.map((t) => new Date(t.dueAt).toISOString())}::timestamptz[])
    on conflict (kind, ref) do update set due_at = excluded.due_at, seller_id = excluded.seller_id, attempts = 0`;
  if (cancels.length === 0) await upsert.execute(tx);
  else await sql`with cancelled as (${cancel}) ${upsert}`.execute(tx);
}

/**
 * Claims the earliest timer due at or before `until`, locking it so that another poller skips it
 * (FOR UPDATE SKIP LOCKED). Ties fire in key order so replays are deterministic.
 */
export async function claimDueTimer(tx: Transaction<Database>, until: Instant): Promise<DueTimer | null> {
  const row = await tx
    .selectFrom('timers')
    .select(['kind', 'ref', 'seller_id', 'due_at'])
    .where('due_at', '<=', new Date(until))
    .orderBy('due_at')
    .orderBy('kind')
    .orderBy('ref')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  return row ? { kind: row.kind, ref: row.ref, sellerId: row.seller_id, dueAt: row.due_at.getTime() } : null;
}

/**
 * Bounds, until the transaction ends, how long its statements wait for any lock, milliseconds. A
 * firing holds its timer's row while it waits for its subject (the order, the refund, the pair),
 * and a command holding the subject cancels or re-sets that timer row at its end: unbounded, the
 * two would deadlock, and PostgreSQL would abort one of them (the command perhaps) after a second.
 */
export async function boundLockWaits(tx: Transaction<Database>, ms: number): Promise<void> {
  await sql`select set_config('lock_timeout', ${`${ms}ms`}, true)`.execute(tx);
}

/** Whether a statement failed because a lock wait ran past `boundLockWaits` (SQLSTATE 55P03). */
export function isLockWaitTimeout(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '55P03';
}

/** Removes a fired timer, only if it was not re-set to another instant meanwhile. */
export async function deleteFiredTimer(tx: Transaction<Database>, timer: DueTimer): Promise<void> {
  await tx
    .deleteFrom('timers')
    .where('kind', '=', timer.kind)
    .where('ref', '=', timer.ref)
    .where('due_at', '=', new Date(timer.dueAt))
    .execute();
}

/**
 * Records a failed firing: the timer is due again after `baseMs × 2^attempts`, at most `capMs`,
 * unless it was re-set or removed meanwhile.
 */
export async function postponeTimer(
  db: Kysely<Database>,
  timer: DueTimer,
  now: Instant,
  baseMs: number,
  capMs: number,
  error: string,
): Promise<void> {
  await db
    .updateTable('timers')
    .set({
      due_at: sql`${new Date(now)}::timestamptz + least(${capMs}::float8, ${baseMs}::float8 * power(2, attempts)) * interval '1 millisecond'`,
      attempts: sql`attempts + 1`,
      last_error: error.slice(0, 2000),
    })
    .where('kind', '=', timer.kind)
    .where('ref', '=', timer.ref)
    .where('due_at', '=', new Date(timer.dueAt))
    .execute();
}

/** The earliest due instant, to let a poller or replay know when to look again. */
export async function nextDueAt(tx: Transaction<Database>): Promise<Instant | null> {
  const row = await tx.selectFrom('timers').select('due_at').orderBy('due_at').limit(1).executeTakeFirst();
  return row ? row.due_at.getTime() : null;
}

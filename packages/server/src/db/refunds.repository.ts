import type { Instant, RefundState } from '@xinyu/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/** A stored refund: its domain state and the seller that owns it. */
export interface StoredRefund {
  readonly sellerId: string;
  readonly buyerId: string;
  readonly state: RefundState;
}

const date = (t: Instant | null) => (t === null ? null : new Date(t));

function columns(state: RefundState) {
  return {
    status: state.status,
    requested_amount: state.requestedAmount,
    maximum: state.maximum,
    refunded: state.refunded,
    dispute_counted: state.disputeCounted,
    deadline_at: date(state.deadlineAt),
    escalated_at: date(state.escalatedAt),
    ruling_due_by: date(state.rulingDueBy),
    resolved_at: date(state.resolvedAt),
    state: JSON.stringify(state),
  };
}

export async function refundExists(db: Kysely<Database>, refundId: string): Promise<boolean> {
  const row = await db
    .selectFrom('refund_directory')
    .select('refund_id')
    .where('refund_id', '=', refundId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertRefund(
  db: Kysely<Database>,
  sellerId: string,
  buyerId: string,
  state: RefundState,
  policyVersion: string,
): Promise<void> {
  await db.insertInto('refund_directory').values({ refund_id: state.refundId, seller_id: sellerId }).execute();
  await db
    .insertInto('refunds')
    .values({
      seller_id: sellerId,
      refund_id: state.refundId,
      order_id: state.orderId,
      line_id: state.lineId,
      buyer_id: buyerId,
      kind: state.kind,
      reason: state.reason,
      requested_at: new Date(state.requestedAt),
      policy_version: policyVersion,
      ...columns(state),
    })
    .execute();
}

export async function saveRefund(db: Kysely<Database>, sellerId: string, state: RefundState): Promise<void> {
  await db
    .updateTable('refunds')
    .set(columns(state))
    .where('seller_id', '=', sellerId)
    .where('refund_id', '=', state.refundId)
    .execute();
}

/** Loads (and locks) a refund by id. */
export async function loadRefund(db: Kysely<Database>, refundId: string): Promise<StoredRefund | null> {
  const dir = await db
    .selectFrom('refund_directory')
    .select('seller_id')
    .where('refund_id', '=', refundId)
    .executeTakeFirst();
  if (!dir) return null;
  const row = await db
    .selectFrom('refunds')
    .select(['seller_id', 'buyer_id', 'state'])
    .where('seller_id', '=', dir.seller_id)
    .where('refund_id', '=', refundId)
    .forUpdate()
    .executeTakeFirst();
  return row ? { sellerId: row.seller_id, buyerId: row.buyer_id, state: row.state as RefundState } : null;
}

/** Every refund of an order, oldest first (H5, one open request per line, full-refund closing). */
export async function loadOrderRefunds(
  db: Kysely<Database>,
  sellerId: string,
  orderId: string,
): Promise<RefundState[]> {
  const rows = await db
    .selectFrom('refunds')
    .select('state')
    .where('seller_id', '=', sellerId)
    .where('order_id', '=', orderId)
    .orderBy('requested_at')
    .orderBy('refund_id')
    .execute();
  return rows.map((r) => r.state as RefundState);
}

/** One attachment of a piece of evidence (I2): an image's bytes, or a chat excerpt. */
export type StoredAttachment =
  | { readonly kind: 'image'; readonly mediaType: string; readonly content: Uint8Array }
  | { readonly kind: 'chat'; readonly messages: ReadonlyArray<{ from: string; text: string; at: string }> };

export async function insertEvidence(
  db: Kysely<Database>,
  sellerId: string,
  refundId: string,
  by: string,
  body: string,
  at: Instant,
  attachments: readonly StoredAttachment[] = [],
): Promise<void> {
  const row = await db
    .insertInto('refund_evidence')
    .values({ seller_id: sellerId, refund_id: refundId, by_party: by, body, submitted_at: new Date(at) })
    .returning('evidence_id')
    .executeTakeFirstOrThrow();
  if (attachments.length === 0) return;
  await db
    .insertInto('refund_evidence_attachments')
    .values(
      attachments.map((a, position) => ({
        evidence_id: row.evidence_id,
        position,
        kind: a.kind,
        media_type: a.kind === 'image' ? a.mediaType : null,
        byte_size: a.kind === 'image' ? a.content.length : null,
        content: a.kind === 'image' ? Buffer.from(a.content) : null,
        messages: a.kind === 'chat' ? JSON.stringify(a.messages) : null,
      })),
    )
    .execute();
}

/** Attachment summaries of a refund's evidence (images without their bytes). */
export async function listAttachments(db: Kysely<Database>, evidenceIds: readonly number[]) {
  if (evidenceIds.length === 0) return [];
  return db
    .selectFrom('refund_evidence_attachments')
    .select(['evidence_id', 'position', 'kind', 'media_type', 'byte_size', 'messages'])
    .where('evidence_id', 'in', [...evidenceIds])
    .orderBy('evidence_id')
    .orderBy('position')
    .execute();
}

/** One image's bytes, if it belongs to that seller's refund. */
export async function loadImage(
  db: Kysely<Database>,
  sellerId: string,
  refundId: string,
  evidenceId: number,
  position: number,
) {
  return db
    .selectFrom('refund_evidence_attachments as a')
    .innerJoin('refund_evidence as e', 'e.evidence_id', 'a.evidence_id')
    .select(['a.media_type', 'a.content'])
    .where('e.seller_id', '=', sellerId)
    .where('e.refund_id', '=', refundId)
    .where('a.evidence_id', '=', evidenceId)
    .where('a.position', '=', position)
    .where('a.kind', '=', 'image')
    .executeTakeFirst();
}

export async function listEvidence(db: Kysely<Database>, sellerId: string, refundId: string) {
  return db
    .selectFrom('refund_evidence')
    .select(['evidence_id', 'by_party', 'body', 'submitted_at'])
    .where('seller_id', '=', sellerId)
    .where('refund_id', '=', refundId)
    .orderBy('evidence_id')
    .execute();
}

/** The staff queue: cases in intervention, the nearest ruling SLA first. */
export async function listInterventions(db: Kysely<Database>, limit: number) {
  const rows = await db
    .selectFrom('refunds as r')
    .innerJoin('order_lines as l', (j) =>
      j
        .onRef('l.seller_id', '=', 'r.seller_id')
        .onRef('l.order_id', '=', 'r.order_id')
        .onRef('l.line_id', '=', 'r.line_id'),
    )
    .select(['r.seller_id', 'r.buyer_id', 'r.state', 'l.title'])
    .where('r.status', '=', 'intervention')
    .orderBy('r.ruling_due_by')
    .orderBy('r.refund_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    sellerId: r.seller_id,
    buyerId: r.buyer_id,
    title: r.title,
    state: r.state as RefundState,
  }));
}

/** J2 inputs for one seller since `from`: refund and dispute instants. */
export async function refundActivity(db: Kysely<Database>, sellerId: string, from: Instant) {
  const rows = await db
    .selectFrom('refunds')
    .select(['resolved_at', 'dispute_counted'])
    .where('seller_id', '=', sellerId)
    .where('status', '=', 'refunded')
    .where('resolved_at', '>', new Date(from))
    .execute();
  return {
    refundsAt: rows.map((r) => r.resolved_at!.getTime()),
    disputesAt: rows.filter((r) => r.dispute_counted).map((r) => r.resolved_at!.getTime()),
  };
}

/** J2 denominator for one seller: when each line paid since `from` was paid. */
export async function linesPaidSince(db: Kysely<Database>, sellerId: string, from: Instant): Promise<Instant[]> {
  const rows = await db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', (j) => j.onRef('o.seller_id', '=', 'l.seller_id').onRef('o.order_id', '=', 'l.order_id'))
    .select(sql<Date>`o.paid_at`.as('paid_at'))
    .where('o.seller_id', '=', sellerId)
    .where('o.paid_at', '>', new Date(from))
    .execute();
  return rows.map((r) => r.paid_at.getTime());
}

export async function insertCompensation(
  db: Kysely<Database>,
  sellerId: string,
  comp: { orderId: string; kind: string; amount: number },
  at: Instant,
  policyVersion: string,
): Promise<void> {
  await db
    .insertInto('compensations')
    .values({
      seller_id: sellerId,
      order_id: comp.orderId,
      kind: comp.kind,
      amount: comp.amount,
      decided_at: new Date(at),
      policy_version: policyVersion,
    })
    .onConflict((oc) => oc.columns(['seller_id', 'order_id', 'kind']).doNothing())
    .execute();
}

export async function listCompensations(db: Kysely<Database>, sellerId?: string) {
  let q = db.selectFrom('compensations').selectAll().orderBy('decided_at').orderBy('order_id');
  if (sellerId) q = q.where('seller_id', '=', sellerId);
  return q.execute();
}

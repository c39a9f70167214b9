import { listAttachments, listEvidence, loadImage, loadRefund } from '../../db/refunds.repository.js';
import type { AppContext } from '../context.js';

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/** A refund as the parties and staff see it: state, deadlines, ruling SLA and evidence. */
export async function getRefund(ctx: AppContext, refundId: string) {
  const stored = await loadRefund(ctx.db, refundId);
  if (!stored) return null;
  const s = stored.state;
  const evidence = await listEvidence(ctx.db, stored.sellerId, refundId);
  const attachments = await listAttachments(
    ctx.db,
    evidence.map((e) => e.evidence_id),
  );
  return {
    refund: s.refundId,
    order: s.orderId,
    line: s.lineId,
    seller: stored.sellerId,
    buyer: stored.buyerId,
    kind: s.kind,
    reason: s.reason,
    status: s.status,
    requested: s.requestedAmount,
    maximum: s.maximum,
    refunded: s.refunded,
    requestedAt: iso(s.requestedAt),
    deadlineAt: iso(s.deadlineAt),
    refusalReason: s.refusalReason,
    escalatedAt: iso(s.escalatedAt),
    rulingDueFrom: iso(s.rulingDueFrom),
    rulingDueBy: iso(s.rulingDueBy),
    responsible: s.responsible,
    disputeCounted: s.disputeCounted,
    outcome: s.outcome,
    resolvedAt: iso(s.resolvedAt),
    evidence: evidence.map((e) => ({
      evidence: e.evidence_id,
      by: e.by_party,
      text: e.body,
      at: e.submitted_at.toISOString(),
      attachments: attachments
        .filter((a) => a.evidence_id === e.evidence_id)
        .map((a) =>
          a.kind === 'image'
            ? {
                kind: 'image',
                mediaType: a.media_type,
                bytes: a.byte_size,
                url: `/v1/refunds/${refundId}/evidence/${e.evidence_id}/attachments/${a.position}`,
              }
            : { kind: 'chat', messages: a.messages },
        ),
    })),
  };
}

/** One evidence image's bytes and type, if it belongs to the refund. */
export async function getEvidenceImage(ctx: AppContext, refundId: string, evidenceId: number, position: number) {
  const stored = await loadRefund(ctx.db, refundId);
  if (!stored) return null;
  const row = await loadImage(ctx.db, stored.sellerId, refundId, evidenceId, position);
  return row?.content && row.media_type ? { mediaType: row.media_type, content: row.content } : null;
}

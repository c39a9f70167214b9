import { loadListedRefund } from '../../db/refund-queues.repository.js';
import { listAttachments, listEvidence, loadImage, loadRefund } from '../../db/refunds.repository.js';
import type { Caller } from '../access/caller.js';
import type { AppContext } from '../context.js';
import { refundSummary } from './refund-view.js';
import { iso } from './views.js';

/** A refund as the parties and staff see it: state, deadlines, ruling SLA, evidence, the caller's actions. */
export async function getRefund(ctx: AppContext, caller: Caller, refundId: string) {
  const stored = await loadListedRefund(ctx.db, refundId);
  if (!stored) return null;
  const s = stored.state;
  const evidence = await listEvidence(ctx.db, stored.sellerId, refundId);
  const attachments = await listAttachments(
    ctx.db,
    evidence.map((e) => e.evidence_id),
  );
  return {
    ...refundSummary(stored, caller, ctx.clock.now(), ctx.policy),
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
                kind: 'image' as const,
                mediaType: a.media_type,
                bytes: a.byte_size,
                url: `/v1/refunds/${refundId}/evidence/${e.evidence_id}/attachments/${a.position}`,
              }
            : { kind: 'chat' as const, messages: a.messages },
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

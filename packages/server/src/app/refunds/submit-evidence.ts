import { evidenceImageProblem, type Result, refuse } from '@xinyu/domain';
import type { StoredAttachment } from '../../db/refunds.repository.js';
import type { EvidenceInput } from '../command-schemas.js';
import type { UnitOfWork } from '../context.js';
import { changeRefund } from './change-refund.js';
import type { RefundOutcome } from './refund-outcome.js';

/**
 * A party submits evidence during intervention (I2): text, with images (their bytes must match
 * their declared type, at most 2 MiB each) and chat excerpts.
 */
export function submitEvidence(
  uow: UnitOfWork,
  refundId: string,
  by: 'buyer' | 'seller',
  text: string,
  attachments: EvidenceInput['attachments'] = [],
): Promise<Result<RefundOutcome>> {
  const stored: StoredAttachment[] = [];
  for (const [index, a] of attachments.entries()) {
    if (a.kind === 'chat') {
      stored.push({ kind: 'chat', messages: a.messages });
      continue;
    }
    const bytes = new Uint8Array(Buffer.from(a.data, 'base64'));
    const problem = evidenceImageProblem(bytes, a.mediaType);
    if (problem) {
      return Promise.resolve(refuse('VALIDATION_FAILED', `attachment ${index}: ${problem}`, { attachment: index }));
    }
    stored.push({ kind: 'image', mediaType: a.mediaType, content: bytes });
  }
  return changeRefund(uow, refundId, { action: 'evidence', by, text }, stored);
}

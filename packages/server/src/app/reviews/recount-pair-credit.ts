import {
  type CreditRule,
  type CreditTotals,
  creditEntryReason,
  decidePairCredit,
  type Party,
  totalsDelta,
} from '@xinyu/domain';
import { addToTotals, loadCurrentEntries, writeEntry } from '../../db/credit.repository.js';
import { loadPairForCounting, saveCreditDecision } from '../../db/reviews.repository.js';
import type { UnitOfWork } from '../context.js';

/**
 * Re-decides the credit of one buyer–seller pair in one direction (A3/A4 only look there) and
 * writes what changed: a new ledger entry per changed review, the old one kept as superseded
 * history, and the delta into the rated party's totals. Called after any review change, so the
 * kept totals always equal a from-scratch count (A, invariant).
 */
export async function recountPairCredit(uow: UnitOfWork, sellerId: string, buyerId: string, by: Party): Promise<void> {
  const { tx, now, policy } = uow;
  const reviews = await loadPairForCounting(tx, sellerId, buyerId, by);
  const current = await loadCurrentEntries(tx, sellerId, buyerId, by);
  const decisions = decidePairCredit(reviews, policy);
  const byKey = new Map(reviews.map((r) => [r.key, r]));
  const partyKind = by === 'buyer' ? 'seller' : 'buyer';
  const partyId = by === 'buyer' ? sellerId : buyerId;
  let total: CreditTotals = { score: 0, good: 0, neutral: 0, bad: 0 };
  for (const decision of decisions) {
    const review = byKey.get(decision.key)!;
    const previous = current.get(decision.key);
    const unchanged =
      previous !== undefined &&
      previous.rating === review.rating &&
      previous.counted === decision.counted &&
      previous.points === decision.points &&
      previous.rule === decision.rule;
    if (unchanged) continue;
    const delta = totalsDelta(
      previous
        ? { decision: { ...previous, key: decision.key, rule: previous.rule as CreditRule }, rating: previous.rating }
        : null,
      {
        decision,
        rating: review.rating,
      },
    );
    total = {
      score: total.score + delta.score,
      good: total.good + delta.good,
      neutral: total.neutral + delta.neutral,
      bad: total.bad + delta.bad,
    };
    await writeEntry(
      tx,
      previous,
      {
        partyKind,
        partyId,
        sellerId,
        buyerId,
        orderId: review.orderId,
        lineId: review.lineId,
        by,
        rating: review.rating,
        counted: decision.counted,
        points: decision.points,
        rule: decision.rule,
        reason: creditEntryReason(decision.rule, review.rating, previous !== undefined, policy),
        effectiveAt: review.effectiveAt,
      },
      now,
      policy.version,
    );
    await saveCreditDecision(tx, sellerId, review.orderId, review.lineId, by, decision);
  }
  await addToTotals(tx, partyKind, partyId, total);
}

import {
  creditRuleParams,
  dsrSummaryFromSums,
  dsrWindowStart,
  isReevaluationReason,
  summarizeCredit,
} from '@xinyu/domain';
import type { PartyKind } from '../../db/credit.repository.js';
import { loadCreditReportRows } from '../../db/credit-report.repository.js';
import type { AppContext } from '../context.js';

/**
 * "Why is my score 247?": the party's credit with its ledger, newest first, each entry with the
 * review it comes from, its points, and the rule and reason that decided them. One statement
 * reads totals, ledger page and DSR sums (the same as getCredit, listLedger and getSellerDsr).
 */
export async function getCreditReport(
  ctx: AppContext,
  partyKind: PartyKind,
  partyId: string,
  page: { limit: number; cursor?: string | undefined },
) {
  const beforeEntryId = page.cursor && /^\d{1,15}$/.test(page.cursor) ? Number(page.cursor) : undefined;
  const now = ctx.clock.now();
  const dsrWindow = partyKind === 'seller' ? { from: dsrWindowStart(now, ctx.policy), to: now } : null;
  const read = await loadCreditReportRows(ctx.db, partyKind, partyId, { limit: page.limit, beforeEntryId }, dsrWindow);
  const { ledger } = read;
  return {
    [partyKind]: partyId,
    credit: summarizeCredit(read.totals, ctx.policy),
    ...(read.dsr ? { dsr: dsrSummaryFromSums(read.dsr.sums, read.dsr.count, ctx.policy) } : {}),
    ledger: {
      entries: ledger.rows.map((e) => ({
        entry: e.entry_id,
        review: `${e.order_id}/${e.line_id}/${e.by_party}`,
        rating: e.rating,
        counted: e.counted,
        points: e.points,
        rule: e.credit_rule,
        reevaluated: isReevaluationReason(e.reason),
        reason: e.reason,
        effectiveAt: e.effective_at.toISOString(),
        recordedAt: e.recorded_at.toISOString(),
        policyVersion: e.policy_version,
      })),
      nextCursor: ledger.hasMore ? String(ledger.rows.at(-1)?.entry_id) : null,
      ruleParams: creditRuleParams(ctx.policy),
    },
  };
}

import {
  type CreditSummary,
  type DsrSummary,
  dsrSummaryFromSums,
  dsrWindowStart,
  summarizeCredit,
} from '@xinyu/domain';
import { loadTotals, type PartyKind } from '../../db/credit.repository.js';
import { sumSellerDsr } from '../../db/reviews.repository.js';
import type { AppContext } from '../context.js';

/** A party's credit as shown: score, level, tier, icons, counts and good-review rate (A, B, C1). */
export async function getCredit(ctx: AppContext, partyKind: PartyKind, partyId: string): Promise<CreditSummary> {
  return summarizeCredit(await loadTotals(ctx.db, partyKind, partyId), ctx.policy);
}

/** A shop's DSR at the clock's instant (E2): the window slides, so it is computed on read. */
export async function getSellerDsr(ctx: AppContext, sellerId: string): Promise<DsrSummary> {
  const now = ctx.clock.now();
  const { sums, count } = await sumSellerDsr(ctx.db, sellerId, dsrWindowStart(now, ctx.policy), now);
  return dsrSummaryFromSums(sums, count, ctx.policy);
}

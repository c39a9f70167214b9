import {
  type CountableReview,
  type CreditRule,
  type CreditTotals,
  creditEntryReason,
  decidePairCredit,
  type Instant,
  type Policy,
  totalsDelta,
  ZERO_TOTALS,
} from '@xinyu/domain';
import type { Insertable } from 'kysely';
import type { CurrentEntry, NewCreditEntry, PartyKind } from '../../db/credit.repository.js';
import {
  addToTotalsOfParties,
  insertEntries,
  insertReviewRows,
  loadCurrentEntriesOfPairs,
  loadPairsForCounting,
  saveCreditDecisions,
  supersedeEntries,
} from '../../db/credit-batch.repository.js';
import { type PairDirection, pairDirectionKey } from '../../db/review-batch.repository.js';
import type { ReviewsTable } from '../../db/schema.js';
import type { Tx } from '../context.js';

/** A current entry: stored (with its id) or written by this batch (its index in `entries`). */
type Current = Omit<CurrentEntry, 'entryId'> & ({ entryId: number } | { pending: number });

interface PairState {
  readonly pair: PairDirection;
  readonly reviews: Map<string, CountableReview>;
  readonly current: Map<string, Current>;
}

/**
 * The credit bookkeeping of a batch of new reviews, kept in memory and written at the end with
 * multi-row statements. Each review is recounted when it is added, exactly as recountPairCredit
 * does after each single command at the same instant (same entries in the same order, same
 * superseded history, same totals), so a batch leaves the ledger a one-by-one run would.
 */
export class BatchCreditLedger {
  private readonly newRows = new Map<string, Insertable<ReviewsTable>>();
  private readonly decisionUpdates = new Map<
    string,
    { sellerId: string; orderId: string; lineId: string; by: PairDirection['by'] } & Decided
  >();
  private readonly supersededIds: number[] = [];
  private readonly entries: Array<{ entry: NewCreditEntry; supersededAt: Instant | null }> = [];
  private readonly totals = new Map<string, { partyKind: PartyKind; partyId: string; delta: CreditTotals }>();

  private constructor(
    private readonly pairs: Map<string, PairState>,
    private readonly now: Instant,
    private readonly policy: Policy,
  ) {}

  /** Loads the reviews and current entries of these pairs and directions (locked by the caller). */
  static async load(tx: Tx, pairs: readonly PairDirection[], now: Instant, policy: Policy) {
    const unique = [...new Map(pairs.map((p) => [pairDirectionKey(p), p])).values()];
    const reviews = await loadPairsForCounting(tx, unique);
    const current = await loadCurrentEntriesOfPairs(tx, unique);
    const states = new Map<string, PairState>();
    for (const pair of unique) {
      const key = pairDirectionKey(pair);
      states.set(key, {
        pair,
        reviews: new Map((reviews.get(key) ?? []).map((r) => [r.key, r])),
        current: new Map([...(current.get(key) ?? new Map<string, CurrentEntry>())]),
      });
    }
    return new BatchCreditLedger(states, now, policy);
  }

  /** Adds a new review's row and recounts its pair and direction, as rateReview's recount would. */
  add(pair: PairDirection, row: Insertable<ReviewsTable>, countable: CountableReview): void {
    const state = this.pairs.get(pairDirectionKey(pair));
    if (!state) throw new Error(`pair ${pairDirectionKey(pair)} was not loaded for the batch`);
    this.newRows.set(countable.key, row);
    state.reviews.set(countable.key, countable);
    this.recount(state);
  }

  private recount({ pair, reviews, current }: PairState): void {
    const partyKind: PartyKind = pair.by === 'buyer' ? 'seller' : 'buyer';
    const partyId = pair.by === 'buyer' ? pair.sellerId : pair.buyerId;
    let total: CreditTotals = ZERO_TOTALS;
    for (const decision of decidePairCredit([...reviews.values()], this.policy)) {
      const review = reviews.get(decision.key)!;
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
        { decision, rating: review.rating },
      );
      total = addTotals(total, delta);
      if (previous && 'entryId' in previous) this.supersededIds.push(previous.entryId);
      else if (previous) this.entries[previous.pending]!.supersededAt = this.now;
      this.entries.push({
        entry: {
          partyKind,
          partyId,
          sellerId: pair.sellerId,
          buyerId: pair.buyerId,
          orderId: review.orderId,
          lineId: review.lineId,
          by: pair.by,
          rating: review.rating,
          counted: decision.counted,
          points: decision.points,
          rule: decision.rule,
          reason: creditEntryReason(decision.rule, review.rating, previous !== undefined, this.policy),
          effectiveAt: review.effectiveAt,
        },
        supersededAt: null,
      });
      current.set(decision.key, { ...decision, rating: review.rating, pending: this.entries.length - 1 });
      const decided = { counted: decision.counted, points: decision.points, rule: decision.rule };
      const row = this.newRows.get(decision.key);
      if (row) Object.assign(row, { counted: decided.counted, points: decided.points, credit_rule: decided.rule });
      else {
        const where = { sellerId: pair.sellerId, orderId: review.orderId, lineId: review.lineId, by: pair.by };
        this.decisionUpdates.set(decision.key, { ...where, ...decided });
      }
    }
    // addToTotals skips a command whose delta is zero: the party's row then appears only when one moved it.
    if (total.score === 0 && total.good === 0 && total.neutral === 0 && total.bad === 0) return;
    const key = `${partyKind}:${partyId}`;
    const kept = this.totals.get(key) ?? { partyKind, partyId, delta: ZERO_TOTALS };
    this.totals.set(key, { ...kept, delta: addTotals(kept.delta, total) });
  }

  /** Writes everything: new reviews, changed decisions, superseded and new entries, totals. */
  async save(tx: Tx): Promise<void> {
    await insertReviewRows(tx, [...this.newRows.values()]);
    await saveCreditDecisions(tx, [...this.decisionUpdates.values()]);
    await supersedeEntries(tx, this.supersededIds, this.now);
    await insertEntries(tx, this.entries, this.now, this.policy.version);
    await addToTotalsOfParties(tx, [...this.totals.values()]);
  }
}

interface Decided {
  readonly counted: boolean;
  readonly points: number;
  readonly rule: string;
}

const addTotals = (a: CreditTotals, b: CreditTotals): CreditTotals => ({
  score: a.score + b.score,
  good: a.good + b.good,
  neutral: a.neutral + b.neutral,
  bad: a.bad + b.bad,
});

import type { Rating } from '../credit/counting.js';
import type { Instant } from '../shared/time.js';

/** Who rated: buyers rate sellers, sellers rate buyers, per line. */
export type Party = 'buyer' | 'seller';

/** Review states: `active` as given, `modified` after the one change to good, `deleted` after deletion. */
export type ReviewState = 'active' | 'modified' | 'deleted';

/** The three shop ratings (E1), integers 1–5, given by buyers with their main review. */
export interface DsrScores {
  readonly description: number;
  readonly service: number;
  readonly logistics: number;
}

export interface TextEntry {
  readonly text: string;
  readonly at: Instant;
}

export type ComplaintStatus = 'pending' | 'upheld' | 'rejected';

export interface Complaint {
  readonly reason: string;
  readonly at: Instant;
  readonly status: ComplaintStatus;
}

/** One party's main review of one line, with what hangs on it. */
export interface ReviewRecord {
  readonly orderId: string;
  readonly lineId: string;
  readonly by: Party;
  readonly rating: Rating;
  /** The rating as first given (differs from `rating` after a modification). */
  readonly originalRating: Rating;
  /** F2: deemed given by a silent party. */
  readonly isDefault: boolean;
  readonly anonymous: boolean;
  readonly text: string | null;
  readonly givenAt: Instant;
  /** A9: counting order uses the instant the review last took effect. */
  readonly effectiveAt: Instant;
  readonly state: ReviewState;
  readonly changedAt: Instant | null;
  readonly dsr: DsrScores | null;
  readonly followup: TextEntry | null;
  readonly explanation: TextEntry | null;
  readonly followupExplanation: TextEntry | null;
  readonly complaint: Complaint | null;
  /** F7: folded behind a click after an upheld complaint; credit unchanged. */
  readonly folded: boolean;
}

export function otherParty(party: Party): Party {
  return party === 'buyer' ? 'seller' : 'buyer';
}

/** Length in characters as a person counts them (code points, so 好 and 😀 are one each). */
export function textLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

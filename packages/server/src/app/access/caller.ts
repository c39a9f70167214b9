import type { Party } from '@xinyu/domain';

/** The roles of people; the marketplace backend itself calls with its API key. */
export const PERSON_ROLES = ['buyer', 'seller', 'agent', 'staff'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/**
 * Who is calling: the marketplace backend (its API key: everything), or one person holding an
 * access token the marketplace minted: a buyer, a shop's owner (`seller`) or customer-service
 * agent (`agent`, same rights on that shop), or platform staff.
 */
export type Caller =
  | { readonly role: 'marketplace'; readonly marketplace: string }
  | {
      readonly role: PersonRole;
      readonly marketplace: string;
      /** The buyer id (buyer), the shop's seller id (seller, agent) or the staff id. */
      readonly subject: string;
      readonly name: string | null;
    };

/** The review party a caller acts as, or `platform` for the marketplace and its staff. */
export function partyOf(caller: Caller): Party | 'platform' {
  if (caller.role === 'buyer') return 'buyer';
  if (caller.role === 'seller' || caller.role === 'agent') return 'seller';
  return 'platform';
}

/** The key that scopes a caller's idempotency keys: two people never collide on theirs. */
export function idempotencyScope(caller: Caller): string {
  return caller.role === 'marketplace' ? caller.marketplace : `${caller.marketplace}/${caller.role}:${caller.subject}`;
}

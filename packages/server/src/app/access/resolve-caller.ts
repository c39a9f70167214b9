import { findLiveAccessToken } from '../../db/access-tokens.repository.js';
import type { AppContext } from '../context.js';
import { hashAccessToken } from './access-token-secret.js';
import { type Caller, PERSON_ROLES, type PersonRole } from './caller.js';

/**
 * Who a bearer secret stands for: a marketplace API key (configured, compared in memory), or a
 * live access token (looked up by hash); null when neither.
 */
export async function resolveCaller(
  ctx: AppContext,
  apiKeys: ReadonlyMap<string, string>,
  secret: string,
): Promise<Caller | null> {
  const marketplace = apiKeys.get(secret);
  if (marketplace) return { role: 'marketplace', marketplace };
  const token = await findLiveAccessToken(ctx.db, hashAccessToken(secret), ctx.clock.now());
  if (!token || !PERSON_ROLES.includes(token.role as PersonRole)) return null;
  return { role: token.role as PersonRole, marketplace: token.marketplace, subject: token.subject, name: token.name };
}

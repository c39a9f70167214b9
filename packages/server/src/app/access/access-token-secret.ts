import { createHash, randomBytes } from 'node:crypto';

/** Prefix of every minted token, so a leaked one is recognisable (and scannable) as Xinyu's. */
const PREFIX = 'xyt_';

/** A new token secret: 32 random bytes, URL-safe. */
export function newAccessTokenSecret(): string {
  return `${PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** What is stored and looked up instead of the secret. */
export function hashAccessToken(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

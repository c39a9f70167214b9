import type { Instant } from '@xinyu/domain';
import type { Kysely } from 'kysely';
import { hashAccessToken } from '../app/access/access-token-secret.js';
import type { PersonRole } from '../app/access/caller.js';
import { insertAccessToken } from '../db/access-tokens.repository.js';
import { loadDemoRecord } from '../db/demo.repository.js';
import type { Database } from '../db/schema.js';
import type { DemoWorld } from './demo-world.js';

/** One demo account: a fixed token anyone can type, standing for one person of the demo. */
export interface DemoSignIn {
  readonly role: PersonRole;
  readonly token: string;
  readonly subject: string;
  readonly name: string;
}

/** The demo's marketplace, as its tokens record it (the default API key's name). */
const DEMO_MARKETPLACE = 'demo';
/** Ten years: a demo's sign-ins outlive any demo. */
const TEN_YEARS_MS = 10 * 365 * 24 * 3_600_000;

/** The four demo accounts of a world: its buyer, its shop's owner and agent, platform staff. */
export function demoSignIns(signIns: DemoWorld['signIns'], shopName: string): DemoSignIn[] {
  return [
    { role: 'buyer', token: 'demo-buyer', subject: signIns.buyer, name: '买家小王' },
    { role: 'seller', token: 'demo-seller', subject: signIns.seller, name: `${shopName}店主` },
    { role: 'agent', token: 'demo-agent', subject: signIns.seller, name: '客服小美' },
    { role: 'staff', token: 'demo-staff', subject: signIns.staff, name: '平台小二' },
  ];
}

/**
 * Stores the demo accounts' tokens unless already there (a demo built before tokens existed gets
 * them on its next start). The secrets are public by design: this is a demo.
 */
export async function ensureDemoSignIns(db: Kysely<Database>, accounts: readonly DemoSignIn[], now: Instant) {
  for (const a of accounts) {
    await insertAccessToken(
      db,
      hashAccessToken(a.token),
      { marketplace: DEMO_MARKETPLACE, role: a.role, subject: a.subject, name: a.name, expiresAt: now + TEN_YEARS_MS },
      now,
      true,
    );
  }
}

/** What the console's sign-in page offers on a demo: its accounts and shops; null when there is no demo. */
export async function describeDemo(db: Kysely<Database>) {
  const record = await loadDemoRecord(db);
  if (record?.status !== 'ready') return null;
  const details = record.details as {
    signIns: DemoWorld['signIns'];
    shops: Array<{ id: string; name: string; market: string }>;
  };
  const signShop = details.shops.find((s) => s.id === details.signIns.seller);
  return {
    signIns: demoSignIns(details.signIns, signShop?.name ?? ''),
    shops: details.shops.map((s) => ({ seller: s.id, name: s.name, market: s.market })),
  };
}

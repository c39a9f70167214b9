import { expect } from 'vitest';
import type { HttpTestApp } from './http-test-app.js';
import type { WriteCase } from './write-cases.js';

// The access-token write endpoints as cases of http-writes.test.ts (listed in write-cases.ts).

const TOKENS = '/v1/access-tokens';
const buyerToken = { role: 'buyer', subject: 'B1', name: '小王', ttlHours: 24 };

/** A token minted for buyer B1, whose secret a revocation names. */
const minted = async (h: HttpTestApp) => {
  const res = await h.post(TOKENS, { ...buyerToken });
  expect(res.statusCode, res.body).toBe(201);
  await h.tick();
  return res.json().token as string;
};
let mintedSecret = '';

export const ACCESS_WRITE_CASES: readonly WriteCase[] = [
  {
    route: TOKENS,
    setup: async () => {},
    url: TOKENS,
    body: buyerToken,
    status: 201,
    freshSecrets: true,
    other: { body: { role: 'agent', subject: 'S1', name: '客服小李' } },
    badBodies: [
      ['an unknown role', { ...buyerToken, role: 'admin' }],
      ['the marketplace role', { ...buyerToken, role: 'marketplace' }],
      ['a subject that is not an id', { ...buyerToken, subject: 'B 1' }],
      ['ttlHours 0', { ...buyerToken, ttlHours: 0 }],
      ['ttlHours over a year', { ...buyerToken, ttlHours: 8_761 }],
      ['ttlHours 1.5', { ...buyerToken, ttlHours: 1.5 }],
      ['an empty name', { ...buyerToken, name: '' }],
    ],
  },
  {
    route: `${TOKENS}/revoke`,
    setup: async (h) => {
      mintedSecret = await minted(h);
    },
    url: `${TOKENS}/revoke`,
    get body() {
      return { token: mintedSecret };
    },
    status: 200,
    freshSecrets: true,
    other: { body: { token: 'xyt_another' } },
    refusal: { body: { token: 'xyt_never_minted' }, status: 404, code: 'NOT_FOUND' },
    badBodies: [['an empty token', { token: '' }]],
  },
];

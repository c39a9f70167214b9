import { expect } from 'vitest';
import { fanOutEvents } from '../../src/app/webhooks/fan-out-events.js';
import type { HttpTestApp } from './http-test-app.js';
import type { WriteCase } from './write-cases.js';

// The webhook write endpoints as cases of http-writes.test.ts (listed in write-cases.ts).

const SUBSCRIPTIONS = '/v1/webhooks/subscriptions';
const subscription = (url: string) => ({
  url,
  eventTypes: ['order.placed', 'review.rated'],
  secret: 'whsec_chosen_by_the_marketplace_0001',
});

/** A subscription to every event, two orders placed, and their two deliveries fanned out. */
const twoDeliveries = async (h: HttpTestApp) => {
  const res = await h.post(SUBSCRIPTIONS, { ...subscription('https://hooks.example.com/xinyu'), eventTypes: ['*'] });
  expect(res.statusCode, res.body).toBe(201);
  await h.placeOrder('O1');
  await h.placeOrder('O2');
  expect(await fanOutEvents(h.ctx)).toBe(2);
  await h.tick();
};

export const WEBHOOK_WRITE_CASES: readonly WriteCase[] = [
  {
    route: SUBSCRIPTIONS,
    setup: async () => {},
    url: SUBSCRIPTIONS,
    body: subscription('https://hooks.example.com/xinyu'),
    status: 201,
    other: { body: subscription('https://hooks.example.com/other') },
    badBodies: [
      ['an ftp URL', subscription('ftp://hooks.example.com/xinyu')],
      ['a javascript: URL', subscription('javascript:alert(1)')],
      ['a relative URL', subscription('/xinyu/hooks')],
      ['a URL with a space', subscription('https://hooks.example.com/a b')],
      ['a URL of 2,001 characters', subscription(`https://hooks.example.com/${'x'.repeat(1_975)}`)],
      ['an unknown event type', { ...subscription('https://h.example.com/'), eventTypes: ['order.exploded'] }],
      ['no event types', { ...subscription('https://h.example.com/'), eventTypes: [] }],
      ['an event type twice', { ...subscription('https://h.example.com/'), eventTypes: ['order.paid', 'order.paid'] }],
      ['a secret of 23 characters', { ...subscription('https://h.example.com/'), secret: 's'.repeat(23) }],
      ['a secret with a space', { ...subscription('https://h.example.com/'), secret: `${'s'.repeat(24)} x` }],
    ],
  },
  {
    route: '/v1/webhooks/deliveries/{id}/replay',
    setup: twoDeliveries,
    url: '/v1/webhooks/deliveries/1/replay',
    status: 200,
    other: { url: '/v1/webhooks/deliveries/2/replay' },
    refusal: { url: '/v1/webhooks/deliveries/99/replay', status: 404, code: 'NOT_FOUND' },
  },
];

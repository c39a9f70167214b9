import { describe, expect, it } from 'vitest';
import { ActionKey } from './idempotency.js';

describe('ActionKey', () => {
  const counter = () => {
    let n = 0;
    return () => `k${++n}`;
  };

  it('reuses the key when the same action is retried with the same body', () => {
    const keys = new ActionKey(counter());
    expect(keys.for({ text: '好' })).toBe('k1');
    expect(keys.for({ text: '好' })).toBe('k1');
  });

  it('makes a new key when the body changes or after a success', () => {
    const keys = new ActionKey(counter());
    expect(keys.for({ text: 'a' })).toBe('k1');
    expect(keys.for({ text: 'b' })).toBe('k2');
    keys.done();
    expect(keys.for({ text: 'b' })).toBe('k3');
  });
});

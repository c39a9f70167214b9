import { describe, expect, it } from 'vitest';
import { otherParty, textLength } from './review-record.js';

describe('textLength', () => {
  for (const { text, length } of [
    { text: '', length: 0 },
    { text: 'good', length: 4 },
    { text: '好评', length: 2 },
    { text: '😀', length: 1 },
    { text: '好😀a', length: 3 },
  ]) {
    it(`F4/F5: "${text}" is ${length} characters (code points)`, () => {
      expect(textLength(text)).toBe(length);
    });
  }
});

describe('otherParty', () => {
  it('A1: buyers rate sellers and sellers rate buyers', () => {
    expect(otherParty('buyer')).toBe('seller');
    expect(otherParty('seller')).toBe('buyer');
  });
});

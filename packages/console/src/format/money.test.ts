import { describe, expect, it } from 'vitest';
import { fenToYuanText, formatFen, parseYuan } from './money.js';

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [100, '¥1.00'],
    [6800, '¥68.00'],
    [123456, '¥1,234.56'],
    [1000000000, '¥10,000,000.00'],
    [-50, '−¥0.50'],
  ])('%i fen is %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });
});

describe('parseYuan', () => {
  it.each([
    ['12', 1200],
    ['12.3', 1230],
    ['12.34', 1234],
    ['0.05', 5],
    [' 68.00 ', 6800],
    ['¥5', 500],
    ['12.', 1200],
  ])('"%s" is %i fen', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it.each(['', '-1', '1.234', 'abc', '1e3', '1,000'])('"%s" is not an amount', (text) => {
    expect(parseYuan(text)).toBeNull();
  });

  it('reads back what fenToYuanText writes', () => {
    for (const fen of [1, 99, 100, 5249, 123456]) expect(parseYuan(fenToYuanText(fen))).toBe(fen);
  });
});

import { describe, expect, it } from 'vitest';
import { clamp, isFen, percentOf, ratePercent, roundHalfUp, roundRatioHalfUp } from './money.js';

describe('percentOf', () => {
  for (const { amount, percent, fen, why } of [
    { amount: 12_345, percent: 10, fen: 1_235, why: '1234.5 rounds up' },
    { amount: 12_344, percent: 10, fen: 1_234, why: '1234.4 rounds down' },
    { amount: 5, percent: 10, fen: 1, why: '0.5 rounds up' },
    { amount: 4, percent: 10, fen: 0, why: '0.4 rounds down' },
    { amount: 10_000, percent: 5, fen: 500, why: 'exact' },
    { amount: 99_999, percent: 10, fen: 10_000, why: '9999.9 rounds up' },
    { amount: 0, percent: 10, fen: 0, why: 'nothing' },
    { amount: 12_345, percent: 0.1, fen: 12, why: 'fractional percent' },
  ]) {
    it(`L3: ${percent} % of ${amount} fen is ${fen} fen, half-up (${why})`, () => {
      expect(percentOf(amount, percent)).toBe(fen);
    });
  }
});

describe('ratePercent', () => {
  for (const { num, den, decimals, rate } of [
    { num: 2, den: 3, decimals: 2, rate: 66.67 },
    { num: 1, den: 3, decimals: 2, rate: 33.33 },
    { num: 1, den: 6, decimals: 2, rate: 16.67 },
    { num: 1, den: 8, decimals: 2, rate: 12.5 },
    { num: 1, den: 800, decimals: 2, rate: 0.13 },
    { num: 5, den: 5, decimals: 2, rate: 100 },
    { num: 0, den: 5, decimals: 2, rate: 0 },
    { num: 2, den: 3, decimals: 4, rate: 66.6667 },
    { num: 1, den: 20_000, decimals: 2, rate: 0.01 },
    { num: 100, den: 2_000_001, decimals: 2, rate: 0 },
    { num: 1_999_901, den: 2_000_001, decimals: 2, rate: 100 },
    { num: 1_999_899, den: 2_000_001, decimals: 2, rate: 99.99 },
  ]) {
    it(`C1/J2: ${num} ÷ ${den} × 100 to ${decimals} decimals is ${rate}`, () => {
      expect(ratePercent(num, den, decimals)).toBe(rate);
    });
  }

  it('C1/J2: a rate over nothing is null', () => {
    expect(ratePercent(0, 0)).toBeNull();
    expect(ratePercent(3, 0)).toBeNull();
  });
});

describe('roundRatioHalfUp', () => {
  for (const { num, den, decimals, rounded, why } of [
    { num: 1, den: 8, decimals: 2, rounded: 0.13, why: '0.125 is the half' },
    { num: 2, den: 3, decimals: 2, rounded: 0.67, why: 'repeating' },
    { num: 14, den: 3, decimals: 4, rounded: 4.6667, why: 'repeating' },
    { num: 0, den: 7, decimals: 2, rounded: 0, why: 'nothing' },
    { num: 100, den: 2_000_001, decimals: 4, rounded: 0, why: '0.0000499999975 is below the half' },
    { num: 8_000_105, den: 2_000_001, decimals: 4, rounded: 4.0001, why: '4.0000505 is above the half' },
  ]) {
    it(`C1/E2: ${num} ÷ ${den} to ${decimals} decimals is ${rounded}, exactly (${why})`, () => {
      expect(roundRatioHalfUp(num, den, decimals)).toBe(rounded);
    });
  }
});

describe('roundHalfUp', () => {
  for (const { value, decimals, rounded, why } of [
    { value: 1.005, decimals: 2, rounded: 1.01, why: '1.005 is 1.00499… in binary' },
    { value: 4.66665, decimals: 4, rounded: 4.6667, why: 'a DSR mean at the half' },
    { value: 8.345, decimals: 2, rounded: 8.35, why: '8.345 is 8.34499… in binary' },
    { value: 1.45, decimals: 1, rounded: 1.5, why: '1.45 is 1.44999… in binary' },
    { value: 0.125, decimals: 2, rounded: 0.13, why: 'exact half' },
    { value: 2.5, decimals: 0, rounded: 3, why: 'half-up, not half-even' },
    { value: 1.0049, decimals: 2, rounded: 1, why: 'below the half' },
    { value: 14 / 3, decimals: 4, rounded: 4.6667, why: 'repeating' },
    { value: 13 / 3, decimals: 4, rounded: 4.3333, why: 'repeating' },
    { value: 149 / 32, decimals: 4, rounded: 4.6563, why: '4.65625 exactly' },
  ]) {
    it(`C1/E2: ${value} to ${decimals} decimals is ${rounded} (${why})`, () => {
      expect(roundHalfUp(value, decimals)).toBe(rounded);
    });
  }
});

describe('fen helpers', () => {
  for (const { value, fen } of [
    { value: 0, fen: true },
    { value: 100, fen: true },
    { value: -1, fen: false },
    { value: 1.5, fen: false },
    { value: Number.NaN, fen: false },
    { value: '100', fen: false },
    { value: 2 ** 53, fen: false },
  ]) {
    it(`Conventions: money is integer fen: isFen(${typeof value === 'string' ? `'${value}'` : value}) is ${fen}`, () => {
      expect(isFen(value)).toBe(fen);
    });
  }

  it('L3: clamp keeps an amount between a minimum and a maximum', () => {
    expect(clamp(300, 500, 10_000)).toBe(500);
    expect(clamp(12_000, 500, 10_000)).toBe(10_000);
    expect(clamp(800, 500, 10_000)).toBe(800);
  });
});

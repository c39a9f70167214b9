import { describe, expect, it } from 'vitest';
import { linePath, niceScale } from './chart-scale.js';

describe('niceScale', () => {
  it('rounds the top up to a multiple of a round step', () => {
    expect(niceScale(3.7)).toEqual({ top: 4, step: 1 });
    expect(niceScale(0.13)).toEqual({ top: 0.2, step: 0.05 });
    expect(niceScale(45)).toEqual({ top: 80, step: 20 });
  });

  it('has a top above zero when every value is zero or there is none', () => {
    expect(niceScale(0).top).toBeGreaterThan(0);
  });
});

describe('linePath', () => {
  it('draws through values and lifts the pen over gaps', () => {
    const path = linePath(
      [1, 2, null, 4],
      (i) => i * 10,
      (v) => 100 - v,
    );
    expect(path).toBe('M0.0,99.0L10.0,98.0M30.0,96.0');
  });
});

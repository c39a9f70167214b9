import { describe, expect, it } from 'vitest';
import { formatDay, formatInstant, timeLeft } from './time.js';

const now = Date.parse('2026-12-01T00:00:00Z');
const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('timeLeft', () => {
  it('shows days and hours from one day up', () => {
    expect(timeLeft(now + 3 * D + 4 * H + 59 * M, now)).toEqual({ unit: 'days', days: 3, hours: 4 });
    expect(timeLeft(now + D, now)).toEqual({ unit: 'days', days: 1, hours: 0 });
  });

  it('shows hours and minutes under a day, minutes and seconds under an hour', () => {
    expect(timeLeft(now + D - 1, now)).toEqual({ unit: 'hours', hours: 23, minutes: 59 });
    expect(timeLeft(now + H - 1, now)).toEqual({ unit: 'minutes', minutes: 59, seconds: 59 });
    expect(timeLeft(now + 1500, now)).toEqual({ unit: 'minutes', minutes: 0, seconds: 1 });
  });

  it('is over at the deadline itself (windows are half-open) and after it', () => {
    expect(timeLeft(now, now)).toEqual({ unit: 'over' });
    expect(timeLeft(now - 5 * D, now)).toEqual({ unit: 'over' });
  });
});

describe('formatInstant', () => {
  it('shows the instant in Asia/Shanghai', () => {
    expect(formatInstant('2026-11-30T16:30:00Z')).toBe('2026-12-01 00:30');
    expect(formatDay('2026-11-30T16:30:00Z')).toBe('2026-12-01');
  });

  it('shows nothing for a missing or unreadable instant', () => {
    expect(formatInstant(null)).toBe('');
    expect(formatInstant('soon')).toBe('');
  });
});

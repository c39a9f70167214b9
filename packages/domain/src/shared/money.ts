/**
 * Money is integer fen (分); every arithmetic on it lives here so that no float ever touches an
 * amount. Rates are the one place a division happens, rounded half-up at the edge.
 */
export type Fen = number;

/** Whether a value is a non-negative safe integer amount of fen. */
export function isFen(value: unknown): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** `amount × percent / 100`, rounded half-up to a whole fen. */
export function percentOf(amount: Fen, percent: number): Fen {
  return Math.floor((amount * percent * 100 + 5_000) / 10_000);
}

export function clamp(amount: Fen, min: Fen, max: Fen): Fen {
  return Math.min(max, Math.max(min, amount));
}

/** `numerator ÷ denominator × 100`, half-up to `decimals` places; `null` when the denominator is 0. */
export function ratePercent(numerator: number, denominator: number, decimals = 2): number | null {
  if (denominator === 0) return null;
  return roundRatioHalfUp(numerator * 100, denominator, decimals);
}

/**
 * `numerator ÷ denominator` half-up to `decimals` places, exact for non-negative safe integers: the
 * float nudge of `roundHalfUp` would round up ratios within 1e-6 of the half (denominators > 10⁶).
 */
export function roundRatioHalfUp(numerator: number, denominator: number, decimals: number): number {
  const scale = 10 ** decimals;
  const twice = 2 * denominator;
  const halfUp = 2 * numerator * scale + denominator;
  return (halfUp - (halfUp % twice)) / twice / scale;
}

/** Half-up rounding that is exact for the ratios we show (guards binary float artefacts). */
export function roundHalfUp(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const scaled = value * scale;
  const nudged = Math.round(scaled * 1e6) / 1e6;
  return Math.floor(nudged + 0.5) / scale;
}

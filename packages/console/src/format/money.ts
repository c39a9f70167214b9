/** Money arrives as integer fen; it is shown as ¥ with two decimals and read back from yuan text. */

/** 123456 → "¥1,234.56"; −50 → "−¥0.50". Integer arithmetic only: no float ever touches money. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '−' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100).toString().padStart(2, '0');
  return `${sign}¥${yuan}.${cents}`;
}

/** "12.3" → 1230 fen; "12" → 1200; "0.05" → 5; anything else (more than 2 decimals, signs, letters) → null. */
export function parseYuan(text: string): number | null {
  const match = /^\s*(\d{1,11})(?:\.(\d{0,2}))?\s*$/.exec(text.replace(/^¥/, ''));
  if (!match) return null;
  const cents = (match[2] ?? '').padEnd(2, '0');
  return Number(match[1]) * 100 + Number(cents);
}

/** 5000 fen → "50.00", the yuan text an amount field starts with. */
export function fenToYuanText(fen: number): string {
  return formatFen(fen).replace(/^−?¥/, '').replace(/,/g, '');
}

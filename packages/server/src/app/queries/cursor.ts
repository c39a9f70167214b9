/** Opaque page cursors: base64url JSON of the last row's sort key. */
export interface Cursor {
  readonly at: number;
  readonly key: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

const MAX_DATE_MS = 8.64e15;

/** Decodes a cursor; a malformed one is treated as absent rather than trusted. */
export function decodeCursor(text: string): Cursor | undefined {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Cursor>;
    // Beyond ±8.64e15 ms a Date is invalid and the query failed (a forged cursor gave a 500).
    if (typeof value.at === 'number' && Math.abs(value.at) <= MAX_DATE_MS && typeof value.key === 'string') {
      return { at: value.at, key: value.key };
    }
  } catch {}
  return undefined;
}

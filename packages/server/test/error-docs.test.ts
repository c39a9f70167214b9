import { readFileSync } from 'node:fs';
import { ERROR_CODES, type ErrorCode } from '@xinyu/domain';
import { describe, expect, it } from 'vitest';
import { HTTP_STATUS } from '../src/http/error-map.js';

const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
const rows = new Map(
  [...doc.matchAll(/^\|\s*`([A-Z_]+)`\s*\|\s*(\d{3})\s*\|\s*(.+?)\s*\|$/gm)].map((m) => [
    m[1] as ErrorCode,
    { status: Number(m[2]), when: m[3] },
  ]),
);

describe('docs/errors.md', () => {
  it('documents exactly the closed list of codes, with their HTTP status and when they happen', () => {
    expect([...rows.keys()].sort()).toEqual(Object.keys(ERROR_CODES).sort());
    for (const [code, when] of Object.entries(ERROR_CODES) as Array<[ErrorCode, string]>) {
      expect(rows.get(code)).toEqual({ status: HTTP_STATUS[code], when });
    }
  });

  it('maps every code to a 4xx status', () => {
    for (const status of Object.values(HTTP_STATUS)) {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
  });
});

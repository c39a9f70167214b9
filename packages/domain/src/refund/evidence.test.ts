import { describe, expect, it } from 'vitest';
import { EVIDENCE_IMAGE_MAX_BYTES, evidenceImageProblem } from './evidence.js';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const webp = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50]);
const script = Uint8Array.from('<script>alert(1)</script>', (c) => c.charCodeAt(0));

describe('I2: evidence images', () => {
  for (const [name, bytes, type] of [
    ['a PNG', png, 'image/png'],
    ['a JPEG', jpeg, 'image/jpeg'],
    ['a WebP', webp, 'image/webp'],
  ] as const) {
    it(`accepts ${name} whose bytes match its type`, () => expect(evidenceImageProblem(bytes, type)).toBeNull());
  }

  it('refuses bytes that do not match the claimed type', () => {
    expect(evidenceImageProblem(script, 'image/png')).toMatch(/not a image\/png/);
    expect(evidenceImageProblem(jpeg, 'image/png')).toMatch(/not a image\/png/);
  });

  it('refuses other media types, empty and oversized images', () => {
    expect(evidenceImageProblem(png, 'image/svg+xml')).toMatch(/must be one of/);
    expect(evidenceImageProblem(new Uint8Array(0), 'image/png')).toMatch(/empty/);
    const big = new Uint8Array(EVIDENCE_IMAGE_MAX_BYTES + 1);
    big.set(png);
    expect(evidenceImageProblem(big, 'image/png')).toMatch(/at most/);
    const limit = new Uint8Array(EVIDENCE_IMAGE_MAX_BYTES);
    limit.set(png);
    expect(evidenceImageProblem(limit, 'image/png')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the zh-CN and en catalogues', () => {
  it('have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('use the same placeholders in each text', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect({ key, names: placeholders(en[key]) }).toEqual({ key, names: placeholders(zhCN[key]) });
    }
  });

  it('have no empty text', () => {
    for (const [key, text] of [...Object.entries(zhCN), ...Object.entries(en)]) {
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
    }
  });
});

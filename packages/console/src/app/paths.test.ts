import { describe, expect, it } from 'vitest';
import { matchPath } from './paths.js';

describe('matchPath', () => {
  it('binds named segments, unescaped', () => {
    expect(matchPath('/shops/:seller', '/shops/shop01')).toEqual({ seller: 'shop01' });
    expect(matchPath('/staff/cases/:refund', '/staff/cases/R%3A1')).toEqual({ refund: 'R:1' });
  });

  it('needs every fixed segment and the same length', () => {
    expect(matchPath('/shops/:seller', '/shops')).toBeNull();
    expect(matchPath('/shops/:seller', '/buyer/x')).toBeNull();
    expect(matchPath('/buyer', '/buyer/')).toEqual({});
  });

  it('refuses a malformed escape instead of throwing', () => {
    expect(matchPath('/shops/:seller', '/shops/%E0%A4%A')).toBeNull();
  });
});

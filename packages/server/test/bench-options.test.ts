import { describe, expect, it } from 'vitest';
import { DEFAULTS, parseBenchArgs } from '../bench/options.js';

describe('xinyu bench arguments', () => {
  it('defaults to every figure on both backends at the issue sizes, as a table', () => {
    const o = parseBenchArgs([], {});
    expect(o).toMatchObject({ json: false, backends: ['pglite', 'postgres'], ...DEFAULTS });
    expect('figures' in o && o.figures).toEqual(['ingest', 'apiWrite', 'creditRead', 'timers', 'policyReplay']);
    expect('postgresUrl' in o && o.postgresUrl).toBe('postgres://postgres@127.0.0.1:5432/postgres');
  });

  it('takes --json from the arguments or from npm (npm run bench --json sets npm_config_json)', () => {
    expect(parseBenchArgs(['--json'], {})).toMatchObject({ json: true });
    expect(parseBenchArgs([], { npm_config_json: 'true' })).toMatchObject({ json: true });
    expect(parseBenchArgs([], { npm_config_json: '' })).toMatchObject({ json: false });
  });

  it('scales down with --quick, and a size given beside it wins wherever it stands', () => {
    expect(parseBenchArgs(['--reviews', '5000', '--quick'], {})).toMatchObject({ reviews: 5000, ingest: 1000 });
    expect(parseBenchArgs(['--quick', '--ingest=300'], {})).toMatchObject({ ingest: 300, reviews: 20_000 });
    expect(parseBenchArgs(['--reviews', '1_000_000'], {})).toMatchObject({ reviews: 1_000_000 });
  });

  it('chooses backends and figures, in their own order', () => {
    expect(parseBenchArgs(['--backend', 'postgres'], {})).toMatchObject({ backends: ['postgres'] });
    expect(parseBenchArgs(['--only', 'timers,ingest'], {})).toMatchObject({ figures: ['ingest', 'timers'] });
    expect(parseBenchArgs([], { DATABASE_URL: ' postgres://x@h/db ' })).toMatchObject({
      postgresUrl: 'postgres://x@h/db',
    });
  });

  it('refuses what it does not know, with a message', () => {
    expect(() => parseBenchArgs(['--only', 'ingest,speed'], {})).toThrow(/speed is not one of/);
    expect(() => parseBenchArgs(['--backend', 'mysql'], {})).toThrow(/mysql/);
    expect(() => parseBenchArgs(['--reviews', '0'], {})).toThrow(/positive integer/);
    expect(() => parseBenchArgs(['--reviews'], {})).toThrow(/needs a value/);
    expect(() => parseBenchArgs(['--fast'], {})).toThrow(/unknown option --fast/);
    expect(parseBenchArgs(['--help'], {})).toEqual({ help: true });
  });
});

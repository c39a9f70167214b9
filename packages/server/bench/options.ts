/** The five figures of `xinyu bench`, in the order they run and print. */
export const FIGURES = ['ingest', 'apiWrite', 'creditRead', 'timers', 'policyReplay'] as const;
export type Figure = (typeof FIGURES)[number];

export const BACKENDS = ['pglite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

/** What one `xinyu bench` run measures, and how much of it. */
export interface BenchOptions {
  /** Print one JSON object as the last line instead of the table. */
  readonly json: boolean;
  readonly backends: readonly Backend[];
  readonly figures: readonly Figure[];
  /** Reviews ingested through the use cases (and inserted raw), default 20,000. */
  readonly ingest: number;
  /** Reviews per batch (one transaction, multi-row statements), default 500. */
  readonly batch: number;
  /** HTTP requests per side (ours, the bare route) for API write and credit read, default 5,000. */
  readonly requests: number;
  /** Concurrent HTTP connections, default 50. */
  readonly connections: number;
  /** Due timers fired (and updated raw), default 5,000. */
  readonly timers: number;
  /** Reviews the policy replay recomputes, default 1,000,000. */
  readonly reviews: number;
  /** PostgreSQL server; the bench creates and drops its own database `xinyu_bench` there. */
  readonly postgresUrl: string;
}

export const DEFAULTS = {
  ingest: 20_000,
  batch: 500,
  requests: 5_000,
  connections: 50,
  timers: 5_000,
  reviews: 1_000_000,
} as const;

/** `--quick`: every size small enough for both backends in under a minute (PostgreSQL alone: about 20 s). */
const QUICK = { ingest: 1_000, batch: 500, requests: 300, connections: 50, timers: 300, reviews: 20_000 };

export const BENCH_HELP = `usage: xinyu bench [options]     (npm run bench [--json] [-- options])

Measures each figure against the raw database doing the same work, in one run on one database,
on PGlite and on PostgreSQL (DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres; the
bench creates and drops its own database xinyu_bench there).

  --json                 print one JSON object as the last line (also: npm run bench --json)
  --backend B[,B]        pglite, postgres (default: both)
  --only F[,F]           ingest, apiWrite, creditRead, timers, policyReplay (default: all)
  --ingest N             reviews ingested (default ${DEFAULTS.ingest})
  --batch N              reviews per ingest batch (default ${DEFAULTS.batch})
  --requests N           HTTP requests per side (default ${DEFAULTS.requests})
  --connections N        HTTP connections (default ${DEFAULTS.connections})
  --timers N             due timers fired (default ${DEFAULTS.timers})
  --reviews N            reviews of the policy replay (default ${DEFAULTS.reviews})
  --quick                small sizes: ingest ${QUICK.ingest}, requests ${QUICK.requests}, timers ${QUICK.timers}, reviews ${QUICK.reviews}
`;

const SIZE_FLAGS = ['ingest', 'batch', 'requests', 'connections', 'timers', 'reviews'] as const;

function list<T extends string>(value: string, allowed: readonly T[], flag: string): T[] {
  const items = value.split(',').map((s) => s.trim());
  for (const item of items) {
    if (!allowed.includes(item as T)) throw new Error(`${flag}: ${item} is not one of ${allowed.join(', ')}`);
  }
  return allowed.filter((a) => items.includes(a));
}

/**
 * Reads the arguments of `xinyu bench`. `npm run bench --json` passes no argument: npm takes
 * `--json` as its own setting and says so in `npm_config_json`, which counts as `--json` too.
 * Throws an Error with a message for the user on a bad argument; `help` asks for the usage.
 */
export function parseBenchArgs(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): BenchOptions | { readonly help: true } {
  // --quick sets every size; a size given beside it still wins, wherever it stands.
  const sizes: Record<(typeof SIZE_FLAGS)[number], number> = argv.includes('--quick') ? { ...QUICK } : { ...DEFAULTS };
  let json = env.npm_config_json === 'true';
  let backends: Backend[] = [...BACKENDS];
  let figures: Figure[] = [...FIGURES];
  for (let i = 0; i < argv.length; i += 1) {
    const [flag = '', inline] = argv[i]!.split(/=(.*)/s, 2);
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    const name = flag.replace(/^--/, '');
    if (flag === '--help' || flag === '-h') return { help: true };
    else if (flag === '--json') json = true;
    else if (flag === '--quick') continue;
    else if (flag === '--backend') backends = list(value(), BACKENDS, flag);
    else if (flag === '--only') figures = list(value(), FIGURES, flag);
    else if ((SIZE_FLAGS as readonly string[]).includes(name) && flag.startsWith('--')) {
      const text = value();
      const n = Number(text.replaceAll('_', ''));
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive integer, got ${text}`);
      sizes[name as (typeof SIZE_FLAGS)[number]] = n;
    } else throw new Error(`unknown option ${argv[i]}`);
  }
  return {
    json,
    backends,
    figures,
    ...sizes,
    postgresUrl: env.DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

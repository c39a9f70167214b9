import { type AppContext, systemClock } from '../app/context.js';
import { policyByName } from '../app/policies.js';
import type { DemoRecord } from '../db/demo.repository.js';
import { openDatabase } from '../db/open-database.js';
import { buildDemoMarketplace, DEFAULT_DEMO_SEED, DEFAULT_DEMO_SIZES } from '../demo/build-demo-marketplace.js';
import { demoSignIns } from '../demo/demo-sign-ins.js';
import { configFromEnv, type ServerConfig } from './config.js';
import { startServer, untilStopped } from './serve-command.js';

export const DEMO_USAGE = `usage: xinyu demo [--orders N] [--shops N] [--buyers N] [--seed N]

Builds a demo marketplace through the engine's own use cases (six months of orders, reviews,
refunds, returns and disputes on a simulated clock) into the configured database, unless one is
there already, then serves it like \`xinyu serve\`. Defaults: ${DEFAULT_DEMO_SIZES.shops} shops,
${DEFAULT_DEMO_SIZES.buyers} buyers, ${DEFAULT_DEMO_SIZES.orders} orders (about 4½ minutes on two cores; 2,000
orders take one; 30,000 take well over 15), seed ${DEFAULT_DEMO_SEED}.
`;

const SIZE_FLAGS = { '--orders': 'orders', '--shops': 'shops', '--buyers': 'buyers', '--seed': 'seed' } as const;
type DemoArgs = Record<(typeof SIZE_FLAGS)[keyof typeof SIZE_FLAGS], number>;

/** The options of `xinyu demo`, or the problem with them. */
export function parseDemoArgs(args: readonly string[]): DemoArgs | string {
  const parsed: DemoArgs = { ...DEFAULT_DEMO_SIZES, seed: DEFAULT_DEMO_SEED };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.includes('=') ? arg.split('=', 2) : [arg, undefined];
    const key = SIZE_FLAGS[flag as keyof typeof SIZE_FLAGS];
    if (!key) return `unexpected argument ${arg}`;
    const text = inline ?? args[++i] ?? '';
    const value = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
    const least = key === 'seed' ? 0 : 1;
    if (!(value >= least)) return `${flag} needs an integer ≥ ${least}, got ${text || 'nothing'}`;
    parsed[key] = value;
  }
  return parsed;
}

const grouped = (n: number) => n.toLocaleString('en-US');
const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/** `xinyu demo`: build the demo marketplace if the database has none, then serve it. */
export async function demoCommand(args: readonly string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(DEMO_USAGE);
    return 0;
  }
  const options = parseDemoArgs(args);
  if (typeof options === 'string') return fail(`${options}\n${DEMO_USAGE}`);
  const config = configFromEnv(process.env);
  const policy = policyByName(config.policyName);
  if (!policy) return fail(`unknown policy ${config.policyName}`);
  const opened = await openDatabase(config.storage);
  const ctx: AppContext = { db: opened.db, policy, clock: systemClock };
  const where = 'dataDir' in config.storage ? config.storage.dataDir : 'the database of DATABASE_URL';
  let shown = -1;
  const began = Date.now();
  const built = await buildDemoMarketplace(ctx, {
    ...options,
    progress: (fraction, stats) => {
      const step = Math.floor(fraction * 20);
      if (step <= shown) return;
      if (shown < 0) {
        process.stderr.write(
          `xinyu demo: building the demo marketplace (${grouped(options.shops)} shops, ${grouped(options.buyers)} ` +
            `buyers, ${grouped(options.orders)} orders, seed ${options.seed}) in ${where}\n`,
        );
      }
      shown = step;
      const seconds = Math.round((Date.now() - began) / 1000);
      process.stderr.write(`  ${String(step * 5).padStart(3)}%  ${grouped(stats.commands)} commands, ${seconds} s\n`);
    },
  });
  if (built.outcome === 'refused') {
    await opened.close();
    const hint = 'dataDir' in config.storage ? `remove ${where} or set XINYU_DATA_DIR to another folder` : '';
    return fail(`${built.message}${hint ? `; ${hint}` : ''}`, 1);
  }
  const server = await startServer(config, ctx);
  printSignIns(config, server.address, built.record, built.outcome === 'reused');
  if (built.outcome === 'reused' && args.length > 0) {
    process.stdout.write(`  (sizes and seed given were not used: remove ${where} to build another demo)\n`);
  }
  await untilStopped();
  await server.stop();
  await opened.close();
  return 0;
}

function printSignIns(config: ServerConfig, address: string, record: DemoRecord, reused: boolean): void {
  const details = record.details as {
    signIns: { seller: string; buyer: string; staff: string };
    shops: Array<{ id: string; name: string; market: string }>;
  };
  const shop = details.shops.find((s) => s.id === details.signIns.seller);
  const [secret, name] = [...config.apiKeys.entries()][0] ?? ['', ''];
  const key = secret === 'demo-key' ? secret : `the secret of "${name}" in XINYU_API_KEYS`;
  const sizes = record.options as { shops: number; buyers: number; orders: number };
  const took = record.buildMs === null ? '' : `, built in ${Math.round(record.buildMs / 1000)} s`;
  const accounts = demoSignIns(details.signIns, shop?.name ?? '').map(
    (a) => `  ${a.role.padEnd(13)} ${`${address}/sign-in?token=${a.token}`.padEnd(54)} ${a.subject} ${a.name}`,
  );
  process.stdout.write(
    [
      `xinyu demo: ${reused ? 'reusing the demo built earlier' : 'demo ready'}: ${grouped(sizes.shops)} shops, ` +
        `${grouped(sizes.buyers)} buyers, ${grouped(sizes.orders)} orders from ${day(record.startedAt)} to ` +
        `${day(record.endedAt)} (seed ${record.seed}${took})`,
      `  console       ${address}  (shop page: ${address}/shops/${details.signIns.seller})`,
      '  sign in as (token in the link, or type it on the sign-in page):',
      ...accounts,
      `  API key       ${key}  (marketplace backend: Authorization: Bearer …; OpenAPI: ${address}/openapi.json)`,
      `  try           curl -s ${address}/v1/sellers/${details.signIns.seller}/credit -H 'Authorization: Bearer ${secret === 'demo-key' ? secret : 'KEY'}'`,
      '',
    ].join('\n'),
  );
}

function fail(message: string, code = 2): number {
  process.stderr.write(`xinyu demo: ${message}\n`);
  return code;
}

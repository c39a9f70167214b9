import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Every scenario of packages/server/test/scenarios and the `a-` examples of ../shared/spec/examples,
 * fed to the real CLI (`xinyu replay FILE`) and compared with NAME.expect.json by the shared tool's
 * own comparison (partial match, `rejectionsExactly`, `absent`), as CI's acceptance run does.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SHARED = path.resolve(ROOT, '../shared');
const COMPARE_TOOL = path.join(SHARED, 'tools', 'run-scenarios.mjs');
const EXAMPLES = path.join(SHARED, 'spec', 'examples');
const LOCAL = fileURLToPath(new URL('./scenarios/', import.meta.url));
const CLI = path.join(ROOT, 'node_modules', '.bin', 'xinyu');
/**
 * Scenarios written ahead of the feature they check: expected to fail (`it.fails`, shown as such),
 * so the day the feature lands this list must shrink. Name → what is missing.
 */
const PENDING: Readonly<Record<string, string>> = {};
/** At most this many replays at once (a 2-core machine), each killed after TIMEOUT_MS. */
const PARALLEL = 2;
const TIMEOUT_MS = 60_000;

interface Scenario {
  readonly name: string;
  readonly file: string;
  readonly expectFile: string;
}

interface Replayed {
  readonly code: number | null;
  readonly signal: string | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

interface Difference {
  readonly path: string;
  readonly kind?: 'unmatched' | 'present' | 'extra';
  readonly expected?: unknown;
  readonly got?: unknown;
}

type CompareDocument = (expect: unknown, actual: unknown) => Difference[];

function listScenarios(dir: string, label: string, prefix = ''): Scenario[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl') && f.startsWith(prefix))
    .sort()
    .map((f) => {
      const base = f.slice(0, -'.jsonl'.length);
      return { name: `${label}/${base}`, file: path.join(dir, f), expectFile: path.join(dir, `${base}.expect.json`) };
    });
}

function replay(file: string): Promise<Replayed> {
  return new Promise((resolve) => {
    // Its own process group, so that a timeout kills the CLI and anything it started.
    const child = spawn(CLI, ['replay', file], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, TIMEOUT_MS);
    const finish = (code: number | null, signal: string | null, spawnError?: Error) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8') + (spawnError ? `\n${spawnError.message}` : '');
      resolve({ code, signal, timedOut, stdout: Buffer.concat(out).toString('utf8'), stderr });
    };
    child.on('error', (e) => finish(null, null, e));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

/** Starts replays in list order, `PARALLEL` at a time; each test awaits its own and starts the next. */
function replayQueue(scenarios: readonly Scenario[]) {
  const started = new Map<number, Promise<Replayed>>();
  let running = 0;
  const waiting: Array<() => void> = [];
  const slot = async () => {
    if (running >= PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
  };
  const release = () => {
    running -= 1;
    waiting.shift()?.();
  };
  const start = (i: number) => {
    const scenario = scenarios[i];
    if (!scenario || started.has(i)) return;
    started.set(
      i,
      slot().then(() => replay(scenario.file).finally(release)),
    );
  };
  return (i: number): Promise<Replayed> => {
    start(i);
    for (let ahead = 1; ahead < PARALLEL; ahead++) start(i + ahead);
    return started.get(i)!;
  };
}

function describeDifference(d: Difference): string {
  if (d.kind === 'unmatched') return `${d.path}: no entry matches ${JSON.stringify(d.expected)}`;
  if (d.kind === 'present') return `${d.path}: must be absent, got ${JSON.stringify(d.got)}`;
  if (d.kind === 'extra') return `${d.path}: unexpected entry ${JSON.stringify(d.got)}`;
  return `${d.path}: expected ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.got)}`;
}

const sharedPresent = existsSync(COMPARE_TOOL) && existsSync(EXAMPLES);
const scenarios = [...listScenarios(LOCAL, 'scenarios'), ...listScenarios(EXAMPLES, 'examples')];
const localCount = scenarios.filter((s) => s.name.startsWith('scenarios/')).length;
const replayed = replayQueue(scenarios);

// Replay always runs on its own throwaway embedded database (replay.md), whatever DATABASE_URL
// says, so vitest.config.ts leaves this file out of the PostgreSQL run rather than repeat it.
describe('xinyu replay scenarios (embedded database)', () => {
  let compareDocument: CompareDocument;

  beforeAll(async () => {
    if (!sharedPresent) return;
    ({ compareDocument } = (await import(pathToFileURL(COMPARE_TOOL).href)) as { compareDocument: CompareDocument });
  });

  it('finds ../shared beside the repository, with the spec examples and the comparison tool', () => {
    expect(
      sharedPresent,
      `${SHARED} must hold spec/examples and tools/run-scenarios.mjs (check it out beside the repository)`,
    ).toBe(true);
    expect(scenarios.length - localCount, `no a- scenario in ${EXAMPLES}`).toBeGreaterThan(0);
  });

  it('marks as pending only scenarios that exist', () => {
    const names = new Set(scenarios.map((s) => s.name));
    expect(Object.keys(PENDING).filter((name) => !names.has(name))).toEqual([]);
  });

  if (localCount === 0) it.todo('packages/server/test/scenarios holds no scenario yet');

  scenarios.forEach((scenario, i) => {
    const pending = PENDING[scenario.name];
    const test = pending ? it.fails : it;
    test(pending ? `${scenario.name} (pending: ${pending})` : scenario.name, {
      timeout: 2 * TIMEOUT_MS + 10_000,
    }, async () => {
      expect(sharedPresent, `cannot compare without ${COMPARE_TOOL}`).toBe(true);
      expect(existsSync(scenario.expectFile), `${scenario.expectFile} is missing`).toBe(true);
      const expected: unknown = JSON.parse(readFileSync(scenario.expectFile, 'utf8'));
      const result = await replayed(i);
      const stderr = result.stderr.trim().slice(0, 2_000);
      expect(result.timedOut, `timed out after ${TIMEOUT_MS / 1000} s; stderr: ${stderr}`).toBe(false);
      expect(result.code, `exit ${result.code ?? result.signal}; stderr: ${stderr}`).toBe(0);
      let actual: unknown;
      try {
        actual = JSON.parse(result.stdout);
      } catch {
        throw new Error(`stdout is not JSON: ${result.stdout.slice(0, 200)}; stderr: ${stderr}`);
      }
      expect(compareDocument(expected, actual).map(describeDifference)).toEqual([]);
    });
  });
});

import { performance } from 'node:perf_hooks';
import type { AppContext } from '../src/app/context.js';
import { systemClock } from '../src/app/context.js';
import { policyByName } from '../src/app/policies.js';
import { openBenchDatabase } from './bench-database.js';
import { benchIngest } from './ingest.js';
import { round } from './measure.js';
import type { Backend, BenchOptions, Figure } from './options.js';
import type { BackendReport, BenchReport, FigureResult } from './report.js';

type FigureRun = (
  bench: Awaited<ReturnType<typeof openBenchDatabase>>,
  ctx: AppContext,
  options: BenchOptions,
) => Promise<FigureResult>;

async function figureRunner(figure: Figure): Promise<FigureRun> {
  switch (figure) {
    case 'ingest':
      return benchIngest;
    case 'apiWrite':
      return (await import('./api-write.js')).benchApiWrite;
    case 'creditRead':
      return (await import('./credit-read.js')).benchCreditRead;
    case 'timers':
      return (await import('./deadlines.js')).benchDeadlines;
    case 'policyReplay':
      return (await import('./policy-replay.js')).benchPolicyReplay;
  }
}

/**
 * Runs the chosen figures on each backend in turn, each backend on its own throwaway database,
 * every figure's two sides one after the other on that database. `progress` gets a line per step.
 */
export async function runBench(options: BenchOptions, progress: (line: string) => void): Promise<BenchReport> {
  const report: BenchReport = {};
  for (const backend of options.backends) report[backend] = await runBackend(backend, options, progress);
  return report;
}

async function runBackend(
  backend: Backend,
  options: BenchOptions,
  progress: (line: string) => void,
): Promise<BackendReport> {
  const started = performance.now();
  const ratios: BackendReport['ratios'] = {};
  const figures: BackendReport['figures'] = {};
  let database = backend;
  let bench: Awaited<ReturnType<typeof openBenchDatabase>> | null = null;
  try {
    progress(`${backend}: opening a throwaway database`);
    bench = await openBenchDatabase(backend, options.postgresUrl);
    database = bench.version as Backend;
    const policy = policyByName('taobao');
    if (!policy) throw new Error('the taobao policy is missing');
    const ctx: AppContext = { db: bench.db, policy, clock: systemClock };
    for (const figure of options.figures) {
      progress(`${backend}: ${figure}…`);
      const t = performance.now();
      const result = await (await figureRunner(figure))(bench, ctx, options);
      figures[figure] = result;
      ratios[figure] = result.ratio;
      progress(`${backend}: ${figure} ratio ${result.ratio} (${round((performance.now() - t) / 1000)} s)`);
    }
    return { database, seconds: round((performance.now() - started) / 1000), ratios, figures };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    progress(`${backend}: failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
    return { database, seconds: round((performance.now() - started) / 1000), ratios, figures, error: message };
  } finally {
    await bench?.close();
  }
}

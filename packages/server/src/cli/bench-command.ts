import { BENCH_HELP, parseBenchArgs } from '../../bench/options.js';
import { formatTable } from '../../bench/report.js';
import { runBench } from '../../bench/run-bench.js';

/**
 * `xinyu bench`: the benchmarks of docs/performance.md, each figure a ratio against the raw
 * database in the same run. Progress goes to stderr; the table (or, with --json, one JSON object
 * as the last line) to stdout. Exit 1 when a backend failed, 2 on a bad argument.
 */
export async function benchCommand(args: readonly string[]): Promise<number> {
  let options: ReturnType<typeof parseBenchArgs>;
  try {
    options = parseBenchArgs(args, process.env);
  } catch (error) {
    process.stderr.write(`xinyu bench: ${(error as Error).message}\n${BENCH_HELP}`);
    return 2;
  }
  if ('help' in options) {
    process.stdout.write(BENCH_HELP);
    return 0;
  }
  const report = await runBench(options, (line) => process.stderr.write(`xinyu bench: ${line}\n`));
  process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : formatTable(report));
  return Object.values(report).some((r) => r.error) ? 1 : 0;
}

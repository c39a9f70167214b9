import { readFile } from 'node:fs/promises';
import { policyByName } from '../app/policies.js';
import { parseInstant, parseScenario, ScenarioFileError } from './replay/parse-scenario.js';
import { runReplay } from './replay/run-replay.js';

const USAGE = 'usage: xinyu replay FILE.jsonl [--until ISO] [--policy NAME]';

/** `xinyu replay`: prints the final state as JSON; exit 2 for an unreadable file or a non-JSON line. */
export async function replayCommand(args: readonly string[]): Promise<number> {
  let file: string | undefined;
  let until: number | undefined;
  let policyName = 'taobao';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--until' || arg.startsWith('--until=')) {
      const value = arg.includes('=') ? arg.slice(8) : args[++i];
      const parsed = parseInstant(value);
      if (parsed === null) return fail(`--until needs an ISO 8601 instant with an offset, got ${value}`);
      until = parsed;
    } else if (arg === '--policy' || arg.startsWith('--policy=')) {
      policyName = (arg.includes('=') ? arg.slice(9) : args[++i]) ?? '';
    } else if (!arg.startsWith('-') && file === undefined) {
      file = arg;
    } else {
      return fail(`unexpected argument ${arg}; ${USAGE}`);
    }
  }
  if (!file) return fail(USAGE);
  const policy = policyByName(policyName);
  if (!policy) return fail(`unknown policy ${policyName}`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  let lines: ReturnType<typeof parseScenario>;
  try {
    lines = parseScenario(text);
  } catch (error) {
    if (error instanceof ScenarioFileError) return fail(`${file}: ${error.message}`);
    throw error;
  }
  const result = await runReplay(lines, policy, until);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

function fail(message: string): number {
  process.stderr.write(`xinyu replay: ${message}\n`);
  return 2;
}

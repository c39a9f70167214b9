import type { Instant, Policy } from '@xinyu/domain';
import Type from 'typebox';
import { Compile } from 'typebox/compile';
import { type AppContext, executeCommand, ManualClock } from '../../app/context.js';
import { fireDueTimers } from '../../app/timers/fire-due-timers.js';
import { openDatabase } from '../../db/open-database.js';
import { parseInstant, type ScenarioLine } from './parse-scenario.js';
import { REPLAY_COMMANDS } from './replay-commands.js';
import { buildReplaySnapshot } from './replay-snapshot.js';

export interface Rejection {
  readonly line: number;
  readonly type: string;
  readonly code: string;
  readonly message: string;
}

const validators = new Map(
  Object.entries(REPLAY_COMMANDS).map(([type, command]) => [
    type,
    Compile(
      Type.Object({ at: Type.String(), type: Type.Literal(type), ...command.fields }, { additionalProperties: false }),
    ),
  ]),
);

/**
 * Feeds a scenario through the use cases on a throwaway embedded database with a simulated clock
 * (spec/replay.md): before each command every timer due at or before its instant fires, in order.
 */
export async function runReplay(lines: readonly ScenarioLine[], policy: Policy, until?: Instant) {
  const opened = await openDatabase({ kind: 'embedded' });
  try {
    const clock = new ManualClock(0);
    const ctx: AppContext = { db: opened.db, policy, clock };
    const rejections: Rejection[] = [];
    const reject = (line: ScenarioLine, code: string, message: string) =>
      rejections.push({ line: line.lineNumber, type: String(line.command.type ?? ''), code, message });
    let last: Instant | null = null;
    for (const line of lines) {
      const at = parseInstant(line.command.at);
      const type = String(line.command.type ?? '');
      const command = REPLAY_COMMANDS[type];
      if (at === null) {
        reject(line, 'VALIDATION_FAILED', '`at` must be an ISO 8601 instant with an offset');
        continue;
      }
      if (last !== null && at < last) {
        reject(line, 'CLOCK_WENT_BACKWARDS', '`at` is earlier than the previous command');
        continue;
      }
      last = at;
      await fireDueTimers(ctx, at, Number.MAX_SAFE_INTEGER);
      clock.set(at);
      if (!command) {
        reject(line, 'VALIDATION_FAILED', `unknown command type ${JSON.stringify(type)}`);
        continue;
      }
      const validator = validators.get(type)!;
      if (!validator.Check(line.command)) {
        const first = validator.Errors(line.command)[0];
        reject(line, 'VALIDATION_FAILED', `${first?.instancePath || '/'} ${first?.message ?? 'is invalid'}`);
        continue;
      }
      const result = await executeCommand(ctx, (uow) => command.run(uow, line.command));
      if (!result.ok) reject(line, result.code, result.message);
    }
    const end = until ?? last ?? 0;
    if (last === null || end >= last) {
      await fireDueTimers(ctx, end, Number.MAX_SAFE_INTEGER);
      clock.set(end);
    }
    return { ...(await buildReplaySnapshot(ctx)), rejections };
  } finally {
    await opened.close();
  }
}

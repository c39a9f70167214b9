/** One command line of a scenario file, with its 1-based line number (comments counted). */
export interface ScenarioLine {
  readonly lineNumber: number;
  readonly command: Record<string, unknown>;
}

/** Thrown for a file that cannot be replayed at all (exit 2). */
export class ScenarioFileError extends Error {}

/** Splits a JSONL scenario: blank lines and `//` comments are skipped, every other line must be JSON. */
export function parseScenario(text: string): ScenarioLine[] {
  const lines: ScenarioLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('//')) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new ScenarioFileError(`line ${index + 1} is not JSON`);
    }
    const command = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : { value };
    lines.push({ lineNumber: index + 1, command: command as Record<string, unknown> });
  });
  return lines;
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO 8601 instant that carries an offset (replay.md: no offset is VALIDATION_FAILED). */
export function parseInstant(value: unknown): number | null {
  if (typeof value !== 'string' || !ISO_WITH_OFFSET.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

import { replayCommand } from './replay-command.js';

const HELP = `xinyu — trust and after-sales engine

usage:
  xinyu serve            start the HTTP API and the timer poller
  xinyu demo             build a demo marketplace (once) and serve it; xinyu demo --help for sizes
  xinyu migrate          bring the database schema up to date
  xinyu replay FILE      replay a scenario file and print the final state (spec/replay.md)
  xinyu openapi          print the OpenAPI document of the HTTP API
  xinyu bench            benchmarks as ratios against the raw database (docs/performance.md); --help
`;

/** Dispatches `xinyu <command>`; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'replay':
      return replayCommand(rest);
    case 'serve':
      return (await import('./serve-command.js')).serveCommand(rest);
    case 'demo':
      return (await import('./demo-command.js')).demoCommand(rest);
    case 'migrate':
      return (await import('./migrate-command.js')).migrateCommand(rest);
    case 'openapi':
      return (await import('./openapi-command.js')).openapiCommand(rest);
    case 'bench':
      return (await import('./bench-command.js')).benchCommand(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(HELP);
      return command === undefined ? 1 : 0;
    default:
      process.stderr.write(`xinyu: unknown command ${command}\n${HELP}`);
      return 2;
  }
}

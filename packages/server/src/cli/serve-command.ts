import { type AppContext, systemClock } from '../app/context.js';
import { policyByName } from '../app/policies.js';
import { openDatabase } from '../db/open-database.js';
import { buildServer } from '../http/build-server.js';
import { defaultConsoleDir } from '../http/console-files.js';
import { startTimerPoller } from '../jobs/timer-poller.js';
import { startWebhookDispatcher } from '../jobs/webhook-dispatcher.js';
import { configFromEnv, type ServerConfig } from './config.js';

/** A listening server with its background jobs. */
export interface RunningServer {
  /** Where the API listens, e.g. `http://127.0.0.1:8080`. */
  readonly address: string;
  /** Stops the timer poller and the webhook dispatcher, then the HTTP server (not the database). */
  stop(): Promise<void>;
}

/**
 * Starts the HTTP API, the timer poller and the webhook dispatcher on `ctx` (shared by `serve` and
 * `demo`), and prints where it listens.
 */
export async function startServer(config: ServerConfig, ctx: AppContext): Promise<RunningServer> {
  const app = await buildServer({
    ctx,
    apiKeys: config.apiKeys,
    logger: process.env.XINYU_LOG !== 'off',
    consoleDir: process.env.XINYU_CONSOLE_DIR ?? defaultConsoleDir(),
  });
  const intervalMs = Number(process.env.XINYU_POLL_MS ?? 1_000);
  const poller = startTimerPoller(ctx, intervalMs, (e) => app.log.error(e));
  const dispatcher = startWebhookDispatcher(ctx, { intervalMs, onError: (e) => app.log.error(e) });
  const address = await app.listen({ port: config.port, host: config.host });
  const where =
    config.storage.kind === 'postgres'
      ? 'PostgreSQL (DATABASE_URL)'
      : `embedded PGlite in ${'dataDir' in config.storage ? config.storage.dataDir : 'memory'}`;
  process.stdout.write(
    `xinyu: console and API on ${address} (OpenAPI at ${address}/openapi.json), storage: ${where}\n`,
  );
  return {
    address,
    async stop() {
      await poller.stop();
      await dispatcher.stop();
      await app.close();
    },
  };
}

/** Resolves on SIGINT or SIGTERM. */
export function untilStopped(): Promise<void> {
  return new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

/** `xinyu serve`: the HTTP API, the timer poller and the webhook dispatcher, until SIGINT or SIGTERM. */
export async function serveCommand(_args: readonly string[]): Promise<number> {
  const config = configFromEnv(process.env);
  const policy = policyByName(config.policyName);
  if (!policy) {
    process.stderr.write(`xinyu serve: unknown policy ${config.policyName}\n`);
    return 2;
  }
  const opened = await openDatabase(config.storage);
  const server = await startServer(config, { db: opened.db, policy, clock: systemClock });
  await untilStopped();
  await server.stop();
  await opened.close();
  return 0;
}

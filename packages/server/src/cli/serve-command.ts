import { type AppContext, systemClock } from '../app/context.js';
import { policyByName } from '../app/policies.js';
import { openDatabase } from '../db/open-database.js';
import { buildServer } from '../http/build-server.js';
import { startTimerPoller } from '../jobs/timer-poller.js';
import { configFromEnv } from './config.js';

/** `xinyu serve`: the HTTP API and the timer poller, until SIGINT or SIGTERM. */
export async function serveCommand(_args: readonly string[]): Promise<number> {
  const config = configFromEnv(process.env);
  const policy = policyByName(config.policyName);
  if (!policy) {
    process.stderr.write(`xinyu serve: unknown policy ${config.policyName}\n`);
    return 2;
  }
  const opened = await openDatabase(config.storage);
  const ctx: AppContext = { db: opened.db, policy, clock: systemClock };
  const app = await buildServer({ ctx, apiKeys: config.apiKeys, logger: process.env.XINYU_LOG !== 'off' });
  const poller = startTimerPoller(ctx, Number(process.env.XINYU_POLL_MS ?? 1_000), (e) => app.log.error(e));
  const address = await app.listen({ port: config.port, host: config.host });
  const where =
    config.storage.kind === 'postgres'
      ? 'PostgreSQL (DATABASE_URL)'
      : `embedded PGlite in ${'dataDir' in config.storage ? config.storage.dataDir : 'memory'}`;
  process.stdout.write(`xinyu: API on ${address} (OpenAPI at ${address}/openapi.json), storage: ${where}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await poller.stop();
  await app.close();
  await opened.close();
  return 0;
}

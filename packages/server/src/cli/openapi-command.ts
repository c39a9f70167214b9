import type { Kysely } from 'kysely';
import { ManualClock } from '../app/context.js';
import { policyByName } from '../app/policies.js';
import type { Database } from '../db/schema.js';
import { buildServer } from '../http/build-server.js';

/**
 * `xinyu openapi`: prints the OpenAPI document the server serves at /openapi.json, without a
 * database or a listening server (the console's client is generated from it).
 */
export async function openapiCommand(_args: readonly string[]): Promise<number> {
  const policy = policyByName('taobao');
  if (!policy) throw new Error('the default policy is missing');
  // Building the routes touches no storage: a database that is never opened stands in.
  const unopened = new Proxy({} as Kysely<Database>, {
    get: () => {
      throw new Error('xinyu openapi must not query the database');
    },
  });
  const app = await buildServer({ ctx: { db: unopened, policy, clock: new ManualClock(0) }, apiKeys: new Map() });
  await app.ready();
  process.stdout.write(`${JSON.stringify(app.swagger(), null, 2)}\n`);
  await app.close();
  return 0;
}

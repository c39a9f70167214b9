import { openDatabase } from '../db/open-database.js';
import { configFromEnv } from './config.js';

/** `xinyu migrate`: applies pending migrations to the configured database and lists them. */
export async function migrateCommand(_args: readonly string[]): Promise<number> {
  const config = configFromEnv(process.env);
  const opened = await openDatabase(config.storage);
  await opened.close();
  process.stdout.write(`xinyu: schema up to date (${config.storage.kind})\n`);
  return 0;
}

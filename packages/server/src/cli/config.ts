import path from 'node:path';
import { type StorageConfig, storageFromEnv } from '../db/open-database.js';

/** Settings read from the environment; every one has a default that works on a fresh machine. */
export interface ServerConfig {
  readonly storage: StorageConfig;
  /** TCP port of the HTTP API (PORT, default 8080). */
  readonly port: number;
  readonly host: string;
  /** Marketplace API keys, `name:secret` pairs (XINYU_API_KEYS, default `demo:demo-key`). */
  readonly apiKeys: ReadonlyMap<string, string>;
  readonly policyName: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv): ServerConfig {
  const dataDir = path.resolve(env.XINYU_DATA_DIR ?? '.xinyu-data');
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const apiKeys = new Map<string, string>();
  for (const pair of (env.XINYU_API_KEYS ?? 'demo:demo-key').split(',')) {
    const [name, secret] = pair.split(':').map((s) => s.trim());
    if (!name || !secret) throw new Error('XINYU_API_KEYS must be comma-separated name:secret pairs');
    apiKeys.set(secret, name);
  }
  return {
    storage: storageFromEnv(env, dataDir),
    port,
    host: env.HOST ?? '127.0.0.1',
    apiKeys,
    policyName: env.XINYU_POLICY ?? 'taobao',
  };
}

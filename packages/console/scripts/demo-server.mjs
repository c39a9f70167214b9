// One small demo marketplace (`xinyu demo`) as a child process, for the browser tests and the
// README screenshots: on a fresh embedded database in a temporary folder or, when DATABASE_URL is
// set, on a fresh schema of that PostgreSQL server (dropped afterwards), as the server suite does.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { build } from 'vite';

/** The repository's root folder. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = path.join(ROOT, 'packages/server/bin/xinyu.mjs');
const SCHEMA_PREFIX = 'xinyu_console_';

/** Builds the console from its current source into dist/, as `npm install` does (a production build). */
export async function buildConsole() {
  // Vite follows NODE_ENV, which vitest sets to `test`: React would be bundled in development mode.
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: path.join(ROOT, 'packages/console'), logLevel: 'warn' });
  } finally {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  }
}

/**
 * Builds and serves a demo; resolves once it listens.
 * @param {{orders: number, shops: number, buyers: number, timeoutMs: number}} options sizes, and how
 *   long (milliseconds) the build may take before the start is given up
 * @returns {Promise<{address: string, stop: () => Promise<void>}>}
 */
export async function startDemoServer(options) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'xinyu-console-'));
  const serverUrl = process.env.DATABASE_URL?.trim();
  const schema = serverUrl ? `${SCHEMA_PREFIX}${process.pid}_${Date.now().toString(36)}` : null;
  if (serverUrl && schema) {
    await dropSchemasOfDeadRuns(serverUrl);
    await runSql(serverUrl, `create schema "${schema}"`);
  }
  const env = { ...process.env, XINYU_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', XINYU_LOG: 'off' };
  delete env.XINYU_API_KEYS; // the demo's own key, `demo-key`
  if (serverUrl && schema) {
    const url = new URL(serverUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    env.DATABASE_URL = url.toString();
  }
  const sizes = ['--orders', options.orders, '--shops', options.shops, '--buyers', options.buyers].map(String);
  const child = spawn(process.execPath, [BIN, 'demo', ...sizes], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
    if (serverUrl && schema) await runSql(serverUrl, `drop schema if exists "${schema}" cascade`);
  };
  try {
    return { address: await addressOf(child, options.timeoutMs), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Drops the schemas that runs killed on this machine left behind (their process is gone). */
async function dropSchemasOfDeadRuns(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('select nspname as name from pg_namespace where starts_with(nspname, $1)', [
      SCHEMA_PREFIX,
    ]);
    for (const { name } of rows) {
      const pid = Number(name.slice(SCHEMA_PREFIX.length).split('_')[0]);
      if (!alive(pid)) await client.query(`drop schema if exists "${name}" cascade`);
    }
  } finally {
    await client.end();
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

async function runSql(url, statement) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Reads the child's output up to `on ADDRESS`; fails with what it said if it exits or hangs first. */
function addressOf(child, ms) {
  return new Promise((resolve, reject) => {
    let said = '';
    const onOut = (chunk) => {
      said += chunk.toString();
      const match = / on (http:\/\/[^\s]+)/.exec(said);
      if (match) done(match[1]);
    };
    const onErr = (chunk) => {
      said += chunk.toString();
    };
    const onExit = (code) => done(new Error(`xinyu demo exited (${code}) before serving:\n${said}`));
    const timer = setTimeout(() => done(new Error(`xinyu demo did not start within ${ms} ms:\n${said}`)), ms);
    // Only this function's own listeners go: the caller's wait for the exit must stay.
    const done = (result) => {
      clearTimeout(timer);
      child.stdout.off('data', onOut);
      child.stderr.off('data', onErr);
      child.off('exit', onExit);
      // Keep draining the pipes, or a chatty child blocks once their buffers fill.
      child.stdout.resume();
      child.stderr.resume();
      if (typeof result === 'string') resolve(result);
      else reject(result);
    };
    child.stdout.on('data', onOut);
    child.stderr.on('data', onErr);
    child.once('exit', onExit);
  });
}

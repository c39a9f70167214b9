import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `xinyu serve` as a real child process on a PostgreSQL schema (the *.pg.test.ts tier): its own
 * pools, its own timer poller and webhook dispatcher on the wall clock, killable with SIGKILL.
 */
export interface ServerProcess {
  /** Its `application_name` on the database, to tell its sessions (and what they wrote) apart. */
  readonly name: string;
  /** Where its API listens, e.g. `http://127.0.0.1:40123`. */
  readonly address: string;
  /** Its operating-system process id. */
  readonly pid: number;
  /** Resolves with the exit code (or signal) once the process is gone. */
  readonly exited: Promise<number | string>;
  /** SIGKILL: no shutdown of any kind; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM: the poller finishes its round, the server closes; resolves once the process is gone. */
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  /** Shown as `application_name` in pg_stat_activity and to triggers. */
  readonly name: string;
  /** The marketplace API key the server accepts (`XINYU_API_KEYS=test:KEY`). */
  readonly apiKey: string;
  /** Timer poller interval, milliseconds (`XINYU_POLL_MS`; default here 100). */
  readonly pollMs?: number;
  /** How long to wait for the address line, milliseconds (default 60,000: tsx compiles on a cold start). */
  readonly startTimeoutMs?: number;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const BIN = path.join(ROOT, 'packages/server/bin/xinyu.mjs');

/** `url` with `application_name` set, keeping its other parameters (the schema's search_path). */
export function withApplicationName(url: string, name: string): string {
  const named = new URL(url);
  named.searchParams.set('application_name', name);
  return named.toString();
}

/** Starts `xinyu serve` on `databaseUrl` (any free port) and resolves once it prints its address. */
export async function startServerProcess(databaseUrl: string, options: ServerProcessOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: withApplicationName(databaseUrl, options.name),
      PORT: '0',
      HOST: '127.0.0.1',
      XINYU_API_KEYS: `test:${options.apiKey}`,
      XINYU_POLL_MS: String(options.pollMs ?? 100),
      XINYU_LOG: 'off',
    },
  });
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  const address = await addressOf(child, exited, options.startTimeoutMs ?? 60_000);
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    name: options.name,
    address,
    pid: child.pid!,
    exited,
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}

/** Reads stdout up to `xinyu: API on ADDRESS`; fails with what the child said if it exits or hangs first. */
function addressOf(child: ChildProcess, exited: Promise<number | string>, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    let listening = false;
    const fail = (why: string) => {
      if (listening) return;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`xinyu serve ${why}: ${out}${err}`));
    };
    const timer = setTimeout(() => fail(`printed no address in ${ms} ms`), ms);
    child.stderr?.on('data', (chunk) => {
      err += String(chunk);
    });
    child.stdout?.on('data', (chunk) => {
      out += String(chunk);
      const match = /API on (http:\/\/\S+)/.exec(out);
      if (match?.[1] && !listening) {
        listening = true;
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then((code) => fail(`exited (${code}) before listening`));
  });
}

import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway embedded database (replay, tests) spends most of its start-up in PGlite's initdb.
 * Starting from a dump of a freshly migrated database is about five times faster. The dump is
 * cached in the temp folder under a key made of the PGlite version and the migration files, so a
 * new migration or PGlite release makes a new template; a missing or broken cache only costs time.
 */
const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);

async function templatePath(): Promise<string> {
  const hash = createHash('sha256');
  // The package's exports hide its package.json: identify the release by its entry file instead.
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  hash.update(await readFile(entry));
  for (const name of (await readdir(MIGRATIONS_DIR)).sort()) {
    hash.update(name);
    hash.update(await readFile(new URL(name, MIGRATIONS_DIR)));
  }
  return path.join(os.tmpdir(), 'xinyu-pglite-templates', `${hash.digest('hex').slice(0, 24)}.tar`);
}

/** The cached template, or undefined when there is none yet. */
export async function loadEmbeddedTemplate(): Promise<Blob | undefined> {
  try {
    return new Blob([await readFile(await templatePath())]);
  } catch {
    return undefined;
  }
}

/** Stores a template atomically (write then rename), so concurrent starts never read half a file. */
export async function saveEmbeddedTemplate(dump: Blob): Promise<void> {
  try {
    const file = await templatePath();
    await mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.${Date.now()}.partial`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
  } catch {
    // A read-only temp folder only means the next start is slower.
  }
}

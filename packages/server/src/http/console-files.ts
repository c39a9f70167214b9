import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the console's built files at `/` when the folder holds a build (`npm install` makes one):
 * hashed assets are cached for a year, index.html never, so a new build is picked up at once.
 * Returns whether the console is served.
 */
export async function registerConsole(app: FastifyInstance, dir: string | undefined): Promise<boolean> {
  if (!dir || !existsSync(path.join(dir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: path.resolve(dir),
    prefix: '/',
    index: ['index.html'],
    cacheControl: false,
    setHeaders: (res, file: string) => {
      const asset = file.includes(`${path.sep}assets${path.sep}`);
      res.header('cache-control', asset ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.header('x-content-type-options', 'nosniff');
    },
  });
  return true;
}

/** Where `npm install` builds the console, relative to this package. */
export function defaultConsoleDir(): string {
  return path.resolve(import.meta.dirname, '../../../console/dist');
}

import { defineConfig } from 'vitest/config';

const onPostgres = Boolean(process.env.DATABASE_URL);

// Three tiers (DESIGN.md): pure domain tests beside the code; storage, use-case, HTTP and replay
// suites in packages/server/test against PGlite, or the PostgreSQL server named by DATABASE_URL;
// browser tests of the console in real Chromium, on a demo server of either database.
export default defineConfig({
  test: {
    // Two cores on the CI machine; each server test file has its own database (or schema).
    maxWorkers: 2,
    projects: [
      { test: { name: 'domain', include: ['packages/domain/src/**/*.test.ts'] } },
      // Pure console logic (formatting, i18n catalogues, idempotency keys) beside the code.
      { test: { name: 'console', include: ['packages/console/src/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          include: ['packages/server/test/**/*.test.ts'],
          exclude: onPostgres
            ? // `xinyu replay` always uses its own embedded database: the PostgreSQL run would repeat it.
              ['packages/server/test/replay-scenarios.test.ts']
            : // `*.pg.test.ts` need a server several processes can share (faults, multi-process pollers).
              ['packages/server/test/**/*.pg.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['packages/console/test/**/*.test.ts'],
          // One console build, one small demo server (PGlite, or a schema of DATABASE_URL) and one
          // Chromium for every browser test file.
          globalSetup: ['packages/console/test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});

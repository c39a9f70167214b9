import { defineConfig } from 'vitest/config';

// Three tiers (DESIGN.md): pure domain tests beside the code; storage, use-case, HTTP and replay
// suites in packages/server/test against PGlite, or the PostgreSQL server named by DATABASE_URL.
export default defineConfig({
  test: {
    // Two cores on the CI machine; each server test file has its own database (or schema).
    maxWorkers: 2,
    projects: [
      { test: { name: 'domain', include: ['packages/domain/src/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          include: ['packages/server/test/**/*.test.ts'],
          // `xinyu replay` always uses its own embedded database: the PostgreSQL run would repeat it.
          exclude: process.env.DATABASE_URL ? ['packages/server/test/replay-scenarios.test.ts'] : [],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';

// Three tiers (DESIGN.md): pure domain tests beside the code; storage, use-case, HTTP and replay
// suites in packages/server/test against PGlite, or the PostgreSQL server named by DATABASE_URL.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', include: ['packages/domain/src/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          include: ['packages/server/test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Files share one PostgreSQL database when DATABASE_URL is set: run them one at a time.
          fileParallelism: !process.env.DATABASE_URL,
          maxWorkers: 2,
        },
      },
    ],
  },
});

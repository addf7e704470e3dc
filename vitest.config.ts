import path from 'node:path';
import { defineConfig } from 'vitest/config';

/** Unit and API tests. TEST_DB=postgres runs the same suite against PostgreSQL (TEST_DATABASE_URL). */
export default defineConfig({
  resolve: { alias: { '@parkos/contracts': path.resolve(import.meta.dirname, 'packages/contracts/src/index.ts') } },
  test: {
    include: ['apps/server/src/**/*.test.ts', 'packages/**/*.test.ts', 'apps/web/src/**/*.test.ts', 'apps/web/build/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'apps/e2e/**'],
    globalSetup: ['apps/server/src/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // CI collects a JSON report per run to print one closing line.
    reporters: process.env.VITEST_JSON_DIR ? ['default', 'json'] : ['default'],
    outputFile: process.env.VITEST_JSON_DIR ? { json: `${process.env.VITEST_JSON_DIR}/api-${process.env.TEST_DB ?? 'pglite'}.json` } : undefined,
  },
});

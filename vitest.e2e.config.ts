import { defineConfig } from 'vitest/config';

/** Browser end-to-end tests: a real ParkOS process and Debian's chromium via playwright-core. */
export default defineConfig({
  test: {
    include: ['apps/e2e/**/*.e2e.ts'],
    globalSetup: ['apps/e2e/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    reporters: process.env.VITEST_JSON_DIR ? ['default', 'json'] : ['default'],
    outputFile: process.env.VITEST_JSON_DIR ? { json: `${process.env.VITEST_JSON_DIR}/e2e.json` } : undefined,
  },
});

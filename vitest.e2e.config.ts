import path from 'node:path';
import { defineConfig } from 'vitest/config';

/** Browser end-to-end tests: a real ParkOS process and Debian's chromium via playwright-core. */
export default defineConfig({
  // Some browser tests run ParkOS in-process (apps/e2e/in-process.ts), so server code is imported here too.
  resolve: { alias: { '@parkos/contracts': path.resolve(import.meta.dirname, 'packages/contracts/src/index.ts') } },
  test: {
    include: ['apps/e2e/**/*.e2e.ts'],
    globalSetup: ['apps/e2e/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    // Vitest's default poll deadline (1 s) suits unit tests; here every poll waits on a browser round trip
    // (request, React render, Ant Design's close animation), which on a busy machine takes longer. Playwright's
    // own waits (`locator.waitFor`, actions) allow 30 s; polls get a comparable deadline and still return as
    // soon as they succeed.
    expect: { poll: { timeout: 15_000 } },
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    reporters: process.env.VITEST_JSON_DIR ? ['default', 'json'] : ['default'],
    outputFile: process.env.VITEST_JSON_DIR ? { json: `${process.env.VITEST_JSON_DIR}/e2e.json` } : undefined,
  },
});

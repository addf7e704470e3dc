import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import { openDatabase, type Database } from '../server/src/db/client';
import { runMigrations } from '../server/src/db/migrate';
import type { Services } from '../server/src/services';
import { TEST_PASSWORD } from '../server/src/testing/builders';
import { DESKTOP, launchBrowser, login } from './browser';
import { ROOT } from './server-process';

export interface InProcessParkOS {
  /** Where the app listens (`http://127.0.0.1:<port>`); the browser contexts of `signIn` use it as their base URL. */
  url: string;
  services: Services;
  database: Database;
  /** A new browser context at `viewport` (desktop unless said), logged in as `username` through the login form. */
  signIn(username: string, viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
  /** Closes the browser, then the app, the ingest pipeline, the pass verifier and the database. */
  close(): Promise<void>;
}

/**
 * Starts ParkOS in this process for a browser test: the built web app (`npm run build:web`) served on
 * port 0, a fresh embedded database with the migrations applied, and a browser.
 *
 * Most browser tests drive the shared demo server (`global-setup.ts`), a separate `parkos start`
 * process. Some need what only the test process can do: register a test-only subject type (production
 * code registers no neutral approval subject), or lay down rows directly (gate pass scans, users with
 * exact grants, flows and bills) through the services and the database instead of through the UI.
 * Those tests run their own ParkOS here. `seed` runs after the app is built and before it listens;
 * users it creates log in with `TEST_PASSWORD`.
 */
export async function startInProcessParkOS(options: { name: string; seed?: (services: Services, database: Database) => Promise<void> }): Promise<InProcessParkOS> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `parkos-${options.name}-e2e-`));
  const database = await openDatabase({ dataDir: 'memory://' });
  await runMigrations(database);
  const config = loadConfig({ NODE_ENV: 'test', LOGIN_RATE_PER_MINUTE: '10000', WEB_DIST: path.join(ROOT, 'dist/web'), DATA_DIR: dataDir });
  const { app, services } = await buildApp({ config, database, logger: false });
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await app.close();
    await services.iot.pipeline.close();
    await services.passes.verifier.close();
    await database.close();
  };
  try {
    await options.seed?.(services, database);
    await app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchBrowser();
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
  const started = browser;
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const signIn = async (username: string, viewport = DESKTOP) => {
    const context = await started.newContext({ viewport, baseURL: url, locale: 'zh-CN' });
    const page = await context.newPage();
    await login(page, username, TEST_PASSWORD);
    return { context, page };
  };
  return { url, services, database, signIn, close };
}

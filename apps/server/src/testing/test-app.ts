import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig, type AppConfig } from '../config';
import { buildApp } from '../app';
import type { Database } from '../db/client';
import type { Services } from '../services';
import { createTestDatabase } from './test-db';

/** A logged-in client: sends the session cookie and CSRF header like the web app does. */
export interface TestClient {
  username: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  services: Services;
  config: AppConfig;
  login(username: string, password: string): Promise<TestClient>;
  close(): Promise<void>;
}

/** Test configuration: no data folder; uploaded files (if any) go to a folder of this process under the system's temp folder. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  const filesDir = path.join(os.tmpdir(), `parkos-test-files-${process.pid}`);
  return loadConfig({ NODE_ENV: 'test', LOGIN_RATE_PER_MINUTE: '10000', WEB_DIST: '/nonexistent', DATA_DIR: '/nonexistent', FILES_DIR: filesDir, ...overrides });
}

/**
 * buildApp() on a fresh database; tests call it through inject(), never a port.
 * `configure` may adjust the loaded configuration with what env strings cannot carry (e.g. sandbox faults).
 */
export async function createTestApp(overrides: Record<string, string> = {}, configure?: (config: AppConfig) => void): Promise<TestApp> {
  const database = await createTestDatabase();
  // Each app its own files folder, removed on close.
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parkos-files-'));
  const config = testConfig({ FILES_DIR: filesDir, ...overrides });
  configure?.(config);
  const { app, services } = await buildApp({ config, database, logger: false });
  await app.ready();
  return {
    app,
    database,
    services,
    config,
    async login(username, password) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'parkos_session')!;
      const csrf = (res.json() as { csrfToken: string }).csrfToken;
      const request = (o: InjectOptions) =>
        app.inject({ ...o, cookies: { parkos_session: cookie.value, ...(o.cookies ?? {}) }, headers: { 'x-csrf-token': csrf, ...(o.headers ?? {}) } });
      return {
        username,
        request,
        get: (url) => request({ method: 'GET', url }),
        post: (url, body) => request({ method: 'POST', url, payload: body as never }),
        patch: (url, body) => request({ method: 'PATCH', url, payload: body as never }),
        delete: (url) => request({ method: 'DELETE', url }),
      };
    },
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

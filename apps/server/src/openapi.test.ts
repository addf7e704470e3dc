import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from './app';
import { createTestApp, type TestApp } from './testing/test-app';

interface OpenApiDoc {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, { responses?: Record<string, unknown>; summary?: string }>>;
}

let t: TestApp;
let doc: OpenApiDoc;
const registered: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDoc;
  // A second app on the same database, only to record every route as it is registered.
  const { app } = await buildApp({
    config: t.config,
    database: t.database,
    services: t.services,
    logger: false,
    onRoute: (method, url) => {
      if (url.startsWith('/api') && method !== 'HEAD') registered.push(`${method} ${url.replace(/:([A-Za-z]+)/g, '{$1}')}`);
    },
  });
  await app.close();
});
afterAll(() => t.close());

const UNDOCUMENTED = [/^GET \/api\/openapi\.json$/, /^GET \/api\/docs/];

describe('GET /api/openapi.json', () => {
  test('is an OpenAPI 3.1 document with a summary and responses for each operation', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('ParkOS API');
    const ops = Object.entries(doc.paths).flatMap(([p, methods]) => Object.entries(methods).map(([m, op]) => ({ p, m, op })));
    expect(ops.length).toBeGreaterThan(40);
    for (const { p, m, op } of ops) {
      expect(op.summary, `${m} ${p} has a summary`).toBeTruthy();
      expect(Object.keys(op.responses ?? {}).length, `${m} ${p} documents responses`).toBeGreaterThan(0);
    }
  });

  test('documents every route the server registers under /api', () => {
    const documented = new Set(Object.entries(doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`)));
    expect(registered.length).toBeGreaterThan(40);
    const missing = registered.filter((r) => !documented.has(r) && !UNDOCUMENTED.some((re) => re.test(r)));
    expect(missing).toEqual([]);
  });

  test('protected routes answer 401 without a session, in the one error shape', async () => {
    const publicRoutes = new Set(['POST /api/auth/login', 'POST /api/auth/logout', 'GET /api/health']);
    let checked = 0;
    for (const [p, methods] of Object.entries(doc.paths)) {
      for (const m of Object.keys(methods)) {
        const key = `${m.toUpperCase()} ${p}`;
        if (publicRoutes.has(key) || (doc.paths[p][m] as { security?: unknown[] }).security?.length === 0) continue;
        const url = p.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const res = await t.app.inject({ method: m.toUpperCase() as 'GET', url, payload: m === 'get' || m === 'delete' ? undefined : {} });
        expect(res.statusCode, key).toBe(401);
        const body = res.json() as { code: string; requestId: string; message: string };
        expect(body.code).toBe('UNAUTHENTICATED');
        expect(body.requestId).toBeTruthy();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  test('the browsable docs page is served', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });
});

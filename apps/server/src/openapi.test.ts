import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from './app';
import { createTestApp, type TestApp } from './testing/test-app';

interface OpenApiDoc {
  openapi: string;
  info: { title: string };
  servers?: { url: string }[];
  paths: Record<string, Record<string, { responses?: Record<string, unknown>; summary?: string; operationId?: string }>>;
}

const ROOT = path.resolve(import.meta.dirname, '../../..');

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

const UNDOCUMENTED = [
  /^GET \/api\/openapi\.json$/,
  /^GET \/api\/docs/,
  // Hidden aliases of paths that moved so that no path is ambiguous; clients outside the app still hold them.
  /^GET \/api\/events\/feeds\/\{token\}$/,
  /^POST \/api\/payments\/notify\/\{provider\}$/,
];

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

  test('every operation has an operationId, unique across the document', () => {
    const ids = Object.entries(doc.paths).flatMap(([p, methods]) => Object.entries(methods).map(([m, op]) => ({ key: `${m.toUpperCase()} ${p}`, id: op.operationId })));
    expect(ids.filter((o) => !o.id).map((o) => o.key)).toEqual([]);
    const seen = new Map<string, string>();
    const duplicates = ids.filter((o) => (seen.has(o.id!) ? true : (seen.set(o.id!, o.key), false))).map((o) => `${o.key} repeats ${o.id} of ${seen.get(o.id!)}`);
    expect(duplicates).toEqual([]);
    expect(doc.paths['/api/events/{id}/ics'].get.operationId).toBe('getEventsByIdIcs');
  });

  test('names a server, so clients generated from it know where to send requests', () => {
    expect(doc.servers?.length).toBeGreaterThan(0);
  });

  test('passes Redocly’s recommended lint with no errors (redocly.yaml)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parkos-openapi-'));
    const file = path.join(dir, 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(doc));
    try {
      const cli = path.join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
      // lint exits 1 when it finds errors; the JSON report on stdout says which.
      const run = await promisify(execFile)(process.execPath, [cli, 'lint', file, '--format=json', '--max-problems=1000', `--config=${path.join(ROOT, 'redocly.yaml')}`], {
        cwd: ROOT,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        maxBuffer: 32 * 1024 * 1024,
      }).catch((error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }));
      expect(run.stdout, run.stderr).toContain('"problems"');
      const report = JSON.parse(run.stdout) as { problems: { ruleId: string; severity: string; message: string; location?: { pointer?: string }[] }[] };
      const errors = report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId}: ${p.message} ${p.location?.[0]?.pointer ?? ''}`);
      expect(errors).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
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

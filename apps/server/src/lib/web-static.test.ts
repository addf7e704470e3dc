import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { IMMUTABLE_CACHE, registerWebApp } from './web-static';

// A built web app as `npm run build:web` leaves it: hashed assets with .br/.gz copies beside them.
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'parkos-web-'));
const js = `console.log(${JSON.stringify('园区'.repeat(2000))});\n`;
const indexHtml = `<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head><body>${'<!-- pad -->'.repeat(100)}</body></html>`;
let app: FastifyInstance;

beforeAll(async () => {
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), indexHtml);
  fs.writeFileSync(path.join(dist, 'index.html.br'), zlib.brotliCompressSync(indexHtml));
  fs.writeFileSync(path.join(dist, 'assets/index-AbC123.js'), js);
  fs.writeFileSync(path.join(dist, 'assets/index-AbC123.js.br'), zlib.brotliCompressSync(js));
  fs.writeFileSync(path.join(dist, 'assets/index-AbC123.js.gz'), zlib.gzipSync(js));
  app = Fastify();
  await registerWebApp(app, dist);
  app.get('/api/health', async () => ({ status: 'ok' }));
  await app.ready();
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('the built web app', () => {
  test('a hashed asset asked for with Accept-Encoding br comes as brotli that decompresses to the file, cached as immutable for a year', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toContain('javascript');
    expect(res.headers['cache-control']).toBe(IMMUTABLE_CACHE);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(res.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(js);
  });

  test('gzip when the client takes only gzip, the plain file when it takes neither', async () => {
    const gz = await app.inject({ method: 'GET', url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(js);
    const plain = await app.inject({ method: 'GET', url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE_CACHE);
  });

  test.each(['/', '/index.html'])('%s is revalidated on every load (no-cache)', async (url) => {
    const res = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(indexHtml);
  });

  test('a client-side route gets index.html, revalidated (no-cache)', async () => {
    const res = await app.inject({ method: 'GET', url: '/parks/123/buildings' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toBe(indexHtml);
  });

  test('the compressed copies are not files of their own, and unknown API paths are not the SPA', async () => {
    expect((await app.inject({ method: 'GET', url: '/assets/index-AbC123.js.br' })).headers['content-type']).toContain('text/html');
    expect((await app.inject({ method: 'GET', url: '/api/nope' })).statusCode).toBe(404);
  });
});

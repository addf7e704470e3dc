import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Vite's content-hashed output: a changed file gets a new name, so a copy never goes stale. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, the SPA fallback): the browser keeps it but asks each time. */
export const REVALIDATE_CACHE = 'no-cache';

/** Cache-Control for a file of the built web app, by its path inside the build directory. */
export function cacheControlFor(relativePath: string): string {
  return /^assets\//.test(relativePath.split(path.sep).join('/')) ? IMMUTABLE_CACHE : REVALIDATE_CACHE;
}

/**
 * Serves the built web app from `webDist`: its files with the brotli/gzip copies
 * written at build time (`apps/web/build/precompress.ts`) when the client accepts them,
 * hashed assets cached for a year, and index.html for every client-side route.
 * Does nothing when the web app is not built.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string): Promise<void> {
  const indexFile = path.join(webDist, 'index.html');
  if (!fs.existsSync(indexFile)) return;
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    preCompressed: true,
    // The compressed copies are variants of their file, not files of their own.
    globIgnore: ['**/*.br', '**/*.gz'],
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      reply.header('cache-control', cacheControlFor(path.relative(webDist, filePath)));
    },
  });
  const indexHtml = fs.readFileSync(indexFile, 'utf8');
  app.get('/*', { config: { isPublic: true }, schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    return reply.header('cache-control', REVALIDATE_CACHE).type('text/html; charset=utf-8').send(indexHtml);
  });
}

import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client';

/** Which database the API suite runs on: `pglite` (default) or `postgres`. */
export const TEST_DB = (process.env.TEST_DB ?? 'pglite') as 'pglite' | 'postgres';
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Set by the global setup: a migrated PGlite snapshot, or a migrated template database. */
export const TEMPLATE_ENV = 'PARKOS_TEST_TEMPLATE';

function urlFor(database: string): string {
  const u = new URL(TEST_DATABASE_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * A fresh, migrated, empty database for one test file: a PGlite loaded from
 * the migrated snapshot (0.5 s instead of initdb), or a PostgreSQL database
 * created from the migrated template.
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) throw new Error('test global setup did not run');
  if (TEST_DB === 'pglite') {
    const blob = new Blob([fs.readFileSync(template)]);
    return openDatabase({ dataDir: 'memory://', loadDataDir: blob });
  }
  // Named after this run's template, so a run's teardown drops only its own databases.
  const name = `${template}_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const url = urlFor(name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  const close = database.close;
  return Object.assign(database, {
    url,
    close: async () => {
      await close();
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
      await c.end();
    },
  });
}

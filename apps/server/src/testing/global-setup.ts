import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { TEMPLATE_ENV, TEST_DATABASE_URL, TEST_DB } from './test-db';

/** Builds the migrated template once per run; every test file starts from a copy of it. */
export default async function setup(): Promise<() => Promise<void>> {
  if (TEST_DB === 'pglite') {
    const db = await openDatabase({ dataDir: 'memory://' });
    await runMigrations(db);
    const dump = await db.pglite!.dumpDataDir('none');
    const file = path.join(os.tmpdir(), `parkos-template-${process.pid}.tar`);
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await db.close();
    process.env[TEMPLATE_ENV] = file;
    return async () => fs.rmSync(file, { force: true });
  }
  const name = `parkos_tpl_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(TEST_DATABASE_URL);
  u.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: u.toString(), poolSize: 2 });
  await runMigrations(db);
  await db.close();
  process.env[TEMPLATE_ENV] = name;
  return async () => {
    // Drop the template and any test database of this run a crashed file left behind.
    const rows = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1 or datname = $2`, [`${name}\\_%`, name]);
    for (const r of rows.rows) await admin.query(`drop database if exists ${r.datname} with (force)`).catch(() => undefined);
    await admin.end();
  };
}

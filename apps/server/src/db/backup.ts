import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { is } from 'drizzle-orm';
import { PgTable as PgTableClass } from 'drizzle-orm/pg-core';
import type { FileStore } from '../modules/files';
import { withSession, type Database, type SessionQuery } from './client';
import * as schema from './schema';

/** Progress callback: table name, rows done so far, rows in the table. */
export type Progress = (table: string, done: number, total: number) => void;

/**
 * Tables whose rows the migrations themselves insert (singleton state rows):
 * an "empty" database already has them, so restore replaces them instead of
 * refusing.
 */
export const MIGRATION_SEEDED_TABLES: ReadonlySet<string> = new Set(['ledger_state']);

const FORMAT = 'parkos-backup';
/** 2: the dump may end with the uploaded files' bytes (`blobs`, then `blob` and `d` lines). */
const FORMAT_VERSION = 2;
const BATCH = 1000;
/** Bytes of a stored file per dump line (base64 makes a line a third longer). */
const BLOB_CHUNK = 512 * 1024;

/**
 * Secrets a backup carries besides the rows, in its header (marked `"secret": true`). Today only
 * the embedded development ledger key (`DATA_DIR/ledger-key.pem`), so that a restored instance
 * signs tree heads with the same key id. A production LEDGER_SIGNING_KEY never goes in.
 */
export interface BackupSecrets {
  /** PKCS#8 PEM of the development ledger signing key. */
  ledgerSigningKeyPem?: string;
}

/** Options of backup and restore. */
export interface BackupOptions {
  /** Secrets to carry in the header (backup only). */
  secrets?: BackupSecrets;
  /** The uploaded files' store: a backup copies the bytes of every file the `files` table names, a restore writes them back. */
  store?: FileStore;
}

function schemaTables(): PgTable[] {
  return (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTableClass));
}

/** The primary-key columns of a table, for a stable dump order. */
function primaryKeyOf(table: string): string[] {
  const t = schemaTables().find((x) => getTableConfig(x).name === table);
  if (!t) throw new Error(`unknown table ${table}`);
  const cfg = getTableConfig(t);
  const cols = cfg.columns.filter((c) => c.primary).map((c) => c.name);
  return cols.length ? cols : cfg.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name));
}

/** Every table of the schema, parents before children (foreign keys point backwards). */
export function tablesInDependencyOrder(): string[] {
  const tables = schemaTables();
  const deps = new Map<string, Set<string>>();
  for (const t of tables) {
    const cfg = getTableConfig(t);
    deps.set(cfg.name, new Set(cfg.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name).filter((n) => n !== cfg.name)));
  }
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name)) return;
    path.add(name);
    for (const d of deps.get(name) ?? []) visit(d, path);
    ordered.push(name);
  };
  for (const name of [...deps.keys()].sort()) visit(name, new Set());
  return ordered;
}

/**
 * Writes a logical, driver-neutral dump (gzip'd JSON lines): a header, then
 * for each table a `table` line and one line per row as `row_to_json`. It
 * restores into an empty database on either driver.
 */
export async function backupDatabase(database: Database, file: string, onProgress: Progress = () => undefined, options: BackupOptions = {}): Promise<{ tables: number; rows: number; files: number; hasSecrets: boolean }> {
  // The whole dump reads one snapshot, so rows written meanwhile cannot tear it.
  return withSession(database, async (query) => {
    await query('begin isolation level repeatable read read only');
    try {
      const result = await writeDump(query, database.driver, file, onProgress, options);
      await query('commit');
      return result;
    } catch (err) {
      await query('rollback').catch(() => undefined);
      throw err;
    }
  });
}

async function writeDump(
  query: SessionQuery,
  driver: string,
  file: string,
  onProgress: Progress,
  { store, secrets = {} }: BackupOptions,
): Promise<{ tables: number; rows: number; files: number; hasSecrets: boolean }> {
  const hasSecrets = Object.values(secrets).some((v) => v !== undefined);
  const out = zlib.createGzip();
  // A file holding a private key is readable by its owner only, like the key file itself.
  const sink = fs.createWriteStream(file, { mode: hasSecrets ? 0o600 : 0o666 });
  out.pipe(sink);
  const write = (obj: unknown) => new Promise<void>((resolve) => (out.write(JSON.stringify(obj) + '\n') ? resolve() : out.once('drain', resolve)));
  const migrations = await query<{ hash: string }>('select hash from drizzle.__drizzle_migrations order by created_at');
  await write({ format: FORMAT, version: FORMAT_VERSION, createdAt: new Date().toISOString(), driver, migrations: migrations.map((m) => m.hash), ...(hasSecrets ? { secret: true, secrets } : {}) });
  let rows = 0;
  const tables = tablesInDependencyOrder();
  for (const table of tables) {
    const [{ count }] = await query<{ count: number }>(`select count(*)::int as count from "${table}"`);
    const order = primaryKeyOf(table).map((c) => `"${c}"`).join(', ');
    await write({ table, rows: count });
    let done = 0;
    // OFFSET paging over the primary key: simple, and stable inside one snapshot.
    while (done < count) {
      const batch = await query<{ r: unknown }>(`select row_to_json(t) as r from "${table}" t order by ${order} limit ${BATCH} offset ${done}`);
      for (const b of batch) await write({ r: b.r });
      done += batch.length;
      onProgress(table, done, count);
      if (batch.length === 0) break;
    }
    if (count === 0) onProgress(table, 0, 0);
    rows += done;
  }
  // The files' bytes, after the rows: every key of the snapshot's `files` rows (files are never
  // changed in place, so bytes read now are the snapshot's). A key without bytes is left out.
  let files = 0;
  if (store) {
    const keys = (await query<{ k: string }>(`select storage_key as k from files union all select thumbnail_key from files where thumbnail_key is not null order by 1`)).map((r) => r.k);
    await write({ blobs: keys.length });
    for (const key of keys) {
      const stream = await store.get(key);
      if (stream) {
        await write({ blob: key });
        let pending = Buffer.alloc(0);
        for await (const chunk of stream) {
          pending = Buffer.concat([pending, chunk as Buffer]);
          while (pending.length >= BLOB_CHUNK) {
            await write({ d: pending.subarray(0, BLOB_CHUNK).toString('base64') });
            pending = pending.subarray(BLOB_CHUNK);
          }
        }
        if (pending.length) await write({ d: pending.toString('base64') });
        files++;
      }
      onProgress('(files)', files, keys.length);
    }
  }
  await new Promise<void>((resolve, reject) => {
    sink.once('finish', resolve);
    sink.once('error', reject);
    out.end();
  });
  return { tables: tables.length, rows, files, hasSecrets };
}

/** Refuses to restore over data: the target must have the schema (migrated) and no rows. */
async function assertEmpty(query: SessionQuery, tables: string[]): Promise<void> {
  for (const table of tables) {
    if (MIGRATION_SEEDED_TABLES.has(table)) continue;
    const [{ n }] = await query<{ n: number }>(`select count(*)::int as n from "${table}"`);
    if (n > 0) throw new Error(`Restore needs an empty database, but table ${table} has ${n} rows. Use a fresh DATA_DIR or an empty PostgreSQL database.`);
  }
}

/**
 * Restores a dump made by `backupDatabase` into an empty, migrated database, in one transaction,
 * and the files' bytes into `options.store`. The bytes are written as they are read: a restore
 * that fails leaves them behind, unreferenced, under keys a later restore overwrites.
 * Returns the secrets the backup carried; installing them (the ledger key) is the caller's choice.
 */
export async function restoreDatabase(database: Database, file: string, onProgress: Progress = () => undefined, options: BackupOptions = {}): Promise<{ tables: number; rows: number; files: number; secrets: BackupSecrets }> {
  return withSession(database, (query) => readDump(query, file, onProgress, options.store));
}

async function readDump(query: SessionQuery, file: string, onProgress: Progress, store: FileStore | undefined): Promise<{ tables: number; rows: number; files: number; secrets: BackupSecrets }> {
  // Check before the file is opened: readline starts emitting at once, and lines
  // emitted before the loop below starts iterating would be lost.
  const known = new Set(tablesInDependencyOrder());
  await assertEmpty(query, [...known]);
  const gunzip = zlib.createGunzip();
  const input = fs.createReadStream(file).pipe(gunzip);
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  // Take the iterator now: it buffers lines from here on, while `begin` and the deletes below
  // wait on the database (PostgreSQL round trips let readline emit lines that were then lost).
  const iterator = lines[Symbol.asyncIterator]();
  let streamError: Error | undefined;
  gunzip.on('error', (err) => {
    streamError = new Error(`${file} is damaged or not a ParkOS backup (${err.message})`);
    lines.close();
  });
  let header: { format?: string; version?: number; secrets?: BackupSecrets } | undefined;
  let current: { table: string; total: number; done: number; batch: unknown[] } | undefined;
  let rows = 0;
  let tables = 0;
  let files = 0;
  let blobTotal = 0;
  let blob: { key: string; chunks: Buffer[] } | undefined;
  const flushBlob = async () => {
    if (!blob) return;
    if (!store) throw new Error(`${file} contains uploaded files; restore it with the files folder configured`);
    await store.put(blob.key, Buffer.concat(blob.chunks));
    blob = undefined;
    files++;
    onProgress('(files)', files, blobTotal);
  };
  await query('begin');
  try {
    for (const table of MIGRATION_SEEDED_TABLES) if (known.has(table)) await query(`delete from "${table}"`);
    const flush = async () => {
      if (!current || current.batch.length === 0) return;
      await query(`insert into "${current.table}" overriding system value select * from json_populate_recordset(null::"${current.table}", $1::json)`, [JSON.stringify(current.batch)]);
      current.done += current.batch.length;
      rows += current.batch.length;
      current.batch = [];
      onProgress(current.table, current.done, current.total);
    };
    for await (const line of { [Symbol.asyncIterator]: () => iterator }) {
      if (!line) continue;
      const obj = JSON.parse(line) as { format?: string; version?: number; secrets?: BackupSecrets; table?: string; rows?: number; r?: unknown; blobs?: number; blob?: string; d?: string };
      if (!header) {
        if (obj.format !== FORMAT) throw new Error(`${file} is not a ParkOS backup`);
        if ((obj.version ?? 0) > FORMAT_VERSION) throw new Error(`${file} was written by a newer ParkOS (format ${obj.version})`);
        header = obj;
        continue;
      }
      if (obj.d !== undefined) {
        if (!blob) throw new Error('backup file data before any file');
        blob.chunks.push(Buffer.from(obj.d, 'base64'));
        continue;
      }
      if (obj.blobs !== undefined || obj.blob !== undefined) {
        await flush();
        current = undefined;
        await flushBlob();
        if (obj.blobs !== undefined) blobTotal = obj.blobs;
        if (obj.blob !== undefined) blob = { key: obj.blob, chunks: [] };
        continue;
      }
      if (obj.table) {
        await flush();
        if (!known.has(obj.table)) throw new Error(`backup contains unknown table ${obj.table}`);
        current = { table: obj.table, total: obj.rows ?? 0, done: 0, batch: [] };
        tables++;
        if (current.total === 0) onProgress(current.table, 0, 0);
        continue;
      }
      if (!current) throw new Error('backup row before any table');
      current.batch.push(obj.r);
      if (current.batch.length >= BATCH) await flush();
    }
    if (streamError) throw streamError;
    await flush();
    await flushBlob();
    if (!header) throw new Error(`${file} is empty`);
    // Identity/serial sequences must continue after the restored ids.
    const seqs = await query<{ table_name: string; column_name: string; seq: string }>(
      `select c.table_name, c.column_name, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) as seq
         from information_schema.columns c where c.table_schema = 'public' and pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) is not null`,
    );
    for (const s of seqs) {
      await query(`select setval('${s.seq}', coalesce((select max("${s.column_name}") from "${s.table_name}"), 0) + 1, false)`);
    }
    await query('commit');
  } catch (err) {
    await query('rollback').catch(() => undefined);
    throw err;
  }
  return { tables, rows, files, secrets: header.secrets ?? {} };
}

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { installRestoredLedgerKey } from '../modules/ledger';
import { loadLedgerSigner } from '../modules/ledger/ledger-keys';
import { createServices } from '../services';
import { seedDemoPark } from '../seed/demo-park';
import { createTestDatabase } from '../testing/test-db';
import { testConfig } from '../testing/test-app';
import { createFolderStore, type FileStore } from '../modules/files';
import { readAll } from '../modules/files/file-store';
import { SYSTEM } from '../testing/builders';
import { buildImage } from '../testing/files';
import { backupDatabase, restoreDatabase, tablesInDependencyOrder } from './backup';
import type { Database } from './client';

let source: Database;
let file: string;
let dir: string;
let sourceStore: FileStore;
/** An image and a document uploaded to the source (the image has a thumbnail too). */
let uploaded: { id: string; bytes: Buffer }[];
beforeAll(async () => {
  source = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parkos-backup-'));
  const services = createServices(source, testConfig({ FILES_DIR: path.join(dir, 'files-source') }));
  await seedDemoPark(source.db, services);
  const png = await buildImage('png');
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1_300_000, 0x41), Buffer.from('\n%%EOF\n')]);
  uploaded = [
    { id: (await services.files.upload(SYSTEM, { purpose: 'image', fileName: '园区照片.png', data: png, field: 'file' })).id, bytes: png },
    { id: (await services.files.upload(SYSTEM, { purpose: 'document', fileName: 'big.pdf', data: pdf, field: 'file' })).id, bytes: pdf },
  ];
  sourceStore = createFolderStore(path.join(dir, 'files-source'));
  file = path.join(dir, 'demo.parkos.gz');
}, 120_000);
afterAll(async () => {
  await source.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function fingerprint(db: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tablesInDependencyOrder()) {
    const [r] = await db.query<{ n: number; h: string }>(`select count(*)::int as n, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from "${table}" t`);
    out[table] = `${r.n}:${r.h}`;
  }
  return out;
}

describe('backup and restore', () => {
  test('orders tables so that parents come before children', () => {
    const order = tablesInDependencyOrder();
    expect(order.indexOf('parks')).toBeLessThan(order.indexOf('sites'));
    expect(order.indexOf('enterprises')).toBeLessThan(order.indexOf('leases'));
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('role_grants'));
  });

  test('a dump restores into an empty database with every row identical', async () => {
    const progress: string[] = [];
    const written = await backupDatabase(source, file, (table, done, total) => done >= total && progress.push(table));
    expect(written.rows).toBeGreaterThan(2000);
    expect(progress).toContain('enterprises');
    const target = await createTestDatabase();
    try {
      const restored = await restoreDatabase(target, file);
      expect(restored.rows).toBe(written.rows);
      expect(await fingerprint(target)).toEqual(await fingerprint(source));
      // Sequences continue after the restored ids: a new audit entry gets a fresh id.
      const [max] = await target.query<{ m: number }>('select max(id)::int as m from audit_log');
      const [next] = await target.query<{ id: number }>(`insert into audit_log (actor_name, action, entity_type, entity_id) values ('t','t','t','t') returning id::int`);
      expect(next.id).toBeGreaterThan(max.m);
    } finally {
      await target.close();
    }
  });

  test('with the file store, the dump carries the uploaded files’ bytes and thumbnails, and restores them into another store', async () => {
    const withFiles = path.join(dir, 'with-files.parkos.gz');
    const progress: [string, number, number][] = [];
    const written = await backupDatabase(source, withFiles, (table, done, total) => table === '(files)' && progress.push([table, done, total]), { store: sourceStore });
    // Every stored object: the two uploads above (and the image's thumbnail) plus the demo park's own materials.
    const [stored] = await source.query<{ n: number; thumbs: number }>('select (count(*) + count(thumbnail_key))::int as n, count(thumbnail_key)::int as thumbs from files');
    expect(stored.n).toBeGreaterThanOrEqual(3);
    expect(written.files).toBe(stored.n);
    const targetStore = createFolderStore(path.join(dir, 'files-target'));
    const target = await createTestDatabase();
    try {
      const restored = await restoreDatabase(target, withFiles, () => undefined, { store: targetStore });
      expect(restored.files).toBe(stored.n);
      expect(await fingerprint(target)).toEqual(await fingerprint(source));
      const keys = await target.query<{ id: string; storage_key: string; thumbnail_key: string | null }>('select id::text, storage_key, thumbnail_key from files');
      for (const u of uploaded) {
        const row = keys.find((k) => k.id === u.id)!;
        expect((await readAll((await targetStore.get(row.storage_key))!)).equals(u.bytes)).toBe(true);
        if (row.thumbnail_key) expect((await readAll((await targetStore.get(row.thumbnail_key))!)).equals(await readAll((await sourceStore.get(row.thumbnail_key))!))).toBe(true);
      }
      expect(keys.filter((k) => k.thumbnail_key).length).toBe(stored.thumbs);
    } finally {
      await target.close();
    }
    // Without a store to write them to, a dump with files is refused (and its rows roll back).
    const bare = await createTestDatabase();
    try {
      await expect(restoreDatabase(bare, withFiles)).rejects.toThrow(/files folder/);
      expect((await bare.query<{ n: number }>('select count(*)::int as n from users'))[0].n).toBe(0);
    } finally {
      await bare.close();
    }
    // A backup and two restores of the whole demo park: under a loaded CI machine this outgrows the default minute.
  }, 180_000);

  test('restore refuses a database that already has data, and changes nothing', async () => {
    await expect(restoreDatabase(source, file)).rejects.toThrow(/empty database/);
  });

  test('a ledger key carried as a secret comes back from restore and becomes the restored database’s signing key', async () => {
    const pem = crypto.generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const withKey = path.join(path.dirname(file), 'with-key.parkos.gz');
    const written = await backupDatabase(source, withKey, undefined, { secrets: { ledgerSigningKeyPem: pem } });
    expect(written.hasSecrets).toBe(true);
    const target = await createTestDatabase();
    try {
      const restored = await restoreDatabase(target, withKey);
      expect(restored.secrets.ledgerSigningKeyPem).toBe(pem);
      const options = { env: 'test' as const, driver: target.driver, dataDir: path.dirname(file) };
      const installed = await installRestoredLedgerKey(target.db, options, pem);
      expect(installed).toMatchObject({ installed: true, where: 'ledger_keys' });
      expect((await loadLedgerSigner(target.db, options)).keyId).toBe(installed.keyId);
      // A configured key always wins over one found in a backup.
      expect(await installRestoredLedgerKey(target.db, { ...options, configuredKey: 'x' }, pem)).toMatchObject({ installed: false, reason: 'configured_key' });
    } finally {
      await target.close();
    }
  });
});

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
import { backupDatabase, restoreDatabase, tablesInDependencyOrder } from './backup';
import type { Database } from './client';

let source: Database;
let file: string;
beforeAll(async () => {
  source = await createTestDatabase();
  await seedDemoPark(source.db, createServices(source, testConfig()));
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'parkos-backup-')), 'demo.parkos.gz');
});
afterAll(() => source.close());

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
    const written = await backupDatabase(source, file, { onProgress: (table, done, total) => done >= total && progress.push(table) });
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

  test('restore refuses a database that already has data, and changes nothing', async () => {
    await expect(restoreDatabase(source, file)).rejects.toThrow(/empty database/);
  });

  test('a ledger key carried as a secret comes back from restore and becomes the restored database’s signing key', async () => {
    const pem = crypto.generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const withKey = path.join(path.dirname(file), 'with-key.parkos.gz');
    const written = await backupDatabase(source, withKey, { secrets: { ledgerSigningKeyPem: pem } });
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

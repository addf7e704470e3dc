import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPark, buildUser, TEST_PASSWORD } from '../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { auditLedger } from '../ledger';
import { verifyInclusion } from '../ledger/merkle-verify';
import { verifySthSignature } from '../ledger/sth';

type Built = Awaited<ReturnType<typeof buildPark>>;
let t: TestApp;
let op: TestClient;
let park: Built;
let publishedSpki: Buffer;

const b = (text: string): Buffer => Buffer.from(text, 'base64');
const csvOf = (rows: string[]): string => ['code,name,type,building,floor,x,y,lat,lon,tags', ...rows].join('\n');

async function treeSize(): Promise<number> {
  const [row] = await t.database.query<{ n: number }>('select tree_size::int as n from ledger_state where id = 1');
  return row.n;
}

async function countWhere(table: 'devices' | 'audit_log', where: string, params: unknown[]): Promise<number> {
  const [row] = await t.database.query<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`, params);
  return row.n;
}

/**
 * Devices whose code starts with `prefix`, each with its `device.created` audit entries and their
 * ledger leaves (a device without an entry shows `auditIds: []`).
 */
async function auditTrailOf(prefix: string) {
  return t.database.query<{ code: string; auditIds: number[]; leaves: number; viaImport: number }>(
    `select d.code,
            coalesce(array_agg(a.id::int order by a.id) filter (where a.id is not null), '{}') as "auditIds",
            count(l.leaf_index)::int as leaves,
            count(*) filter (where a.after->>'via' = 'csv_import' and a.after->>'code' = d.code)::int as "viaImport"
       from devices d
       left join audit_log a on a.entity_type = 'device' and a.entity_id = d.id::text and a.action = 'device.created'
       left join ledger_leaves l on l.audit_id = a.id
      where d.code like $1
      group by d.code
      order by d.code`,
    [`${prefix}%`],
  );
}

beforeAll(async () => {
  t = await createTestApp();
  park = await buildPark(t.services);
  await buildUser(t.services, 'bulk-import-op', [{ role: 'operator', scopeType: 'park', scopeId: park.park.id }]);
  op = await t.login('bulk-import-op', TEST_PASSWORD);
  publishedSpki = b((await t.app.inject({ method: 'GET', url: '/api/.well-known/parkos-ledger-key' })).json().publicKeySpki);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('bulk device import and the tamper-evident ledger', () => {
  test('5,000 devices imported from CSV each get their own audit entry, logged as a leaf whose inclusion proof verifies', async () => {
    const n = 5000;
    const rows = Array.from({ length: n }, (_, i) => `bulk-${String(i).padStart(5, '0')},批量设备 ${i},environment_sensor,${park.building.name},1,${i},${i % 100},,,bulk;floor-1`);
    const sizeBefore = await treeSize();

    const started = performance.now();
    const res = await op.post('/api/devices/import', { parkId: park.park.id, mode: 'all_or_nothing', csv: csvOf(rows) });
    const seconds = (performance.now() - started) / 1000;
    console.log(`[device-import] ${n} devices imported in ${seconds.toFixed(2)} s (${process.env.TEST_DB ?? 'pglite'})`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ rows: n, created: n, errors: [] });

    // One entry per device, each with exactly one leaf, and nothing else appended.
    const trail = await auditTrailOf('bulk-');
    expect(trail).toHaveLength(n);
    expect(trail.filter((d) => d.auditIds.length !== 1 || d.leaves !== 1 || d.viaImport !== 1)).toEqual([]);
    expect(await treeSize()).toBe(sizeBefore + n);

    // Proofs as a client sees them: entry endpoint → inclusion proof against a signed head.
    expect((await op.post('/api/ledger/heads')).statusCode).toBe(201);
    for (const i of [0, 1, 499, 500, 2500, 4998, n - 1]) {
      const auditId = trail[i].auditIds[0];
      const res = await op.get(`/api/ledger/entries/${auditId}`);
      expect(res.statusCode, res.body).toBe(200);
      const entry = res.json();
      expect(entry.entryMatchesLeaf).toBe(true);
      expect(entry.entry.json).toMatchObject({ entityType: 'device', action: 'device.created' });
      expect(verifyInclusion({ leafHash: b(entry.leafHash), index: entry.leafIndex, size: entry.treeHead.treeSize, root: b(entry.treeHead.rootHash), proof: entry.inclusionProof.map(b) })).toEqual({ ok: true });
      const head = entry.treeHead;
      expect(verifySthSignature({ treeSize: head.treeSize, timestampMs: head.timestampMs, rootHash: b(head.rootHash), signature: b(head.signature) }, publishedSpki)).toBe(true);
    }
    // And every one of them: the audit re-derives each leaf from its audit row, every node and every head.
    expect(await auditLedger(t.database.db)).toMatchObject({ ok: true });
  }, 300_000);

  test('in valid-rows-only mode a failed row changes nothing and is reported, while the good rows are imported and audited', async () => {
    const sizeBefore = await treeSize();
    const auditBefore = await countWhere('audit_log', 'true', []);
    const rows = Array.from({ length: 1200 }, (_, i) => (i % 300 === 7 ? `partial-${i},坏类型,toaster,,,,,,,` : `partial-${i},部分导入 ${i},camera,,,,,,,`));
    const res = await op.post('/api/devices/import', { parkId: park.park.id, mode: 'valid_rows_only', csv: csvOf(rows) });
    expect(res.statusCode, res.body).toBe(200);
    const bad = [7, 307, 607, 907];
    expect(res.json()).toMatchObject({ rows: 1200, created: 1200 - bad.length });
    expect((res.json().errors as { row: number; field: string }[]).map((e) => [e.row, e.field])).toEqual(bad.map((i) => [i + 2, 'type']));

    const trail = await auditTrailOf('partial-');
    expect(trail).toHaveLength(1200 - bad.length);
    expect(trail.map((d) => d.code)).not.toContain('partial-7');
    expect(trail.filter((d) => d.auditIds.length !== 1 || d.leaves !== 1)).toEqual([]);
    expect(await countWhere('audit_log', 'true', [])).toBe(auditBefore + 1200 - bad.length);
    expect(await treeSize()).toBe(sizeBefore + 1200 - bad.length);
    expect(await auditLedger(t.database.db)).toMatchObject({ ok: true });
  }, 120_000);

  test('an import that fails while logging its audit entries leaves no device, no audit entry and no leaf behind', async () => {
    const sizeBefore = await treeSize();
    const auditBefore = await countWhere('audit_log', 'true', []);
    // A crash stand-in: the ledger refuses the leaf of the 1,100th device, after 1,099 devices,
    // their audit rows and most of their leaves were written in the import's transaction.
    await t.database.query(`create or replace function fail_import_leaf() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from audit_log a where a.id = new.audit_id and a.after->>'code' = 'crash-1099') then raise exception 'simulated crash while logging'; end if;
        return new;
      end $$`);
    await t.database.query('create trigger fail_import_leaf before insert on ledger_leaves for each row execute function fail_import_leaf()');
    try {
      const rows = Array.from({ length: 1500 }, (_, i) => `crash-${i},中断导入 ${i},camera,,,,,,,`);
      const res = await op.post('/api/devices/import', { parkId: park.park.id, mode: 'all_or_nothing', csv: csvOf(rows) });
      expect(res.statusCode).toBe(500);
    } finally {
      await t.database.query('drop trigger fail_import_leaf on ledger_leaves');
      await t.database.query('drop function fail_import_leaf()');
    }
    expect(await countWhere('devices', 'code like $1', ['crash-%'])).toBe(0);
    expect(await countWhere('audit_log', 'true', [])).toBe(auditBefore);
    expect(await treeSize()).toBe(sizeBefore);
    expect(await auditLedger(t.database.db)).toMatchObject({ ok: true });

    // Nothing half-done blocks a retry.
    const retry = await op.post('/api/devices/import', { parkId: park.park.id, mode: 'all_or_nothing', csv: csvOf(['crash-1,中断导入 1,camera,,,,,,,']) });
    expect(retry.json()).toMatchObject({ created: 1 });
  }, 120_000);
});

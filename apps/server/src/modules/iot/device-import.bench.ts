/**
 * Device import benchmark: times `importDevices` for one CSV of N devices, end to end (parse,
 * checks, device inserts, one audit entry per device and its ledger leaf, commit), on a fresh
 * migrated database, then checks every device got its own logged audit entry.
 *
 *   npx tsx apps/server/src/modules/iot/device-import.bench.ts [devices] [runs] [memory]
 *
 * Defaults: 5,000 devices, 3 runs (each into a fresh park, one after another on the same
 * database), PGlite in a temporary folder on disk (as the server runs it); `memory` uses an
 * in-memory PGlite as the test suite does. Set DATABASE_URL to run on PostgreSQL instead (it
 * writes rows: use a scratch database).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { createServices } from '../../services';
import { buildPark, SYSTEM } from '../../testing/builders';
import { positiveArg } from '../../testing/bench-args';

const deviceCount = positiveArg(2, 5000);
const runs = positiveArg(3, 3);
const inMemory = process.argv[4] === 'memory';

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parkos-import-bench-'));
  const dataDir = inMemory ? 'memory://' : path.join(dir, 'pg');
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir });
  try {
    await runMigrations(database);
    const services = createServices(database, { sessionTtlHours: 8, loginMaxFailures: 5, loginLockMinutes: 15, env: 'test', dataDir: dir, filesDir: `${dir}/files` });
    const where = database.driver === 'postgres' ? 'PostgreSQL' : inMemory ? 'PGlite in memory' : 'PGlite on disk';
    console.log(`device import benchmark — ${where}, node ${process.version}, ${deviceCount} devices per import, ${runs} run(s)`);
    for (let run = 1; run <= runs; run += 1) {
      const { park, building } = await buildPark(services);
      const prefix = `bench-${Date.now().toString(36)}-${run}-`;
      const rows = Array.from({ length: deviceCount }, (_, i) => `${prefix}${i},设备 ${i},environment_sensor,${building.name},1,${i},${i % 100},,,bench`);
      const csv = ['code,name,type,building,floor,x,y,lat,lon,tags', ...rows].join('\n');
      const started = performance.now();
      const result = await services.iot.devices.importDevices(SYSTEM, { parkId: park.id, csv, mode: 'all_or_nothing' });
      const seconds = (performance.now() - started) / 1000;
      if (result.created !== deviceCount) throw new Error(`expected ${deviceCount} devices, got ${JSON.stringify(result).slice(0, 300)}`);
      const [check] = await database.query<{ devices: number; logged: number }>(
        `select count(distinct d.id)::int as devices, count(l.leaf_index)::int as logged
           from devices d
           left join audit_log a on a.entity_type = 'device' and a.entity_id = d.id::text and a.action = 'device.created'
           left join ledger_leaves l on l.audit_id = a.id
          where d.code like $1`,
        [`${prefix}%`],
      );
      if (check.devices !== deviceCount || check.logged !== deviceCount) throw new Error(`audit trail incomplete: ${JSON.stringify(check)}`);
      console.log(`  run ${run}: ${deviceCount} devices in ${seconds.toFixed(2)} s (${((seconds * 1000) / deviceCount).toFixed(2)} ms per device); every device has one logged audit entry`);
    }
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

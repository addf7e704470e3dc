import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPark, SYSTEM } from '../../../testing/builders';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { insertReadings, type TestReading } from './history.test-helpers';
import { runRetention, DEFAULT_RETENTION } from './retention';
import { createIngestPipeline } from '../ingest.pipeline';
import { rollLateHours, runReconcile, runRollup } from './rollup';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** A fixed "now" on a minute boundary plus some seconds, so buckets are predictable. */
const NOW = Date.parse('2026-11-20T12:34:20Z');

let t: TestApp;
let sensors: { id: string }[];
let meter: { id: string };

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Agg {
  count: number;
  sum: number;
  min: number;
  max: number;
  last: number;
  lastTs: number;
}

/** The expected rollup, computed in JavaScript from the readings, independently of the SQL. */
function aggregate(readings: TestReading[], step: number, before: number): Map<string, Agg> {
  const out = new Map<string, Agg>();
  for (const r of readings) {
    if (r.ts >= before) continue;
    const key = `${r.deviceId}|${r.metric}|${Math.floor(r.ts / step) * step}`;
    const a = out.get(key);
    if (!a) out.set(key, { count: 1, sum: r.value, min: r.value, max: r.value, last: r.value, lastTs: r.ts });
    else {
      a.count++;
      a.sum += r.value;
      a.min = Math.min(a.min, r.value);
      a.max = Math.max(a.max, r.value);
      if (r.ts > a.lastTs) {
        a.last = r.value;
        a.lastTs = r.ts;
      }
    }
  }
  return out;
}

async function rollupRows(table: 'telemetry_1m' | 'telemetry_1h', deviceIds: string[]): Promise<Map<string, Agg & { avg: number }>> {
  const rows = await t.database.query<{ device_id: string; metric: string; bucket: Date | string; count: string | number; sum: number; min: number; max: number; last: number; last_ts: Date | string }>(
    `SELECT * FROM ${table} WHERE device_id = ANY($1::uuid[])`,
    [deviceIds],
  );
  return new Map(
    rows.map((r) => [
      `${r.device_id}|${r.metric}|${new Date(r.bucket).getTime()}`,
      { count: Number(r.count), sum: r.sum, min: r.min, max: r.max, last: r.last, lastTs: new Date(r.last_ts).getTime(), avg: r.sum / Number(r.count) },
    ]),
  );
}

function expectSame(actual: Map<string, Agg & { avg: number }>, expected: Map<string, Agg>) {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [key, e] of expected) {
    const a = actual.get(key)!;
    expect(a.count, key).toBe(e.count);
    expect(a.sum, key).toBeCloseTo(e.sum, 6);
    expect(a.min, key).toBe(e.min);
    expect(a.max, key).toBe(e.max);
    expect(a.avg, key).toBeCloseTo(e.sum / e.count, 9);
    expect(a.last, key).toBe(e.last);
    expect(a.lastTs, key).toBe(e.lastTs);
  }
}

/** Irregular readings of two metrics over the last `hours` hours before NOW (ms precision, several per minute). */
function readingsFor(deviceIds: string[], hours: number, seed: number): TestReading[] {
  const rnd = prng(seed);
  const out: TestReading[] = [];
  for (const deviceId of deviceIds) {
    for (const metric of ['temperature', 'co2']) {
      let ts = NOW - hours * HOUR + Math.floor(rnd() * 10_000);
      while (ts < NOW) {
        out.push({ deviceId, metric, ts, value: Math.round((metric === 'co2' ? 400 + rnd() * 800 : 18 + rnd() * 10) * 1000) / 1000 });
        ts += 1000 + Math.floor(rnd() * 40_000);
      }
    }
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  const p = await buildPark(t.services);
  sensors = [];
  for (let i = 0; i < 3; i++) sensors.push(await t.services.iot.devices.createDevice(SYSTEM, { code: `roll-env-${i}`, name: `环境 ${i}`, type: 'environment_sensor', parkId: p.park.id }));
  meter = await t.services.iot.devices.createDevice(SYSTEM, { code: 'roll-meter', name: '电表', type: 'energy_meter', parkId: p.park.id });
});
afterAll(async () => {
  await t?.close();
});

describe('rollups', () => {
  const readings: TestReading[] = [];

  test('1-minute and 1-hour rollups equal aggregates computed independently from the raw rows, in bounded steps', async () => {
    readings.push(...readingsFor(sensors.map((s) => s.id), 3, 42));
    await insertReadings(t.database, readings);
    const ids = sensors.map((s) => s.id);
    // Small steps: 20 minutes per window, 2 series per statement, 3 windows per run → several runs to catch up.
    const opts = { now: new Date(NOW), windowMs: 20 * MINUTE, seriesPerStatement: 2, maxWindowsPerRun: 3 };
    const first = await runRollup(t.database, opts);
    expect(first.windows).toBe(3);
    expect(first.watermark!.getTime()).toBeLessThan(Math.floor(NOW / MINUTE) * MINUTE);
    let runs = 1;
    while ((await runRollup(t.database, opts)).watermark!.getTime() < Math.floor(NOW / MINUTE) * MINUTE) runs++;
    expect(runs).toBeGreaterThan(2);

    const closed = Math.floor(NOW / MINUTE) * MINUTE;
    expectSame(await rollupRows('telemetry_1m', ids), aggregate(readings, MINUTE, closed));
    expectSame(await rollupRows('telemetry_1h', ids), aggregate(readings, HOUR, closed));
  });

  test('a second run changes nothing (idempotent)', async () => {
    const ids = sensors.map((s) => s.id);
    const before = [await rollupRows('telemetry_1m', ids), await rollupRows('telemetry_1h', ids)];
    const again = await runRollup(t.database, { now: new Date(NOW) });
    expect(again.rowsWritten).toBe(0);
    expect([await rollupRows('telemetry_1m', ids), await rollupRows('telemetry_1h', ids)]).toEqual(before);
  });

  test('late readings within the grace window are re-rolled into their minute and hour', async () => {
    const ids = sensors.map((s) => s.id);
    const later = NOW + 2 * MINUTE;
    // Two minutes later a reading arrives stamped 3 minutes ago (inside the 5-minute grace) with an extreme value.
    const late: TestReading = { deviceId: ids[0], metric: 'temperature', ts: NOW - 3 * MINUTE + 123, value: 99.5 };
    readings.push(late);
    await insertReadings(t.database, [late]);
    const r = await runRollup(t.database, { now: new Date(later) });
    expect(r.rowsWritten).toBeGreaterThanOrEqual(2);
    const closed = Math.floor(later / MINUTE) * MINUTE;
    const minutes = await rollupRows('telemetry_1m', ids);
    expectSame(minutes, aggregate(readings, MINUTE, closed));
    expect(minutes.get(`${ids[0]}|temperature|${Math.floor(late.ts / MINUTE) * MINUTE}`)!.max).toBe(99.5);
    expectSame(await rollupRows('telemetry_1h', ids), aggregate(readings, HOUR, closed));
  });

  test('later readings (beyond the grace window) are marked by the ingest statement and re-rolled by any worker; the reconcile pass catches the rest', async () => {
    const ids = sensors.map((s) => s.id);
    const later = NOW + 2 * MINUTE;
    const closed = Math.floor(later / MINUTE) * MINUTE;
    // Two readings two hours behind the watermark: the regular run does not see them.
    const viaMark: TestReading = { deviceId: ids[1], metric: 'co2', ts: NOW - 2 * HOUR + 1_234, value: 5_000 };
    const viaReconcile: TestReading = { deviceId: ids[2], metric: 'co2', ts: NOW - 2 * HOUR - 17 * MINUTE, value: 4_000 };
    readings.push(viaMark, viaReconcile);
    const marks = () => t.database.query<{ device_id: string; metric: string; hour: Date | string; marks: number }>('SELECT device_id, metric, hour, marks FROM telemetry_late_hours ORDER BY device_id');

    // The real ingest path stores the late reading and marks its hour in the same statement.
    const pipeline = createIngestPipeline({ database: t.database });
    await pipeline.submit(viaMark.deviceId, [{ metric: viaMark.metric, ts: viaMark.ts, value: viaMark.value }]);
    // A redelivered duplicate is not inserted again, so it does not mark the hour again.
    await pipeline.submit(viaMark.deviceId, [{ metric: viaMark.metric, ts: viaMark.ts, value: viaMark.value }]);
    await pipeline.close();
    expect((await marks()).map((m) => ({ ...m, hour: new Date(m.hour).getTime() }))).toEqual([{ device_id: viaMark.deviceId, metric: 'co2', hour: Math.floor(viaMark.ts / HOUR) * HOUR, marks: 1 }]);
    // An ingest process that considers the other reading on time (a larger lateness bound) marks nothing.
    const lenient = createIngestPipeline({ database: t.database, lateAfterMs: Date.now() - viaReconcile.ts + DAY });
    await lenient.submit(viaReconcile.deviceId, [{ metric: viaReconcile.metric, ts: viaReconcile.ts, value: viaReconcile.value }]);
    await lenient.close();
    expect(await marks()).toHaveLength(1);

    await runRollup(t.database, { now: new Date(later) });
    const key = (r: TestReading) => `${r.deviceId}|${r.metric}|${Math.floor(r.ts / MINUTE) * MINUTE}`;
    expect((await rollupRows('telemetry_1m', ids)).get(key(viaMark))?.max).not.toBe(5_000);

    // The worker (any process: the mark is in the database) re-rolls the marked hour and clears the mark.
    expect((await rollLateHours(t.database)).hoursReRolled).toBe(1);
    expect((await rollupRows('telemetry_1m', ids)).get(key(viaMark))?.max).toBe(5_000);
    expect(await marks()).toEqual([]);
    expect((await rollLateHours(t.database)).hoursReRolled).toBe(0);
    expect((await rollupRows('telemetry_1m', ids)).get(key(viaReconcile))?.max).not.toBe(4_000);

    // The reconcile pass finds the hour whose raw rows outnumber its rollup.
    const r = await runReconcile(t.database, { now: new Date(later) });
    expect(r.hoursReRolled).toBe(1);
    expectSame(await rollupRows('telemetry_1m', ids), aggregate(readings, MINUTE, closed));
    expectSame(await rollupRows('telemetry_1h', ids), aggregate(readings, HOUR, closed));
    expect((await runReconcile(t.database, { now: new Date(later) })).hoursReRolled).toBe(0);
  });

  test('a reading days late (past the reconcile look-back) still reaches the hourly rollup through its mark', async () => {
    const id = sensors[0].id;
    const old: TestReading = { deviceId: id, metric: 'pm25', ts: NOW - 3 * DAY + 7 * MINUTE, value: 321 };
    const pipeline = createIngestPipeline({ database: t.database });
    await pipeline.submit(old.deviceId, [{ metric: old.metric, ts: old.ts, value: old.value }]);
    await pipeline.close();
    expect((await runReconcile(t.database, { now: new Date(NOW + 2 * MINUTE) })).hoursReRolled).toBe(0);
    expect((await rollLateHours(t.database)).hoursReRolled).toBe(1);
    const hour = (await rollupRows('telemetry_1h', [id])).get(`${id}|pm25|${Math.floor(old.ts / HOUR) * HOUR}`);
    expect(hour).toMatchObject({ count: 1, max: 321, last: 321 });
  });
});

describe('retention', () => {
  test('deletes only rows older than each tier’s horizon for the device type, in bounded statements, idempotently', async () => {
    const id = meter.id;
    const rawDays = DEFAULT_RETENTION.energy_meter.rawDays;
    // Raw readings each day for 40 days (past the 30-day raw horizon) and minute/hour rollups far back.
    const days = 40;
    const raw: TestReading[] = [];
    for (let d = 0; d < days; d++) raw.push({ deviceId: id, metric: 'energy_kwh', ts: NOW - d * DAY - 30 * MINUTE, value: 1000 - d });
    await insertReadings(t.database, raw);
    const rows = (table: string, n: number, step: number) =>
      t.database.query(
        `INSERT INTO ${table} (device_id, metric, bucket, count, sum, min, max, last, last_ts)
         SELECT $1, 'energy_kwh', to_timestamp((($2::float8 - g * $3::float8) - ($2::float8 - g * $3::float8)::bigint % 60000) / 1000), 1, 1, 1, 1, 1, now() FROM generate_series(1, $4::int) g
         ON CONFLICT DO NOTHING`,
        [id, NOW, step, n],
      );
    await rows('telemetry_1m', 200, 1 * DAY); // 200 days back, one per day
    await rows('telemetry_1h', 2000, 1 * DAY); // 2000 days back
    // The raw rows are rolled, so the watermark permits deleting them.
    await runRollup(t.database, { now: new Date(NOW), maxWindowsPerRun: 10_000, windowMs: 7 * DAY });

    const settings = await t.services.history.getRetentionSettings();
    const count = async (table: string, col: string, olderThan?: number) =>
      Number(
        (
          await t.database.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE device_id = $1 ${olderThan !== undefined ? `AND ${col} < $2` : ''}`, olderThan !== undefined ? [id, new Date(olderThan)] : [id])
        )[0].n,
      );
    const horizons = { raw: NOW - rawDays * DAY, m: NOW - settings.energy_meter.minuteDays * DAY, h: NOW - settings.energy_meter.hourDays * DAY };
    const keep = { raw: (await count('telemetry', 'ts')) - (await count('telemetry', 'ts', horizons.raw)), m: (await count('telemetry_1m', 'bucket')) - (await count('telemetry_1m', 'bucket', horizons.m)), h: (await count('telemetry_1h', 'bucket')) - (await count('telemetry_1h', 'bucket', horizons.h)) };
    const doomed = { raw: await count('telemetry', 'ts', horizons.raw), m: await count('telemetry_1m', 'bucket', horizons.m), h: await count('telemetry_1h', 'bucket', horizons.h) };
    expect(doomed.raw).toBeGreaterThan(0);
    expect(doomed.m).toBeGreaterThan(0);
    expect(doomed.h).toBeGreaterThan(0);
    const sensorRawBefore = await count('telemetry', 'ts');

    // Batches of 7 rows, at most 5 statements per run: several runs are needed.
    let runs = 0;
    const deleted = { raw: 0, m: 0, h: 0 };
    for (;;) {
      const r = await runRetention(t.database, settings, { now: new Date(NOW), batchSize: 7, maxStatementsPerRun: 5 });
      deleted.raw += r.deleted.raw;
      deleted.m += r.deleted['1m'];
      deleted.h += r.deleted['1h'];
      runs++;
      if (r.complete) break;
    }
    expect(runs).toBeGreaterThan(3);
    expect(deleted).toEqual(doomed);
    expect(await count('telemetry', 'ts', horizons.raw)).toBe(0);
    expect(await count('telemetry_1m', 'bucket', horizons.m)).toBe(0);
    expect(await count('telemetry_1h', 'bucket', horizons.h)).toBe(0);
    expect({ raw: await count('telemetry', 'ts'), m: await count('telemetry_1m', 'bucket'), h: await count('telemetry_1h', 'bucket') }).toEqual(keep);
    expect(sensorRawBefore - doomed.raw).toBe(keep.raw);
    // The environment sensors' recent history (7-day horizon) is untouched.
    expect(Number((await t.database.query<{ n: string }>(`SELECT count(*) AS n FROM telemetry WHERE device_id = ANY($1::uuid[])`, [sensors.map((s) => s.id)]))[0].n)).toBeGreaterThan(500);
    // Idempotent: nothing more to delete.
    const again = await runRetention(t.database, settings, { now: new Date(NOW) });
    expect(again).toEqual({ deleted: { raw: 0, '1m': 0, '1h': 0 }, complete: true });
  });
});

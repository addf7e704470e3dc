import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPark, buildUser, SYSTEM, TEST_PASSWORD } from '../../../testing/builders';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { startHistoryJobs } from './history.jobs';
import { insertReadings, type TestReading } from './history.test-helpers';
import { rollLateHours } from './rollup';

const MINUTE = 60_000;
const DAY = 86_400_000;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const count = async (sql: string, params: unknown[]) => Number((await t.database.query<{ n: number | string }>(sql, params))[0].n);

describe('a series whose data breaks its rollup', () => {
  test('is skipped, logged and recorded, while every other series is rolled up and retention goes on', async () => {
    const p = await buildPark(t.services);
    const create = (code: string, type: 'environment_sensor' | 'energy_meter') => t.services.iot.devices.createDevice(SYSTEM, { code, name: code, type, parkId: p.park.id });
    const poisoned = await create('poison-env', 'environment_sensor');
    const healthy = [await create('healthy-env-1', 'environment_sensor'), await create('healthy-env-2', 'environment_sensor'), await create('healthy-meter', 'energy_meter')];
    const now = Date.now();
    // Eight days back: past the sensors' 7-day raw retention, and the very first window the job rolls.
    const old = Math.floor((now - 8 * DAY) / MINUTE) * MINUTE;
    const recent = Math.floor((now - 40 * MINUTE) / MINUTE) * MINUTE;
    const readings: TestReading[] = [];
    for (const d of healthy) {
      const metric = d === healthy[2] ? 'power_kw' : 'temperature';
      for (let i = 0; i < 10; i++) readings.push({ deviceId: d.id, metric, ts: old + i * MINUTE + 5_000, value: 20 + i });
      for (let i = 0; i < 20; i++) readings.push({ deviceId: d.id, metric, ts: recent + i * MINUTE + 5_000, value: 21 + i / 10 });
    }
    // Two readings whose sum overflows double precision, written straight to the table (ingest refuses them now).
    readings.push({ deviceId: poisoned.id, metric: 'temperature', ts: old + 30_000, value: 1.7e308 }, { deviceId: poisoned.id, metric: 'temperature', ts: old + 40_000, value: 1.7e308 });
    // The same device's other series is not affected.
    for (let i = 0; i < 10; i++) readings.push({ deviceId: poisoned.id, metric: 'humidity', ts: old + i * MINUTE + 5_000, value: 40 + i });
    for (let i = 0; i < 20; i++) readings.push({ deviceId: poisoned.id, metric: 'humidity', ts: recent + i * MINUTE + 5_000, value: 45 });
    await insertReadings(t.database, readings);

    const errors: { obj: unknown; msg: string }[] = [];
    const jobs = startHistoryJobs({
      database: t.database,
      history: t.services.history,
      log: { info: () => undefined, error: (obj, msg) => errors.push({ obj, msg: String(msg) }) },
      rollupIntervalMs: 100,
      retentionIntervalMs: 100,
      rollup: { windowMs: 12 * 3_600_000 },
    });
    const healthyIds = healthy.map((d) => d.id);
    try {
      // Every healthy series gets its 1-minute rollups, old and recent.
      await expect
        .poll(() => count(`SELECT count(*)::int AS n FROM telemetry_1m WHERE device_id = ANY($1::uuid[])`, [healthyIds]), { timeout: 30_000 })
        .toBe(healthy.length * 30);
      // Retention deleted the sensors' raw rows older than 7 days (it may, now that the watermark passed them); the meter keeps 30 days.
      await expect
        .poll(() => count(`SELECT count(*)::int AS n FROM telemetry WHERE device_id = ANY($1::uuid[]) AND ts < $2`, [[healthy[0].id, healthy[1].id, poisoned.id], new Date(now - 7 * DAY)]), { timeout: 30_000 })
        .toBe(0);
      expect(await count(`SELECT count(*)::int AS n FROM telemetry WHERE device_id = $1 AND ts < $2`, [healthy[2].id, new Date(now - 7 * DAY)])).toBe(10);
      await expect.poll(() => jobs.stats.retentionRuns).toBeGreaterThan(0);
      expect(await count(`SELECT count(*)::int AS n FROM telemetry_1h WHERE device_id = ANY($1::uuid[])`, [healthyIds])).toBeGreaterThanOrEqual(healthy.length * 2);
      expect(await count(`SELECT count(*)::int AS n FROM telemetry_1m WHERE device_id = $1 AND metric = 'humidity'`, [poisoned.id])).toBe(30);
      // The poisoned minute has no rollup; the run itself did not fail.
      expect(await count(`SELECT count(*)::int AS n FROM telemetry_1m WHERE device_id = $1 AND metric = 'temperature'`, [poisoned.id])).toBe(0);
      expect(jobs.stats.errors).toBe(0);
      const [state] = await t.database.query<{ watermark: Date | string }>(`SELECT watermark FROM history_job_state WHERE name = 'rollup'`);
      expect(new Date(state.watermark).getTime()).toBeGreaterThanOrEqual(Math.floor(now / MINUTE) * MINUTE);

      // Reported: counted, logged with the series, and recorded for operators.
      expect(jobs.stats.failedSeries).toBeGreaterThanOrEqual(1);
      expect(errors.some((e) => e.msg.includes('could not be rolled up') && (e.obj as { deviceId?: string }).deviceId === poisoned.id)).toBe(true);
      const failures = await t.database.query<{ device_id: string; metric: string; tier: string; failures: number; last_error: string; range_from: Date | string }>(
        `SELECT device_id, metric, tier, failures, last_error, range_from FROM telemetry_rollup_failures`,
      );
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({ device_id: poisoned.id, metric: 'temperature', tier: '1m' });
      expect(failures[0].last_error).toMatch(/out of range/);
      expect(new Date(failures[0].range_from).getTime()).toBeLessThanOrEqual(old);
      // …and shown with the device, through the API.
      await buildUser(t.services, 'poison-op', [{ role: 'operator', scopeType: 'all', scopeId: null }]);
      const op = await t.login('poison-op', TEST_PASSWORD);
      const detail = (await op.get(`/api/devices/${poisoned.id}`)).json();
      expect(detail.rollupFailures).toEqual([expect.objectContaining({ metric: 'temperature', tier: '1m', failures: expect.any(Number), lastError: expect.stringMatching(/out of range/) })]);
      expect((await op.get(`/api/devices/${healthy[0].id}`)).json().rollupFailures).toEqual([]);
    } finally {
      await jobs.stop();
    }
  });

  test('late hours: the failing series is recorded and its mark cleared, the other marked hours are re-rolled', async () => {
    const p = await buildPark(t.services);
    const bad = await t.services.iot.devices.createDevice(SYSTEM, { code: 'late-poison', name: 'late-poison', type: 'generic', parkId: p.park.id });
    const good = await t.services.iot.devices.createDevice(SYSTEM, { code: 'late-good', name: 'late-good', type: 'generic', parkId: p.park.id });
    const hour = Math.floor((Date.now() - 3 * 3_600_000) / 3_600_000) * 3_600_000;
    await insertReadings(t.database, [
      { deviceId: bad.id, metric: 'noise', ts: hour + 1_000, value: 1.7e308 },
      { deviceId: bad.id, metric: 'noise', ts: hour + 2_000, value: 1.7e308 },
      { deviceId: good.id, metric: 'noise', ts: hour + 1_000, value: 55 },
    ]);
    await t.database.query(`INSERT INTO telemetry_late_hours (device_id, metric, hour) VALUES ($1, 'noise', $3), ($2, 'noise', $3)`, [bad.id, good.id, new Date(hour)]);
    const r = await rollLateHours(t.database);
    expect(r.hoursReRolled).toBe(2);
    expect(r.failedSeries.map((f) => f.deviceId)).toEqual([bad.id]);
    expect(await count(`SELECT count(*)::int AS n FROM telemetry_1m WHERE device_id = $1`, [good.id])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM telemetry_1h WHERE device_id = $1`, [good.id])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM telemetry_late_hours WHERE device_id = ANY($1::uuid[])`, [[bad.id, good.id]])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM telemetry_rollup_failures WHERE device_id = $1 AND metric = 'noise'`, [bad.id])).toBe(1);
  });
});

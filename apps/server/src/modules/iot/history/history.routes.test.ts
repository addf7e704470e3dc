import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnterprise, buildPark, buildUser, SYSTEM, TEST_PASSWORD } from '../../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app';
import { chooseTier } from './history.service';
import { insertReadings, type TestReading } from './history.test-helpers';
import { DEFAULT_RETENTION } from './retention';
import { runRollup } from './rollup';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

let t: TestApp;
let op: TestClient;
let parkOpB: TestClient;
let entAdmin: TestClient;
let device: { id: string };
const now = Date.now();

beforeAll(async () => {
  t = await createTestApp();
  const a = await buildPark(t.services);
  const b = await buildPark(t.services);
  const e = await buildEnterprise(t.services, a.park.id, a.site.id);
  await buildUser(t.services, 'hist.op', [{ role: 'operator', scopeType: 'all', scopeId: null }]);
  await buildUser(t.services, 'hist.op.b', [{ role: 'operator', scopeType: 'park', scopeId: b.park.id }]);
  await buildUser(t.services, 'hist.ent', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e.id }]);
  op = await t.login('hist.op', TEST_PASSWORD);
  parkOpB = await t.login('hist.op.b', TEST_PASSWORD);
  entAdmin = await t.login('hist.ent', TEST_PASSWORD);
  device = await t.services.iot.devices.createDevice(SYSTEM, { code: 'hist-env', name: '环境', type: 'environment_sensor', parkId: a.park.id });
  // Three days of readings every 20 s for the last day and every 10 min before: a sine around 22 °C.
  const readings: TestReading[] = [];
  for (let ts = now - 3 * DAY; ts < now; ts += ts < now - DAY ? 10 * MINUTE : 20_000) {
    readings.push({ deviceId: device.id, metric: 'temperature', ts, value: 22 + 3 * Math.sin(ts / (6 * HOUR)) });
  }
  await insertReadings(t.database, readings);
  await runRollup(t.database, { now: new Date(now), maxWindowsPerRun: 1000, windowMs: 6 * HOUR });
});
afterAll(async () => {
  await t?.close();
});

describe('series API', () => {
  test('auto picks raw readings for the last hour', async () => {
    const res = await op.get(`/api/devices/${device.id}/series?metric=temperature&from=${new Date(now - HOUR).toISOString()}&to=${new Date(now).toISOString()}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ tier: 'raw', bucketSeconds: 0, unit: '°C', metric: 'temperature' });
    expect(body.points.length).toBeGreaterThanOrEqual(179);
    expect(body.points.length).toBeLessThanOrEqual(181);
    for (const p of body.points) expect(p.min).toBe(p.max);
  });

  test('auto picks 1-minute rollups for 24 hours and widens buckets to stay within maxPoints, with a min/max band', async () => {
    const res = await op.get(`/api/devices/${device.id}/series?metric=temperature&from=${new Date(now - DAY).toISOString()}&to=${new Date(now).toISOString()}&maxPoints=200`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { tier: string; bucketSeconds: number; points: { value: number; min: number; max: number; count: number }[] };
    expect(body.tier).toBe('1m');
    expect(body.bucketSeconds % 60).toBe(0);
    expect(body.bucketSeconds).toBeGreaterThan(60);
    expect(body.points.length).toBeLessThanOrEqual(200);
    expect(body.points.length).toBeGreaterThan(150);
    for (const p of body.points) {
      expect(p.min).toBeLessThanOrEqual(p.value + 1e-9);
      expect(p.max).toBeGreaterThanOrEqual(p.value - 1e-9);
    }
    expect(body.points.some((p) => p.max > p.min)).toBe(true);
    // Every reading of the range is counted once.
    const total = body.points.reduce((s, p) => s + p.count, 0);
    const [{ n }] = await t.database.query<{ n: string }>(
      `SELECT count(*) AS n FROM telemetry WHERE device_id = $1 AND metric = 'temperature' AND ts >= date_bin('${body.bucketSeconds} seconds', $2::timestamptz, '1970-01-01T00:00:00Z') AND ts < date_trunc('minute', $3::timestamptz)`,
      [device.id, new Date(now - DAY), new Date(now)],
    );
    expect(total).toBe(Number(n));
  });

  test('auto picks hourly rollups for 30 days; an explicit tier overrides, and raw beyond maxPoints is bucketed', async () => {
    const month = await op.get(`/api/devices/${device.id}/series?metric=temperature&from=${new Date(now - 30 * DAY).toISOString()}&maxPoints=1000`);
    expect(month.json()).toMatchObject({ tier: '1h', bucketSeconds: 3600 });
    expect(month.json().points.length).toBeGreaterThanOrEqual(72);
    const forced = await op.get(`/api/devices/${device.id}/series?metric=temperature&from=${new Date(now - DAY).toISOString()}&tier=raw&maxPoints=100`);
    expect(forced.statusCode, forced.body).toBe(200);
    expect(forced.json().tier).toBe('raw');
    expect(forced.json().bucketSeconds).toBeGreaterThan(0);
    expect(forced.json().points.length).toBeLessThanOrEqual(100);
  });

  test('auto falls back to a coarser tier when the range starts past the finer tier’s retention', () => {
    const r = DEFAULT_RETENTION.environment_sensor;
    expect(chooseTier(HOUR, HOUR, r)).toBe('raw');
    expect(chooseTier(HOUR, (r.rawDays + 1) * DAY, r)).toBe('1m');
    expect(chooseTier(HOUR, (r.minuteDays + 1) * DAY, r)).toBe('1h');
    expect(chooseTier(7 * DAY, 7 * DAY, r)).toBe('1m');
    expect(chooseTier(30 * DAY, 30 * DAY, r)).toBe('1h');
  });

  test('bad input is 400 naming the field; another park’s operator gets 404; an enterprise admin 403', async () => {
    const bad = await op.get(`/api/devices/${device.id}/series?metric=occupied`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields[0].field).toBe('query.metric');
    const order = await op.get(`/api/devices/${device.id}/series?metric=temperature&from=${new Date(now).toISOString()}&to=${new Date(now - HOUR).toISOString()}`);
    expect(order.statusCode).toBe(400);
    expect(order.json().details.fields[0].field).toBe('query.from');
    expect((await op.get(`/api/devices/${device.id}/series?metric=temperature&maxPoints=1`)).statusCode).toBe(400);
    const other = await parkOpB.get(`/api/devices/${device.id}/series?metric=temperature`);
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('temperature');
    expect((await entAdmin.get(`/api/devices/${device.id}/series?metric=temperature`)).statusCode).toBe(403);
    expect((await op.get(`/api/devices/00000000-0000-4000-8000-000000000000/series?metric=temperature`)).statusCode).toBe(404);
  });
});

describe('retention settings API', () => {
  test('lists every device type with defaults and the rollup progress', async () => {
    const res = await op.get('/api/telemetry-retention');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items.find((i: { deviceType: string }) => i.deviceType === 'energy_meter')).toMatchObject({ ...DEFAULT_RETENTION.energy_meter, isDefault: true });
    expect(body.rollup.watermark).not.toBeNull();
    expect((await entAdmin.get('/api/telemetry-retention')).statusCode).toBe(403);
  });

  test('a company-wide operator sets and resets a type’s retention; it is audited; the order of tiers is enforced', async () => {
    const bad = await op.request({ method: 'PUT', url: '/api/telemetry-retention/camera', payload: { rawDays: 30, minuteDays: 10, hourDays: 400 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields[0].field).toBe('body.minuteDays');
    const zero = await op.request({ method: 'PUT', url: '/api/telemetry-retention/camera', payload: { rawDays: 0, minuteDays: 10, hourDays: 400 } });
    expect(zero.statusCode).toBe(400);
    const ok = await op.request({ method: 'PUT', url: '/api/telemetry-retention/camera', payload: { rawDays: 3, minuteDays: 30, hourDays: 400 } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ deviceType: 'camera', rawDays: 3, minuteDays: 30, hourDays: 400, isDefault: false });
    expect((await t.services.history.getRetentionSettings()).camera).toMatchObject({ rawDays: 3, minuteDays: 30, hourDays: 400 });
    const parkOnly = await parkOpB.request({ method: 'PUT', url: '/api/telemetry-retention/camera', payload: { rawDays: 1, minuteDays: 1, hourDays: 1 } });
    expect(parkOnly.statusCode).toBe(403);
    expect((await entAdmin.request({ method: 'PUT', url: '/api/telemetry-retention/camera', payload: { rawDays: 1, minuteDays: 1, hourDays: 1 } })).statusCode).toBe(403);
    const reset = await op.delete('/api/telemetry-retention/camera');
    expect(reset.json()).toMatchObject({ ...DEFAULT_RETENTION.camera, isDefault: true });
    const audit = await op.get('/api/audit-log?entityId=camera');
    expect(audit.json().items.map((e: { action: string }) => e.action).sort()).toEqual(['telemetry_retention.reset', 'telemetry_retention.updated']);
  });
});

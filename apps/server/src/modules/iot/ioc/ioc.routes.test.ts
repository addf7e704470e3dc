import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCreditCode, buildPark, buildUser, SYSTEM, TEST_PASSWORD } from '../../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app';

let t: TestApp;
let op: TestClient;
let opB: TestClient;
let parkA: Awaited<ReturnType<typeof buildPark>>;
const ids: Record<string, string> = {};

async function device(code: string, type: string, extra: Record<string, unknown> = {}) {
  const d = await t.services.iot.devices.createDevice(SYSTEM, { code, name: code, type: type as never, parkId: parkA.park.id, siteId: parkA.site.id, buildingId: parkA.building.id, ...extra });
  ids[code] = d.id;
  return d;
}

/** Readings written straight to history and latest values, at given times. */
async function readings(code: string, metric: string, points: [msAgo: number, value: number][]) {
  for (const [ago, value] of points) {
    await t.database.query(`insert into telemetry (device_id, metric, ts, value) values ($1, $2, now() - make_interval(secs => $3::float8 / 1000), $4)`, [ids[code], metric, ago, value]);
  }
  const [ago, value] = points[points.length - 1];
  await t.database.query(
    `insert into latest_values (device_id, metric, ts, value) values ($1, $2, now() - make_interval(secs => $3::float8 / 1000), $4) on conflict (device_id, metric) do update set value = excluded.value, ts = excluded.ts`,
    [ids[code], metric, ago, value],
  );
  await t.database.query(`update devices set last_seen_at = now() where id = $1`, [ids[code]]);
}

const H = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
  parkA = await buildPark(t.services);
  const parkB = await buildPark(t.services);
  await buildUser(t.services, 'ioc.op', [{ role: 'operator', scopeType: 'park', scopeId: parkA.park.id }]);
  await buildUser(t.services, 'ioc.op.b', [{ role: 'operator', scopeType: 'park', scopeId: parkB.park.id }]);
  const e = await t.services.parks.createEnterprise(SYSTEM, { parkId: parkA.park.id, siteId: parkA.site.id, legalName: '大屏测试企业有限公司', creditCode: buildCreditCode(), industry: 'software', size: 'small', contactPhone: '13800138000' });
  await buildUser(t.services, 'ioc.member', [{ role: 'member', scopeType: 'enterprise', scopeId: e.id }]);
  op = await t.login('ioc.op', TEST_PASSWORD);
  opB = await t.login('ioc.op.b', TEST_PASSWORD);
  await device('env-1', 'environment_sensor', { floorId: parkA.floor.id, x: 10, y: 20, lat: 30.5, lon: 104.05 });
  await device('env-2', 'environment_sensor', { floorId: parkA.floor.id, x: 50, y: 60 });
  await device('em-1', 'energy_meter');
  await device('wm-1', 'water_meter');
  await device('ps-1', 'parking_sensor', { lat: 30.51, lon: 104.06 });
  await device('ps-2', 'parking_sensor');
  await device('cam-1', 'camera');
  await readings('env-1', 'temperature', [[1000, 22]]);
  await readings('env-2', 'temperature', [[1000, 26]]);
  await readings('env-1', 'co2', [[1000, 800]]);
  await readings('ps-1', 'occupied', [[1000, 1]]);
  await readings('ps-2', 'occupied', [[1000, 0]]);
  // Energy meter: 100 → 110 → 125 across the last three hours; the water meter 5 → 5.5.
  const hourStart = Math.floor((Date.now() % H) / 2);
  await readings('em-1', 'energy_kwh', [[2 * H + hourStart, 100], [H + hourStart, 110], [hourStart, 125]]);
  await readings('wm-1', 'water_m3', [[H + hourStart, 5], [hourStart, 5.5]]);
  const rule = (await op.post('/api/alarm-rules', { parkId: parkA.park.id, name: '过热', kind: 'threshold', metric: 'temperature', operator: '>', value: 30, severity: 'critical' })).json() as { id: string };
  await t.database.query(
    `insert into alarms (rule_id, device_id, park_id, site_id, building_id, severity, state, message, first_at, last_at) values ($1, $2, $3, $4, $5, 'critical', 'active', '温度过高', now(), now())`,
    [rule.id, ids['env-1'], parkA.park.id, parkA.site.id, parkA.building.id],
  );
});
afterAll(async () => {
  await t?.services.iot.pipeline.close();
  await t?.close();
});

describe('IOC big-screen API', () => {
  test('the summary counts online devices, open alarms by severity and building, environment averages and parking occupancy', async () => {
    const res = await op.get('/api/ioc/summary');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.devices).toEqual({ total: 7, online: 6, onlineRate: 6 / 7 });
    expect(s.alarms).toMatchObject({ open: 1, active: 1, bySeverity: { critical: 1, major: 0, minor: 0, info: 0 }, byBuilding: [{ buildingId: parkA.building.id, buildingName: 'A1栋', count: 1 }] });
    expect(s.alarms.latest[0]).toMatchObject({ severity: 'critical', deviceName: 'env-1', buildingName: 'A1栋' });
    expect(s.environment).toEqual([{ buildingId: parkA.building.id, buildingName: 'A1栋', temperature: 24, humidity: null, co2: 800, pm25: null, sensors: 2 }]);
    expect(s.parking).toEqual({ total: 2, occupied: 1 });
  });

  test('consumption is the rise of each meter per hour over the last 24 hours', async () => {
    const res = await op.get('/api/ioc/consumption');
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as { hours: string[]; energyKwh: number[]; waterM3: number[] };
    expect(c.hours).toHaveLength(24);
    expect(c.energyKwh.slice(-2)).toEqual([10, 15]);
    expect(c.energyKwh.reduce((a, b) => a + b, 0)).toBe(25);
    expect(c.waterM3.slice(-1)).toEqual([0.5]);
  });

  test('positions: a floor’s devices by x/y, the map’s by lat/lon, with status and worst open alarm', async () => {
    const floor = (await op.get(`/api/ioc/positions?floorId=${parkA.floor.id}`)).json() as { code: string; x: number; alarm: string | null; status: string }[];
    expect(floor.map((d) => [d.code, d.x, d.alarm, d.status])).toEqual([
      ['env-1', 10, 'critical', 'online'],
      ['env-2', 50, null, 'online'],
    ]);
    const map = (await op.get('/api/ioc/positions')).json() as { code: string }[];
    expect(map.map((d) => d.code)).toEqual(['env-1', 'ps-1']);
  });

  test('the park view: a building drawn on the structure page shows with its outline, open alarms and people counted now; a bad outline is a 400 naming it', async () => {
    const ring = [[0, 0], [60, 0], [60, 40], [0, 40]];
    expect((await op.patch(`/api/buildings/${parkA.building.id}`, { footprint: [[0, 0], [1, 1]] })).json().details.fields[0].field).toMatch(/footprint/);
    expect((await op.patch(`/api/buildings/${parkA.building.id}`, { footprint: ring })).statusCode).toBe(200);
    await readings('cam-1', 'people_count', [[1000, 42]]);
    const view = (await op.get('/api/ioc/park-view')).json() as { sites: { buildings: { id: string; footprint: number[][]; openAlarms: number; worstSeverity: string | null; people: number | null }[] }[] };
    const b = view.sites.flatMap((s) => s.buildings).find((x) => x.id === parkA.building.id)!;
    expect(b.footprint).toEqual(ring);
    expect(b.people).toBe(42);
    const summary = (await op.get('/api/ioc/summary')).json() as { crowd: { people: number }; alarms: { byBuilding: { buildingId: string; count: number }[]; active: number } };
    expect(summary.crowd.people).toBe(42);
    // Open alarms agree with the summary's count for the building.
    expect(b.openAlarms).toBe(summary.alarms.byBuilding.find((x) => x.buildingId === parkA.building.id)?.count ?? 0);
    expect(b.worstSeverity === null).toBe(b.openAlarms === 0);
    // Another park's operator sees none of these buildings.
    expect((await opB.get('/api/ioc/park-view')).json().sites.flatMap((s: { buildings: { id: string }[] }) => s.buildings).some((x: { id: string }) => x.id === parkA.building.id)).toBe(false);
  });

  test('another park’s operator sees none of it; an enterprise member is 403; no session is 401', async () => {
    const s = (await opB.get('/api/ioc/summary')).json();
    expect(s.devices.total).toBe(0);
    expect(s.alarms.open).toBe(0);
    expect((await opB.get(`/api/ioc/summary?parkId=${parkA.park.id}`)).json().devices.total).toBe(0);
    expect((await opB.get(`/api/ioc/positions?floorId=${parkA.floor.id}`)).json()).toEqual([]);
    expect((await opB.get('/api/ioc/consumption')).json().energyKwh.every((v: number) => v === 0)).toBe(true);
    const member = await t.login('ioc.member', TEST_PASSWORD);
    expect((await member.get('/api/ioc/summary')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/ioc/summary' })).statusCode).toBe(401);
    expect((await op.get('/api/ioc/summary?parkId=nope')).statusCode).toBe(400);
  });
});

describe('IOC demo data', () => {
  test('the demo seed gives a park devices on floor plans and the map, a day of meter history and open alarms', async () => {
    const { seedIocDemo } = await import('./ioc.seed');
    const park = await buildPark(t.services);
    const { devices } = await seedIocDemo(t.database.db, t.services, SYSTEM, { parkId: park.park.id });
    expect(devices).toBe(40);
    const s = await t.services.ioc.getSummary(SYSTEM, { parkId: park.park.id });
    expect(s.devices.total).toBe(40);
    expect(s.devices.online).toBeGreaterThan(30);
    expect(s.alarms.open).toBe(5);
    expect(s.parking.total).toBe(20);
    expect(s.environment[0].temperature).toBeGreaterThan(20);
    const c = await t.services.ioc.getConsumption(SYSTEM, { parkId: park.park.id, hours: 24 });
    expect(c.energyKwh.filter((v) => v > 0).length).toBeGreaterThanOrEqual(23);
    expect((await t.services.ioc.findPositions(SYSTEM, { floorId: park.floor.id })).length).toBe(40);
  });
});

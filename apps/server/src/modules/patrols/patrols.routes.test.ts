import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDeviceWithSecret, buildOperatorParks, buildUser, buildCreditCode, SYSTEM, TEST_PASSWORD, type BuiltPark } from '../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { feverRuleInput } from './patrols.seed';

/*
 * Drone patrols over HTTP: a mission planned on an inspections route (validated, scheduled in that model),
 * flown by a drone publishing telemetry and events as any device does — track, snapshots, and a finding that
 * opens exactly one work order even when redelivered — property staff of the route's districts reading it,
 * another park's operator seeing nothing; and fever screening counts with the seeded alarm rule firing.
 */
let t: TestApp;
let park: BuiltPark;
let other: BuiltPark;
let op: TestClient;
let opB: TestClient;
let prop: TestClient;
let routeId: string;
let drone: { id: string; code: string; secret: string };

const field = (res: { json(): unknown }) => ((res.json() as { details?: { fields?: { field: string }[] } }).details?.fields ?? []).map((f) => f.field);

async function post(d: { code: string; secret: string }, path: 'telemetry' | 'events', body: object) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/ingest/${path}`,
    headers: { authorization: `Device ${d.code}:${d.secret}`, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
  expect(res.statusCode, res.body).toBe(202);
}

/** Polls until `fn` returns something truthy (≤ 3 s): telemetry commits in batches, alarms after them. */
async function eventually<T>(fn: () => Promise<T | undefined | null | false>): Promise<T> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('condition not met within 3 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  t = await createTestApp();
  ({ built: park, other, op, opB } = await buildOperatorParks(t, ['pt.op', 'pt.opB']));
  const pc = await t.services.parks.createPropertyCompany(SYSTEM, { name: '巡航物业有限公司', creditCode: buildCreditCode() });
  await t.services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: pc.id, districtId: park.district.id, startDate: '2025-01-01', endDate: '2030-12-31', annualFeeFen: 100_000_00 });
  await buildUser(t.services, 'pt.prop', [{ role: 'property', scopeType: 'property_company', scopeId: pc.id }]);
  prop = await t.login('pt.prop', TEST_PASSWORD);
  const tpl = await op.post('/api/inspection-templates', {
    parkId: park.park.id,
    purpose: 'drone_mission',
    name: '航拍检查',
    items: [{ key: 'roof', label: '屋面无杂物', kind: 'pass_fail', severity: 'minor' }],
  });
  expect(tpl.statusCode, tpl.body).toBe(201);
  const route = await op.post('/api/inspection-routes', {
    parkId: park.park.id,
    purpose: 'drone_mission',
    name: '楼宇航线',
    checkpoints: [
      { key: 'r1', name: 'A1栋屋面', kind: 'building', districtId: park.district.id, buildingId: park.building.id, templateId: tpl.json().id },
      { key: 'r2', name: '南门广场', kind: 'location', districtId: park.district.id, locationText: '南门', templateId: tpl.json().id },
    ],
  });
  expect(route.statusCode, route.body).toBe(201);
  routeId = route.json().id;
  drone = await buildDeviceWithSecret(t.services, { place: park, code: 'pt-drone-1', type: 'drone', buildingId: undefined } as never);
}, 120_000);
afterAll(async () => {
  await t?.services.passes.verifier.close();
  await t?.services.iot.pipeline.close();
  await t?.close();
});

describe('patrol missions', () => {
  let missionId: string;

  test('planning validates the route, the drone and the waypoints (400 naming the field, nothing made)', async () => {
    const sensor = await buildDeviceWithSecret(t.services, { place: park, code: 'pt-env-1' });
    const base = { routeId, droneId: drone.id, name: '周巡', plannedAt: new Date().toISOString(), recurrence: 'weekly' };
    const bad = async (body: object, expected: string) => {
      const res = await op.post('/api/patrol-missions', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(field(res)).toContain(expected);
    };
    await bad({ ...base, droneId: sensor.id }, 'body.droneId');
    await bad({ ...base, routeId: other.park.id }, 'body.routeId');
    await bad({ ...base, waypoints: [{ checkpointKey: 'r2', lat: 31, lng: 121, altitudeM: 60 }] }, 'body.waypoints');
    await bad({ ...base, recurrence: 'daily' }, 'body.recurrence');
    expect((await op.get('/api/patrol-missions')).json().total).toBe(0);
    // Another park's operator may not plan over this park's route.
    const foreign = await opB.post('/api/patrol-missions', base);
    expect(foreign.statusCode).toBe(400);
    expect(field(foreign)).toContain('body.routeId');
  });

  test('a planned mission has a waypoint per checkpoint and its own weekly recurrence', async () => {
    const res = await op.post('/api/patrol-missions', { routeId, droneId: drone.id, name: '周巡', plannedAt: new Date().toISOString(), recurrence: 'weekly' });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    missionId = m.id;
    expect(m).toMatchObject({ status: 'planned', routeName: '楼宇航线', droneCode: 'pt-drone-1', recurrence: 'weekly', findingCount: 0, track: [], snapshots: [], findings: [] });
    expect(m.waypoints.map((w: { checkpointKey: string }) => w.checkpointKey)).toEqual(['r1', 'r2']);
    // Not an inspections schedule: those count towards the district company's punctuality in the evaluation.
    expect(m.scheduleId).toBeNull();
    expect((await op.get('/api/inspection-schedules')).json().total).toBe(0);
  });

  test('in flight the drone’s telemetry is the track, snapshots are listed, and a finding opens one work order even when redelivered', async () => {
    expect((await op.post(`/api/patrol-missions/${missionId}/start`, {})).json().status).toBe('flying');
    expect((await op.post(`/api/patrol-missions/${missionId}/start`, {})).statusCode).toBe(409);
    const t0 = Date.now();
    await post(drone, 'telemetry', {
      readings: [0, 1, 2].flatMap((i) => [
        { ts: t0 + i * 1000, metric: 'latitude', value: 31.23 + i * 0.001 },
        { ts: t0 + i * 1000, metric: 'longitude', value: 121.47 },
        { ts: t0 + i * 1000, metric: 'altitude_m', value: 60 },
        { ts: t0 + i * 1000, metric: 'battery', value: 90 - i },
      ]),
    });
    await post(drone, 'events', { type: 'snapshot', id: 'snap-1', ts: t0 + 1000, attributes: { checkpoint: 'r1', lat: 31.231, lng: 121.47, url: 'https://example.com/r1.jpg' } });
    const finding = { type: 'finding', id: 'find-1', ts: t0 + 2000, attributes: { kind: 'debris', checkpoint: 'r1', lat: 31.232, lng: 121.47, confidence: 0.9 } };
    await post(drone, 'events', finding);
    await post(drone, 'events', finding);
    const detail = await eventually(async () => {
      const d = (await op.get(`/api/patrol-missions/${missionId}`)).json();
      return d.track.length === 3 && d;
    });
    expect(detail.track.map((p: { lat: number }) => p.lat)).toEqual([31.23, 31.231, 31.232]);
    expect(detail.track[2]).toMatchObject({ altitudeM: 60, battery: 88 });
    expect(detail.snapshots).toEqual([expect.objectContaining({ checkpointKey: 'r1', url: 'https://example.com/r1.jpg' })]);
    expect(detail.findings).toHaveLength(1);
    expect(detail.findings[0]).toMatchObject({ kind: 'debris', checkpointName: 'A1栋屋面', confidence: 0.9 });
    expect(detail.findings[0].workOrderNumber).toBeGreaterThan(0);
    const wo = (await op.get(`/api/work-orders/${detail.findings[0].workOrderId}`)).json();
    expect(wo).toMatchObject({ source: 'patrol', parkId: park.park.id, deviceId: drone.id });
    expect(wo.title).toContain('debris');
  });

  test('landing ends the window and plans the next weekly flight; later data is not the mission’s', async () => {
    const done = await op.post(`/api/patrol-missions/${missionId}/complete`, {});
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('done');
    await post(drone, 'events', { type: 'finding', id: 'find-late', attributes: { kind: 'debris', checkpoint: 'r2' } });
    expect((await op.get(`/api/patrol-missions/${missionId}`)).json().findings).toHaveLength(1);
    const list = (await op.get(`/api/patrol-missions?parkId=${park.park.id}`)).json();
    expect(list.total).toBe(2);
    const next = list.items.find((m: { id: string }) => m.id !== missionId);
    expect(next.status).toBe('planned');
    expect(new Date(next.plannedAt).getTime() - new Date(done.json().plannedAt).getTime()).toBe(7 * 86_400_000);
  });

  test('property staff of the route’s district read missions but may not fly them; another park’s operator sees none', async () => {
    expect((await prop.get('/api/patrol-missions')).json().total).toBe(2);
    expect((await prop.get(`/api/patrol-missions/${missionId}`)).statusCode).toBe(200);
    const next = (await prop.get('/api/patrol-missions?status=planned')).json().items[0];
    expect((await prop.post(`/api/patrol-missions/${next.id}/start`, {})).statusCode).toBe(403);
    expect((await opB.get('/api/patrol-missions')).json().total).toBe(0);
    expect((await opB.get(`/api/patrol-missions/${missionId}`)).statusCode).toBe(404);
    expect((await opB.post(`/api/patrol-missions/${next.id}/start`, {})).statusCode).toBe(404);
  });
});

describe('fever screening', () => {
  test('each body_temp reading is a person screened; those at or over 37.3 °C are counted and raise the seeded alarm', async () => {
    await t.services.alarms.rules.createRule(SYSTEM, feverRuleInput(park.park.id));
    const cam = await buildDeviceWithSecret(t.services, { place: park, code: 'pt-thermal-1', type: 'thermal_camera', name: 'A1栋入口测温' });
    const t0 = Date.now() - 10_000;
    await post(cam, 'telemetry', { readings: [36.5, 36.8, 37.0, 36.4].map((v, i) => ({ ts: t0 + i * 1000, metric: 'body_temp', value: v })) });
    await post(cam, 'telemetry', { ts: t0 + 5000, metric: 'body_temp', value: 38.1 });
    const summary = await eventually(async () => {
      const s = (await op.get(`/api/fever-screening?parkId=${park.park.id}&days=7`)).json();
      return s.days?.[0]?.screened === 5 && s;
    });
    expect(summary.threshold).toBe(37.3);
    expect(summary.cameras).toEqual([expect.objectContaining({ id: cam.id, name: 'A1栋入口测温', buildingName: 'A1栋', latest: 38.1 })]);
    expect(summary.days).toEqual([expect.objectContaining({ deviceId: cam.id, screened: 5, over: 1 })]);
    expect(summary.recentFevers).toEqual([expect.objectContaining({ deviceId: cam.id, value: 38.1 })]);
    const alarm = await eventually(async () => ((await op.get(`/api/alarms?deviceId=${cam.id}`)).json().items as { lastValue: number; ruleName: string }[])[0]);
    expect(alarm).toMatchObject({ lastValue: 38.1, ruleName: feverRuleInput(park.park.id).name });
  });

  test('only operators of the park read it; a bad parkId is a 400 naming it', async () => {
    expect((await opB.get(`/api/fever-screening?parkId=${park.park.id}`)).statusCode).toBe(404);
    expect((await prop.get(`/api/fever-screening?parkId=${park.park.id}`)).statusCode).toBe(404);
    const bad = await op.get('/api/fever-screening?parkId=nope');
    expect(bad.statusCode).toBe(400);
    expect(field(bad)).toContain('querystring.parkId');
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDevice, buildOperatorParks, type BuiltPark } from '../../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app';
import { silentEpisodes } from './replay';

let t: TestApp;
let op: TestClient;
let opB: TestClient;
let built: BuiltPark;
let n = 0;
const now = Date.now();
const H = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
  ({ built, op, opB } = await buildOperatorParks(t, ['op.rp', 'op.rp2']));
});
afterAll(async () => {
  await t?.services.iot.pipeline.close();
  await t?.close();
});

async function device(tag: string, type: 'environment_sensor' | 'fire_panel' | 'thermal_camera' = 'environment_sensor') {
  const code = `rp-${tag}-${++n}`;
  return buildDevice(t.services, { place: built, code, type, floorId: built.floor.id, tags: [tag] });
}

/** Writes history straight into the telemetry table: [hours ago, value] pairs. */
async function history(deviceId: string, metric: string, points: [number, number][]) {
  await t.database.query('INSERT INTO telemetry (device_id, metric, ts, value) SELECT $1, $2, to_timestamp(u.t / 1000.0), u.v FROM unnest($3::float8[], $4::float8[]) AS u(t, v)', [
    deviceId,
    metric,
    points.map(([h]) => now - h * H),
    points.map(([, v]) => v),
  ]);
}

const thr = (tag: string) => ({ parkId: built.park.id, name: `dry ${tag}`, severity: 'major', kind: 'threshold', metric: 'temperature', operator: '>', value: 30, hysteresis: 2, tag });

describe('dry run', () => {
  test('an unsaved threshold rule over the last day: fired when above, held in the band, cleared past it; older history ignored', async () => {
    const d = await device('dry');
    // 30 h ago (outside the day) hot; 10 h ago hot → 9 h ago 29 (band) → 8 h ago 27 (clears); 2 h ago hot again until now.
    await history(d.id, 'temperature', [
      [30, 40],
      [10, 31],
      [9.5, 33],
      [9, 29],
      [8, 27],
      [2, 35],
      [1, 36],
    ]);
    const res = await op.post('/api/alarm-rules/dry-run', thr('dry'));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ devices: 1, readings: 6, truncated: false });
    expect(body.episodes).toHaveLength(2);
    expect(body.episodes[0]).toMatchObject({ subjectKind: 'device', subjectId: d.id, label: d.code, count: 2 });
    expect(Date.parse(body.episodes[0].firedAt)).toBeCloseTo(now - 10 * H, -3);
    expect(Date.parse(body.episodes[0].clearedAt)).toBeCloseTo(now - 8 * H, -3);
    expect(body.episodes[1]).toMatchObject({ count: 2, clearedAt: null });
    // Nothing was stored.
    expect((await op.get(`/api/alarms?deviceId=${d.id}`)).json().total).toBe(0);
    // Without hysteresis, 29 clears at once: the dry run shows the difference before saving.
    const noBand = (await op.post('/api/alarm-rules/dry-run', { ...thr('dry'), hysteresis: 0 })).json();
    expect(Date.parse(noBand.episodes[0].clearedAt)).toBeCloseTo(now - 9 * H, -3);
    // A saved rule too; an invalid one is 400; another park's operator may not.
    const saved = (await op.post('/api/alarm-rules', { ...thr('dry'), enabled: false })).json();
    expect((await op.post(`/api/alarm-rules/${saved.id}/dry-run`)).json().episodes).toHaveLength(2);
    expect((await op.post('/api/alarm-rules/dry-run', { ...thr('dry'), operator: '!' })).statusCode).toBe(400);
    expect((await opB.post('/api/alarm-rules/dry-run', thr('dry'))).statusCode).toBe(403);
    expect((await opB.post(`/api/alarm-rules/${saved.id}/dry-run`)).statusCode).toBe(404);
  });

  test('combination, event and silent rules replay over telemetry and events', async () => {
    const smoke = await device('drycombo', 'fire_panel');
    const heat = await device('drycombo');
    await history(smoke.id, 'smoke', [
      [5, 1],
      [4, 0],
    ]);
    await history(heat.id, 'temperature', [
      [5.01, 65],
      [4.5, 20],
    ]);
    const combo = (
      await op.post('/api/alarm-rules/dry-run', {
        parkId: built.park.id,
        name: 'x',
        severity: 'critical',
        kind: 'combination',
        tag: 'drycombo',
        windowSeconds: 120,
        conditions: [
          { field: 'smoke', operator: '=', value: 1 },
          { field: 'temperature', operator: '>', value: 60 },
        ],
      })
    ).json();
    expect(combo.episodes).toHaveLength(1);
    expect(combo.episodes[0]).toMatchObject({ subjectKind: 'location', subjectId: built.floor.id });
    expect(combo.episodes[0].clearedAt).not.toBeNull();

    const cam = await device('dryev', 'thermal_camera');
    await t.database.query(
      "INSERT INTO device_events (device_id, park_id, type, ts, attributes) VALUES ($1, $2, 'fever', now() - interval '3 hours', '{\"temperature\": 38.1}'), ($1, $2, 'fever', now() - interval '2 hours', '{\"temperature\": 36.5}')",
      [cam.id, built.park.id],
    );
    const ev = (await op.post('/api/alarm-rules/dry-run', { parkId: built.park.id, name: 'f', severity: 'major', kind: 'event', tag: 'dryev', eventType: 'fever', conditions: [{ field: 'temperature', operator: '>=', value: 37.3 }] })).json();
    expect(ev).toMatchObject({ events: 2 });
    expect(ev.episodes).toHaveLength(1);
    expect(ev.episodes[0]).toMatchObject({ count: 1, label: cam.code });
    expect(ev.episodes[0].message).toContain('38.1');

    const silent = (await op.post('/api/alarm-rules/dry-run', { parkId: built.park.id, name: 's', severity: 'minor', kind: 'silent', tag: 'drycombo', silentSeconds: 3600 })).json();
    // smoke: readings 5 h and 4 h ago then nothing → silent from 3 h ago; heat: 5.01 h, 4.5 h → silent from 3.5 h ago.
    expect(silent.episodes).toHaveLength(2);
    expect(silent.episodes.every((e: { clearedAt: string | null }) => e.clearedAt === null)).toBe(true);
  });

  test('silent episodes: gaps longer than the limit, cleared by the next reading', () => {
    const s = { subjectKind: 'device' as const, subjectId: 'd', label: 'd' };
    expect(silentEpisodes(10, 0, [5_000, 30_000, 35_000], 40_000, s)).toEqual([{ ...s, firedAt: 15_000, lastAt: 15_000, clearedAt: 30_000, count: 1, message: 'no data for 10 s', code: 'no_data', params: { seconds: 10, lastSeen: null } }]);
    expect(silentEpisodes(10, 0, [], 40_000, s)).toMatchObject([{ firedAt: 10_000, clearedAt: null }]);
  });
});

describe('rule trace', () => {
  test('for a device and a time: which rules evaluated it and why each fired or not (hysteresis state included)', async () => {
    const d = await device('trace');
    await history(d.id, 'temperature', [
      [3, 25],
      [2, 33],
      [1, 29],
    ]);
    const fire = (await op.post('/api/alarm-rules', { ...thr('trace'), name: 'trace hot' })).json();
    const other = (await op.post('/api/alarm-rules', { ...thr('trace'), name: 'trace other', deviceType: 'fire_panel' })).json();
    const at = new Date(now - 0.5 * H).toISOString();
    const res = await op.get(`/api/devices/${d.id}/rule-trace?at=${at}`);
    expect(res.statusCode, res.body).toBe(200);
    const byId = Object.fromEntries(res.json().rules.map((r: { ruleId: string }) => [r.ruleId, r]));
    // 29 is below 30 but inside the band (clears only at ≤ 28): still firing.
    expect(byId[fire.id]).toMatchObject({ inScope: true, verdict: 'firing', value: 29, details: { threshold: 30, clearBound: 28, activeBefore: true, activeAfter: true } });
    expect(byId[fire.id].explanation).toContain('hysteresis band');
    expect(byId[fire.id].steps.map((s: { op: string | null }) => s.op)).toEqual([null, 'raise', null]);
    expect(byId[other.id]).toMatchObject({ inScope: false, verdict: 'out_of_scope' });
    // Earlier, at 2.5 h ago, only the 25 was there: quiet.
    const earlier = (await op.get(`/api/devices/${d.id}/rule-trace?at=${new Date(now - 2.5 * H).toISOString()}`)).json();
    expect(earlier.rules.find((r: { ruleId: string }) => r.ruleId === fire.id)).toMatchObject({ verdict: 'quiet', value: 25 });
    expect((await opB.get(`/api/devices/${d.id}/rule-trace`)).statusCode).toBe(404);
  });
});

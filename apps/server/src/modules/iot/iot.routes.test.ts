import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPark, buildUser, TEST_PASSWORD } from '../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { checkValue, parseTelemetry } from './payload';

type Built = Awaited<ReturnType<typeof buildPark>>;
let t: TestApp;
let op: TestClient;
let parkA: Built;
let parkB: Built;

beforeAll(async () => {
  t = await createTestApp();
  await buildUser(t.services, 'op', [{ role: 'operator', scopeType: 'all', scopeId: null }]);
  op = await t.login('op', TEST_PASSWORD);
  parkA = await buildPark(t.services);
  parkB = await buildPark(t.services);
});
afterAll(async () => {
  await t?.close();
});

async function device(code: string, extra: Record<string, unknown> = {}, parkId = parkA.park.id) {
  const res = await op.post('/api/devices', { code, name: `设备 ${code}`, type: 'environment_sensor', parkId, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string };
}

async function credentials(id: string): Promise<string> {
  const res = await op.post(`/api/devices/${id}/credentials`);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().secret as string;
}

describe('device registry', () => {
  test('an operator registers a device on a floor; site and building are filled in, status is offline, and it is audited', async () => {
    const d = await device('env-001', { floorId: parkA.floor.id, x: 12.5, y: 40, tags: ['lobby'] });
    const res = await op.get(`/api/devices/${d.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ code: 'env-001', buildingId: parkA.building.id, siteId: parkA.site.id, floorId: parkA.floor.id, status: 'offline', credentials: 'none', tags: ['lobby'], latest: [], ingestErrors: [] });
    expect(res.json()).not.toHaveProperty('secretHash');
    const audit = await op.get(`/api/audit-log?entityId=${d.id}`);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['device.created']);
  });

  test('list filters by type, building, status and search, with pages', async () => {
    await device('cam-list-1', { type: 'camera', buildingId: parkA.building.id });
    await device('cam-list-2', { type: 'camera' });
    const res = await op.get(`/api/devices?type=camera&q=cam-list&pageSize=1`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect((await op.get(`/api/devices?type=camera&buildingId=${parkA.building.id}`)).json().items.map((d: { code: string }) => d.code)).toEqual(['cam-list-1']);
    expect((await op.get(`/api/devices?q=cam-list&status=online`)).json().total).toBe(0);
    expect((await op.get(`/api/devices?q=cam-list&status=offline`)).json().total).toBe(2);
  });

  test('a duplicate code is 409, a bad type or code is 400 naming the field, an unknown device is 404', async () => {
    await device('dup-1');
    const dup = await op.post('/api/devices', { code: 'dup-1', name: 'x', type: 'camera', parkId: parkA.park.id });
    expect(dup.statusCode).toBe(409);
    const bad = await op.post('/api/devices', { code: 'has/slash', name: 'x', type: 'toaster', parkId: parkA.park.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields.map((f: { field: string }) => f.field).sort()).toEqual(['body.code', 'body.type']);
    const wrongBuilding = await op.post('/api/devices', { code: 'wb-1', name: 'x', type: 'camera', parkId: parkA.park.id, buildingId: parkB.building.id });
    expect(wrongBuilding.statusCode).toBe(400);
    expect((await op.get('/api/devices/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  test('without a session the registry is 401; an enterprise user gets 403; another park’s operator neither sees nor changes the devices', async () => {
    const d = await device('scope-1');
    expect((await t.app.inject({ method: 'GET', url: '/api/devices' })).statusCode).toBe(401);
    await buildUser(t.services, 'member.iot', [{ role: 'member', scopeType: 'enterprise', scopeId: '00000000-0000-4000-8000-000000000001' }]);
    const member = await t.login('member.iot', TEST_PASSWORD);
    expect((await member.get('/api/devices')).statusCode).toBe(403);
    await buildUser(t.services, 'op.b', [{ role: 'operator', scopeType: 'park', scopeId: parkB.park.id }]);
    const opB = await t.login('op.b', TEST_PASSWORD);
    const list = await opB.get('/api/devices?pageSize=500');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((x: { id: string }) => x.id)).not.toContain(d.id);
    expect((await opB.get(`/api/devices/${d.id}`)).statusCode).toBe(404);
    expect((await opB.patch(`/api/devices/${d.id}`, { name: 'stolen' })).statusCode).toBe(404);
    expect((await opB.post(`/api/devices/${d.id}/credentials`)).statusCode).toBe(404);
    expect((await opB.post('/api/devices', { code: 'intruder', name: 'x', type: 'camera', parkId: parkA.park.id })).statusCode).toBe(403);
  });

  test('credentials are shown once and stored only as a SHA-256 hash; rotating replaces them and revoking ends them', async () => {
    const d = await device('cred-1');
    const secret = await credentials(d.id);
    expect(secret.length).toBeGreaterThanOrEqual(40);
    const [row] = await t.database.query<{ secret_hash: string }>('select secret_hash from devices where id = $1', [d.id]);
    expect(row.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.secret_hash).not.toContain(secret);
    const detail = await op.get(`/api/devices/${d.id}`);
    expect(detail.body).not.toContain(secret);
    expect(detail.json().credentials).toBe('active');
    expect(await t.services.iot.deviceAuth.verify('cred-1', secret)).toMatchObject({ id: d.id });
    const second = await credentials(d.id);
    expect(await t.services.iot.deviceAuth.verify('cred-1', secret)).toBeNull();
    expect(await t.services.iot.deviceAuth.verify('cred-1', second)).toMatchObject({ id: d.id });
    expect((await op.delete(`/api/devices/${d.id}/credentials`)).statusCode).toBe(204);
    expect(await t.services.iot.deviceAuth.verify('cred-1', second)).toBeNull();
    const audit = await op.get(`/api/audit-log?entityId=${d.id}`);
    const entries = audit.json().items as { action: string; after: unknown }[];
    expect(entries.map((e) => e.action)).toEqual(['device.credentials_revoked', 'device.credentials_rotated', 'device.credentials_rotated', 'device.created']);
    expect(JSON.stringify(entries)).not.toContain(row.secret_hash);
  });

  test('update and delete are audited; deleting removes telemetry', async () => {
    const d = await device('del-1');
    expect((await op.patch(`/api/devices/${d.id}`, { name: '新名字', tags: ['a', 'b'] })).json()).toMatchObject({ name: '新名字', tags: ['a', 'b'] });
    expect((await op.delete(`/api/devices/${d.id}`)).statusCode).toBe(204);
    expect((await op.get(`/api/devices/${d.id}`)).statusCode).toBe(404);
    const audit = await op.get(`/api/audit-log?entityId=${d.id}`);
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['device.deleted', 'device.updated', 'device.created']);
  });
});

describe('CSV import', () => {
  const csv = (rows: string[]) => ['code,name,type,building,floor,x,y,lat,lon,tags', ...rows].join('\n');
  test('all-or-nothing imports nothing when a row is bad, and reports each problem with row and field', async () => {
    const res = await op.post('/api/devices/import', {
      parkId: parkA.park.id,
      csv: csv([`imp-1,一号,camera,${parkA.building.name},1,1,2,,,"a;b"`, 'imp-2,,toaster,,,,,,,', `imp-1,dup,camera,,,,,95,,`, 'imp-4,四号,camera,无此楼,,,,,,']),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(0);
    expect(res.json().errors).toEqual(
      expect.arrayContaining([
        { row: 3, field: 'name', message: expect.any(String) },
        { row: 3, field: 'type', message: expect.any(String) },
        { row: 4, field: 'code', message: 'appears twice in the file' },
        { row: 4, field: 'lat', message: expect.any(String) },
        { row: 5, field: 'building', message: expect.any(String) },
      ]),
    );
    expect((await op.get('/api/devices?q=imp-')).json().total).toBe(0);
  });

  test('valid-rows-only imports the good rows with building, floor and tags', async () => {
    const res = await op.post('/api/devices/import', { parkId: parkA.park.id, mode: 'valid_rows_only', csv: csv([`vro-1,一号,camera,${parkA.building.name},1,1,2,,,"a;b"`, 'vro-2,二号,toaster,,,,,,,']) });
    expect(res.json()).toMatchObject({ created: 1, rows: 2, errors: [{ row: 3, field: 'type' }] });
    const list = (await op.get('/api/devices?q=vro-')).json();
    expect(list.items).toEqual([expect.objectContaining({ code: 'vro-1', buildingId: parkA.building.id, floorId: parkA.floor.id, tags: ['a', 'b'], x: 1, y: 2 })]);
  });
});

describe('HTTP ingestion', () => {
  test('a device sends readings with its credentials; they are in the database and the latest values when 202 arrives', async () => {
    const d = await device('http-1');
    const secret = await credentials(d.id);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/ingest/telemetry',
      headers: { authorization: `Device http-1:${secret}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ values: { temperature: 21.5, humidity: 40 }, ts: Date.now() - 1000 }),
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ accepted: 2, rejected: 0 });
    const [{ n }] = await t.database.query<{ n: number }>('select count(*)::int as n from telemetry where device_id = $1', [d.id]);
    expect(n).toBe(2);
    const detail = (await op.get(`/api/devices/${d.id}`)).json();
    expect(detail.latest).toEqual([expect.objectContaining({ metric: 'humidity', value: 40, unit: '%' }), expect.objectContaining({ metric: 'temperature', value: 21.5, unit: '°C' })]);
    expect(detail.status).toBe('online');
  });

  test('bad credentials are 401; malformed JSON is 400; bad readings are counted per reason on the device page', async () => {
    const d = await device('http-2');
    const secret = await credentials(d.id);
    const send = (payload: string, auth = `Device http-2:${secret}`) => t.app.inject({ method: 'POST', url: '/api/ingest/telemetry', headers: { authorization: auth, 'content-type': 'application/json' }, payload });
    expect((await send('{}', 'Device http-2:wrong')).statusCode).toBe(401);
    expect((await send('{}', 'Bearer nope')).statusCode).toBe(401);
    expect((await send('{"metric": "temp')).statusCode).toBe(400);
    const mixed = await send(
      JSON.stringify({
        readings: [
          { metric: 'temperature', value: 20 },
          { metric: 'power_kw', value: 1 },
          { metric: 'humidity', value: 'NaN' },
          { metric: 'co2', value: 500, ts: Date.now() + 3_600_000 },
          { metric: 'co2', value: 500, ts: '2020-01-01T00:00:00Z' },
        ],
      }),
    );
    expect(mixed.statusCode, mixed.body).toBe(202);
    expect(mixed.json()).toMatchObject({ accepted: 1, rejected: 4 });
    expect((await send('x'.repeat(70 * 1024))).statusCode).toBe(413);
    await t.services.iot.pipeline.drain();
    const errors = (await op.get(`/api/devices/${d.id}`)).json().ingestErrors as { reason: string; count: number }[];
    expect(Object.fromEntries(errors.map((e) => [e.reason, e.count]))).toEqual({ malformed_json: 1, unknown_metric: 1, invalid_value: 1, ts_future: 1, ts_too_old: 1, oversized: 1 });
  });

  test('physically impossible values are rejected with their reason, not stored, and counted on the device page', async () => {
    const d = await device('http-3');
    const secret = await credentials(d.id);
    // 9007199254740993 is written raw: JSON.stringify would already round it.
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/ingest/telemetry',
      headers: { authorization: `Device http-3:${secret}`, 'content-type': 'application/json' },
      payload: '{"readings":[{"metric":"humidity","value":1e300},{"metric":"temperature","value":-500},{"metric":"temperature","value":true},{"metric":"co2","value":9007199254740993},{"metric":"humidity","value":45}]}',
    });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ accepted: 1, rejected: 4 });
    expect(res.json().rejections.map((r: { reason: string }) => r.reason)).toEqual(['out_of_range', 'out_of_range', 'invalid_value', 'out_of_range']);
    await t.services.iot.pipeline.drain();
    const rows = await t.database.query<{ metric: string; value: number }>('select metric, value from telemetry where device_id = $1', [d.id]);
    expect(rows).toEqual([{ metric: 'humidity', value: 45 }]);
    const detail = (await op.get(`/api/devices/${d.id}`)).json();
    expect(Object.fromEntries((detail.ingestErrors as { reason: string; count: number }[]).map((e) => [e.reason, e.count]))).toEqual({ out_of_range: 3, invalid_value: 1 });
    expect(detail.latest).toEqual([expect.objectContaining({ metric: 'humidity', value: 45, unit: '%', min: 0, max: 100 })]);
  });
});

describe('payload parsing', () => {
  test.each([
    ['a single reading', '{"metric":"temperature","value":21.5}', 1, []],
    ['a batch', '{"readings":[{"metric":"temperature","value":1},{"metric":"co2","value":2,"ts":"2026-01-01T00:00:00Z"}]}', 1, ['ts_too_old']],
    ['compact values', '{"values":{"temperature":1,"humidity":2}}', 2, []],
    ['not an object', '[1,2]', 0, ['invalid_payload']],
    ['an infinite value', '{"metric":"temperature","value":1e999}', 0, ['invalid_value']],
    ['a bad timestamp', '{"metric":"temperature","value":1,"ts":"yesterday"}', 0, ['invalid_timestamp']],
    ['humidity above 100 %', '{"metric":"humidity","value":1e300}', 0, ['out_of_range']],
    ['a temperature below absolute zero', '{"metric":"temperature","value":-500}', 0, ['out_of_range']],
    ['a boolean as a temperature', '{"metric":"temperature","value":true}', 0, ['invalid_value']],
    ['an integer beyond 2^53', '{"metric":"co2","value":9007199254740993}', 0, ['out_of_range']],
    ['the edges of the range', '{"values":{"humidity":0,"temperature":100}}', 2, []],
  ])('%s', (_name, payload, accepted, reasons) => {
    const r = parseTelemetry(payload, 'environment_sensor', Date.parse('2026-05-01T00:00:00Z'));
    expect(r.readings).toHaveLength(accepted);
    expect(r.rejections.map((x) => x.reason)).toEqual(reasons);
  });

  test.each([
    ['parking_sensor', '{"metric":"occupied","value":true}', 1, []],
    ['parking_sensor', '{"metric":"occupied","value":2}', 0, ['out_of_range']],
    ['parking_sensor', '{"metric":"occupied","value":0.5}', 0, ['invalid_value']],
    ['camera', '{"metric":"people_count","value":2.5}', 0, ['invalid_value']],
    ['camera', '{"metric":"people_count","value":-1}', 0, ['out_of_range']],
    ['fire_panel', '{"metric":"temperature","value":400}', 1, []],
    ['environment_sensor', '{"metric":"temperature","value":400}', 0, ['out_of_range']],
  ] as const)('%s: %s', (type, payload, accepted, reasons) => {
    const r = parseTelemetry(payload, type, Date.parse('2026-05-01T00:00:00Z'));
    expect(r.readings).toHaveLength(accepted);
    expect(r.rejections.map((x) => x.reason)).toEqual(reasons);
  });

  test('an integer beyond 2^53 is refused even where the range would allow it (it was rounded by JSON parsing)', () => {
    const wide = { unit: 'count', kind: 'number', min: 0, max: Number.MAX_VALUE } as const;
    expect(checkValue('x', 2 ** 53 + 2, wide)).toMatchObject({ reason: 'invalid_value' });
    expect(checkValue('x', 2 ** 53 - 1, wide)).toBe(2 ** 53 - 1);
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCreditCode, buildPark, buildUser, SYSTEM, TEST_PASSWORD } from '../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { openSse, sessionCookie, type SseEvent, type SseTestClient } from './live.testing';

type Built = Awaited<ReturnType<typeof buildPark>>;
let t: TestApp;
let base: string;
let op: TestClient;
let parkA: Built;
let parkB: Built;
const streams: SseTestClient[] = [];

beforeAll(async () => {
  t = await createTestApp();
  parkA = await buildPark(t.services);
  parkB = await buildPark(t.services);
  await buildUser(t.services, 'live.op.a', [{ role: 'operator', scopeType: 'park', scopeId: parkA.park.id }]);
  await buildUser(t.services, 'live.op.b', [{ role: 'operator', scopeType: 'park', scopeId: parkB.park.id }]);
  await buildUser(t.services, 'live.site.a', [{ role: 'operator', scopeType: 'site', scopeId: parkA.site.id }]);
  const pcA = await t.services.parks.createPropertyCompany(SYSTEM, { name: '甲物业', creditCode: buildCreditCode() });
  const pcB = await t.services.parks.createPropertyCompany(SYSTEM, { name: '乙物业', creditCode: buildCreditCode() });
  const year = new Date().getFullYear();
  const contract = { startDate: `${year - 1}-01-01`, endDate: `${year + 1}-12-31`, annualFeeFen: 100_000 };
  await t.services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: pcA.id, districtId: parkA.district.id, ...contract });
  await t.services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: pcB.id, districtId: parkB.district.id, ...contract });
  await buildUser(t.services, 'live.prop.a', [{ role: 'property', scopeType: 'property_company', scopeId: pcA.id }]);
  await buildUser(t.services, 'live.prop.b', [{ role: 'property', scopeType: 'property_company', scopeId: pcB.id }]);
  const enterprise = await t.services.parks.createEnterprise(SYSTEM, { parkId: parkA.park.id, siteId: parkA.site.id, legalName: '实时测试企业有限公司', creditCode: buildCreditCode(), industry: 'software', size: 'small', contactPhone: '13800138000' });
  await buildUser(t.services, 'live.member', [{ role: 'member', scopeType: 'enterprise', scopeId: enterprise.id }]);
  op = await t.login('live.op.a', TEST_PASSWORD);
  base = await t.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  for (const s of streams) s.close();
  await t?.services.iot.pipeline.close();
  await t?.close();
});

async function stream(username: string): Promise<SseTestClient> {
  const s = await openSse(base, await sessionCookie(t.app, username, TEST_PASSWORD));
  streams.push(s);
  return s;
}

let n = 0;
/** An active alarm on a new device of park A (building A1), raised by a real reading. */
async function raiseAlarm(): Promise<{ id: string; deviceId: string }> {
  const tag = `live${++n}`;
  const d = await t.services.iot.devices.createDevice(SYSTEM, { code: `live-${tag}`, name: `温感${tag}`, type: 'environment_sensor', parkId: parkA.park.id, siteId: parkA.site.id, buildingId: parkA.building.id, tags: [tag] });
  const { secret } = await t.services.iot.devices.rotateCredentials(SYSTEM, d.id);
  const rule = await op.post('/api/alarm-rules', { parkId: parkA.park.id, name: '过热', kind: 'threshold', metric: 'temperature', operator: '>', value: 30, hysteresis: 1, severity: 'major', tag });
  expect(rule.statusCode, rule.body).toBe(201);
  const res = await t.app.inject({ method: 'POST', url: '/api/ingest/telemetry', headers: { authorization: `Device live-${tag}:${secret}` }, payload: { metric: 'temperature', value: 40 } });
  expect(res.statusCode, res.body).toBe(202);
  await t.services.alarms.engine.idle();
  const list = (await op.get(`/api/alarms?deviceId=${d.id}`)).json() as { items: { id: string }[] };
  expect(list.items).toHaveLength(1);
  return { id: list.items[0].id, deviceId: d.id };
}

const alarmEvent = (id: string, state?: string) => (e: SseEvent) => e.event === 'alarms' && (e.data as { items: { id: string; state: string }[] }).items.some((a) => a.id === id && (!state || a.state === state));

describe('GET /api/live', () => {
  test('an operator’s screen receives the acknowledgement of an alarm within a second; other parks’ screens do not', async () => {
    const alarm = await raiseAlarm();
    const mine = await stream('live.op.a');
    const siteOp = await stream('live.site.a');
    const other = await stream('live.op.b');
    const started = Date.now();
    const ack = await op.post(`/api/alarms/${alarm.id}/acknowledge`, { comment: '已到场' });
    expect(ack.statusCode, ack.body).toBe(200);
    const got = await mine.waitFor(alarmEvent(alarm.id, 'acknowledged'), 1_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((got.data as { items: { deviceId: string; severity: string }[] }).items[0]).toMatchObject({ deviceId: alarm.deviceId, severity: 'major' });
    await siteOp.waitFor(alarmEvent(alarm.id, 'acknowledged'), 1_000);
    const comment = await op.post(`/api/alarms/${alarm.id}/comments`, { text: '更换传感器' });
    expect(comment.statusCode).toBe(200);
    await mine.waitFor((e) => alarmEvent(alarm.id)(e) && e !== got, 1_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(other.events.filter((e) => e.event === 'alarms')).toEqual([]);
  });

  test('a reading pushes the device’s new values and online status', async () => {
    const mine = await stream('live.op.a');
    const other = await stream('live.op.b');
    const alarm = await raiseAlarm();
    await mine.waitFor((e) => e.event === 'devices' && (e.data as { items: { id: string; status: string; values: { temperature?: number } }[] }).items.some((d) => d.id === alarm.deviceId && d.status === 'online' && d.values.temperature === 40));
    await mine.waitFor(alarmEvent(alarm.id, 'active'));
    await new Promise((r) => setTimeout(r, 300));
    expect(other.events.filter((e) => e.event !== 'ready')).toEqual([]);
  });

  test('property staff receive and may acknowledge alarms in their contracted district only; they may not close them', async () => {
    const alarm = await raiseAlarm();
    const propA = await stream('live.prop.a');
    const propB = await stream('live.prop.b');
    const pa = await t.login('live.prop.a', TEST_PASSWORD);
    const pb = await t.login('live.prop.b', TEST_PASSWORD);
    expect((await pa.get(`/api/alarms?deviceId=${alarm.deviceId}`)).json().items).toHaveLength(1);
    expect((await pb.get(`/api/alarms?deviceId=${alarm.deviceId}`)).json().items).toHaveLength(0);
    expect((await pb.get(`/api/alarms/${alarm.id}`)).statusCode).toBe(404);
    expect((await pb.post(`/api/alarms/${alarm.id}/acknowledge`)).statusCode).toBe(404);
    expect((await pa.post(`/api/alarms/${alarm.id}/close`, { reason: '误报' })).statusCode).toBe(403);
    const ack = await pa.post(`/api/alarms/${alarm.id}/acknowledge`);
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().events.at(-1)).toMatchObject({ kind: 'acknowledged', actorName: 'live.prop.a' });
    await propA.waitFor(alarmEvent(alarm.id, 'acknowledged'), 1_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(propB.events.filter((e) => e.event === 'alarms')).toEqual([]);
  });

  test('without a session it is 401; an enterprise member is 403', async () => {
    expect((await fetch(`${base}/api/live`)).status).toBe(401);
    const member = await openSse(base, await sessionCookie(t.app, 'live.member', TEST_PASSWORD));
    expect(member.status).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDeviceWithSecret, buildOperatorParks, buildUser, type BuiltPark, TEST_PASSWORD } from '../../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app';

let t: TestApp;
let op: TestClient;
let opB: TestClient;
let parkA: BuiltPark;
let parkB: BuiltPark;
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
  ({ built: parkA, other: parkB, op, opB } = await buildOperatorParks(t, ['op.a', 'op.b']));
});
afterAll(async () => {
  await t?.services.iot.pipeline.close();
  await t?.close();
});

const thresholdRule = (extra: Record<string, unknown> = {}) => ({ parkId: parkA.park.id, name: '机房过热', kind: 'threshold', metric: 'temperature', operator: '>', value: 30, hysteresis: 2, severity: 'critical', ...extra });

/** A device of park A with credentials, tagged so that only this test's rules see it. */
async function device(tag: string) {
  const code = `alm-${tag}-${++n}`;
  const { id, secret } = await buildDeviceWithSecret(t.services, { place: parkA, code, tags: [tag] });
  return { id, code, secret };
}

async function send(d: { code: string; secret: string }, value: number) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/ingest/telemetry',
    headers: { authorization: `Device ${d.code}:${d.secret}`, 'content-type': 'application/json' },
    payload: JSON.stringify({ metric: 'temperature', value, ts: Date.now() }),
  });
  expect(res.statusCode, res.body).toBe(202);
}

/** Polls the alarm list until `predicate` holds (≤ 2 s). */
async function waitForAlarm(deviceId: string, predicate: (a: { state: string; count: number }) => boolean = () => true) {
  const deadline = Date.now() + 2_000;
  for (;;) {
    const res = await op.get(`/api/alarms?deviceId=${deviceId}`);
    expect(res.statusCode, res.body).toBe(200);
    const found = (res.json().items as { id: string; state: string; count: number }[]).find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching alarm for ${deviceId} within 2 s: ${res.body}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function auditActions(entityId: string) {
  return ((await op.get(`/api/audit-log?entityId=${entityId}`)).json().items as { action: string }[]).map((e) => e.action);
}

describe('alarm rules API', () => {
  test('an operator creates, reads, changes and deletes a rule; each change is audited', async () => {
    const created = await op.post('/api/alarm-rules', thresholdRule({ tag: 'crud', buildingId: parkA.building.id }));
    expect(created.statusCode, created.body).toBe(201);
    const rule = created.json();
    expect(rule).toMatchObject({ kind: 'threshold', metric: 'temperature', operator: '>', value: 30, hysteresis: 2, enabled: true, severity: 'critical', buildingId: parkA.building.id, delta: null });
    expect((await op.get(`/api/alarm-rules/${rule.id}`)).json().name).toBe('机房过热');
    const list = await op.get(`/api/alarm-rules?parkId=${parkA.park.id}&kind=threshold`);
    expect(list.json().items.map((r: { id: string }) => r.id)).toContain(rule.id);
    const patched = await op.patch(`/api/alarm-rules/${rule.id}`, { hysteresis: 5, enabled: false });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ hysteresis: 5, enabled: false, value: 30 });
    expect((await op.delete(`/api/alarm-rules/${rule.id}`)).statusCode).toBe(204);
    expect((await op.get(`/api/alarm-rules/${rule.id}`)).statusCode).toBe(404);
    expect(await auditActions(rule.id)).toEqual(['alarm_rule.deleted', 'alarm_rule.updated', 'alarm_rule.created']);
  });

  test.each([
    [{ operator: '=' }, 'body.operator'],
    [{ value: 'hot' }, 'body.value'],
    [{ hysteresis: -1 }, 'body.hysteresis'],
    [{ metric: 'warp_factor' }, 'body.metric'],
    [{ severity: 'apocalyptic' }, 'body.severity'],
    [{ kind: 'silent' }, 'body.silentSeconds'],
    [{ kind: 'rate_of_change', delta: 0, windowSeconds: 60 }, 'body.delta'],
  ])('an invalid rule %j is 400 naming %s', async (extra, field) => {
    const res = await op.post('/api/alarm-rules', thresholdRule(extra));
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  test('scope checks the schema cannot make are 400 naming the field; a bad PATCH too', async () => {
    const wrongBuilding = await op.post('/api/alarm-rules', thresholdRule({ buildingId: parkB.building.id }));
    expect(wrongBuilding.statusCode).toBe(400);
    expect(wrongBuilding.json().details.fields[0].field).toBe('body.buildingId');
    const wrongMetric = await op.post('/api/alarm-rules', thresholdRule({ deviceType: 'parking_sensor' }));
    expect(wrongMetric.json().details.fields[0].field).toBe('body.metric');
    const rule = (await op.post('/api/alarm-rules', thresholdRule({ tag: 'patch' }))).json();
    const bad = await op.patch(`/api/alarm-rules/${rule.id}`, { hysteresis: -3 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields[0].field).toBe('body.hysteresis');
  });

  test('without a session it is 401; another park’s operator can neither see nor add rules here', async () => {
    const rule = (await op.post('/api/alarm-rules', thresholdRule({ tag: 'scope' }))).json();
    expect((await t.app.inject({ method: 'GET', url: '/api/alarm-rules' })).statusCode).toBe(401);
    expect((await opB.get(`/api/alarm-rules/${rule.id}`)).statusCode).toBe(404);
    expect((await opB.patch(`/api/alarm-rules/${rule.id}`, { enabled: false })).statusCode).toBe(404);
    expect((await opB.get('/api/alarm-rules')).json().items.map((r: { id: string }) => r.id)).not.toContain(rule.id);
    expect((await opB.post('/api/alarm-rules', thresholdRule())).statusCode).toBe(403);
  });
});

describe('alarms end to end', () => {
  test('a reading above the threshold sent over HTTP ingestion becomes an alarm within 2 s; repeats count, the band holds, it clears past it', async () => {
    const d = await device('e2e');
    const rule = (await op.post('/api/alarm-rules', thresholdRule({ tag: 'e2e' }))).json();
    await send(d, 25);
    await send(d, 35);
    const alarm = await waitForAlarm(d.id);
    expect(alarm).toMatchObject({ ruleId: rule.id, ruleName: '机房过热', deviceCode: d.code, state: 'active', severity: 'critical', count: 1, buildingId: parkA.building.id });
    await new Promise((r) => setTimeout(r, 2));
    await send(d, 36);
    await waitForAlarm(d.id, (a) => a.count === 2);
    await new Promise((r) => setTimeout(r, 2));
    await send(d, 29);
    await t.services.alarms.engine.idle();
    expect((await op.get(`/api/alarms/${alarm.id}`)).json()).toMatchObject({ state: 'active', count: 2 });
    await new Promise((r) => setTimeout(r, 2));
    await send(d, 27);
    await waitForAlarm(d.id, (a) => a.state === 'cleared');
    expect((await op.delete(`/api/alarm-rules/${rule.id}`)).statusCode).toBe(409);
  });
});

describe('alarm lifecycle', () => {
  async function raised(tag: string) {
    const d = await device(tag);
    await op.post('/api/alarm-rules', thresholdRule({ tag }));
    await send(d, 40);
    return { d, alarm: await waitForAlarm(d.id) };
  }

  test('acknowledge → assign → comment → (reading clears it) → close; each step is an event and an audit entry; wrong steps are 409', async () => {
    const { d, alarm } = await raised('life');
    const url = `/api/alarms/${alarm.id}`;
    const closeEarly = await op.post(`${url}/close`);
    expect(closeEarly.statusCode).toBe(409);
    const ack = await op.post(`${url}/acknowledge`, { comment: '已派人查看' });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ state: 'acknowledged' });
    expect(ack.json().acknowledgedAt).not.toBeNull();
    expect((await op.post(`${url}/acknowledge`)).statusCode).toBe(409);
    const me = (await op.get('/api/auth/me')).json();
    const assignee = me.user?.id ?? me.id;
    const assigned = await op.post(`${url}/assign`, { userId: assignee });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().assigneeId).toBe(assignee);
    const unknownUser = await op.post(`${url}/assign`, { userId: '00000000-0000-4000-8000-000000000009' });
    expect(unknownUser.statusCode).toBe(400);
    expect(unknownUser.json().details.fields[0].field).toBe('body.userId');
    const emptyComment = await op.post(`${url}/comments`, {});
    expect(emptyComment.statusCode).toBe(400);
    expect(emptyComment.json().details.fields[0].field).toBe('body.text');
    expect((await op.post(`${url}/comments`, { text: '空调外机故障' })).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 2));
    await send(d, 20);
    await waitForAlarm(d.id, (a) => a.state === 'cleared');
    const closed = await op.post(`${url}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed', closeReason: null });
    expect((await op.post(`${url}/close`)).statusCode).toBe(409);
    expect((await op.post(`${url}/acknowledge`)).statusCode).toBe(409);
    expect((await op.post(`${url}/assign`, { userId: null })).statusCode).toBe(409);
    const detail = (await op.get(url)).json();
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['raised', 'acknowledged', 'assigned', 'commented', 'cleared', 'closed']);
    const byKind = Object.fromEntries(detail.events.map((e: { kind: string }) => [e.kind, e]));
    expect(byKind.acknowledged).toMatchObject({ actorName: 'op.a', comment: '已派人查看' });
    expect(byKind.commented).toMatchObject({ actorName: 'op.a', comment: '空调外机故障' });
    expect(byKind.raised).toMatchObject({ actorName: 'system', actorId: null });
    expect(await auditActions(alarm.id)).toEqual(['alarm.closed', 'alarm.commented', 'alarm.assigned', 'alarm.acknowledged']);
  });

  test('an alarm that has not cleared closes only with a reason', async () => {
    const { alarm } = await raised('force');
    expect((await op.post(`/api/alarms/${alarm.id}/close`, {})).statusCode).toBe(409);
    const res = await op.post(`/api/alarms/${alarm.id}/close`, { reason: '传感器误报，已更换' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'closed', closeReason: '传感器误报，已更换' });
    expect(res.json().events.at(-1)).toMatchObject({ kind: 'closed', comment: '传感器误报，已更换', details: { from: 'active' } });
  });

  test('filters and pages: state, severity, building, device', async () => {
    const { d, alarm } = await raised('filter');
    const q = (s: string) => op.get(`/api/alarms?${s}`).then((r) => r.json());
    expect((await q(`deviceId=${d.id}&state=active&severity=critical&buildingId=${parkA.building.id}`)).items.map((a: { id: string }) => a.id)).toEqual([alarm.id]);
    expect((await q(`deviceId=${d.id}&state=closed`)).total).toBe(0);
    expect((await q(`deviceId=${d.id}&state=open`)).total).toBe(1);
    expect((await q(`deviceId=${d.id}&severity=info`)).total).toBe(0);
    const paged = await q('pageSize=1&page=1');
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBeGreaterThan(1);
    const bad = await op.get('/api/alarms?state=bogus');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields[0].field).toBe('querystring.state');
  });

  test('another park’s operator gets 404 and sees none of them; a tenant user gets 403; no session is 401', async () => {
    const { alarm } = await raised('scope');
    expect((await opB.get(`/api/alarms/${alarm.id}`)).statusCode).toBe(404);
    expect((await opB.post(`/api/alarms/${alarm.id}/acknowledge`)).statusCode).toBe(404);
    expect((await opB.post(`/api/alarms/${alarm.id}/comments`, { text: 'x' })).statusCode).toBe(404);
    expect((await opB.get('/api/alarms?pageSize=200')).json().items.map((a: { id: string }) => a.id)).not.toContain(alarm.id);
    await buildUser(t.services, 'member.alarm', [{ role: 'member', scopeType: 'enterprise', scopeId: '00000000-0000-4000-8000-000000000001' }]);
    const member = await t.login('member.alarm', TEST_PASSWORD);
    expect((await member.get('/api/alarms')).statusCode).toBe(403);
    expect((await member.post(`/api/alarms/${alarm.id}/acknowledge`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/alarms' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: `/api/alarms/${alarm.id}/acknowledge` })).statusCode).toBe(401);
    // Nothing changed.
    expect((await op.get(`/api/alarms/${alarm.id}`)).json().events.map((e: { kind: string }) => e.kind)).toEqual(['raised']);
  });
});

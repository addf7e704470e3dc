import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDevice, buildOperatorParks, type BuiltPark, SYSTEM } from '../../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app';
import type { CreateRuleInput } from '../rules/rules.schema';
import { alarmEvents, alarms } from './alarms.table';
import { createEscalation } from './escalation';

let t: TestApp;
let op: TestClient;
let opB: TestClient;
let built: BuiltPark;
let n = 0;
beforeAll(async () => {
  t = await createTestApp();
  ({ built, op, opB } = await buildOperatorParks(t, ['op.sh', 'op.sh2']));
});
afterAll(async () => {
  await t?.services.iot.pipeline.close();
  await t?.close();
});

async function deviceWithRule(floorId: string | null = null) {
  const tag = `sh${++n}`;
  const d = await buildDevice(t.services, { place: built, code: `sh-${n}`, floorId, tags: [tag] });
  const rule = await t.services.alarms.rules.createRule(SYSTEM, { parkId: built.park.id, name: `shelf ${tag}`, severity: 'critical', enabled: true, kind: 'threshold', metric: 'temperature', operator: '>', value: 30, hysteresis: 0, tag } as CreateRuleInput);
  return { d, rule };
}
const fire = (deviceId: string, value = 40) => t.services.alarms.engine.evaluate({ deviceIds: [deviceId], metrics: ['temperature'], ts: [Date.now() - Math.floor(Math.random() * 1000)], values: [value] });
const alarmOf = async (ruleId: string) => (await t.database.db.select().from(alarms).where(eq(alarms.ruleId, ruleId)))[0];
const until = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe('shelving', () => {
  test('a shelved device’s alarm is recorded as suppressed and never escalated; the shelf is listed, audited and can end early', async () => {
    const { d, rule } = await deviceWithRule();
    const res = await op.post('/api/alarm-shelves', { scope: 'device', deviceId: d.id, reason: '更换传感器', until: until(60) });
    expect(res.statusCode, res.body).toBe(201);
    const shelf = res.json();
    expect(shelf).toMatchObject({ scope: 'device', deviceCode: d.code, active: true, createdByName: 'op.sh', reason: '更换传感器' });
    await fire(d.id);
    const a = await alarmOf(rule.id);
    expect(a).toMatchObject({ suppressed: true, shelfId: shelf.id, state: 'active' });
    const kinds = (await t.database.db.select().from(alarmEvents).where(eq(alarmEvents.alarmId, a.id))).map((e) => e.kind);
    expect(kinds).toEqual(['suppressed']);
    await t.database.query(`UPDATE alarms SET active_since = now() - interval '1 hour' WHERE id = $1`, [a.id]);
    const escalation = createEscalation({ db: t.database.db, notifications: t.services.notifications, deadlines: { critical: 5 } });
    await escalation.run();
    expect((await alarmOf(rule.id)).escalationLevel).toBe(0);
    // Visible: the device's current shelves, the alarm list filter, the audit log.
    expect((await op.get(`/api/alarm-shelves?deviceId=${d.id}&current=true`)).json().map((s: { id: string }) => s.id)).toEqual([shelf.id]);
    expect((await op.get(`/api/alarms?ruleId=${rule.id}&suppressed=true`)).json().items[0]).toMatchObject({ suppressed: true, shelfId: shelf.id });
    expect((await op.get(`/api/audit-log?entityId=${shelf.id}`)).json().items.map((e: { action: string }) => e.action)).toEqual(['alarm_shelf.created']);
    // Another park's operator neither sees nor ends it.
    expect((await opB.get('/api/alarm-shelves')).json().map((s: { id: string }) => s.id)).not.toContain(shelf.id);
    expect((await opB.post(`/api/alarm-shelves/${shelf.id}/cancel`)).statusCode).toBe(404);
    const ended = await op.post(`/api/alarm-shelves/${shelf.id}/cancel`);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ active: false, cancelledByName: 'op.sh' });
    expect((await op.post(`/api/alarm-shelves/${shelf.id}/cancel`)).statusCode).toBe(409);
    expect((await op.get(`/api/audit-log?entityId=${shelf.id}`)).json().items.map((e: { action: string }) => e.action)).toEqual(['alarm_shelf.cancelled', 'alarm_shelf.created']);
    // After the window a new alarm is raised normally.
    const other = await deviceWithRule();
    await fire(other.d.id);
    expect(await alarmOf(other.rule.id)).toMatchObject({ suppressed: false, shelfId: null });
  });

  test('an area shelf (building, floor) covers its devices only', async () => {
    const floor2 = await t.services.parks.createFloor(SYSTEM, { buildingId: built.building.id, level: 5 });
    const onFloor = await deviceWithRule(floor2.id);
    const elsewhere = await deviceWithRule(built.floor.id);
    expect((await op.post('/api/alarm-shelves', { scope: 'floor', floorId: floor2.id, reason: '5F 消防检修', until: until(30) })).statusCode).toBe(201);
    await fire(onFloor.d.id);
    await fire(elsewhere.d.id);
    expect((await alarmOf(onFloor.rule.id)).suppressed).toBe(true);
    expect((await alarmOf(elsewhere.rule.id)).suppressed).toBe(false);
    const building = (await op.post('/api/alarm-shelves', { scope: 'building', buildingId: built.building.id, reason: '整栋停电检修', until: until(30) })).json();
    const later = await deviceWithRule(built.floor.id);
    await fire(later.d.id);
    expect(await alarmOf(later.rule.id)).toMatchObject({ suppressed: true, shelfId: building.id });
  });

  test('bad shelves are 400 naming the field', async () => {
    const { d } = await deviceWithRule();
    const past = await op.post('/api/alarm-shelves', { scope: 'device', deviceId: d.id, reason: 'x', until: until(-5) });
    expect(past.statusCode).toBe(400);
    expect(past.json().details.fields[0].field).toBe('body.until');
    const missing = await op.post('/api/alarm-shelves', { scope: 'floor', reason: 'x', until: until(5) });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details.fields[0].field).toBe('body.floorId');
    expect((await op.post('/api/alarm-shelves', { scope: 'device', deviceId: d.id, reason: '', until: until(5) })).json().details.fields[0].field).toBe('body.reason');
    expect((await opB.post('/api/alarm-shelves', { scope: 'device', deviceId: d.id, reason: 'x', until: until(5) })).statusCode).toBe(404);
  });
});

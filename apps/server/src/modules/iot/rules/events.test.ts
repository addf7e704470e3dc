import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDeviceWithSecret, buildOperatorParks, type BuiltPark } from '../../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../../testing/test-app';
import { alarms } from '../alarms/alarms.table';
import { explainEvent, parseEvents } from './event-logic';
import { deviceEvents } from './event.table';
import type { CreateRuleInput } from './rules.schema';

describe('event payloads', () => {
  const now = Date.parse('2026-05-01T08:00:00Z');
  test('one event, a batch, defaults and bad items each rejected with a reason', () => {
    expect(parseEvents('{"type":"fever","attributes":{"temperature":38.2}}', now)).toEqual({ events: [{ type: 'fever', ts: now, eventId: null, attributes: { temperature: 38.2 } }], rejections: [] });
    const batch = parseEvents(
      JSON.stringify({ events: [{ type: 'intrusion', ts: '2026-05-01T07:59:00Z', id: 7 }, { type: 'Bad Type' }, { type: 'fever', ts: now + 3_600_000 }, { type: 'fever', attributes: [1] }] }),
      now,
    );
    expect(batch.events).toEqual([{ type: 'intrusion', ts: now - 60_000, eventId: '7', attributes: {} }]);
    expect(batch.rejections.map((r) => r.reason)).toEqual(['invalid_payload', 'ts_future', 'invalid_payload']);
    expect(parseEvents('{oops', now).rejections[0].reason).toBe('malformed_json');
    expect(parseEvents('[1]', now).rejections[0].reason).toBe('invalid_payload');
  });
  test('a rule matches type and every numeric attribute condition', () => {
    const rule = { eventType: 'fever', conditions: [{ field: 'temperature', operator: '>=' as const, value: 37.3 }] };
    expect(explainEvent(rule, { type: 'fever', attributes: { temperature: 37.3 } }).matches).toBe(true);
    expect(explainEvent(rule, { type: 'fever', attributes: { temperature: '38' } }).matches).toBe(true);
    expect(explainEvent(rule, { type: 'fever', attributes: { temperature: 37.2 } }).matches).toBe(false);
    expect(explainEvent(rule, { type: 'fever', attributes: {} }).matches).toBe(false);
    expect(explainEvent(rule, { type: 'intrusion', attributes: { temperature: 40 } }).matches).toBe(false);
  });
});

let t: TestApp;
let op: TestClient;
let opB: TestClient;
let built: BuiltPark;
let n = 0;
beforeAll(async () => {
  t = await createTestApp();
  ({ built, op, opB } = await buildOperatorParks(t, ['op.ev', 'op.ev2']));
});
afterAll(async () => {
  await t?.services.iot.pipeline.close();
  await t?.close();
});

const device = (type: 'thermal_camera' | 'camera' | 'drone', tag: string) => buildDeviceWithSecret(t.services, { place: built, code: `ev-${tag}-${++n}`, type, tags: [tag] });

async function rule(tag: string, input: Partial<CreateRuleInput>) {
  const res = await op.post('/api/alarm-rules', { parkId: built.park.id, name: `事件 ${tag}`, severity: 'major', kind: 'event', tag, ...input });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

const postEvents = (d: { code: string; secret: string }, body: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/ingest/events', headers: { authorization: `Device ${d.code}:${d.secret}`, 'content-type': 'application/json' }, payload: JSON.stringify(body) });

describe('device events become alarms', () => {
  test('a fever event over HTTP at or above 37.3 °C raises one alarm; repeats count; below the limit nothing', async () => {
    const cam = await device('thermal_camera', 'fever');
    const r = await rule('fever', { eventType: 'fever', conditions: [{ field: 'temperature', operator: '>=', value: 37.3 }] as never, severity: 'critical' });
    let res = await postEvents(cam, { type: 'fever', attributes: { temperature: 36.9, face: 'f1' } });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ accepted: 1, alarms: 0 });
    res = await postEvents(cam, { events: [{ type: 'fever', id: 'e1', attributes: { temperature: 38.4 } }, { type: 'fever', id: 'e2', attributes: { temperature: 37.5 } }] });
    expect(res.json()).toMatchObject({ accepted: 2, alarms: 1 });
    // Redelivery of e2: stored once, not counted again.
    res = await postEvents(cam, { type: 'fever', id: 'e2', attributes: { temperature: 37.5 } });
    expect(res.json()).toMatchObject({ accepted: 0, duplicates: 1, alarms: 0 });
    const open = await t.database.db.select().from(alarms).where(and(eq(alarms.ruleId, r.id), eq(alarms.deviceId, cam.id)));
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ state: 'active', count: 2, severity: 'critical', lastValue: 37.5 });
    expect(open[0].message).toContain('temperature 37.5 >= 37.3');
    const stored = await t.database.db.select().from(deviceEvents).where(eq(deviceEvents.deviceId, cam.id));
    expect(stored).toHaveLength(3);
    // Operators of the park list the events; another park's operator sees none.
    const listed = await op.get(`/api/device-events?deviceId=${cam.id}&type=fever`);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json()).toHaveLength(3);
    expect(listed.json()[0]).toMatchObject({ deviceCode: cam.code, type: 'fever' });
    expect((await opB.get(`/api/device-events?deviceId=${cam.id}`)).json()).toEqual([]);
  });

  test('intrusion events over MQTT (the broker path) from a camera and a drone raise an alarm per device; rejected events are counted', async () => {
    const cam = await device('camera', 'intr');
    const drone = await device('drone', 'intr');
    const r = await rule('intr', { eventType: 'intrusion', conditions: [] as never });
    for (const d of [cam, drone]) {
      await t.services.iot.ingest.handleDevicePublish({ id: d.id, code: d.code, type: d.type }, `parkos/${d.code}/events`, Buffer.from(JSON.stringify({ type: 'intrusion', attributes: { zone: 'north-fence', confidence: 0.93 } })), 1);
    }
    const rows = await t.database.db.select().from(alarms).where(eq(alarms.ruleId, r.id));
    expect(rows.map((a) => a.deviceId).sort()).toEqual([cam.id, drone.id].sort());
    await t.services.iot.ingest.handleDevicePublish({ id: cam.id, code: cam.code, type: cam.type }, `parkos/${cam.code}/events`, Buffer.from('{not json'), 1);
    await expect
      .poll(async () => (await op.get(`/api/devices/${cam.id}`)).json().ingestErrors.map((e: { reason: string }) => e.reason), { timeout: 3000 })
      .toContain('malformed_json');
  });

  test('bad events over HTTP are 400 naming the body; without credentials 401', async () => {
    const cam = await device('thermal_camera', 'bad');
    const bad = await postEvents(cam, { type: 'FEVER!' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields[0].field).toBe('body');
    expect((await t.app.inject({ method: 'POST', url: '/api/ingest/events', payload: { type: 'fever' } })).statusCode).toBe(401);
  });

  test('an event rule is validated', async () => {
    const res = await op.post('/api/alarm-rules', { parkId: built.park.id, name: 'x', severity: 'major', kind: 'event', eventType: 'Fever Alert' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields[0].field).toBe('body.eventType');
  });
});

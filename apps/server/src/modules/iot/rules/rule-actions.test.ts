import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPark, buildUser, SYSTEM, TEST_PASSWORD } from '../../../testing/builders';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { alarmEvents, alarms } from '../alarms/alarms.table';
import { createEventIngest } from './event-ingest';
import type { IssueCommandInput } from './rule-actions';
import { createRuleEngine } from './rule-engine';
import type { CreateRuleInput } from './rules.schema';

let t: TestApp;
let built: Awaited<ReturnType<typeof buildPark>>;
let otherPark: Awaited<ReturnType<typeof buildPark>>;
let n = 0;
beforeAll(async () => {
  t = await createTestApp();
  built = await buildPark(t.services);
  otherPark = await buildPark(t.services);
  await buildUser(t.services, 'op.act', [{ role: 'operator', scopeType: 'park', scopeId: built.park.id }]);
});
afterAll(async () => {
  await t?.services.iot.pipeline.close();
  await t?.close();
});

async function setup() {
  const tag = `act${++n}`;
  const sensor = await t.services.iot.devices.createDevice(SYSTEM, { code: `soil-${n}`, name: `soil-${n}`, type: 'environment_sensor', parkId: built.park.id, tags: [tag] });
  const valve = await t.services.iot.devices.createDevice(SYSTEM, { code: `valve-${n}`, name: `valve-${n}`, type: 'generic', parkId: built.park.id });
  const rule = await t.services.alarms.rules.createRule(SYSTEM, {
    parkId: built.park.id,
    name: `土壤干旱 ${tag}`,
    severity: 'minor',
    enabled: true,
    kind: 'threshold',
    metric: 'soil_moisture',
    operator: '<',
    value: 20,
    hysteresis: 3,
    tag,
    action: { type: 'command', targetDeviceId: valve.id, command: 'open_valve', params: { durationMinutes: 10 } },
  } as CreateRuleInput);
  return { sensor, valve, rule };
}
const reading = (deviceId: string, value: number, ts: number) => ({ deviceIds: [deviceId], metrics: ['soil_moisture'], ts: [ts], values: [value] });
async function actionEvents(ruleId: string) {
  const [a] = await t.database.db.select().from(alarms).where(eq(alarms.ruleId, ruleId));
  return (await t.database.db.select().from(alarmEvents).where(eq(alarmEvents.alarmId, a.id)).orderBy(alarmEvents.id)).filter((e) => e.kind === 'action');
}

describe('rule actions', () => {
  test('soil moisture < 20 % opens the valve for 600 s when the rule fires — once per firing, not per repeat', async () => {
    const { sensor, valve, rule } = await setup();
    const calls: IssueCommandInput[] = [];
    const engine = createRuleEngine({ database: t.database, issueCommand: async (input) => (calls.push(input), { commandId: `c${calls.length}` }) });
    const t0 = Date.now() - 60_000;
    await engine.evaluate(reading(sensor.id, 25, t0));
    expect(calls).toEqual([]);
    await engine.evaluate(reading(sensor.id, 15, t0 + 1000));
    const [a] = await t.database.db.select().from(alarms).where(eq(alarms.ruleId, rule.id));
    expect(calls).toEqual([{ deviceId: valve.id, command: 'open_valve', params: { durationMinutes: 10 }, issuedBy: { kind: 'rule', ruleId: rule.id, alarmId: a.id } }]);
    await engine.evaluate(reading(sensor.id, 14, t0 + 2000));
    expect(calls).toHaveLength(1);
    // Clears past 23, fires again: reactivated → a second command.
    await engine.evaluate(reading(sensor.id, 24, t0 + 3000));
    await engine.evaluate(reading(sensor.id, 10, t0 + 4000));
    expect(calls).toHaveLength(2);
    const events = await actionEvents(rule.id);
    expect(events.map((e) => e.details)).toEqual([
      { command: 'open_valve', targetDeviceId: valve.id, params: { durationMinutes: 10 }, ok: true, result: { commandId: 'c1' } },
      { command: 'open_valve', targetDeviceId: valve.id, params: { durationMinutes: 10 }, ok: true, result: { commandId: 'c2' } },
    ]);
    expect(engine.stats.actions).toMatchObject({ issued: 2, failed: 0 });
  });

  test('a failing command is recorded on the alarm and counted; evaluation goes on', async () => {
    const { sensor, rule } = await setup();
    const engine = createRuleEngine({ database: t.database, issueCommand: async () => Promise.reject(new Error('valve offline')) });
    await engine.evaluate(reading(sensor.id, 5, Date.now() - 1000));
    const [e] = await actionEvents(rule.id);
    expect(e.details).toMatchObject({ ok: false, error: 'valve offline' });
    expect(engine.stats.actions.failed).toBe(1);
    expect((await t.database.db.select().from(alarms).where(eq(alarms.ruleId, rule.id)))[0].state).toBe('active');
  });

  test('a shelved device issues no command; without issueCommand nothing is issued', async () => {
    const { sensor, rule } = await setup();
    await t.services.alarms.shelves.createShelf(SYSTEM, { scope: 'device', deviceId: sensor.id, reason: '维护', until: new Date(Date.now() + 3_600_000) });
    const calls: unknown[] = [];
    const engine = createRuleEngine({ database: t.database, issueCommand: async (i) => calls.push(i) });
    await engine.evaluate(reading(sensor.id, 5, Date.now() - 1000));
    expect(calls).toEqual([]);
    expect(engine.stats.actions.skippedSuppressed).toBe(1);
    expect(await actionEvents(rule.id)).toEqual([]);
  });

  test('event rules act too', async () => {
    const cam = await t.services.iot.devices.createDevice(SYSTEM, { code: `gatecam-${++n}`, name: 'gate', type: 'camera', parkId: built.park.id, tags: ['actev'] });
    const light = await t.services.iot.devices.createDevice(SYSTEM, { code: `light-${n}`, name: 'light', type: 'generic', parkId: built.park.id });
    await t.services.alarms.rules.createRule(SYSTEM, { parkId: built.park.id, name: '入侵开灯', severity: 'major', enabled: true, kind: 'event', eventType: 'intrusion', conditions: [], tag: 'actev', action: { type: 'command', targetDeviceId: light.id, command: 'lights_on', params: {} } } as CreateRuleInput);
    const calls: IssueCommandInput[] = [];
    const engine = createRuleEngine({ database: t.database, issueCommand: async (i) => calls.push(i) });
    const ingest = createEventIngest({ database: t.database, eventRules: engine.eventRules, act: engine.act });
    await ingest.handle(cam, { type: 'intrusion' });
    expect(calls.map((c) => [c.deviceId, c.command])).toEqual([[light.id, 'lights_on']]);
  });

  test('the target must be a device of the rule’s park (400 naming the field)', async () => {
    const op = await t.login('op.act', TEST_PASSWORD);
    const foreign = await t.services.iot.devices.createDevice(SYSTEM, { code: `foreign-${++n}`, name: 'f', type: 'generic', parkId: otherPark.park.id });
    const res = await op.post('/api/alarm-rules', { parkId: built.park.id, name: 'x', severity: 'minor', kind: 'threshold', metric: 'soil_moisture', operator: '<', value: 20, action: { type: 'command', targetDeviceId: foreign.id, command: 'open_valve', params: {} } });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields[0].field).toBe('body.action.targetDeviceId');
    const bad = await op.post('/api/alarm-rules', { parkId: built.park.id, name: 'x', severity: 'minor', kind: 'threshold', metric: 'soil_moisture', operator: '<', value: 20, action: { type: 'command', targetDeviceId: foreign.id, command: 'Open Valve!' } });
    expect(bad.json().details.fields[0].field).toBe('body.action.command');
  });

  test('wired in the composition root, a firing rule issues a real actuator command: audited, queued for the valve, traced to the rule', async () => {
    const tag = `wired${++n}`;
    const sensor = await t.services.iot.devices.createDevice(SYSTEM, { code: `soilw-${n}`, name: 'soil', type: 'environment_sensor', parkId: built.park.id, tags: [tag] });
    const valve = await t.services.iot.devices.createDevice(SYSTEM, { code: `valvew-${n}`, name: '喷灌阀', type: 'irrigation_valve', parkId: built.park.id });
    const rule = await t.services.alarms.rules.createRule(SYSTEM, {
      parkId: built.park.id,
      name: `土壤干旱 ${tag}`,
      severity: 'minor',
      enabled: true,
      kind: 'threshold',
      metric: 'soil_moisture',
      operator: '<',
      value: 20,
      hysteresis: 3,
      tag,
      action: { type: 'command', targetDeviceId: valve.id, command: 'open_valve', params: { durationMinutes: 10 } },
    } as CreateRuleInput);
    await t.services.alarms.engine.evaluate(reading(sensor.id, 12, Date.now() - 1000));
    const rows = await t.database.query<{ command: string; params: Record<string, unknown>; issued_by_kind: string; issued_by_rule_id: string }>(
      'select command, params, issued_by_kind, issued_by_rule_id from device_commands where device_id = $1',
      [valve.id],
    );
    expect(rows).toEqual([{ command: 'open_valve', params: { durationMinutes: 10 }, issued_by_kind: 'rule', issued_by_rule_id: rule.id }]);
    const [e] = await actionEvents(rule.id);
    expect(e.details).toMatchObject({ command: 'open_valve', ok: true });
  });
});

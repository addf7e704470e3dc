import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPark, SYSTEM } from '../../../testing/builders';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { alarmEvents, alarms } from '../alarms/alarms.table';
import { evaluateCombination, type CombinationRule } from './combination-logic';
import { createRuleEngine } from './rule-engine';
import { createRuleBody, type CreateRuleInput } from './rules.schema';

const fire: CombinationRule = {
  id: 'r',
  conditions: [
    { field: 'smoke', operator: '=', value: 1 },
    { field: 'temperature', operator: '>', value: 60 },
  ],
  windowSeconds: 60,
  groupBy: 'floor',
};
const empty = { isActive: false, metAt: [], lastTs: null };

describe('combination logic', () => {
  test('fires only when every condition is met within the window, clears when one falls out of it', () => {
    const t0 = 1_000_000;
    // Smoke, then 2 minutes later heat: too far apart.
    let r = evaluateCombination(fire, empty, [
      { ts: t0, metric: 'smoke', value: 1, deviceId: 'a' },
      { ts: t0 + 120_000, metric: 'temperature', value: 65, deviceId: 'b' },
    ]);
    expect(r.ops).toEqual([]);
    // Smoke again 30 s later (another device, same floor): both within 60 s.
    r = evaluateCombination(fire, r.state, [{ ts: t0 + 150_000, metric: 'smoke', value: 1, deviceId: 'a' }]);
    expect(r.ops).toMatchObject([{ type: 'raise', count: 1 }]);
    expect(r.state.isActive).toBe(true);
    // A reading meeting a condition again: a repeat of the same alarm.
    r = evaluateCombination(fire, r.state, [{ ts: t0 + 160_000, metric: 'temperature', value: 70, deviceId: 'b' }]);
    expect(r.ops).toMatchObject([{ type: 'raise', count: 1 }]);
    // Normal readings while both are still in the window: nothing changes.
    r = evaluateCombination(fire, r.state, [{ ts: t0 + 170_000, metric: 'temperature', value: 25, deviceId: 'c' }]);
    expect(r.ops).toEqual([]);
    // 70 s after the last smoke, a normal reading: smoke fell out of the window → clear.
    r = evaluateCombination(fire, r.state, [{ ts: t0 + 221_000, metric: 'smoke', value: 0, deviceId: 'a' }]);
    expect(r.ops).toMatchObject([{ type: 'clear', ts: t0 + 221_000 }]);
    expect(r.state.isActive).toBe(false);
  });

  test('readings not meeting a condition never fire it', () => {
    const r = evaluateCombination(fire, empty, [
      { ts: 1, metric: 'smoke', value: 0, deviceId: 'a' },
      { ts: 2, metric: 'temperature', value: 60, deviceId: 'b' },
    ]);
    expect(r.ops).toEqual([]);
    expect(r.state.metAt).toEqual([null, null]);
  });
});

let t: TestApp;
let built: Awaited<ReturnType<typeof buildPark>>;
let n = 0;
beforeAll(async () => {
  t = await createTestApp();
  built = await buildPark(t.services);
});
afterAll(async () => {
  await t?.services.iot.pipeline.close();
  await t?.close();
});

async function device(type: 'fire_panel' | 'environment_sensor', tag: string, floorId: string | null = built.floor.id) {
  const code = `combo-${++n}`;
  return t.services.iot.devices.createDevice(SYSTEM, { code, name: code, type, parkId: built.park.id, buildingId: built.building.id, floorId, tags: [tag] });
}

async function comboRule(tag: string, extra: Partial<CreateRuleInput> = {}) {
  return t.services.alarms.rules.createRule(SYSTEM, {
    parkId: built.park.id,
    name: `火情 ${tag}`,
    severity: 'critical',
    enabled: true,
    kind: 'combination',
    conditions: fire.conditions as never,
    windowSeconds: 60,
    groupBy: 'floor',
    tag,
    ...extra,
  } as CreateRuleInput);
}

const locationAlarms = (ruleId: string) => t.database.db.select().from(alarms).where(and(eq(alarms.ruleId, ruleId)));

describe('combination rules in the engine', () => {
  test('smoke on one device and heat on another on the same floor raise one alarm for the floor; it clears later', async () => {
    const smoke = await device('fire_panel', 'c1');
    const heat = await device('environment_sensor', 'c1');
    const rule = await comboRule('c1');
    const engine = t.services.alarms.engine;
    const t0 = Date.now() - 600_000;
    await engine.evaluate({ deviceIds: [smoke.id], metrics: ['smoke'], ts: [t0], values: [1] });
    expect(await locationAlarms(rule.id)).toEqual([]);
    await engine.evaluate({ deviceIds: [heat.id], metrics: ['temperature'], ts: [t0 + 10_000], values: [66] });
    const [a] = await locationAlarms(rule.id);
    expect(a).toMatchObject({ deviceId: null, locationId: built.floor.id, floorId: built.floor.id, buildingId: built.building.id, siteId: built.site.id, parkId: built.park.id, state: 'active', severity: 'critical', count: 1 });
    await engine.evaluate({ deviceIds: [heat.id], metrics: ['temperature'], ts: [t0 + 100_000], values: [30] });
    expect((await locationAlarms(rule.id))[0]).toMatchObject({ state: 'cleared', count: 1 });
    const kinds = (await t.database.db.select().from(alarmEvents).where(eq(alarmEvents.alarmId, a.id)).orderBy(alarmEvents.id)).map((e) => e.kind);
    expect(kinds).toEqual(['raised', 'cleared']);
    // The API lists it as a location alarm.
    const listed = await t.services.alarms.alarms.findAlarms(SYSTEM, { page: 1, pageSize: 10, ruleId: rule.id });
    expect(listed.items[0]).toMatchObject({ deviceId: null, deviceCode: null, locationId: built.floor.id, ruleKind: 'combination' });
  });

  test('devices on another floor, or out of scope, do not combine', async () => {
    const otherFloor = await t.services.parks.createFloor(SYSTEM, { buildingId: built.building.id, level: 2 });
    const smoke = await device('fire_panel', 'c2');
    const heatElsewhere = await device('environment_sensor', 'c2', otherFloor.id);
    const untagged = await device('environment_sensor', 'other');
    const rule = await comboRule('c2');
    const t0 = Date.now() - 300_000;
    await t.services.alarms.engine.evaluate({ deviceIds: [smoke.id, heatElsewhere.id, untagged.id], metrics: ['smoke', 'temperature', 'temperature'], ts: [t0, t0 + 1000, t0 + 2000], values: [1, 80, 80] });
    expect(await locationAlarms(rule.id)).toEqual([]);
  });

  test('concurrent evaluation on several engines (ingest instances) opens one alarm for the location and counts every reading', async () => {
    const smoke = await device('fire_panel', 'c3');
    const heats = await Promise.all([1, 2, 3, 4].map(() => device('environment_sensor', 'c3')));
    const rule = await comboRule('c3');
    const engines = [0, 1, 2, 3].map(() => createRuleEngine({ database: t.database }));
    const t0 = Date.now() - 120_000;
    await engines[0].evaluate({ deviceIds: [smoke.id], metrics: ['smoke'], ts: [t0], values: [1] });
    await Promise.all(heats.map((h, i) => engines[i].evaluate({ deviceIds: [h.id, h.id], metrics: ['temperature', 'temperature'], ts: [t0 + 1000 + i, t0 + 5000 + i], values: [70, 71] })));
    const open = await locationAlarms(rule.id);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ state: 'active', count: 8 });
  });

  test('a combination rule is validated: at least two conditions, known metrics, each once', async () => {
    const one = createRuleBody.safeParse({ parkId: built.park.id, name: 'x', severity: 'major', kind: 'combination', conditions: [fire.conditions[0]], windowSeconds: 60 });
    expect(one.success).toBe(false);
    expect(one.error?.issues[0].path).toEqual(['conditions']);
    const unknown = createRuleBody.safeParse({ parkId: built.park.id, name: 'x', severity: 'major', kind: 'combination', conditions: [fire.conditions[0], { field: 'warp', operator: '>', value: 1 }], windowSeconds: 60 });
    expect(unknown.error?.issues[0].path).toEqual(['conditions', 1, 'field']);
    await expect(comboRule('c4', { conditions: [fire.conditions[1], fire.conditions[1]] } as never)).rejects.toMatchObject({ details: { fields: [{ field: 'body.conditions' }] } });
    await expect(comboRule('c4', { deviceType: 'parking_sensor' } as never)).rejects.toMatchObject({ details: { fields: [{ field: 'body.conditions' }] } });
  });
});

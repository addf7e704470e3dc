import { eq, and, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPark, SYSTEM } from '../../../testing/builders';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { TEST_DB } from '../../../testing/test-db';
import { raiseAlarms } from '../alarms/alarm-writer';
import { alarmEvents, alarms } from '../alarms/alarms.table';
import { rawTransaction } from '../alarms/raw-transaction';
import { createIngestPipeline } from '../ingest.pipeline';
import { createRuleEngine } from './rule-engine';
import type { CreateRuleInput } from './rules.schema';

let t: TestApp;
let parkId: string;
let n = 0;

beforeAll(async () => {
  t = await createTestApp();
  parkId = (await buildPark(t.services)).park.id;
});
afterAll(async () => {
  await t?.services.iot.pipeline.close();
  await t?.close();
});

async function device(tag: string, type: 'environment_sensor' | 'generic' = 'environment_sensor') {
  const code = `eng-${tag}-${++n}`;
  return t.services.iot.devices.createDevice(SYSTEM, { code, name: code, type, parkId, tags: [tag] });
}

async function rule(input: Partial<CreateRuleInput> & Pick<CreateRuleInput, 'kind'>, tag: string) {
  return t.services.alarms.rules.createRule(SYSTEM, { parkId, name: `rule ${tag}`, severity: 'major', enabled: true, tag, ...input } as CreateRuleInput);
}

/** One committed batch for the engine: readings of one metric, one second apart. */
function batch(deviceId: string, metric: string, values: number[], t0: number) {
  return { deviceIds: values.map(() => deviceId), metrics: values.map(() => metric), ts: values.map((_, i) => t0 + i * 1000), values };
}

async function alarmsOf(ruleId: string, deviceId: string) {
  return t.database.db.select().from(alarms).where(and(eq(alarms.ruleId, ruleId), eq(alarms.deviceId, deviceId)));
}

async function eventKinds(alarmId: string) {
  return (await t.database.db.select({ kind: alarmEvents.kind }).from(alarmEvents).where(eq(alarmEvents.alarmId, alarmId)).orderBy(alarmEvents.id)).map((e) => e.kind);
}

describe('threshold rule across batches', () => {
  test('raises once, repeats increment the count, the hysteresis band holds it, and it clears only past it', async () => {
    const d = await device('thr');
    const r = await rule({ kind: 'threshold', metric: 'temperature', operator: '>', value: 30, hysteresis: 2 }, 'thr');
    const engine = t.services.alarms.engine;
    const t0 = Date.now() - 600_000;
    await engine.evaluate(batch(d.id, 'temperature', [25], t0));
    expect(await alarmsOf(r.id, d.id)).toEqual([]);
    await engine.evaluate(batch(d.id, 'temperature', [31], t0 + 10_000));
    await engine.evaluate(batch(d.id, 'temperature', [32, 33], t0 + 20_000));
    let [a] = await alarmsOf(r.id, d.id);
    expect(a).toMatchObject({ state: 'active', count: 3, lastValue: 33, severity: 'major', parkId });
    // 29 and 28.5 are inside the band (28, 30]: still active, not counted.
    await engine.evaluate(batch(d.id, 'temperature', [29, 28.5], t0 + 30_000));
    [a] = await alarmsOf(r.id, d.id);
    expect(a).toMatchObject({ state: 'active', count: 3 });
    await engine.evaluate(batch(d.id, 'temperature', [28], t0 + 40_000));
    [a] = await alarmsOf(r.id, d.id);
    expect(a).toMatchObject({ state: 'cleared', count: 3 });
    expect(a.clearedAt).not.toBeNull();
    // Back above within the same open alarm: re-activated, not a second alarm.
    await engine.evaluate(batch(d.id, 'temperature', [29, 31], t0 + 50_000));
    const all = await alarmsOf(r.id, d.id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ state: 'active', count: 4, clearedAt: null });
    expect(await eventKinds(a.id)).toEqual(['raised', 'cleared', 'reactivated']);
    const [state] = await t.database.query<{ is_active: boolean; last_value: number }>('select is_active, last_value from rule_states where rule_id = $1 and device_id = $2', [r.id, d.id]);
    expect(state).toEqual({ is_active: true, last_value: 31 });
  });

  test('once closed, the next firing opens a new alarm', async () => {
    const d = await device('thr2');
    const r = await rule({ kind: 'threshold', metric: 'humidity', operator: '<', value: 20, hysteresis: 5 }, 'thr2');
    const t0 = Date.now() - 600_000;
    await t.services.alarms.engine.evaluate(batch(d.id, 'humidity', [10, 24, 26], t0));
    const [a] = await alarmsOf(r.id, d.id);
    expect(a.state).toBe('cleared');
    await t.services.alarms.alarms.close(SYSTEM, a.id);
    await t.services.alarms.engine.evaluate(batch(d.id, 'humidity', [15], t0 + 10_000));
    const all = await alarmsOf(r.id, d.id);
    expect(all.map((x) => x.state).sort()).toEqual(['active', 'closed']);
  });

  test('a rule scoped to a tag ignores other devices; a disabled rule raises nothing', async () => {
    const inScope = await device('scoped');
    const other = await device('unscoped');
    const r = await rule({ kind: 'threshold', metric: 'noise', operator: '>=', value: 80 }, 'scoped');
    const off = await rule({ kind: 'threshold', metric: 'noise', operator: '>=', value: 80, enabled: false }, 'scoped');
    const t0 = Date.now() - 600_000;
    await t.services.alarms.engine.evaluate(batch(inScope.id, 'noise', [90], t0));
    await t.services.alarms.engine.evaluate(batch(other.id, 'noise', [90], t0));
    expect(await alarmsOf(r.id, inScope.id)).toHaveLength(1);
    expect(await alarmsOf(r.id, other.id)).toHaveLength(0);
    expect(await alarmsOf(off.id, inScope.id)).toHaveLength(0);
  });
});

describe('rate of change', () => {
  test('a rise of at least delta within the window raises; a calm reading clears', async () => {
    const d = await device('roc');
    const r = await rule({ kind: 'rate_of_change', metric: 'co2', delta: 100, windowSeconds: 60, direction: 'rise' }, 'roc');
    const t0 = Date.now() - 600_000;
    await t.services.alarms.engine.evaluate(batch(d.id, 'co2', [400, 450], t0));
    expect(await alarmsOf(r.id, d.id)).toEqual([]);
    await t.services.alarms.engine.evaluate(batch(d.id, 'co2', [600], t0 + 2_000));
    let [a] = await alarmsOf(r.id, d.id);
    expect(a).toMatchObject({ state: 'active', count: 1 });
    expect(a.message).toMatch(/co2 changed by 150/);
    await t.services.alarms.engine.evaluate(batch(d.id, 'co2', [610], t0 + 3_000));
    [a] = await alarmsOf(r.id, d.id);
    expect(a.state).toBe('cleared');
    // A big jump after a long gap is not a rate over the window.
    await t.services.alarms.engine.evaluate(batch(d.id, 'co2', [1_500], t0 + 300_000));
    [a] = await alarmsOf(r.id, d.id);
    expect(a.state).toBe('cleared');
  });
});

describe('silent devices', () => {
  test('the periodic check raises for a device not seen for N s, does not repeat, and clears once data arrives', async () => {
    const quiet = await device('silent');
    const chatty = await device('silent');
    const r = await rule({ kind: 'silent', silentSeconds: 5 }, 'silent');
    await t.database.query(`update devices set last_seen_at = now() - interval '60 seconds' where id = $1`, [quiet.id]);
    await t.database.query(`update devices set last_seen_at = now() where id = $1`, [chatty.id]);
    expect(await t.services.alarms.engine.checkSilent()).toEqual({ raised: 1, cleared: 0 });
    const [a] = await alarmsOf(r.id, quiet.id);
    expect(a).toMatchObject({ state: 'active', count: 1 });
    expect(a.message).toMatch(/no data for 5 s/);
    expect(await alarmsOf(r.id, chatty.id)).toEqual([]);
    expect(await t.services.alarms.engine.checkSilent()).toEqual({ raised: 0, cleared: 0 });
    // Data arrives through the ingest pipeline: last_seen_at moves, the next check clears.
    await t.services.iot.pipeline.submit(quiet.id, [{ metric: 'temperature', value: 20, ts: Date.now() }]);
    expect(await t.services.alarms.engine.checkSilent()).toEqual({ raised: 0, cleared: 1 });
    expect((await alarmsOf(r.id, quiet.id))[0].state).toBe('cleared');
    expect(await eventKinds(a.id)).toEqual(['raised', 'cleared']);
  });
});

describe('one open alarm per rule and device under concurrency', () => {
  test('three engine instances evaluating interleaved batches for the same device leave one open alarm with the exact count', async () => {
    const d = await device('conc');
    const r = await rule({ kind: 'threshold', metric: 'temperature', operator: '>', value: 50 }, 'conc');
    const engines = [t.services.alarms.engine, createRuleEngine({ database: t.database }), createRuleEngine({ database: t.database })];
    const t0 = Date.now() - 3_600_000;
    const batches = Array.from({ length: 24 }, (_, i) => batch(d.id, 'temperature', [60 + i, 61 + i, 62 + i], t0 + i * 10_000));
    await Promise.all(batches.map((b, i) => engines[i % engines.length].evaluate(b)));
    const open = await t.database.db.select().from(alarms).where(and(eq(alarms.ruleId, r.id), eq(alarms.deviceId, d.id), ne(alarms.state, 'closed')));
    expect(open).toHaveLength(1);
    expect(open[0].count).toBe(24 * 3);
    expect(await eventKinds(open[0].id)).toEqual(['raised']);
  });

  test('concurrent raises straight at the database (no state lock) are merged by the partial unique index', async () => {
    const d = await device('conc-db');
    const r = await rule({ kind: 'threshold', metric: 'temperature', operator: '>', value: 50 }, 'conc-db');
    const now = Date.now();
    const N = 20;
    await Promise.all(
      Array.from({ length: N }, (_, i) =>
        rawTransaction(t.database, (q) => raiseAlarms(q, [{ ruleId: r.id, deviceId: d.id, count: 1, value: 60 + i, firstTs: now + i, lastTs: now + i, message: 'hot' }])),
      ),
    );
    const rows = await alarmsOf(r.id, d.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].count).toBe(N);
    // And a second open alarm cannot be inserted by any other path.
    await expect(
      t.database.query(`insert into alarms (rule_id, device_id, park_id, severity, message, first_at, last_at) values ($1, $2, $3, 'major', 'dup', now(), now())`, [r.id, d.id, parkId]),
    ).rejects.toThrow(/alarms_open_rule_device_uq|duplicate key/);
    if (TEST_DB === 'postgres') console.warn(`concurrent raises on PostgreSQL: ${N} transactions → 1 alarm, count ${rows[0].count}`);
  });
});

describe('failures never reach ingestion', () => {
  test('an evaluation error is counted and logged; the queue keeps working', async () => {
    await rule({ kind: 'threshold', metric: 'illuminance', operator: '>', value: 1 }, 'fail');
    const errors: unknown[] = [];
    const engine = createRuleEngine({ database: t.database, log: { error: (o) => errors.push(o), warn: () => undefined } });
    expect(() => engine.enqueue({ deviceIds: ['not-a-uuid'], metrics: ['illuminance'], ts: [Date.now()], values: [5] })).not.toThrow();
    await engine.idle();
    expect(engine.stats.errors).toBe(1);
    expect(errors).toHaveLength(1);
    const d = await device('fail');
    engine.enqueue(batch(d.id, 'illuminance', [5], Date.now() - 1000));
    await engine.idle();
    expect(engine.stats.errors).toBe(1);
    expect(engine.stats.raised).toBe(1);
  });

  test('a throwing hook does not fail the batch: readings are committed and acknowledged', async () => {
    const d = await device('hook');
    const pipeline = createIngestPipeline({
      database: t.database,
      log: { error: () => undefined },
      onCommitted: () => {
        throw new Error('boom');
      },
    });
    await pipeline.submit(d.id, [{ metric: 'temperature', value: 1, ts: Date.now() - 1000 }]);
    expect(pipeline.stats).toMatchObject({ inserted: 1, failedBatches: 0, hookErrors: 1 });
    await pipeline.close();
  });

  test('a full evaluation queue drops (and counts) rather than growing without bound', async () => {
    const engine = createRuleEngine({ database: t.database, maxPendingReadings: 2 });
    const d = await device('drop');
    engine.enqueue(batch(d.id, 'temperature', [1, 2], Date.now() - 10_000));
    engine.enqueue(batch(d.id, 'temperature', [3], Date.now() - 5_000));
    await engine.idle();
    expect(engine.stats.dropped).toBe(1);
  });
});

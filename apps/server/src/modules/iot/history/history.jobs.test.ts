import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../../db/client';
import { buildPark, SYSTEM } from '../../../testing/builders';
import { createTestApp, type TestApp } from '../../../testing/test-app';
import { startHistoryJobs } from './history.jobs';
import { insertReadings } from './history.test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('history jobs in the worker', () => {
  test('a failing run is logged, counted and recorded; the loop goes on and rolls up once the database answers again', async () => {
    const p = await buildPark(t.services);
    const d = await t.services.iot.devices.createDevice(SYSTEM, { code: 'jobs-env', name: 'jobs', type: 'environment_sensor', parkId: p.park.id });
    const now = Date.now();
    await insertReadings(
      t.database,
      Array.from({ length: 30 }, (_, i) => ({ deviceId: d.id, metric: 'temperature', ts: now - 30 * 60_000 + i * 60_000, value: 20 + i / 10 })),
    );
    // The rollup's statements fail for the first three calls (as during a database restart).
    let failures = 3;
    const flaky: Database = {
      ...t.database,
      query: (async (text: string, params?: unknown[]) => {
        if (text.includes('history_job_state') && text.startsWith('SELECT') && failures > 0) {
          failures--;
          throw new Error('connection terminated');
        }
        return t.database.query(text, params);
      }) as Database['query'],
    };
    const logged: string[] = [];
    const jobs = startHistoryJobs({
      database: flaky,
      history: t.services.history,
      log: { info: () => undefined, error: (_o, msg) => logged.push(String(msg)) },
      rollupIntervalMs: 100,
      retentionIntervalMs: 100,
    });
    try {
      await expect.poll(() => jobs.stats.rollupRuns, { timeout: 20_000 }).toBeGreaterThan(0);
      expect(jobs.stats.errors).toBe(3);
      expect(logged.some((m) => m.includes('failed; retrying'))).toBe(true);
      await expect
        .poll(async () => (await t.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM telemetry_1m WHERE device_id = $1`, [d.id]))[0].n, { timeout: 20_000 })
        .toBeGreaterThanOrEqual(29);
      // A successful run clears the recorded error.
      const [state] = await t.database.query<{ last_error: string | null }>(`SELECT last_error FROM history_job_state WHERE name = 'rollup'`);
      expect(state.last_error).toBeNull();
    } finally {
      await jobs.stop();
    }
  });
});

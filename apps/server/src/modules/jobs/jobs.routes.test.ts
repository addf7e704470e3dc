import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPark, buildUser, TEST_PASSWORD } from '../../testing/builders';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { createJobScheduler, defineJob } from './jobs.scheduler';
import { jobStatusListSchema } from './jobs.schema';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/jobs', () => {
  test('lists each job with its last run for company-wide operators; a park’s operator gets 403, nobody logged in 401', async () => {
    const log = { info: () => undefined, error: () => undefined };
    const scheduler = createJobScheduler({
      database: t.database,
      log,
      jobs: [
        defineJob({ id: 'demo.ok', intervalMs: 3_600_000, runOnStart: true, run: async () => undefined }),
        defineJob({
          id: 'demo.failing',
          intervalMs: 3_600_000,
          runOnStart: true,
          run: async () => {
            throw new Error('smtp refused');
          },
        }),
      ],
    });
    await scheduler.start();
    await expect.poll(async () => (await t.database.query(`select 1 from scheduled_jobs where run_count > 0`)).length).toBe(2);
    await scheduler.stop();

    const park = await buildPark(t.services);
    await buildUser(t.services, 'jobs.global', [{ role: 'operator', scopeType: 'all', scopeId: null }]);
    await buildUser(t.services, 'jobs.parkop', [{ role: 'operator', scopeType: 'park', scopeId: park.park.id }]);
    const [global, parkOp] = await Promise.all([t.login('jobs.global', TEST_PASSWORD), t.login('jobs.parkop', TEST_PASSWORD)]);

    const res = await global.get('/api/jobs');
    expect(res.statusCode).toBe(200);
    const items = jobStatusListSchema.parse(JSON.parse(res.body, (k, v: unknown) => (typeof v === 'string' && /At$/.test(k) ? new Date(v) : v))).items;
    expect(items.map((i) => [i.id, i.lastStatus, i.lastError, i.consecutiveFailures, i.runCount, i.isRunning])).toEqual([
      ['demo.failing', 'failed', 'smtp refused', 1, 1, false],
      ['demo.ok', 'ok', null, 0, 1, false],
    ]);
    expect(items[0].nextRunAt.getTime()).toBeGreaterThan(Date.now());
    expect(res.body).not.toContain('lease');

    expect((await parkOp.get('/api/jobs')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/jobs' })).statusCode).toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { createTestDatabase, TEST_DB } from '../../testing/test-db';
import { createJobScheduler, defineJob, runJobsInProcess, type JobDefinition, type JobScheduler } from './jobs.scheduler';

let database: Database & { url?: string };
/** Extra pools on the same PostgreSQL database, one per racing instance (PGlite: the one database). */
const pools: Database[] = [];
const errors: unknown[] = [];
const log = { info: () => undefined, error: (obj: unknown) => errors.push(obj) };

beforeAll(async () => {
  database = await createTestDatabase();
  if (TEST_DB === 'postgres') for (let i = 0; i < 3; i++) pools.push(await openDatabase({ databaseUrl: database.url!, poolSize: 2 }));
});
afterAll(async () => {
  for (const p of pools) await p.close();
  await database?.close();
});

/** The i-th instance's connection: its own pool on PostgreSQL. */
const instanceDb = (i: number): Database => pools[i] ?? database;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const row = async (id: string) =>
  (
    await database.query<{ run_count: number; failure_count: number; consecutive_failures: number; last_status: string | null; last_error: string | null; lease_owner: string | null; last_duration_ms: number | null }>(
      `select run_count, failure_count, consecutive_failures, last_status, last_error, lease_owner, last_duration_ms from scheduled_jobs where id = $1`,
      [id],
    )
  )[0];
const makeDue = (id: string) => database.query(`update scheduled_jobs set next_run_at = now() - interval '1 second' where id = $1`, [id]);

function scheduler(jobs: JobDefinition[], o: { instance?: number; leaseMs?: number; isSoleInstance?: boolean } = {}): JobScheduler {
  return createJobScheduler({ database: instanceDb(o.instance ?? 0), jobs, log, pollMs: 20, leaseMs: o.leaseMs, isSoleInstance: o.isSoleInstance ?? false, instanceId: `test-${o.instance ?? 0}` });
}

describe('defineJob', () => {
  test.each([
    ['files.cleanup', 1000, true],
    ['history.rollup-late', 1, true],
    ['cleanup', 1000, false],
    ['Files.Cleanup', 1000, false],
    ['files.cleanup', 0, false],
    ['files.cleanup', 1.5, false],
  ])('id %s with interval %d is accepted: %s', (id, intervalMs, ok) => {
    const make = () => defineJob({ id, intervalMs, run: async () => undefined });
    if (ok) expect(make().id).toBe(id);
    else expect(make).toThrow();
  });

  test('a scheduler refuses the same id twice', () => {
    const job = defineJob({ id: 'dup.job', intervalMs: 1000, run: async () => undefined });
    expect(() => createJobScheduler({ database, jobs: [job, job], log })).toThrow(/twice/);
  });
});

describe('scheduler on the shared database', () => {
  test('three instances racing for the same due job run it exactly once per period', async () => {
    let runs = 0;
    const job = defineJob({ id: 'race.once', intervalMs: 3_600_000, runOnStart: true, run: async () => void runs++ });
    const instances = [0, 1, 2].map((i) => scheduler([job], { instance: i }));
    // start() registers the row and polls; the extra runDue() calls race the polls on purpose.
    await Promise.all(instances.map((s) => s.start()));
    await Promise.all(instances.flatMap((s) => [s.runDue(), s.runDue(), s.runDue()]));
    await sleep(100);
    await Promise.all(instances.map((s) => s.idle()));
    expect(runs).toBe(1);
    // The next period: due again, raced again, run once more.
    await makeDue('race.once');
    await Promise.all(instances.flatMap((s) => [s.runDue(), s.runDue()]));
    await sleep(100);
    await Promise.all(instances.map((s) => s.stop()));
    expect(runs).toBe(2);
    expect(await row('race.once')).toMatchObject({ run_count: 2, last_status: 'ok', lease_owner: null });
  });

  test('with short periods, runs across instances never exceed one per period', async () => {
    const starts: number[] = [];
    const job = defineJob({ id: 'race.periods', intervalMs: 300, runOnStart: true, run: async () => void starts.push(Date.now()) });
    const instances = [0, 1, 2].map((i) => scheduler([job], { instance: i }));
    await Promise.all(instances.map((s) => s.start()));
    await sleep(1_400);
    await Promise.all(instances.map((s) => s.stop()));
    expect(starts.length).toBeGreaterThanOrEqual(3);
    expect(starts.length).toBeLessThanOrEqual(5);
    // Consecutive starts are a period apart (database and timer clocks differ by a few ms).
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(270);
  });

  test('a failing job is logged and recorded, its failures counted and reset; another job still runs', async () => {
    errors.length = 0;
    let shouldFail = true;
    let otherRuns = 0;
    const failing = defineJob({
      id: 'fail.sometimes',
      intervalMs: 3_600_000,
      runOnStart: true,
      run: async () => {
        if (shouldFail) throw new Error('disk on fire');
      },
    });
    const other = defineJob({ id: 'fail.other', intervalMs: 3_600_000, runOnStart: true, run: async () => void otherRuns++ });
    const s = scheduler([failing, other]);
    await s.start();
    await expect.poll(async () => (await row('fail.sometimes'))?.run_count).toBe(1);
    await s.idle();
    expect(await row('fail.sometimes')).toMatchObject({ last_status: 'failed', last_error: 'disk on fire', consecutive_failures: 1, failure_count: 1, lease_owner: null });
    expect(otherRuns).toBe(1);
    expect(await row('fail.other')).toMatchObject({ last_status: 'ok', consecutive_failures: 0 });
    expect(errors).toHaveLength(1);

    await makeDue('fail.sometimes');
    await expect.poll(async () => (await row('fail.sometimes'))?.consecutive_failures).toBe(2);
    shouldFail = false;
    await makeDue('fail.sometimes');
    await expect.poll(async () => (await row('fail.sometimes'))?.last_status).toBe('ok');
    await s.stop();
    expect(await row('fail.sometimes')).toMatchObject({ consecutive_failures: 0, failure_count: 2, run_count: 3, last_error: null });
  });

  test('a job still running is not started again, even when its period passes', async () => {
    let concurrent = 0;
    let maxConcurrent = 0;
    let runs = 0;
    const slow = defineJob({
      id: 'overlap.slow',
      intervalMs: 50,
      runOnStart: true,
      run: async () => {
        runs++;
        maxConcurrent = Math.max(maxConcurrent, ++concurrent);
        await sleep(400);
        concurrent--;
      },
    });
    const instances = [0, 1].map((i) => scheduler([slow], { instance: i, leaseMs: 300 }));
    await Promise.all(instances.map((s) => s.start()));
    await sleep(1_000);
    await Promise.all(instances.map((s) => s.stop()));
    expect(maxConcurrent).toBe(1);
    // Renewed every 100 ms, the 300 ms lease outlives each 400 ms run: no takeover mid-run.
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThanOrEqual(3);
  });

  test('a lease left by a crashed instance is taken over once it expires', async () => {
    let runs = 0;
    const job = defineJob({ id: 'lease.crashed', intervalMs: 3_600_000, run: async () => void runs++ });
    await database.query(
      `insert into scheduled_jobs (id, interval_ms, next_run_at, lease_owner, lease_expires_at) values ('lease.crashed', 3600000, now() - interval '1 minute', 'dead-instance', now() + interval '400 milliseconds')`,
    );
    const s = scheduler([job]);
    await s.start();
    await sleep(200);
    expect(runs).toBe(0);
    await expect.poll(() => runs, { timeout: 3_000 }).toBe(1);
    await s.stop();
    expect(await row('lease.crashed')).toMatchObject({ lease_owner: null, run_count: 1, last_status: 'ok' });
  });

  test('the sole instance (embedded database) releases a dead process’s lease at start', async () => {
    let runs = 0;
    const job = defineJob({ id: 'lease.sole', intervalMs: 3_600_000, run: async () => void runs++ });
    await database.query(
      `insert into scheduled_jobs (id, interval_ms, next_run_at, lease_owner, lease_expires_at) values ('lease.sole', 3600000, now() - interval '1 minute', 'previous-process', now() + interval '1 hour')`,
    );
    const s = scheduler([job], { isSoleInstance: true });
    await s.start();
    await expect.poll(() => runs).toBe(1);
    await s.stop();
  });

  test('a restart of the sole (embedded) instance runs its run-on-start jobs at once; another instance starting adds no run', async () => {
    let runs = 0;
    const job = defineJob({ id: 'restart.now', intervalMs: 3_600_000, runOnStart: true, run: async () => void runs++ });
    const first = scheduler([job]);
    await first.start();
    await expect.poll(() => runs).toBe(1);
    await first.stop();
    // A second instance beside it keeps the shared due time (an hour away).
    const beside = scheduler([job], { instance: 1 });
    await beside.start();
    await sleep(150);
    await beside.stop();
    expect(runs).toBe(1);
    // The embedded server restarting: the first rollup must not wait a period.
    const restarted = scheduler([job], { isSoleInstance: true });
    await restarted.start();
    await expect.poll(() => runs).toBe(2);
    await restarted.stop();
  });

  test('a job not run on start waits one period; a shorter configured period takes effect at once', async () => {
    let runs = 0;
    const job = defineJob({ id: 'period.wait', intervalMs: 3_600_000, run: async () => void runs++ });
    const s1 = scheduler([job]);
    await s1.start();
    await sleep(100);
    await s1.stop();
    expect(runs).toBe(0);
    const s2 = scheduler([{ ...job, intervalMs: 100 }]);
    await s2.start();
    await expect.poll(() => runs).toBeGreaterThanOrEqual(1);
    await s2.stop();
    expect((await database.query<{ interval_ms: number }>(`select interval_ms from scheduled_jobs where id = 'period.wait'`))[0].interval_ms).toBe(100);
  });

  test('a handler learns when the previous run started', async () => {
    const seen: (Date | null)[] = [];
    const job = defineJob({ id: 'context.previous', intervalMs: 3_600_000, runOnStart: true, run: async (ctx) => void seen.push(ctx.previousRunAt) });
    const s = scheduler([job]);
    await s.start();
    await expect.poll(() => seen.length).toBe(1);
    await s.idle();
    await makeDue('context.previous');
    await expect.poll(() => seen.length).toBe(2);
    await s.stop();
    expect(seen[0]).toBeNull();
    expect(seen[1]).toBeInstanceOf(Date);
  });
});

describe('runJobsInProcess', () => {
  test('runs each job on its timer without overlap, logs failures and goes on', async () => {
    const failures: unknown[] = [];
    let okRuns = 0;
    let failRuns = 0;
    const jobs = runJobsInProcess(
      [
        defineJob({ id: 'local.ok', intervalMs: 30, runOnStart: true, run: async () => void okRuns++ }),
        defineJob({
          id: 'local.fail',
          intervalMs: 30,
          run: async () => {
            failRuns++;
            throw new Error('nope');
          },
        }),
      ],
      { log: { error: (obj) => failures.push(obj) } },
    );
    expect(okRuns).toBe(1);
    await expect.poll(() => failRuns).toBeGreaterThanOrEqual(2);
    await jobs.stop();
    expect(failures.length).toBe(failRuns);
    expect(okRuns).toBeGreaterThanOrEqual(2);
  });
});

import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from '../../db/client';

/** What a handler learns about its run. */
export interface JobRunContext {
  /** When the previous run of this job started (on any instance); null on the very first run. */
  previousRunAt: Date | null;
}

/**
 * A periodic background job, registered by the module that owns it. The scheduler runs it at
 * most once per `intervalMs` across every worker instance that shares the database.
 */
export interface JobDefinition {
  /** Stable id, `<module>.<job>` in lower case (`files.cleanup`): the row in `scheduled_jobs`. */
  id: string;
  /** Period between the starts of two runs. */
  intervalMs: number;
  /**
   * Run as soon as the job is first registered instead of one period later, and at each start of
   * a sole (embedded) instance; with several instances, a starting one keeps the shared due time.
   */
  runOnStart?: boolean;
  /** The work. Throw to record a failure; the scheduler logs it and runs the job again next period. */
  run(ctx: JobRunContext): Promise<void>;
}

/** The logger a scheduler writes to. */
export interface JobLog {
  info(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

const JOB_ID = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

/** Checks a definition (id shape, positive period) and returns it; modules call this once per job. */
export function defineJob(job: JobDefinition): JobDefinition {
  if (!JOB_ID.test(job.id)) throw new Error(`job id "${job.id}" must look like module.job (lower case)`);
  if (!Number.isInteger(job.intervalMs) || job.intervalMs <= 0) throw new Error(`job ${job.id}: intervalMs must be a positive integer`);
  return job;
}

export interface JobSchedulerOptions {
  database: Database;
  jobs: JobDefinition[];
  log: JobLog;
  /** Names this instance in `lease_owner` (default host:pid:random). */
  instanceId?: string;
  /** How often due jobs are looked for (default: the shortest interval, between 50 ms and 1 s). */
  pollMs?: number;
  /** How long a lease lasts without renewal; a running job renews it every third of this (default 60 s). */
  leaseMs?: number;
  /**
   * This instance is the only one using the database (embedded PGlite: the data-dir lock
   * guarantees it), so leases left by an earlier, crashed process are released at start
   * instead of waiting for them to expire. Default: `database.driver === 'pglite'`.
   */
  isSoleInstance?: boolean;
}

/** A running scheduler. */
export interface JobScheduler {
  readonly instanceId: string;
  /** Registers the jobs' rows and starts polling. */
  start(): Promise<void>;
  /** Claims and starts the jobs due now (the poll loop calls this); resolves to the ids started. */
  runDue(): Promise<string[]>;
  /** Resolves when the runs started so far have finished and been recorded. */
  idle(): Promise<void>;
  /** Stops polling and waits for running jobs to finish. */
  stop(): Promise<void>;
}

const ms = `* interval '1 millisecond'`;

// Due rows that nobody holds (or whose holder's lease expired) are claimed in one statement;
// SKIP LOCKED makes a racing instance pass over a row being claimed instead of waiting for it,
// and once the claim commits, next_run_at is a period ahead, so the racer does not see it due.
const CLAIM_SQL = `
WITH due AS (
  SELECT id, last_started_at FROM scheduled_jobs
  WHERE id = ANY($1::text[]) AND next_run_at <= now() AND (lease_owner IS NULL OR lease_expires_at <= now())
  ORDER BY next_run_at
  FOR UPDATE SKIP LOCKED
)
UPDATE scheduled_jobs j
SET lease_owner = $2, lease_expires_at = now() + $3::int ${ms}, last_started_at = now(), next_run_at = now() + j.interval_ms ${ms}
FROM due WHERE j.id = due.id
RETURNING j.id, due.last_started_at AS previous_run_at`;

// A new row is due now (runOnStart) or a period from now. An existing row keeps its due time,
// brought forward when the configured period got shorter; only a sole instance's restart makes a
// runOnStart job due at once: with several instances, each one starting must not add a run.
const REGISTER_SQL = `
INSERT INTO scheduled_jobs (id, interval_ms, next_run_at)
VALUES ($1, $2::int, now() + (CASE WHEN $3::boolean THEN 0 ELSE $2::int END) ${ms})
ON CONFLICT (id) DO UPDATE SET
  interval_ms = excluded.interval_ms,
  next_run_at = CASE WHEN $4::boolean THEN LEAST(scheduled_jobs.next_run_at, now())
    ELSE LEAST(scheduled_jobs.next_run_at, COALESCE(scheduled_jobs.last_started_at, now()) + $2::int ${ms}) END`;

const RENEW_SQL = `UPDATE scheduled_jobs SET lease_expires_at = now() + $3::int ${ms} WHERE id = $1 AND lease_owner = $2`;

const FINISH_SQL = `
UPDATE scheduled_jobs SET
  lease_owner = NULL, lease_expires_at = NULL, last_finished_at = now(), last_duration_ms = $3::int,
  last_status = $4, last_error = $5,
  consecutive_failures = CASE WHEN $4 = 'ok' THEN 0 ELSE consecutive_failures + 1 END,
  run_count = run_count + 1, failure_count = failure_count + (CASE WHEN $4 = 'ok' THEN 0 ELSE 1 END)
WHERE id = $1 AND lease_owner = $2`;

/**
 * The worker's scheduler on the shared database: every instance runs one, and each job runs
 * once per period among them. A run holds a lease (renewed while it runs) so a slow job is not
 * started twice, and a crashed instance's lease expires and is taken over. A failing handler is
 * logged and recorded (`last_error`, `consecutive_failures`); it never stops the loop or the
 * other jobs, which run side by side.
 */
export function createJobScheduler(options: JobSchedulerOptions): JobScheduler {
  const { database, log } = options;
  const jobs = new Map<string, JobDefinition>();
  for (const job of options.jobs) {
    defineJob(job);
    if (jobs.has(job.id)) throw new Error(`job ${job.id} is registered twice`);
    jobs.set(job.id, job);
  }
  const instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 60_000;
  const shortest = Math.min(...[...jobs.values()].map((j) => j.intervalMs));
  const pollMs = options.pollMs ?? Math.max(50, Math.min(1_000, shortest));
  const running = new Map<string, Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let polling: Promise<unknown> = Promise.resolve();

  const runOne = async (job: JobDefinition, previousRunAt: Date | null) => {
    const started = performance.now();
    const renew = setInterval(() => {
      database.query(RENEW_SQL, [job.id, instanceId, leaseMs]).catch((err: unknown) => log.error({ err, job: job.id }, 'jobs: could not renew a lease'));
    }, leaseMs / 3);
    renew.unref();
    let error: string | null = null;
    try {
      await job.run({ previousRunAt });
    } catch (err) {
      error = (err instanceof Error ? err.message : String(err)).slice(0, 1000) || 'failed';
      log.error({ err, job: job.id }, `jobs: ${job.id} failed; it runs again next period`);
    } finally {
      clearInterval(renew);
    }
    const duration = Math.round(performance.now() - started);
    // If recording fails the lease simply expires and another run takes over.
    await database
      .query(FINISH_SQL, [job.id, instanceId, duration, error === null ? 'ok' : 'failed', error])
      .catch((err: unknown) => log.error({ err, job: job.id }, 'jobs: could not record a run'));
  };

  const runDue = async (): Promise<string[]> => {
    if (stopped) return [];
    const candidates = [...jobs.keys()].filter((id) => !running.has(id));
    if (candidates.length === 0) return [];
    const claimed = await database.query<{ id: string; previous_run_at: Date | string | null }>(CLAIM_SQL, [candidates, instanceId, leaseMs]);
    for (const row of claimed) {
      const job = jobs.get(row.id)!;
      const previous = row.previous_run_at === null ? null : new Date(row.previous_run_at);
      const run = runOne(job, previous).finally(() => running.delete(job.id));
      running.set(job.id, run);
    }
    return claimed.map((r) => r.id);
  };

  const loop = () => {
    polling = runDue()
      .catch((err: unknown) => log.error({ err }, 'jobs: could not look for due jobs; trying again'))
      .finally(() => {
        if (!stopped) {
          timer = setTimeout(loop, pollMs);
          timer.unref();
        }
      });
  };

  return {
    instanceId,
    async start() {
      if (jobs.size === 0) return;
      const ids = [...jobs.keys()];
      const isSole = options.isSoleInstance ?? database.driver === 'pglite';
      if (isSole) {
        await database.query(`UPDATE scheduled_jobs SET lease_owner = NULL, lease_expires_at = NULL WHERE id = ANY($1::text[]) AND lease_owner IS NOT NULL`, [ids]);
      }
      for (const job of jobs.values()) await database.query(REGISTER_SQL, [job.id, job.intervalMs, job.runOnStart ?? false, isSole && (job.runOnStart ?? false)]);
      loop();
    },
    runDue,
    async idle() {
      await Promise.all(running.values());
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await polling;
      await Promise.all(running.values());
    },
  };
}

/**
 * Runs definitions on in-process timers, without the database: for module tests and tools that
 * exercise one module's jobs alone. Same contract as the scheduler (no overlap, a failure is
 * logged and the loop goes on), but each process runs every job.
 */
export function runJobsInProcess(definitions: JobDefinition[], options: { log?: Pick<JobLog, 'error'> } = {}): { stop(): Promise<void> } {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  let stopped = false;
  for (const job of definitions.map(defineJob)) {
    let current: Promise<void> | undefined;
    let previousRunAt: Date | null = null;
    const tick = () => {
      if (current || stopped) return;
      const startedAt = new Date();
      current = job
        .run({ previousRunAt })
        .catch((err: unknown) => options.log?.error({ err, job: job.id }, `jobs: ${job.id} failed; it runs again next period`))
        .finally(() => {
          running.delete(current!);
          current = undefined;
        });
      previousRunAt = startedAt;
      running.add(current);
    };
    const timer = setInterval(tick, job.intervalMs);
    timer.unref();
    timers.push(timer);
    if (job.runOnStart) tick();
  }
  return {
    async stop() {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await Promise.all(running);
    },
  };
}

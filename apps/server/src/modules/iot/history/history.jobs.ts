import type { Database } from '../../../db/client';
import { defineJob, runJobsInProcess, type JobDefinition } from '../../jobs';
import type { HistoryService } from './history.service';
import { runRetention, type RetentionOptions } from './retention';
import { ROLLUP_STATE, rollLateHours, runReconcile, runRollup, type FailedSeries, type RollupOptions } from './rollup';

interface JobLogger {
  info(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

export interface HistoryJobsOptions {
  database: Database;
  history: Pick<HistoryService, 'getRetentionSettings'>;
  log: JobLogger;
  /** How often the rollup job runs (default 20 s). */
  rollupIntervalMs?: number;
  /** How often the retention job runs (default 10 min). */
  retentionIntervalMs?: number;
  /** How often the reconcile pass looks for late readings ingested by other processes (default 5 min). */
  reconcileIntervalMs?: number;
  /** How far back the reconcile pass looks (default 24 h). */
  reconcileLookbackMs?: number;
  rollup?: Partial<RollupOptions>;
  retention?: Partial<RetentionOptions>;
}

/** Counters of the history jobs, for logs and tests. */
export interface HistoryJobStats {
  rollupRuns: number;
  retentionRuns: number;
  reconcileRuns: number;
  /** Series hours re-rolled for late readings (hints from ingest and the reconcile pass). */
  lateHoursReRolled: number;
  /** Runs that failed as a whole (database unavailable, …) and were retried on the next tick. */
  errors: number;
  /** Series skipped because their own data broke a rollup statement (also in `telemetry_rollup_failures`). */
  failedSeries: number;
}

/**
 * The worker's telemetry history jobs: `history.rollup`, `history.retention` and
 * `history.reconcile`. Each runs in short, bounded statements; within a process they run one
 * after another, never overlapping; a failure is logged, counted and recorded in
 * `history_job_state` (and by the scheduler), and the next period tries again. A series whose
 * own data breaks its rollup is skipped by the run, logged, counted and recorded in
 * `telemetry_rollup_failures`: the other series, the watermark and retention go on.
 */
export function createHistoryJobs(options: HistoryJobsOptions): { jobs: JobDefinition[]; stats: HistoryJobStats; runRollupNow(): Promise<void> } {
  const { database, log } = options;
  const stats: HistoryJobStats = { rollupRuns: 0, retentionRuns: 0, reconcileRuns: 0, lateHoursReRolled: 0, errors: 0, failedSeries: 0 };
  let chain: Promise<void> = Promise.resolve();

  // One history run at a time in this process; the returned promise fails with the run.
  const enqueue = (name: string, fn: () => Promise<void>): Promise<void> => {
    const run = chain.then(async () => {
      try {
        await fn();
      } catch (err) {
        stats.errors++;
        log.error({ err }, `telemetry history: ${name} failed; retrying on the next tick`);
        await database
          .query(`INSERT INTO history_job_state (name, last_error, last_run_at) VALUES ($1, $2, now()) ON CONFLICT (name) DO UPDATE SET last_error = excluded.last_error, last_run_at = now()`, [
            ROLLUP_STATE,
            `${name}: ${(err as Error).message}`.slice(0, 500),
          ])
          .catch(() => undefined);
        throw err;
      }
    });
    chain = run.catch(() => undefined);
    return run;
  };

  const reportFailed = (failed: FailedSeries[]) => {
    for (const f of failed) {
      stats.failedSeries++;
      log.error(
        { deviceId: f.deviceId, metric: f.metric, tier: f.tier, from: f.from.toISOString(), to: f.to.toISOString(), error: f.error },
        'telemetry history: a series could not be rolled up and was skipped (see telemetry_rollup_failures); the others were rolled',
      );
    }
  };

  const rollup = () =>
    enqueue('rollup', async () => {
      const r = await runRollup(database, options.rollup);
      reportFailed(r.failedSeries);
      // Hours that got readings behind the watermark, marked by the ingest path of any process.
      const late = await rollLateHours(database, options.rollup);
      reportFailed(late.failedSeries);
      stats.lateHoursReRolled += late.hoursReRolled;
      stats.rollupRuns++;
      if (r.windows > 1) log.info(`telemetry history: rolled ${r.windows} windows (${r.rowsWritten} rows) up to ${r.watermark?.toISOString()}`);
    });
  const retention = () =>
    enqueue('retention', async () => {
      const r = await runRetention(database, await options.history.getRetentionSettings(), options.retention);
      stats.retentionRuns++;
      const total = r.deleted.raw + r.deleted['1m'] + r.deleted['1h'];
      if (total > 0) log.info(`telemetry history: retention deleted ${r.deleted.raw} raw, ${r.deleted['1m']} 1-minute, ${r.deleted['1h']} 1-hour rows`);
    });

  const reconcile = () =>
    enqueue('reconcile', async () => {
      const r = await runReconcile(database, { lookbackMs: options.reconcileLookbackMs, ...options.rollup });
      reportFailed(r.failedSeries);
      stats.reconcileRuns++;
      stats.lateHoursReRolled += r.hoursReRolled;
      if (r.hoursReRolled > 0) log.info(`telemetry history: re-rolled ${r.hoursReRolled} series hours with late readings`);
    });

  const jobs = [
    // First runs at start: screens and the e2e suite wait for the first rollup.
    defineJob({ id: 'history.rollup', intervalMs: options.rollupIntervalMs ?? 20_000, runOnStart: true, run: rollup }),
    defineJob({ id: 'history.retention', intervalMs: options.retentionIntervalMs ?? 10 * 60_000, runOnStart: true, run: retention }),
    defineJob({ id: 'history.reconcile', intervalMs: options.reconcileIntervalMs ?? 5 * 60_000, run: reconcile }),
  ];
  return { jobs, stats, runRollupNow: () => rollup().catch(() => undefined) };
}

/** Runs the history jobs on in-process timers (tests, tools); the server runs them on the shared scheduler. */
export function startHistoryJobs(options: HistoryJobsOptions): { stats: HistoryJobStats; runRollupNow(): Promise<void>; stop(): Promise<void> } {
  const { jobs, stats, runRollupNow } = createHistoryJobs(options);
  // The history jobs log their own failures.
  const running = runJobsInProcess(jobs);
  return { stats, runRollupNow, stop: () => running.stop() };
}

/**
 * Jobs (后台任务): one scheduler for the periodic background jobs of every module.
 *
 * - A module describes each job with `defineJob({ id: 'module.job', intervalMs, runOnStart?, run })`
 *   and hands the definitions to the composition root (`runtime/server.ts`), which starts one
 *   `createJobScheduler` per worker process.
 * - Each job runs once per period however many worker instances share the database: a due row
 *   of `scheduled_jobs` is claimed with `FOR UPDATE SKIP LOCKED`, its next due time moved a period
 *   ahead, and a lease held (renewed while the job runs, taken over when an instance dies).
 * - A handler throws to fail; the scheduler logs it and records `last_error` and
 *   `consecutive_failures`; other jobs and later periods run regardless.
 * - `runJobsInProcess(definitions)` runs definitions on plain timers (module tests, tools).
 * - `GET /api/jobs` lists the jobs and their last runs for company-wide operators.
 *
 * Things every instance must do for itself (SSE heartbeats, per-connection timers, in-process
 * caches and batches) stay on their own timers: they are not jobs.
 */
export { createJobScheduler, defineJob, runJobsInProcess, type JobDefinition, type JobRunContext, type JobScheduler, type JobSchedulerOptions, type JobLog } from './jobs.scheduler';
export { createJobsService, type JobsService } from './jobs.service';
export { jobsRoutes } from './jobs.routes';
export { jobStatusSchema, type JobStatus } from './jobs.schema';

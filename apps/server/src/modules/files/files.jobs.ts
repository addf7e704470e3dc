import { defineJob, runJobsInProcess, type JobDefinition } from '../jobs';
import type { FilesService } from './files.service';

interface FileJobDeps {
  files: Pick<FilesService, 'deleteAbandonedUploads'>;
  intervalMs: number;
  log: { info(msg: string): void; error(obj: object, msg: string): void };
}

/** The worker's `files.cleanup` job: deletes uploads nobody attached within a day, every `intervalMs`. */
export function createFileCleanupJob(deps: FileJobDeps): { job: JobDefinition; stats: { ticks: number; deleted: number; errors: number } } {
  const stats = { ticks: 0, deleted: 0, errors: 0 };
  const job = defineJob({
    id: 'files.cleanup',
    intervalMs: deps.intervalMs,
    runOnStart: true,
    async run() {
      stats.ticks++;
      try {
        const n = await deps.files.deleteAbandonedUploads();
        stats.deleted += n;
        if (n) deps.log.info(`files: deleted ${n} upload(s) nobody attached within a day`);
      } catch (err) {
        stats.errors++;
        throw err;
      }
    },
  });
  return { job, stats };
}

/** Runs the cleanup job on an in-process timer (tests, tools); the server runs it on the shared scheduler. */
export function startFileCleanupJob(deps: FileJobDeps) {
  const { job, stats } = createFileCleanupJob(deps);
  const running = runJobsInProcess([job], { log: deps.log });
  return { stats, stop: () => running.stop() };
}

import type { FilesService } from './files.service';

interface JobLog {
  info(msg: string): void;
  error(obj: object, msg: string): void;
}

/** Worker-role job: deletes uploads nobody attached within a day, every `intervalMs`; a failed tick is logged and retried next time. */
export function startFileCleanupJob(deps: { files: Pick<FilesService, 'deleteAbandonedUploads'>; intervalMs: number; log: JobLog }) {
  const stats = { ticks: 0, deleted: 0, errors: 0 };
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      stats.ticks++;
      const n = await deps.files.deleteAbandonedUploads();
      stats.deleted += n;
      if (n) deps.log.info(`files: deleted ${n} upload(s) nobody attached within a day`);
    } catch (err) {
      stats.errors++;
      deps.log.error({ err }, 'files: cleanup of abandoned uploads failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), deps.intervalMs);
  timer.unref();
  void tick();
  return {
    stats,
    async stop() {
      clearInterval(timer);
    },
  };
}

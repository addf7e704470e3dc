import { defineJob, type JobDefinition } from '../jobs';
import type { InspectionsService } from './inspections.service';

/** The worker's `inspections.schedules` job: each recurring schedule gets its next occurrence once the current one is due (once, however often it runs). */
export function createInspectionScheduleJob(deps: { inspections: Pick<InspectionsService, 'rollSchedules'>; intervalMs: number; log: { info(msg: string): void } }): JobDefinition {
  return defineJob({
    id: 'inspections.schedules',
    intervalMs: deps.intervalMs,
    runOnStart: true,
    async run() {
      const n = await deps.inspections.rollSchedules();
      if (n) deps.log.info(`inspections: scheduled ${n} next occurrences`);
    },
  });
}

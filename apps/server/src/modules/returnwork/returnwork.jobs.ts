import { defineJob, type JobDefinition } from '../jobs';
import type { ReturnWorkService } from './returnwork.service';

/** The worker's `returnwork.reminders` job: enterprises that have not reported by the period's deadline are notified once. */
export function createReturnWorkReminderJob(deps: { returnWork: Pick<ReturnWorkService, 'remindOverdue'>; intervalMs: number; log: { info(msg: string): void } }): { job: JobDefinition } {
  const job = defineJob({
    id: 'returnwork.reminders',
    intervalMs: deps.intervalMs,
    runOnStart: true,
    async run() {
      const n = await deps.returnWork.remindOverdue();
      if (n) deps.log.info(`returnwork: sent ${n} reminders`);
    },
  });
  return { job };
}

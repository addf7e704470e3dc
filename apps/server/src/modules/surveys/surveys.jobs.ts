import { defineJob, type JobDefinition } from '../jobs';
import type { SurveysService } from './surveys.service';

/** The worker's `surveys.reminders` job: two days before a survey closes, invited enterprises that have not answered are reminded once. */
export function createSurveyReminderJob(deps: { surveys: Pick<SurveysService, 'remindBeforeClose'>; intervalMs: number; log: { info(msg: string): void } }): JobDefinition {
  return defineJob({
    id: 'surveys.reminders',
    intervalMs: deps.intervalMs,
    runOnStart: true,
    async run() {
      const n = await deps.surveys.remindBeforeClose();
      if (n) deps.log.info(`surveys: sent ${n} reminders`);
    },
  });
}

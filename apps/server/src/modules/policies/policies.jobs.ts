import { defineJob, type JobDefinition } from '../jobs';
import type { PoliciesService } from './policies.service';

/** The worker's `policies.deadline-reminders` job: reminds eligible enterprises that have not applied (each reminder once). */
export function createPolicyReminderJob(deps: { policies: Pick<PoliciesService, 'sendDeadlineReminders'>; intervalMs: number; log: { info(msg: string): void } }): JobDefinition {
  return defineJob({
    id: 'policies.deadline-reminders',
    intervalMs: deps.intervalMs,
    runOnStart: true,
    async run() {
      const n = await deps.policies.sendDeadlineReminders();
      if (n) deps.log.info(`policies: sent ${n} deadline reminders`);
    },
  });
}

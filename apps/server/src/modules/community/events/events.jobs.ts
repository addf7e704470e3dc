import { defineJob, runJobsInProcess, type JobDefinition } from '../../jobs';
import type { EventsService } from './events.service';

interface EventJobDeps {
  events: EventsService;
  intervalMs: number;
  log: { info(msg: string): void; error(obj: object, msg: string): void };
}

/** The worker's `events.reminders` job: records due event reminders every `intervalMs`; a failure is recorded and retried next period. */
export function createEventReminderJob(deps: EventJobDeps): { job: JobDefinition; stats: { runs: number; recorded: number; failures: number } } {
  const stats = { runs: 0, recorded: 0, failures: 0 };
  const job = defineJob({
    id: 'events.reminders',
    intervalMs: deps.intervalMs,
    runOnStart: true,
    async run() {
      try {
        const n = await deps.events.recordDueReminders();
        stats.runs++;
        stats.recorded += n;
        if (n) deps.log.info(`events: recorded ${n} reminders`);
      } catch (err) {
        stats.failures++;
        throw err;
      }
    },
  });
  return { job, stats };
}

/** Runs the reminder job on an in-process timer (tests, tools); the server runs it on the shared scheduler. */
export function startEventReminderJob(deps: EventJobDeps) {
  const { job, stats } = createEventReminderJob(deps);
  const running = runJobsInProcess([job], { log: deps.log });
  return { stats, stop: () => running.stop() };
}

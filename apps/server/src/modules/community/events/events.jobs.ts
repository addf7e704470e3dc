import type { EventsService } from './events.service';

/** Worker job: records due event reminders every `intervalMs`; a failure is logged and retried next tick. */
export function startEventReminderJob(deps: { events: EventsService; intervalMs: number; log: { info(msg: string): void; error(obj: object, msg: string): void } }) {
  const stats = { runs: 0, recorded: 0, failures: 0 };
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = deps.events
      .recordDueReminders()
      .then((n) => {
        stats.runs++;
        stats.recorded += n;
        if (n) deps.log.info(`events: recorded ${n} reminders`);
      })
      .catch((err: unknown) => {
        stats.failures++;
        deps.log.error({ err }, 'events: could not record reminders');
      })
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, deps.intervalMs);
  timer.unref();
  tick();
  return {
    stats,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

import type { ApprovalsService } from './approvals.service';

/** Worker job: escalates overdue approval tasks every `intervalMs`; a failure is logged and retried next tick. */
export function startApprovalEscalationJob(deps: { approvals: ApprovalsService; intervalMs: number; log: { info(msg: string): void; error(obj: object, msg: string): void } }) {
  const stats = { runs: 0, escalated: 0, failures: 0 };
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = deps.approvals
      .escalateOverdue()
      .then((n) => {
        stats.runs++;
        stats.escalated += n;
        if (n) deps.log.info(`approvals: escalated ${n} overdue cases`);
      })
      .catch((err: unknown) => {
        stats.failures++;
        deps.log.error({ err }, 'approvals: could not escalate overdue tasks');
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

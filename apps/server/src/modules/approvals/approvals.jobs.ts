import { defineJob, runJobsInProcess, type JobDefinition } from '../jobs';
import type { ApprovalsService } from './approvals.service';

interface ApprovalJobDeps {
  approvals: Pick<ApprovalsService, 'escalateOverdue'>;
  intervalMs: number;
  log: { info(msg: string): void; error(obj: object, msg: string): void };
}

/** The worker's `approvals.escalation` job: overdue tasks notify their approvers and the step's escalation role, every `intervalMs`. */
export function createApprovalEscalationJob(deps: ApprovalJobDeps): { job: JobDefinition; stats: { runs: number; escalated: number; failures: number } } {
  const stats = { runs: 0, escalated: 0, failures: 0 };
  const job = defineJob({
    id: 'approvals.escalation',
    intervalMs: deps.intervalMs,
    runOnStart: true,
    async run() {
      try {
        const n = await deps.approvals.escalateOverdue();
        stats.runs++;
        stats.escalated += n;
        if (n) deps.log.info(`approvals: escalated ${n} overdue cases`);
      } catch (err) {
        stats.failures++;
        throw err;
      }
    },
  });
  return { job, stats };
}

/** Runs the escalation job on an in-process timer (tests, tools); the server runs it on the shared scheduler. */
export function startApprovalEscalationJob(deps: ApprovalJobDeps) {
  const { job, stats } = createApprovalEscalationJob(deps);
  const running = runJobsInProcess([job], { log: deps.log });
  return { stats, stop: () => running.stop() };
}

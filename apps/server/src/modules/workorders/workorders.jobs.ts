import { defineJob, runJobsInProcess, type JobDefinition } from '../jobs';
import { SYSTEM_ACTOR } from '../identity/actor';
import type { DispatchService } from './dispatch.service';
import type { WorkOrdersService } from './workorders.service';

interface WorkOrderJobDeps {
  workOrders: WorkOrdersService;
  dispatch: DispatchService;
  escalationIntervalMs: number;
  retrainCheckIntervalMs: number;
  log: { info(msg: string): void; error(obj: object, msg: string): void };
}

/**
 * The worker's work-order jobs: `workorders.escalation` of overdue orders, and
 * `workorders.retrain` of the dispatch models when they are stale or enough triage corrections
 * have come in. A failing run is counted and thrown to the scheduler, which records it.
 */
export function createWorkOrderJobs(deps: WorkOrderJobDeps): { jobs: JobDefinition[]; stats: { escalationTicks: number; escalated: number; retrainTicks: number; retrained: number; errors: number } } {
  const stats = { escalationTicks: 0, escalated: 0, retrainTicks: 0, retrained: 0, errors: 0 };
  const counted = async (fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      stats.errors++;
      throw err;
    }
  };
  const escalation = defineJob({
    id: 'workorders.escalation',
    intervalMs: deps.escalationIntervalMs,
    runOnStart: true,
    run: () =>
      counted(async () => {
        stats.escalationTicks++;
        const n = await deps.workOrders.escalateOverdue();
        stats.escalated += n;
        if (n) deps.log.info(`work orders: escalated ${n} overdue order(s)`);
      }),
  });
  const retrain = defineJob({
    id: 'workorders.retrain',
    intervalMs: deps.retrainCheckIntervalMs,
    run: () =>
      counted(async () => {
        stats.retrainTicks++;
        const parks = await deps.dispatch.retrainDue({ actor: SYSTEM_ACTOR });
        stats.retrained += parks.length;
        if (parks.length) deps.log.info(`dispatch: retrained models of ${parks.length} park(s)`);
      }),
  });
  return { jobs: [escalation, retrain], stats };
}

/** Runs the work-order jobs on in-process timers (tests, tools); the server runs them on the shared scheduler. */
export function startWorkOrderJobs(deps: WorkOrderJobDeps) {
  const { jobs, stats } = createWorkOrderJobs(deps);
  const running = runJobsInProcess(jobs, { log: deps.log });
  return { stats, stop: () => running.stop() };
}

import { SYSTEM_ACTOR } from '../identity/actor';
import type { DispatchService } from './dispatch.service';
import type { WorkOrdersService } from './workorders.service';

interface JobLog {
  info(msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Worker-role jobs: escalation of overdue orders, and retraining of the dispatch models when
 * they are stale or enough triage corrections have come in. Each tick logs and goes on.
 */
export function startWorkOrderJobs(deps: { workOrders: WorkOrdersService; dispatch: DispatchService; escalationIntervalMs: number; retrainCheckIntervalMs: number; log: JobLog }) {
  const stats = { escalationTicks: 0, escalated: 0, retrainTicks: 0, retrained: 0, errors: 0 };
  let escalating = false;
  let retraining = false;
  const escalate = async () => {
    if (escalating) return;
    escalating = true;
    try {
      stats.escalationTicks++;
      const n = await deps.workOrders.escalateOverdue();
      stats.escalated += n;
      if (n) deps.log.info(`work orders: escalated ${n} overdue order(s)`);
    } catch (err) {
      stats.errors++;
      deps.log.error({ err }, 'work orders: escalation failed');
    } finally {
      escalating = false;
    }
  };
  const retrain = async () => {
    if (retraining) return;
    retraining = true;
    try {
      stats.retrainTicks++;
      const parks = await deps.dispatch.retrainDue({ actor: SYSTEM_ACTOR });
      stats.retrained += parks.length;
      if (parks.length) deps.log.info(`dispatch: retrained models of ${parks.length} park(s)`);
    } catch (err) {
      stats.errors++;
      deps.log.error({ err }, 'dispatch: retrain check failed');
    } finally {
      retraining = false;
    }
  };
  const t1 = setInterval(() => void escalate(), deps.escalationIntervalMs);
  const t2 = setInterval(() => void retrain(), deps.retrainCheckIntervalMs);
  t1.unref();
  t2.unref();
  void escalate();
  return {
    stats,
    async stop() {
      clearInterval(t1);
      clearInterval(t2);
    },
  };
}

import { defineJob, type JobDefinition } from '../jobs';
import type { EvaluationService } from './evaluation.service';

/** The worker's `evaluation.compute` job: recomputes every open period's scores (daily by default). */
export function createEvaluationComputeJob(deps: { evaluation: Pick<EvaluationService, 'computeOpenPeriods'>; intervalMs?: number; log: { info(msg: string): void } }): { job: JobDefinition } {
  const job = defineJob({
    id: 'evaluation.compute',
    intervalMs: deps.intervalMs ?? 24 * 3600_000,
    async run() {
      const n = await deps.evaluation.computeOpenPeriods();
      if (n) deps.log.info(`evaluation: computed ${n} open periods`);
    },
  });
  return { job };
}

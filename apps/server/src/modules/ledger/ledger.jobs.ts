import { defineJob, type JobDefinition } from '../jobs';
import type { LedgerService } from './ledger.service';

/** The worker's `ledger.sign-head` job: a signed tree head every `intervalMs`, only when the log grew. */
export function createLedgerHeadJob(deps: { ledger: Pick<LedgerService, 'createHeadIfGrown'>; intervalMs: number; log: { info(msg: string): void } }): JobDefinition {
  return defineJob({
    id: 'ledger.sign-head',
    intervalMs: deps.intervalMs,
    runOnStart: true,
    async run() {
      const head = await deps.ledger.createHeadIfGrown();
      if (head) deps.log.info(`ledger: signed tree head at size ${head.treeSize}`);
    },
  });
}

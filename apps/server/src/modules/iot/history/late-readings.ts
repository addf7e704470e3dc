import type { CommittedBatch } from '../ingest.pipeline';

const HOUR = 3_600_000;

/** A series hour that received readings the regular rollup run may already have passed. */
export interface LateHint {
  deviceId: string;
  metric: string;
  hour: number;
}

/**
 * Remembers, from committed ingest batches, which series hours got readings
 * older than the rollup grace window, so the next rollup run re-rolls exactly
 * those hours. Costs one comparison per reading on the ingest path. Works when
 * ingest and worker share a process; across processes the reconcile pass
 * (`runReconcile`) finds the same hours by comparing counts.
 */
export function createLateReadingTracker(options: { graceMs: number; maxHints?: number }) {
  const maxHints = options.maxHints ?? 100_000;
  let hints = new Map<string, LateHint>();
  let overflowed = 0;
  return {
    /** The ingest pipeline's `onCommitted` hook. */
    note(batch: CommittedBatch): void {
      // A minute margin: the watermark trails the clock by up to a minute.
      const lateBefore = Date.now() - options.graceMs - 60_000;
      for (let i = 0; i < batch.ts.length; i++) {
        if (batch.ts[i] >= lateBefore) continue;
        const hour = Math.floor(batch.ts[i] / HOUR) * HOUR;
        const key = `${batch.deviceIds[i]}|${batch.metrics[i]}|${hour}`;
        if (hints.has(key)) continue;
        if (hints.size >= maxHints) {
          overflowed++;
          continue;
        }
        hints.set(key, { deviceId: batch.deviceIds[i], metric: batch.metrics[i], hour });
      }
    },
    /** Hands over the hints collected so far and starts a new set. */
    take(): LateHint[] {
      const out = [...hints.values()];
      hints = new Map();
      return out;
    },
    /** Hints dropped because the set was full (the reconcile pass catches those). */
    get overflowed(): number {
      return overflowed;
    },
  };
}

export type LateReadingTracker = ReturnType<typeof createLateReadingTracker>;

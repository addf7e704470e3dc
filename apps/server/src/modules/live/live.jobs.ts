import type { Database } from '../../db/client';
import { defineJob, runJobsInProcess, type JobDefinition } from '../jobs';
import { DEVICE_TYPES, OFFLINE_AFTER_SECONDS } from '../iot/metrics';
import type { LiveBus } from './live.bus';

const thresholdSql = `(CASE type ${DEVICE_TYPES.map((t) => `WHEN '${t}' THEN ${OFFLINE_AFTER_SECONDS[t]}`).join(' ')} ELSE 900 END)`;

// Devices whose last reading crossed their type's offline threshold since the previous check.
const WENT_OFFLINE_SQL = `
SELECT id FROM devices
WHERE revoked_at IS NULL AND last_seen_at IS NOT NULL
  AND last_seen_at <= now() - make_interval(secs => ${thresholdSql})
  AND last_seen_at > now() - make_interval(secs => ${thresholdSql}) - make_interval(secs => $1::float8)`;

interface DeviceStatusDeps {
  database: Database;
  bus: LiveBus;
  intervalMs?: number;
  log?: { error(obj: object, msg: string): void };
}

/**
 * The worker's `live.device-status` job: tells screens which devices just went offline (online is
 * pushed with their telemetry). It runs on one instance per period; the bus carries the signal to
 * every instance (NOTIFY on PostgreSQL). The window reaches back to the previous run on any
 * instance, so a change of instance misses no device.
 */
export function createDeviceStatusJob(deps: DeviceStatusDeps): JobDefinition {
  const intervalMs = deps.intervalMs ?? 5_000;
  return defineJob({
    id: 'live.device-status',
    intervalMs,
    async run({ previousRunAt }) {
      // The first check also covers the interval before the job started.
      const sinceMs = previousRunAt ? Date.now() - previousRunAt.getTime() : intervalMs;
      const rows = await deps.database.query<{ id: string }>(WENT_OFFLINE_SQL, [sinceMs / 1000 + 1]);
      if (rows.length) deps.bus.publish('offline', rows.map((r) => r.id));
    },
  });
}

/** Runs the status job on an in-process timer (tests, tools); the server runs it on the shared scheduler. */
export function startDeviceStatusJob(deps: DeviceStatusDeps) {
  const job = createDeviceStatusJob(deps);
  const running = runJobsInProcess([job], { log: deps.log });
  let last: Date | null = null;
  return {
    /** One check now (tests; the timer calls it every `intervalMs`). */
    async tick(): Promise<void> {
      const started = new Date();
      await job.run({ previousRunAt: last }).catch((err: unknown) => deps.log?.error({ err }, 'device status check failed'));
      last = started;
    },
    stop: () => running.stop(),
  };
}

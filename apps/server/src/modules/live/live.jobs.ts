import type { Database } from '../../db/client';
import { DEVICE_TYPES, OFFLINE_AFTER_SECONDS } from '../iot/metrics';
import type { LiveBus } from './live.bus';

const thresholdSql = `(CASE type ${DEVICE_TYPES.map((t) => `WHEN '${t}' THEN ${OFFLINE_AFTER_SECONDS[t]}`).join(' ')} ELSE 900 END)`;

// Devices whose last reading crossed their type's offline threshold since the previous check.
const WENT_OFFLINE_SQL = `
SELECT id FROM devices
WHERE revoked_at IS NULL AND last_seen_at IS NOT NULL
  AND last_seen_at <= now() - make_interval(secs => ${thresholdSql})
  AND last_seen_at > now() - make_interval(secs => ${thresholdSql}) - make_interval(secs => $1::float8)`;

/**
 * Worker job: tells screens which devices just went offline (online is
 * pushed with their telemetry). Never throws out of its loop.
 */
export function startDeviceStatusJob(deps: { database: Database; bus: LiveBus; intervalMs?: number; log?: { error(obj: object, msg: string): void } }) {
  const intervalMs = deps.intervalMs ?? 5_000;
  // The first check also covers the interval before the job started.
  let last = Date.now() - intervalMs;
  let isRunning = false;
  const tick = async () => {
    if (isRunning) return;
    isRunning = true;
    const now = Date.now();
    try {
      const rows = await deps.database.query<{ id: string }>(WENT_OFFLINE_SQL, [(now - last) / 1000 + 1]);
      last = now;
      if (rows.length) deps.bus.publish('offline', rows.map((r) => r.id));
    } catch (err) {
      deps.log?.error({ err }, 'device status check failed');
    } finally {
      isRunning = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    /** One check now (tests; the timer calls it every `intervalMs`). */
    tick,
    async stop(): Promise<void> {
      clearInterval(timer);
    },
  };
}

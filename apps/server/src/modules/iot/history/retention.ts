import type { Database } from '../../../db/client';
import { DEVICE_TYPES, type DeviceType } from '../metrics';
import { ROLLUP_STATE } from './rollup';

/** Days each tier is kept. */
export interface RetentionDays {
  rawDays: number;
  minuteDays: number;
  hourDays: number;
}

/** The three history tiers. */
export const HISTORY_TIERS = ['raw', '1m', '1h'] as const;
export type HistoryTier = (typeof HISTORY_TIERS)[number];

const STANDARD: RetentionDays = { rawDays: 7, minuteDays: 90, hourDays: 730 };
/** Meters feed bills and year-on-year energy reports: their hourly history is kept longer. */
const METERS: RetentionDays = { rawDays: 30, minuteDays: 180, hourDays: 1825 };

/** Retention used for a device type until an operator changes it. */
export const DEFAULT_RETENTION: Record<DeviceType, RetentionDays> = Object.fromEntries(
  DEVICE_TYPES.map((t) => [t, t === 'energy_meter' || t === 'water_meter' ? METERS : t === 'parking_sensor' ? { ...STANDARD, rawDays: 14 } : STANDARD]),
) as Record<DeviceType, RetentionDays>;

/** Limits an operator may set; the order raw ≤ 1-min ≤ 1-h keeps longer ranges answerable. */
export const RETENTION_LIMITS = { minDays: 1, maxDays: 3650 } as const;

export interface RetentionOptions {
  /** Rows deleted per statement. */
  batchSize: number;
  /** Series (device, metric) per statement. */
  seriesPerStatement: number;
  /** Statements per run; the next run continues. */
  maxStatementsPerRun: number;
  /** Raw rows newer than the rollup watermark minus this are never deleted (not rolled yet). */
  graceMs: number;
}

export const DEFAULT_RETENTION_OPTIONS: RetentionOptions = { batchSize: 5_000, seriesPerStatement: 500, maxStatementsPerRun: 200, graceMs: 5 * 60_000 };

const TABLES: Record<HistoryTier, { table: string; ts: string; key: keyof RetentionDays }> = {
  raw: { table: 'telemetry', ts: 'ts', key: 'rawDays' },
  '1m': { table: 'telemetry_1m', ts: 'bucket', key: 'minuteDays' },
  '1h': { table: 'telemetry_1h', ts: 'bucket', key: 'hourDays' },
};

const DAY = 86_400_000;
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface RetentionRunResult {
  deleted: Record<HistoryTier, number>;
  /** False when the run stopped at `maxStatementsPerRun` with work left. */
  complete: boolean;
}

/**
 * One run of the retention job: for each tier, deletes rows older than the
 * tier's horizon for the device's type, in statements of at most `batchSize`
 * rows (found through the primary key, series by series), so no statement
 * holds locks for long and ingestion goes on between them. Idempotent.
 */
export async function runRetention(
  database: Database,
  settings: Record<DeviceType, RetentionDays>,
  options: Partial<RetentionOptions> & { now?: Date } = {},
): Promise<RetentionRunResult> {
  const o = { ...DEFAULT_RETENTION_OPTIONS, ...options };
  const now = (options.now ?? new Date()).getTime();
  const [state] = await database.query<{ watermark: Date | string | null }>(`SELECT watermark FROM history_job_state WHERE name = $1`, [ROLLUP_STATE]);
  // Raw rows not yet rolled up stay, whatever the setting.
  const rawFloor = state?.watermark ? new Date(state.watermark).getTime() - o.graceMs : -Infinity;
  const deleted: Record<HistoryTier, number> = { raw: 0, '1m': 0, '1h': 0 };
  let statements = 0;

  for (const tier of HISTORY_TIERS) {
    const { table, ts, key } = TABLES[tier];
    let after: { deviceId: string; metric: string } | null = null;
    for (;;) {
      const page: { device_id: string; metric: string; type: DeviceType }[] = await database.query<{ device_id: string; metric: string; type: DeviceType }>(
        `SELECT lv.device_id, lv.metric, d.type FROM latest_values lv JOIN devices d ON d.id = lv.device_id
         ${after ? 'WHERE (lv.device_id, lv.metric) > ($2::uuid, $3::text)' : ''}
         ORDER BY lv.device_id, lv.metric LIMIT $1`,
        after ? [o.seriesPerStatement, after.deviceId, after.metric] : [o.seriesPerStatement],
      );
      if (page.length === 0) break;
      const horizons = page.map((p) => {
        const days = (settings[p.type] ?? DEFAULT_RETENTION.generic)[key];
        const h = now - days * DAY;
        return new Date(tier === 'raw' ? Math.min(h, rawFloor) : h);
      });
      for (;;) {
        if (statements >= o.maxStatementsPerRun) return { deleted, complete: false };
        const rows = await database.query<{ n: number }>(
          `WITH doomed AS (
             SELECT s.device_id, s.metric, x.t FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS s(device_id, metric, horizon)
             CROSS JOIN LATERAL (SELECT r.${ts} AS t FROM ${table} r WHERE r.device_id = s.device_id AND r.metric = s.metric AND r.${ts} < s.horizon ORDER BY r.${ts} LIMIT $4) x
             LIMIT $4
           ), gone AS (
             DELETE FROM ${table} r USING doomed WHERE r.device_id = doomed.device_id AND r.metric = doomed.metric AND r.${ts} = doomed.t RETURNING 1
           ) SELECT count(*)::int AS n FROM gone`,
          [page.map((p) => p.device_id), page.map((p) => p.metric), horizons.map((h) => (Number.isFinite(h.getTime()) ? h : new Date(0))), o.batchSize],
        );
        statements++;
        const n = rows[0]?.n ?? 0;
        deleted[tier] += n;
        await yieldToOthers();
        if (n < o.batchSize) break;
      }
      if (page.length < o.seriesPerStatement) break;
      const last = page[page.length - 1];
      after = { deviceId: last.device_id, metric: last.metric };
    }
  }
  return { deleted, complete: true };
}

import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import type { RequestContext } from '../../../lib/context';
import { forbidden, notFound, validationError } from '../../../lib/errors';
import { assertCanWrite, isGlobalOperator, isOperator, operatorCovers } from '../../identity/actor';
import type { AuditService } from '../../identity/audit.service';
import { devices } from '../iot.table';
import { DEVICE_TYPES, METRICS, isMetricAllowed, type DeviceType } from '../metrics';
import { historyJobState, telemetryRetention } from './history.table';
import type { Series, SeriesQuery, UpdateRetentionInput } from './history.schema';
import { DEFAULT_RETENTION, RETENTION_LIMITS, type HistoryTier, type RetentionDays } from './retention';
import { ROLLUP_STATE } from './rollup';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Longest range one series request may span. */
const MAX_RANGE_MS = 5 * 366 * DAY;
const STEP_MS: Record<HistoryTier, number> = { raw: 0, '1m': 60_000, '1h': HOUR };
const TABLE: Record<Exclude<HistoryTier, 'raw'>, string> = { '1m': 'telemetry_1m', '1h': 'telemetry_1h' };
const ORIGIN = `'1970-01-01T00:00:00Z'::timestamptz`;

/** The tier `auto` picks for a range, falling back to a coarser tier when the finer one no longer holds `from`. */
export function chooseTier(rangeMs: number, ageOfFromMs: number, retention: RetentionDays): HistoryTier {
  let tier: HistoryTier = rangeMs <= 6 * HOUR ? 'raw' : rangeMs <= 8 * DAY ? '1m' : '1h';
  if (tier === 'raw' && ageOfFromMs > retention.rawDays * DAY) tier = '1m';
  if (tier === '1m' && ageOfFromMs > retention.minuteDays * DAY) tier = '1h';
  return tier;
}

type PointRow = { ts: Date | string; value: number; min: number; max: number; count: number | string; last: number };

/** Telemetry history: the series API and the retention settings per device type. */
export function createHistoryService(deps: { database: Database; audit: AuditService }) {
  const { database, audit } = deps;
  const { db } = database;

  async function effectiveRetention(): Promise<Record<DeviceType, RetentionDays & { isDefault: boolean; updatedAt: Date | null }>> {
    const rows = await db.select().from(telemetryRetention);
    const byType = new Map(rows.map((r) => [r.deviceType, r]));
    return Object.fromEntries(
      DEVICE_TYPES.map((t) => {
        const r = byType.get(t);
        return [t, r ? { rawDays: r.rawDays, minuteDays: r.minuteDays, hourDays: r.hourDays, isDefault: false, updatedAt: r.updatedAt } : { ...DEFAULT_RETENTION[t], isDefault: true, updatedAt: null }];
      }),
    ) as Record<DeviceType, RetentionDays & { isDefault: boolean; updatedAt: Date | null }>;
  }

  function assertGlobalOperatorWrite(ctx: RequestContext) {
    if (!isOperator(ctx.actor)) throw forbidden('Only park operators may see history settings');
    if (!isGlobalOperator(ctx.actor)) throw forbidden('Retention applies to every park: only company-wide operators may change it');
    assertCanWrite(ctx.actor);
  }

  function viewOf(type: DeviceType, r: RetentionDays & { isDefault: boolean; updatedAt: Date | null }) {
    return { deviceType: type, rawDays: r.rawDays, minuteDays: r.minuteDays, hourDays: r.hourDays, isDefault: r.isDefault, defaults: DEFAULT_RETENTION[type], updatedAt: r.updatedAt };
  }

  return {
    /** The retention settings the jobs apply (no access check: for the worker). */
    async getRetentionSettings(): Promise<Record<DeviceType, RetentionDays>> {
      return effectiveRetention();
    },

    /** Retention per device type, with the rollup job's progress. Operators only. */
    async findRetention(ctx: RequestContext) {
      if (!isOperator(ctx.actor)) throw forbidden('Only park operators may see history settings');
      const settings = await effectiveRetention();
      const [state] = await db.select().from(historyJobState).where(eq(historyJobState.name, ROLLUP_STATE));
      return {
        items: DEVICE_TYPES.map((t) => viewOf(t, settings[t])),
        rollup: { watermark: state?.watermark ?? null, lastRunAt: state?.lastRunAt ?? null, lastError: state?.lastError ?? null },
        limits: { ...RETENTION_LIMITS },
      };
    },

    /** Sets a device type's retention (raw ≤ 1-minute ≤ 1-hour). Company-wide operators; audited. */
    async updateRetention(ctx: RequestContext, deviceType: DeviceType, input: UpdateRetentionInput) {
      assertGlobalOperatorWrite(ctx);
      if (input.minuteDays < input.rawDays) throw validationError('body.minuteDays', 'must be at least rawDays (1-minute rollups outlive raw readings)');
      if (input.hourDays < input.minuteDays) throw validationError('body.hourDays', 'must be at least minuteDays (hourly rollups outlive 1-minute rollups)');
      const before = (await effectiveRetention())[deviceType];
      await db.transaction(async (tx) => {
        const values = { deviceType, ...input, updatedAt: new Date(), updatedBy: ctx.actor.userId };
        await tx.insert(telemetryRetention).values(values).onConflictDoUpdate({ target: telemetryRetention.deviceType, set: values });
        await audit.record(tx, ctx, {
          action: 'telemetry_retention.updated',
          entityType: 'telemetry_retention',
          entityId: deviceType,
          before: { rawDays: before.rawDays, minuteDays: before.minuteDays, hourDays: before.hourDays, isDefault: before.isDefault },
          after: input,
        });
      });
      return viewOf(deviceType, (await effectiveRetention())[deviceType]);
    },

    /** Returns a device type to the built-in defaults. Company-wide operators; audited. */
    async resetRetention(ctx: RequestContext, deviceType: DeviceType) {
      assertGlobalOperatorWrite(ctx);
      const before = (await effectiveRetention())[deviceType];
      await db.transaction(async (tx) => {
        await tx.delete(telemetryRetention).where(eq(telemetryRetention.deviceType, deviceType));
        await audit.record(tx, ctx, {
          action: 'telemetry_retention.reset',
          entityType: 'telemetry_retention',
          entityId: deviceType,
          before: { rawDays: before.rawDays, minuteDays: before.minuteDays, hourDays: before.hourDays, isDefault: before.isDefault },
          after: { ...DEFAULT_RETENTION[deviceType], isDefault: true },
        });
      });
      return viewOf(deviceType, (await effectiveRetention())[deviceType]);
    },

    /**
     * A device metric over a range, at most `maxPoints` points: raw readings,
     * or buckets of the 1-minute / 1-hour rollups (widened on the fly so the
     * point count stays bounded), each with its min and max. Operators of the
     * device's park or site; others' devices are 404.
     */
    async getSeries(ctx: RequestContext, deviceId: string, query: SeriesQuery): Promise<Series> {
      if (!isOperator(ctx.actor)) throw forbidden('Only park operators may read device history');
      const [device] = await db.select({ id: devices.id, type: devices.type, parkId: devices.parkId, siteId: devices.siteId }).from(devices).where(eq(devices.id, deviceId));
      if (!device || !operatorCovers(ctx.actor, device)) throw notFound('device', deviceId);
      if (!isMetricAllowed(device.type, query.metric)) throw validationError('query.metric', `${device.type} does not report ${query.metric}`);
      const now = Date.now();
      const to = query.to ?? new Date(now);
      const from = query.from ?? new Date(to.getTime() - DAY);
      if (from.getTime() >= to.getTime()) throw validationError('query.from', 'must be before to');
      const range = to.getTime() - from.getTime();
      if (range > MAX_RANGE_MS) throw validationError('query.from', 'the range may span at most 5 years');
      const retention = (await effectiveRetention())[device.type];
      const tier = query.tier === 'auto' ? chooseTier(range, now - from.getTime(), retention) : query.tier;
      const { maxPoints } = query;
      const unit = (METRICS as Record<string, { unit: string }>)[query.metric]?.unit ?? null;
      const base = { deviceId, metric: query.metric, unit, tier, from, to, maxPoints };
      const params = [deviceId, query.metric, from, to];
      // Aligned buckets of this width give at most maxPoints points over the range.
      const widthFor = (step: number) => {
        const w = Math.ceil(range / (maxPoints - 2) / 1000) * 1000;
        return step ? Math.max(step, Math.ceil(w / step) * step) : Math.max(1000, w);
      };
      let rows: PointRow[];
      let bucketMs: number;
      if (tier === 'raw') {
        const raw = await database.query<{ ts: Date | string; value: number }>(
          `SELECT ts, value FROM telemetry WHERE device_id = $1 AND metric = $2 AND ts >= $3 AND ts < $4 ORDER BY ts LIMIT ${maxPoints + 1}`,
          params,
        );
        if (raw.length <= maxPoints) {
          return { ...base, bucketSeconds: 0, points: raw.map((r) => ({ ts: new Date(r.ts), value: r.value, min: r.value, max: r.value, count: 1, last: r.value })) };
        }
        bucketMs = widthFor(0);
        rows = await database.query<PointRow>(
          `SELECT date_bin(make_interval(secs => $5), ts, ${ORIGIN}) AS ts, avg(value) AS value, min(value) AS min, max(value) AS max, count(*) AS count,
                  (array_agg(value ORDER BY ts DESC))[1] AS last
           FROM telemetry WHERE device_id = $1 AND metric = $2 AND ts >= $3 AND ts < $4 GROUP BY 1 ORDER BY 1`,
          [...params, bucketMs / 1000],
        );
      } else {
        bucketMs = widthFor(STEP_MS[tier]);
        rows = await database.query<PointRow>(
          `SELECT date_bin(make_interval(secs => $5), bucket, ${ORIGIN}) AS ts, sum(sum) / sum(count) AS value, min(min) AS min, max(max) AS max, sum(count) AS count,
                  (array_agg(last ORDER BY last_ts DESC))[1] AS last
           FROM ${TABLE[tier]} WHERE device_id = $1 AND metric = $2 AND bucket >= date_bin('${STEP_MS[tier] / 1000} seconds', $3::timestamptz, ${ORIGIN}) AND bucket < $4
           GROUP BY 1 ORDER BY 1`,
          [...params, bucketMs / 1000],
        );
      }
      return {
        ...base,
        bucketSeconds: bucketMs / 1000,
        points: rows.map((r) => ({ ts: new Date(r.ts), value: Number(r.value), min: Number(r.min), max: Number(r.max), count: Number(r.count), last: Number(r.last) })),
      };
    },
  };
}

export type HistoryService = ReturnType<typeof createHistoryService>;

import { bigint, doublePrecision, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { devices } from '../iot.table';
import { checkNotNegative, checkOneOf } from '../../../lib/db-checks';
import { DEVICE_TYPES, type DeviceType } from '../metrics';

/** Columns shared by both rollup tiers: one row per device, metric and bucket. `avg` is `sum / count`. */
function rollupColumns() {
  return {
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    metric: text('metric').notNull(),
    /** Start of the bucket (UTC-aligned). */
    bucket: timestamp('bucket', { withTimezone: true }).notNull(),
    count: bigint('count', { mode: 'number' }).notNull(),
    sum: doublePrecision('sum').notNull(),
    min: doublePrecision('min').notNull(),
    max: doublePrecision('max').notNull(),
    /** The value of the latest reading in the bucket, and its time (needed to roll minutes into hours). */
    last: doublePrecision('last').notNull(),
    lastTs: timestamp('last_ts', { withTimezone: true }).notNull(),
  };
}

/** 1-minute rollups of `telemetry`, written by the worker's rollup job. */
export const telemetry1m = pgTable('telemetry_1m', rollupColumns(), (t) => [primaryKey({ name: 'telemetry_1m_pk', columns: [t.deviceId, t.metric, t.bucket] }), checkNotNegative(t.count)]);

/** 1-hour rollups, rolled from the 1-minute tier. */
export const telemetry1h = pgTable('telemetry_1h', rollupColumns(), (t) => [primaryKey({ name: 'telemetry_1h_pk', columns: [t.deviceId, t.metric, t.bucket] }), checkNotNegative(t.count)]);

/**
 * Series hours that received readings behind the rollup watermark (late readings), marked by the
 * ingest statement that stored them — in the same transaction, whichever process ingested — and
 * cleared by the worker once it has re-rolled the hour. `marks` counts the late batches since the
 * last re-roll, so a mark that arrives while the worker rolls the hour is not cleared by it.
 */
export const telemetryLateHours = pgTable(
  'telemetry_late_hours',
  {
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    metric: text('metric').notNull(),
    /** Start of the hour (UTC-aligned). */
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    marks: integer('marks').notNull().default(1),
  },
  (t) => [primaryKey({ name: 'telemetry_late_hours_pk', columns: [t.deviceId, t.metric, t.hour] }), checkNotNegative(t.marks)],
);

/**
 * Series the rollup job could not roll because their own data makes the statement fail (a sum that
 * overflows double precision, …). The job skips such a series and rolls everyone else's; this row
 * tells operators which series and range lack rollups, and why. `failures` counts the statements
 * that failed for it (a poisoned hour fails again each time it is re-rolled).
 */
export const telemetryRollupFailures = pgTable(
  'telemetry_rollup_failures',
  {
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    metric: text('metric').notNull(),
    /** The tier whose statement failed last ('1m' or '1h'). */
    tier: text('tier').notNull(),
    /** The range the failing statement covered. */
    rangeFrom: timestamp('range_from', { withTimezone: true }).notNull(),
    rangeTo: timestamp('range_to', { withTimezone: true }).notNull(),
    failures: integer('failures').notNull().default(1),
    lastError: text('last_error').notNull(),
    firstFailedAt: timestamp('first_failed_at', { withTimezone: true }).notNull().defaultNow(),
    lastFailedAt: timestamp('last_failed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'telemetry_rollup_failures_pk', columns: [t.deviceId, t.metric] })],
);

/**
 * Progress of the background history jobs. `watermark` (rollup): every
 * 1-minute bucket before it has been rolled; each run re-rolls the grace
 * window before it to pick up late readings.
 */
export const historyJobState = pgTable('history_job_state', {
  name: text('name').primaryKey(),
  watermark: timestamp('watermark', { withTimezone: true }),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
  lastError: text('last_error'),
});

/**
 * Operator-edited retention per device type (days to keep each tier). A type
 * without a row uses the defaults in code (`DEFAULT_RETENTION`).
 */
export const telemetryRetention = pgTable(
  'telemetry_retention',
  {
    deviceType: text('device_type').$type<DeviceType>().primaryKey(),
    rawDays: integer('raw_days').notNull(),
    minuteDays: integer('minute_days').notNull(),
    hourDays: integer('hour_days').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [checkOneOf(t.deviceType, DEVICE_TYPES), checkNotNegative(t.rawDays), checkNotNegative(t.minuteDays), checkNotNegative(t.hourDays)],
);

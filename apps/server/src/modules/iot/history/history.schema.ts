import { z } from 'zod';
import { DEVICE_TYPES } from '../metrics';
import { HISTORY_TIERS, RETENTION_LIMITS } from './retention';

const days = z.number().int().min(RETENTION_LIMITS.minDays).max(RETENTION_LIMITS.maxDays);

/** Retention of one device type's three history tiers. */
export const retentionSchema = z.object({
  deviceType: z.enum(DEVICE_TYPES),
  rawDays: z.number(),
  minuteDays: z.number(),
  hourDays: z.number(),
  /** True while the type uses the built-in defaults. */
  isDefault: z.boolean(),
  defaults: z.object({ rawDays: z.number(), minuteDays: z.number(), hourDays: z.number() }),
  updatedAt: z.date().nullable(),
});

export const retentionListSchema = z.object({
  items: z.array(retentionSchema),
  rollup: z.object({ watermark: z.date().nullable(), lastRunAt: z.date().nullable(), lastError: z.string().nullable() }),
  limits: z.object({ minDays: z.number(), maxDays: z.number() }),
});

export const retentionParams = z.object({ deviceType: z.enum(DEVICE_TYPES) });

export const updateRetentionBody = z.object({ rawDays: days, minuteDays: days, hourDays: days });
export type UpdateRetentionInput = z.infer<typeof updateRetentionBody>;

export const seriesQuery = z.object({
  metric: z.string().min(1).max(64),
  /** ISO 8601; default: 24 hours before `to`. */
  from: z.coerce.date().optional(),
  /** ISO 8601; default: now. */
  to: z.coerce.date().optional(),
  /** `auto` picks raw for ranges up to 6 h, 1-minute rollups up to 8 days, hourly beyond (or a coarser tier when the finer one is past its retention). */
  tier: z.enum(['auto', ...HISTORY_TIERS]).default('auto'),
  maxPoints: z.coerce.number().int().min(10).max(5000).default(600),
});
export type SeriesQuery = z.infer<typeof seriesQuery>;

export const seriesPointSchema = z.object({
  ts: z.date(),
  /** Average over the bucket (the reading itself for unaggregated raw points). */
  value: z.number(),
  min: z.number(),
  max: z.number(),
  count: z.number(),
  last: z.number(),
});

export const seriesSchema = z.object({
  deviceId: z.string(),
  metric: z.string(),
  unit: z.string().nullable(),
  tier: z.enum(HISTORY_TIERS),
  /** Width of each point's bucket; 0 for raw readings returned one by one. */
  bucketSeconds: z.number(),
  from: z.date(),
  to: z.date(),
  maxPoints: z.number(),
  points: z.array(seriesPointSchema),
});
export type Series = z.infer<typeof seriesSchema>;

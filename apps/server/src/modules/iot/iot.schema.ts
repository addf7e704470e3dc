import { z } from 'zod';
import { DEVICE_TYPES, INGEST_ERROR_REASONS } from './metrics';

const ts = z.date();
export const deviceCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]{2,64}$/, '2–64 letters, digits, dot, dash or underscore (it is the MQTT username and topic segment)');
const tag = z.string().trim().min(1).max(40);

/** A device as operators see it; the secret hash never leaves the server. */
export const deviceSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  type: z.enum(DEVICE_TYPES),
  parkId: z.string(),
  siteId: z.string().nullable(),
  buildingId: z.string().nullable(),
  floorId: z.string().nullable(),
  x: z.number().nullable(),
  y: z.number().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  tags: z.array(z.string()),
  metadata: z.record(z.string(), z.unknown()),
  status: z.enum(['online', 'offline']),
  credentials: z.enum(['none', 'active', 'revoked']),
  secretRotatedAt: ts.nullable(),
  revokedAt: ts.nullable(),
  lastSeenAt: ts.nullable(),
  createdAt: ts,
  updatedAt: ts,
});

export const deviceDetailSchema = deviceSchema.extend({
  /** `min`/`max`: the plausible range of the metric for this device type; readings outside it are rejected (`out_of_range`). */
  latest: z.array(z.object({ metric: z.string(), value: z.number(), ts, unit: z.string().nullable(), min: z.number().nullable(), max: z.number().nullable() })),
  ingestErrors: z.array(z.object({ reason: z.enum(INGEST_ERROR_REASONS), count: z.number(), lastError: z.string().nullable(), lastAt: ts })),
  /** Series whose stored data the rollup job could not roll (skipped so others roll): the range last tried and why. */
  rollupFailures: z.array(z.object({ metric: z.string(), tier: z.string(), from: ts, to: ts, failures: z.number(), lastError: z.string(), lastFailedAt: ts })),
});

const location = {
  buildingId: z.string().uuid().nullish(),
  floorId: z.string().uuid().nullish(),
  x: z.number().finite().nullish(),
  y: z.number().finite().nullish(),
  lat: z.number().min(-90).max(90).nullish(),
  lon: z.number().min(-180).max(180).nullish(),
};

export const createDeviceBody = z.object({
  code: deviceCode,
  name: z.string().trim().min(1).max(200),
  type: z.enum(DEVICE_TYPES),
  parkId: z.string().uuid(),
  siteId: z.string().uuid().nullish(),
  ...location,
  tags: z.array(tag).max(50).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
export type CreateDeviceInput = z.infer<typeof createDeviceBody>;

export const updateDeviceBody = createDeviceBody.omit({ code: true, parkId: true }).partial();
export type UpdateDeviceInput = z.infer<typeof updateDeviceBody>;

export const deviceQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  parkId: z.string().uuid().optional(),
  buildingId: z.string().uuid().optional(),
  type: z.enum(DEVICE_TYPES).optional(),
  status: z.enum(['online', 'offline']).optional(),
  q: z.string().trim().max(100).optional(),
});
export type DeviceQuery = z.infer<typeof deviceQuery>;

export const credentialsSchema = z.object({
  deviceId: z.string(),
  username: z.string(),
  /** Shown once; only its SHA-256 hash is stored. */
  secret: z.string(),
  rotatedAt: ts,
  mqtt: z.object({ telemetryTopic: z.string(), commandsTopic: z.string() }),
});

export const importBody = z.object({
  parkId: z.string().uuid(),
  csv: z.string().min(1).max(5 * 1024 * 1024),
  mode: z.enum(['all_or_nothing', 'valid_rows_only']).default('all_or_nothing'),
});

export const importResultSchema = z.object({
  mode: z.enum(['all_or_nothing', 'valid_rows_only']),
  rows: z.number(),
  created: z.number(),
  errors: z.array(z.object({ row: z.number(), field: z.string(), message: z.string() })),
});
export type ImportResult = z.infer<typeof importResultSchema>;

export const ingestResultSchema = z.object({
  accepted: z.number(),
  rejected: z.number(),
  rejections: z.array(z.object({ reason: z.enum(INGEST_ERROR_REASONS), message: z.string() })),
});

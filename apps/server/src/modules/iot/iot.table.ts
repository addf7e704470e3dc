import { sql } from 'drizzle-orm';
import { bigint, doublePrecision, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { buildings, floors, parks, sites } from '../parks/parks.table';
import { checkNotNegative, checkOneOf } from '../../lib/db-checks';
import { DEVICE_TYPES, INGEST_ERROR_REASONS, type DeviceType, type IngestErrorReason } from './metrics';

/**
 * A device of the intelligent operations centre (园区智慧运营中心): camera, sensor, meter…
 * `code` is its MQTT username and topic segment; the secret is stored only as a SHA-256 hash.
 */
export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    type: text('type').$type<DeviceType>().notNull(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    siteId: uuid('site_id').references(() => sites.id, { onDelete: 'set null' }),
    buildingId: uuid('building_id').references(() => buildings.id, { onDelete: 'set null' }),
    floorId: uuid('floor_id').references(() => floors.id, { onDelete: 'set null' }),
    /** Position on the floor plan, in the plan's own units. */
    x: doublePrecision('x'),
    y: doublePrecision('y'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    secretHash: text('secret_hash'),
    secretRotatedAt: timestamp('secret_rotated_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('devices_park_idx').on(t.parkId), index('devices_building_idx').on(t.buildingId), index('devices_type_idx').on(t.type), checkOneOf(t.type, DEVICE_TYPES)],
);

/**
 * Raw telemetry, one row per reading. No foreign key to `devices` on purpose:
 * it would cost an index probe per row on the ingest hot path; deleting a
 * device deletes its rows explicitly. The primary key makes redelivered
 * readings idempotent (`ON CONFLICT DO NOTHING`) and serves range queries.
 */
export const telemetry = pgTable(
  'telemetry',
  {
    deviceId: uuid('device_id').notNull(),
    metric: text('metric').notNull(),
    ts: timestamp('ts', { withTimezone: true }).notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [primaryKey({ name: 'telemetry_pk', columns: [t.deviceId, t.metric, t.ts] })],
);

/** The latest value per device and metric, maintained by the ingest batch (never a scan of history). */
export const latestValues = pgTable(
  'latest_values',
  {
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    metric: text('metric').notNull(),
    ts: timestamp('ts', { withTimezone: true }).notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [primaryKey({ name: 'latest_values_pk', columns: [t.deviceId, t.metric] })],
);

/** Rejected input per device and reason (malformed JSON, unknown metric, …), shown on the device page. */
export const deviceIngestErrors = pgTable(
  'device_ingest_errors',
  {
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    reason: text('reason').$type<IngestErrorReason>().notNull(),
    count: bigint('count', { mode: 'number' }).notNull().default(0),
    lastError: text('last_error'),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'device_ingest_errors_pk', columns: [t.deviceId, t.reason] }), checkOneOf(t.reason, INGEST_ERROR_REASONS), checkNotNegative(t.count)],
);

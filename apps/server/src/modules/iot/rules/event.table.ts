import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { devices } from '../iot.table';

/**
 * A device event (设备事件): something a device detected rather than measured —
 * a fever from a thermal camera, an intrusion from a camera or a drone patrol.
 * Published on `parkos/{code}/events` (or POST /api/ingest/events); event rules
 * turn them into alarms. A device-supplied `eventId` makes redelivery idempotent.
 */
export const deviceEvents = pgTable(
  'device_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    parkId: uuid('park_id').notNull(),
    type: text('type').notNull(),
    ts: timestamp('ts', { withTimezone: true }).notNull(),
    eventId: text('event_id'),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('device_events_device_ts_idx').on(t.deviceId, t.ts),
    index('device_events_park_ts_idx').on(t.parkId, t.ts),
    uniqueIndex('device_events_device_event_uq').on(t.deviceId, t.eventId).where(sql`event_id IS NOT NULL`),
  ],
);

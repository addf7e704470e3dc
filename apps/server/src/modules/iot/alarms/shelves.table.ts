import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { checkOneOf } from '../../../lib/db-checks';
import { buildings, floors, parks } from '../../parks/parks.table';
import { devices } from '../iot.table';

export const SHELF_SCOPES = ['device', 'floor', 'building'] as const;
export type ShelfScope = (typeof SHELF_SCOPES)[number];

/**
 * A shelf (告警屏蔽): an operator suppresses a device's or an area's (floor,
 * building) alarms for a maintenance window. Alarms raised meanwhile are
 * recorded as suppressed (kind `suppressed`, never escalated, no rule action).
 */
export const alarmShelves = pgTable(
  'alarm_shelves',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'cascade' }),
    scope: text('scope').$type<ShelfScope>().notNull(),
    deviceId: uuid('device_id').references(() => devices.id, { onDelete: 'cascade' }),
    buildingId: uuid('building_id').references(() => buildings.id, { onDelete: 'cascade' }),
    floorId: uuid('floor_id').references(() => floors.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledByName: text('cancelled_by_name'),
  },
  (t) => [
    index('alarm_shelves_park_ends_idx').on(t.parkId, t.endsAt),
    index('alarm_shelves_device_idx').on(t.deviceId).where(sql`device_id IS NOT NULL`),
    index('alarm_shelves_floor_idx').on(t.floorId).where(sql`floor_id IS NOT NULL`),
    index('alarm_shelves_building_idx').on(t.buildingId).where(sql`building_id IS NOT NULL`),
    checkOneOf(t.scope, SHELF_SCOPES),
  ],
);

import { sql } from 'drizzle-orm';
import type { ScheduleRecurrence } from '@parkos/contracts';
import { doublePrecision, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, bigint } from 'drizzle-orm/pg-core';
import { checkOneOf } from '../../lib/db-checks';
import { users } from '../identity/identity.table';
import { devices } from '../iot/iot.table';
import { parks } from '../parks/parks.table';
import { workOrders } from '../workorders/workorders.table';

/** Where a mission is: planned (waiting for its time), flying (the drone's events belong to it), done or aborted. */
export const MISSION_STATUSES = ['planned', 'flying', 'done', 'aborted'] as const;
export type MissionStatus = (typeof MISSION_STATUSES)[number];

/** One point of a flight plan: over a checkpoint of the route (its key), at a position and altitude. */
export interface Waypoint {
  checkpointKey: string;
  lat: number;
  lng: number;
  altitudeM: number;
}

/**
 * A drone patrol mission (无人机巡航任务): a drone flies a route of the inspections model (its checkpoints are the
 * waypoints), once or weekly/monthly (landing plans the next flight). Telemetry and snapshots stay the drone's device data (IoT); the mission
 * is the window [started_at, ended_at] that says which of them belong to it.
 */
export const patrolMissions = pgTable(
  'patrol_missions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    /** A route of the inspections model (its module's tables stay its own: no foreign key from here). */
    routeId: uuid('route_id').notNull(),
    /** The route's districts when the mission was planned: property staff of those districts read it. */
    districtIds: uuid('district_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    droneId: uuid('drone_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'restrict' }),
    /** Reserved for an inspections schedule once that model's punctuality tells drone missions apart (null today). */
    scheduleId: uuid('schedule_id'),
    recurrence: text('recurrence').$type<ScheduleRecurrence>().notNull().default('none'),
    plannedAt: timestamp('planned_at', { withTimezone: true }).notNull(),
    waypoints: jsonb('waypoints').$type<Waypoint[]>().notNull(),
    status: text('status').$type<MissionStatus>().notNull().default('planned'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('patrol_missions_park_idx').on(t.parkId, t.plannedAt), index('patrol_missions_drone_idx').on(t.droneId, t.status), checkOneOf(t.status, MISSION_STATUSES)],
);

/**
 * A finding of a mission (巡航发现): a `finding` event the drone published while flying it, and the work order
 * it opened. (device event id) is unique so a redelivered event opens one order.
 */
export const patrolFindings = pgTable(
  'patrol_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    missionId: uuid('mission_id')
      .notNull()
      .references(() => patrolMissions.id, { onDelete: 'cascade' }),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    eventKey: text('event_key').notNull(),
    ts: timestamp('ts', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    checkpointKey: text('checkpoint_key'),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    confidence: doublePrecision('confidence'),
    snapshotUrl: text('snapshot_url'),
    deviceEventId: bigint('device_event_id', { mode: 'number' }),
    workOrderId: uuid('work_order_id').references(() => workOrders.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('patrol_findings_event_uq').on(t.missionId, t.eventKey), index('patrol_findings_park_idx').on(t.parkId, t.ts)],
);

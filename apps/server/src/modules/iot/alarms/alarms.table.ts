import { sql } from 'drizzle-orm';
import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { checkNotNegative, checkOneOf } from '../../../lib/db-checks';
import { users } from '../../identity/identity.table';
import { devices } from '../iot.table';
import { alarmRules, SEVERITIES, type Severity } from '../rules/rules.table';

export const ALARM_STATES = ['active', 'acknowledged', 'cleared', 'closed'] as const;
export type AlarmState = (typeof ALARM_STATES)[number];
export const ALARM_EVENT_KINDS = ['raised', 'repeated', 'reactivated', 'acknowledged', 'assigned', 'commented', 'cleared', 'closed', 'escalated', 'suppressed', 'action'] as const;
export type AlarmEventKind = (typeof ALARM_EVENT_KINDS)[number];

/**
 * An alarm (告警): one rule firing for one device, active → acknowledged →
 * cleared → closed. At most one alarm per rule and device is open (not
 * closed), enforced by a partial unique index: repeats and re-activations
 * update that row (count + 1) instead of creating a storm, even when several
 * ingest instances raise it at the same moment. A combination rule's alarm
 * belongs to a location (floor or building) instead, with the same guarantee.
 */
export const alarms = pgTable(
  'alarms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => alarmRules.id, { onDelete: 'restrict' }),
    /** Null for a location alarm (combination rule): then `locationId` names the floor or building. */
    deviceId: uuid('device_id').references(() => devices.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id'),
    /** Where the device was when the alarm was raised (scope and filters without a join). */
    parkId: uuid('park_id').notNull(),
    siteId: uuid('site_id'),
    buildingId: uuid('building_id'),
    floorId: uuid('floor_id'),
    severity: text('severity').$type<Severity>().notNull(),
    state: text('state').$type<AlarmState>().notNull().default('active'),
    /** English text, for logs and API clients; rows from before codes show it as it is. */
    message: text('message').notNull(),
    /** The message as a code (ALARM_TEXT_CODES) and values, so the web app words it in either language; null on older rows. */
    code: text('code'),
    params: jsonb('params').$type<Record<string, unknown>>(),
    lastValue: doublePrecision('last_value'),
    firstAt: timestamp('first_at', { withTimezone: true }).notNull(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull(),
    /** Readings that met the condition while this alarm was open. */
    count: integer('count').notNull().default(1),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    clearedAt: timestamp('cleared_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closeReason: text('close_reason'),
    /** What the engine's last write did (raised, repeated, reactivated); lets one upsert report it. */
    lastChange: text('last_change').notNull().default('raised'),
    /** When it last became active (raised or reactivated): the acknowledge deadline counts from here. */
    activeSince: timestamp('active_since', { withTimezone: true }).notNull().defaultNow(),
    /** Escalation levels notified so far (0: none); reset when the alarm is reactivated. */
    escalationLevel: integer('escalation_level').notNull().default(0),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    /** Raised while its device or area was shelved (maintenance window): recorded, not escalated. */
    suppressed: boolean('suppressed').notNull().default(false),
    shelfId: uuid('shelf_id'),
    /** A `repeated` event is recorded at most once a minute per alarm; the count is exact regardless. */
    repeatLoggedAt: timestamp('repeat_logged_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('alarms_open_rule_device_uq').on(t.ruleId, t.deviceId).where(sql`state <> 'closed'`),
    // A location alarm (no device): one open per rule and location, as for devices.
    uniqueIndex('alarms_open_rule_location_uq').on(t.ruleId, t.locationId).where(sql`state <> 'closed' AND device_id IS NULL`),
    index('alarms_park_state_idx').on(t.parkId, t.state),
    index('alarms_device_idx').on(t.deviceId),
    index('alarms_last_at_idx').on(t.lastAt),
    checkOneOf(t.severity, SEVERITIES),
    checkOneOf(t.state, ALARM_STATES),
    checkNotNegative(t.count),
    checkNotNegative(t.escalationLevel),
  ],
);

/** Every response to an alarm (who, when, what), human or engine; never updated. */
export const alarmEvents = pgTable(
  'alarm_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    alarmId: uuid('alarm_id')
      .notNull()
      .references(() => alarms.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<AlarmEventKind>().notNull(),
    /** Null for the rule engine. */
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    comment: text('comment'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [index('alarm_events_alarm_idx').on(t.alarmId, t.id), checkOneOf(t.kind, ALARM_EVENT_KINDS)],
);

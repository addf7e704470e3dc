import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { buildings, floors, parks } from '../../parks/parks.table';
import { devices } from '../iot.table';
import { checkNotNegative, checkOneOf } from '../../../lib/db-checks';
import { DEVICE_TYPES, type DeviceType } from '../metrics';

export const RULE_KINDS = ['threshold', 'rate_of_change', 'silent', 'combination', 'event'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];
export const THRESHOLD_OPERATORS = ['>', '>=', '<', '<='] as const;
export type ThresholdOperator = (typeof THRESHOLD_OPERATORS)[number];
export const CHANGE_DIRECTIONS = ['rise', 'fall', 'any'] as const;
export type ChangeDirection = (typeof CHANGE_DIRECTIONS)[number];
export const SEVERITIES = ['critical', 'major', 'minor', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** What a combination rule groups devices by: one alarm per rule and location. */
export const GROUP_BY = ['floor', 'building'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** What a rule does when it fires: e.g. soil moisture < 20 % → open_valve {durationMinutes: 10} on the valve. */
export interface RuleAction {
  type: 'command';
  targetDeviceId: string;
  command: string;
  params: Record<string, unknown>;
}

/**
 * One condition of a combination rule (`field` is a metric) or of an event
 * rule (`field` is an attribute of the event, e.g. `temperature`).
 */
export interface RuleCondition {
  field: string;
  operator: ThresholdOperator | '=';
  value: number;
}

/**
 * An alarm rule (告警规则) of one park. The condition columns used depend on
 * `kind`; the scope columns narrow the park's devices (all given must match).
 */
export const alarmRules = pgTable(
  'alarm_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    description: text('description'),
    kind: text('kind').$type<RuleKind>().notNull(),
    severity: text('severity').$type<Severity>().notNull(),
    isEnabled: boolean('is_enabled').notNull().default(true),
    /** threshold and rate_of_change */
    metric: text('metric'),
    /** threshold: raise when `value <operator> threshold`; clear when back past threshold ∓ hysteresis. */
    operator: text('operator').$type<ThresholdOperator>(),
    threshold: doublePrecision('threshold'),
    hysteresis: doublePrecision('hysteresis').notNull().default(0),
    /** rate_of_change: raise when the value changes by ≥ delta against the previous reading at most windowSeconds old. */
    delta: doublePrecision('delta'),
    windowSeconds: integer('window_seconds'),
    direction: text('direction').$type<ChangeDirection>(),
    /** silent: raise when the device has not been seen for this long. */
    silentSeconds: integer('silent_seconds'),
    /** combination: every condition met on one floor/building within windowSeconds; event: attribute conditions. */
    conditions: jsonb('conditions').$type<RuleCondition[]>(),
    groupBy: text('group_by').$type<GroupBy>(),
    /** Optional: an actuator command issued when the rule fires (raised or reactivated, not shelved). */
    action: jsonb('action').$type<RuleAction>(),
    /** event: the device event type matched (e.g. fever, intrusion). */
    eventType: text('event_type'),
    deviceType: text('device_type').$type<DeviceType>(),
    buildingId: uuid('building_id').references(() => buildings.id, { onDelete: 'set null' }),
    floorId: uuid('floor_id').references(() => floors.id, { onDelete: 'set null' }),
    tag: text('tag'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('alarm_rules_park_idx').on(t.parkId),
    index('alarm_rules_enabled_kind_idx').on(t.kind).where(sql`is_enabled`),
    checkOneOf(t.kind, RULE_KINDS),
    checkOneOf(t.severity, SEVERITIES),
    checkOneOf(t.operator, THRESHOLD_OPERATORS),
    checkOneOf(t.direction, CHANGE_DIRECTIONS),
    checkOneOf(t.groupBy, GROUP_BY),
    checkOneOf(t.deviceType, DEVICE_TYPES),
    checkNotNegative(t.hysteresis),
    checkNotNegative(t.windowSeconds),
    checkNotNegative(t.silentSeconds),
  ],
);

/**
 * Evaluation state per rule and device, shared by every ingest instance: whether
 * the condition is active (hysteresis across batches) and the last evaluated
 * reading (rate of change, late-reading detection). Locked row by row while a
 * batch is evaluated, so two instances never interleave on one pair.
 */
export const ruleStates = pgTable(
  'rule_states',
  {
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => alarmRules.id, { onDelete: 'cascade' }),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => devices.id, { onDelete: 'cascade' }),
    isActive: boolean('is_active').notNull().default(false),
    lastValue: doublePrecision('last_value'),
    lastTs: timestamp('last_ts', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'rule_states_pk', columns: [t.ruleId, t.deviceId] }), index('rule_states_device_idx').on(t.deviceId)],
);

/**
 * Evaluation state of a combination rule per location (floor or building):
 * when each condition was last met there (epoch ms, by index) and whether the
 * combination holds. Locked while a batch is evaluated, like `rule_states`.
 */
export const ruleLocationStates = pgTable(
  'rule_location_states',
  {
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => alarmRules.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id').notNull(),
    isActive: boolean('is_active').notNull().default(false),
    metAt: jsonb('met_at').$type<(number | null)[]>().notNull().default([]),
    lastTs: timestamp('last_ts', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'rule_location_states_pk', columns: [t.ruleId, t.locationId] })],
);

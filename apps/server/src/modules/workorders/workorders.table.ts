import { sql } from 'drizzle-orm';
import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { checkNotNegative, checkOneOf } from '../../lib/db-checks';
import { users } from '../identity/identity.table';
import { SEVERITIES, type Severity } from '../iot/rules/rules.table';
import { bytea } from '../ledger/ledger.table';
import { buildings, districts, enterprises, floors, parks, propertyCompanies, sites, units } from '../parks/parks.table';

/** Work-order categories (工单类别). */
export const WORK_ORDER_CATEGORIES = ['elevator', 'hvac', 'lighting', 'plumbing', 'fire', 'security', 'cleaning', 'network', 'parking', 'electrical', 'other'] as const;
export type WorkOrderCategory = (typeof WORK_ORDER_CATEGORIES)[number];
export const WORK_ORDER_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type WorkOrderPriority = (typeof WORK_ORDER_PRIORITIES)[number];
export const WORK_ORDER_SOURCES = ['alarm', 'patrol', 'inspection', 'member_request', 'enterprise_request', 'operator'] as const;
export type WorkOrderSource = (typeof WORK_ORDER_SOURCES)[number];
export const WORK_ORDER_STATUSES = ['new', 'dispatched', 'accepted', 'in_progress', 'resolved', 'verified', 'closed'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];
export const WORK_ORDER_EVENT_KINDS = [
  'created',
  'classified',
  'triaged',
  'dispatched',
  'accepted',
  'started',
  'resolved',
  'verified',
  'closed',
  'reopened',
  'commented',
  'photo_added',
  'rated',
  'escalated',
  'cancelled',
  'urged',
] as const;
export type WorkOrderEventKind = (typeof WORK_ORDER_EVENT_KINDS)[number];
export const TEAM_KINDS = ['property', 'operator'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** A team that handles work orders: a property company's team (物业班组) or an operator department. */
export const workOrderTeams = pgTable(
  'work_order_teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    kind: text('kind').$type<TeamKind>().notNull(),
    /** Set for property teams: the company whose staff work the team's orders. */
    propertyCompanyId: uuid('property_company_id').references(() => propertyCompanies.id, { onDelete: 'restrict' }),
    leadUserId: uuid('lead_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Categories the team handles (the location rule picks among a company's teams by category). */
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    ...timestamps,
  },
  (t) => [index('wo_teams_park_idx').on(t.parkId), index('wo_teams_company_idx').on(t.propertyCompanyId), checkOneOf(t.kind, TEAM_KINDS)],
);

export const workOrderTeamMembers = pgTable(
  'work_order_team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => workOrderTeams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('wo_team_members_user_idx').on(t.userId)],
);

/** SLA overrides per park, category and priority; absent rows fall back to the built-in defaults. */
export const workOrderSlaPolicies = pgTable(
  'work_order_sla_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'cascade' }),
    category: text('category').$type<WorkOrderCategory>().notNull(),
    priority: text('priority').$type<WorkOrderPriority>().notNull(),
    responseMinutes: integer('response_minutes').notNull(),
    resolutionMinutes: integer('resolution_minutes').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('wo_sla_park_cat_prio_uq').on(t.parkId, t.category, t.priority),
    checkOneOf(t.category, WORK_ORDER_CATEGORIES),
    checkOneOf(t.priority, WORK_ORDER_PRIORITIES),
    checkNotNegative(t.responseMinutes),
    checkNotNegative(t.resolutionMinutes),
  ],
);

/** A work order (工单). Location is denormalised down to the most specific place given. */
export const workOrders = pgTable(
  'work_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human-friendly number, e.g. 10234. */
    number: bigint('number', { mode: 'number' }).generatedByDefaultAsIdentity({ startWith: 10001 }).notNull(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    siteId: uuid('site_id').references(() => sites.id, { onDelete: 'set null' }),
    districtId: uuid('district_id').references(() => districts.id, { onDelete: 'set null' }),
    buildingId: uuid('building_id').references(() => buildings.id, { onDelete: 'set null' }),
    floorId: uuid('floor_id').references(() => floors.id, { onDelete: 'set null' }),
    unitId: uuid('unit_id').references(() => units.id, { onDelete: 'set null' }),
    deviceId: uuid('device_id'),
    deviceType: text('device_type'),
    locationText: text('location_text'),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id, { onDelete: 'set null' }),
    source: text('source').$type<WorkOrderSource>().notNull(),
    alarmId: uuid('alarm_id'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    category: text('category').$type<WorkOrderCategory>().notNull(),
    priority: text('priority').$type<WorkOrderPriority>().notNull(),
    status: text('status').$type<WorkOrderStatus>().notNull().default('new'),
    /** Waiting for an operator to confirm the category and team (low confidence). */
    needsTriage: boolean('needs_triage').notNull().default(false),
    teamId: uuid('team_id').references(() => workOrderTeams.id, { onDelete: 'set null' }),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    requesterId: uuid('requester_id').references(() => users.id, { onDelete: 'set null' }),
    requesterName: text('requester_name').notNull(),
    /** The smart-dispatch decision and its reasons (see DispatchDecision). */
    decision: jsonb('decision').$type<Record<string, unknown>>(),
    confidence: doublePrecision('confidence'),
    responseDueAt: timestamp('response_due_at', { withTimezone: true }).notNull(),
    resolutionDueAt: timestamp('resolution_due_at', { withTimezone: true }).notNull(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** 0 none, 1 team lead notified, 2 operator notified. */
    escalationLevel: integer('escalation_level').notNull().default(0),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    /** Set when the requester withdrew the order before dispatch (status becomes closed; no rating). */
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** The requester's last urge (催单): at most one per URGE_INTERVAL_MINUTES. */
    lastUrgedAt: timestamp('last_urged_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('work_orders_number_uq').on(t.number),
    index('work_orders_park_status_idx').on(t.parkId, t.status),
    index('work_orders_team_idx').on(t.teamId),
    index('work_orders_enterprise_idx').on(t.enterpriseId),
    index('work_orders_district_idx').on(t.districtId),
    uniqueIndex('work_orders_alarm_uq').on(t.alarmId),
    checkOneOf(t.source, WORK_ORDER_SOURCES),
    checkOneOf(t.category, WORK_ORDER_CATEGORIES),
    checkOneOf(t.priority, WORK_ORDER_PRIORITIES),
    checkOneOf(t.status, WORK_ORDER_STATUSES),
    checkNotNegative(t.escalationLevel),
    checkNotNegative(t.rating),
  ],
);

/** Every transition and response, never updated. */
export const workOrderEvents = pgTable(
  'work_order_events',
  {
    // By default (not always): a restored backup inserts the original ids.
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<WorkOrderEventKind>().notNull(),
    fromStatus: text('from_status').$type<WorkOrderStatus>(),
    toStatus: text('to_status').$type<WorkOrderStatus>(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    comment: text('comment'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('work_order_events_order_idx').on(t.workOrderId, t.id),
    index('work_order_events_kind_idx').on(t.kind, t.at),
    checkOneOf(t.kind, WORK_ORDER_EVENT_KINDS),
    checkOneOf(t.fromStatus, WORK_ORDER_STATUSES),
    checkOneOf(t.toStatus, WORK_ORDER_STATUSES),
  ],
);

/**
 * @deprecated Read-only: photos as the releases before the files module stored them (bytes in the
 * database). At start, `moveLegacyPhotos` copies each into the file store as a file with the same
 * id; nothing reads or writes these rows afterwards. Kept for one release so a rollback still has
 * its photos; a later release drops the table.
 */
export const workOrderAttachments = pgTable(
  'work_order_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedByName: text('uploaded_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('work_order_attachments_order_idx').on(t.workOrderId), checkNotNegative(t.size)],
);

export const DISPATCH_TARGETS = ['category', 'team'] as const;
export type DispatchTarget = (typeof DISPATCH_TARGETS)[number];

/** A trained dispatch model (serialized classifier JSON), versioned per park and target. */
export const dispatchModels = pgTable(
  'dispatch_models',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'cascade' }),
    target: text('target').$type<DispatchTarget>().notNull(),
    version: integer('version').notNull(),
    model: jsonb('model').notNull(),
    trainedAt: timestamp('trained_at', { withTimezone: true }).notNull(),
    exampleCount: integer('example_count').notNull(),
    heldOutCount: integer('held_out_count').notNull(),
    /** Accuracy on the held-back 20 % (the model itself is then trained on everything). */
    accuracy: doublePrecision('accuracy').notNull(),
    trainingMs: integer('training_ms').notNull(),
    trigger: text('trigger').notNull(),
  },
  (t) => [
    uniqueIndex('dispatch_models_park_target_version_uq').on(t.parkId, t.target, t.version),
    checkOneOf(t.target, DISPATCH_TARGETS),
    checkNotNegative(t.exampleCount),
    checkNotNegative(t.heldOutCount),
    checkNotNegative(t.trainingMs),
  ],
);

/** Which alarms become work orders (and with what category and priority). */
export const dispatchRules = pgTable(
  'dispatch_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Alarms at least this severe match (critical > major > minor > info). */
    minSeverity: text('min_severity').$type<Severity>().notNull().default('major'),
    deviceType: text('device_type'),
    alarmRuleId: uuid('alarm_rule_id'),
    /** Null: the classifier decides from the alarm text. */
    category: text('category').$type<WorkOrderCategory>(),
    priority: text('priority').$type<WorkOrderPriority>().notNull().default('high'),
    isEnabled: boolean('is_enabled').notNull().default(true),
    ...timestamps,
  },
  (t) => [index('dispatch_rules_park_idx').on(t.parkId), checkOneOf(t.minSeverity, SEVERITIES), checkOneOf(t.category, WORK_ORDER_CATEGORIES), checkOneOf(t.priority, WORK_ORDER_PRIORITIES)],
);

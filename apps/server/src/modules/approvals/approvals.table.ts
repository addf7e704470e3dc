import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.table';
import { enterprises, parks } from '../parks/parks.table';
import type { StepDefinition } from './approval-flow';
import { ACTION_TYPES, CASE_STATUSES, TASK_ORIGINS, TASK_STATUSES, type ActionType, type CaseStatus, type TaskOrigin, type TaskStatus } from './approval-machine';

/** `col in ('a','b')` for a CHECK constraint (the values are constants of this module, never input). */
const oneOf = (column: string, values: readonly string[]) => sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

export const FLOW_STATUSES = ['active', 'archived'] as const;
export type FlowStatus = (typeof FLOW_STATUSES)[number];

/** An approval flow (审批流程) of a park, found by its key (e.g. the feature's own key). */
export const approvalFlows = pgTable(
  'approval_flows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    key: text('key').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    status: text('status').$type<FlowStatus>().notNull().default('active'),
    /** The version new cases start with. */
    latestVersion: integer('latest_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('approval_flows_park_key_uq').on(t.parkId, t.key), check('approval_flows_status_ck', oneOf('status', FLOW_STATUSES))],
);

/**
 * One version of a flow's steps. A version that a case uses is never changed: an edit then
 * makes a new version, and running cases keep the one they started with.
 */
export const approvalFlowVersions = pgTable(
  'approval_flow_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    flowId: uuid('flow_id')
      .notNull()
      .references(() => approvalFlows.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    steps: jsonb('steps').$type<StepDefinition[]>().notNull(),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('approval_flow_versions_flow_version_uq').on(t.flowId, t.version), check('approval_flow_versions_version_ck', sql`version >= 1`)],
);

/** One approval case (审批单) about a feature's record `{subjectType, subjectId}`. */
export const approvalCases = pgTable(
  'approval_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    /** The applicant's enterprise, when they apply for one. */
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id, { onDelete: 'restrict' }),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** A short text the feature gives (e.g. the request's title), shown in inboxes. */
    title: text('title').notNull(),
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    flowId: uuid('flow_id')
      .notNull()
      .references(() => approvalFlows.id, { onDelete: 'restrict' }),
    flowVersionId: uuid('flow_version_id')
      .notNull()
      .references(() => approvalFlowVersions.id, { onDelete: 'restrict' }),
    /** The form's values when submitted (or last resubmitted); conditions read them. */
    formValues: jsonb('form_values').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<CaseStatus>().notNull(),
    currentStep: integer('current_step'),
    round: integer('round').notNull().default(0),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    // One open case per subject: a double submission cannot start a second one.
    uniqueIndex('approval_cases_open_subject_uq').on(t.subjectType, t.subjectId).where(sql`status in ('in_progress', 'returned')`),
    index('approval_cases_subject_idx').on(t.subjectType, t.subjectId),
    index('approval_cases_applicant_idx').on(t.applicantId, t.createdAt),
    index('approval_cases_park_idx').on(t.parkId, t.status),
    index('approval_cases_version_idx').on(t.flowVersionId),
    check('approval_cases_status_ck', oneOf('status', CASE_STATUSES)),
    check('approval_cases_step_ck', sql`(status = 'in_progress') = (current_step is not null)`),
  ],
);

/** One approver's task (待办) in one step of a case; tasks of earlier rounds stay as history. */
export const approvalTasks = pgTable(
  'approval_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => approvalCases.id, { onDelete: 'cascade' }),
    stepIndex: integer('step_index').notNull(),
    round: integer('round').notNull(),
    slot: integer('slot').notNull(),
    assigneeId: uuid('assignee_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    status: text('status').$type<TaskStatus>().notNull(),
    origin: text('origin').$type<TaskOrigin>().notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('approval_tasks_case_idx').on(t.caseId, t.round),
    index('approval_tasks_assignee_pending_idx').on(t.assigneeId).where(sql`status = 'pending'`),
    index('approval_tasks_due_idx').on(t.dueAt).where(sql`status = 'pending' and escalated_at is null and due_at is not null`),
    check('approval_tasks_status_ck', oneOf('status', TASK_STATUSES)),
    check('approval_tasks_origin_ck', oneOf('origin', TASK_ORIGINS)),
  ],
);

/** The case's history: one row per action, with the audit entry that proves it on the ledger. */
export const approvalActions = pgTable(
  'approval_actions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => approvalCases.id, { onDelete: 'cascade' }),
    type: text('type').$type<ActionType>().notNull(),
    /** null for the system (escalation). */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    stepIndex: integer('step_index'),
    comment: text('comment'),
    /** The user a transfer or add-approver names. */
    targetUserId: uuid('target_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** For a return: the step returned to (null: the applicant). */
    toStep: integer('to_step'),
    statusAfter: text('status_after').$type<CaseStatus>().notNull(),
    auditId: bigint('audit_id', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('approval_actions_case_idx').on(t.caseId, t.id), check('approval_actions_type_ck', oneOf('type', ACTION_TYPES)), check('approval_actions_status_ck', oneOf('status_after', CASE_STATUSES))],
);

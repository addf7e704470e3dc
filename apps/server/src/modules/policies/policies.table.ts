import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { checkNotNegative, checkOneOf } from '../../lib/db-checks';
import { users } from '../identity/identity.table';
import { enterprises, parks } from '../parks/parks.table';

export const POLICY_STATUSES = ['draft', 'published', 'closed'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

/** How a policy pays: nothing stated, a fixed amount, or at most an amount. */
export const POLICY_AMOUNT_KINDS = ['none', 'fixed', 'up_to'] as const;
export type PolicyAmountKind = (typeof POLICY_AMOUNT_KINDS)[number];

/**
 * A policy (政策) of a park's policy library: what it gives, who may apply, until when, and the
 * documents an application needs. Empty `industries` / `sizes` and null age bounds mean "any".
 */
export const policies = pgTable(
  'policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    /** 发文单位. */
    issuer: text('issuer').notNull(),
    /** 文号, e.g. 成高管发〔2026〕12号. */
    documentNo: text('document_no'),
    summary: text('summary').notNull().default(''),
    description: text('description').notNull().default(''),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    industries: jsonb('industries').$type<string[]>().notNull().default([]),
    sizes: jsonb('sizes').$type<string[]>().notNull().default([]),
    /** Years in the park (from the enterprise's move-in date), inclusive bounds. */
    minAgeYears: integer('min_age_years'),
    maxAgeYears: integer('max_age_years'),
    amountKind: text('amount_kind').$type<PolicyAmountKind>().notNull().default('none'),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    /** Names of the documents an application must carry, one file each. */
    materials: jsonb('materials').$type<string[]>().notNull().default([]),
    /** The key of the park's approval flow applications go through. */
    flowKey: text('flow_key').notNull(),
    status: text('status').$type<PolicyStatus>().notNull().default('draft'),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('policies_park_idx').on(t.parkId, t.status, t.deadline),
    checkOneOf(t.status, POLICY_STATUSES),
    checkOneOf(t.amountKind, POLICY_AMOUNT_KINDS),
    checkNotNegative(t.amountFen),
    checkNotNegative(t.minAgeYears),
    checkNotNegative(t.maxAgeYears),
  ],
);

/**
 * Application states. `enquiry`: the enterprise asked for guidance and has not applied yet;
 * `submitted`: in the approval flow; `returned`: sent back for changes (驳回修改).
 */
export const APPLICATION_STATUSES = ['enquiry', 'submitted', 'returned', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** States that hold the enterprise's one place per policy. */
export const ACTIVE_APPLICATION_STATUSES: readonly ApplicationStatus[] = ['enquiry', 'submitted', 'returned', 'approved'];

/** A material of an application: the policy's document name and the file attached for it. */
export interface MaterialFile {
  name: string;
  fileId: string;
}

/** An enterprise's application for a policy (政策申报), or its enquiry before applying. */
export const policyApplications = pgTable(
  'policy_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id, { onDelete: 'restrict' }),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'restrict' }),
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    status: text('status').$type<ApplicationStatus>().notNull(),
    notes: text('notes').notNull().default(''),
    /** The current file per material (a resubmission replaces the ones it names). */
    materials: jsonb('materials').$type<MaterialFile[]>().notNull().default([]),
    requestedAmountFen: bigint('requested_amount_fen', { mode: 'number' }),
    grantedAmountFen: bigint('granted_amount_fen', { mode: 'number' }),
    caseId: uuid('case_id'),
    /** The park operator guiding the enterprise one to one (一对一辅导). */
    advisorId: uuid('advisor_id').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One active application (or enquiry) per enterprise and policy: a double submission is a 409.
    uniqueIndex('policy_applications_active_uq')
      .on(t.policyId, t.enterpriseId)
      .where(sql`status in ('enquiry','submitted','returned','approved')`),
    index('policy_applications_park_idx').on(t.parkId, t.status),
    index('policy_applications_enterprise_idx').on(t.enterpriseId),
    checkOneOf(t.status, APPLICATION_STATUSES),
    checkNotNegative(t.requestedAmountFen),
    checkNotNegative(t.grantedAmountFen),
  ],
);

/** A message of the guidance thread between the enterprise and its advisor. */
export const policyApplicationComments = pgTable(
  'policy_application_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => policyApplications.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('policy_application_comments_app_idx').on(t.applicationId, t.createdAt)],
);

/** A deadline reminder sent to an enterprise's admins: once per policy, enterprise and lead time. */
export const policyReminders = pgTable(
  'policy_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    daysBefore: integer('days_before').notNull(),
    recipients: integer('recipients').notNull().default(0),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('policy_reminders_once_uq').on(t.policyId, t.enterpriseId, t.daysBefore), checkNotNegative(t.daysBefore), checkNotNegative(t.recipients)],
);

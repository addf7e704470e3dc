import {
  EVAL_APPEAL_ITEM_KINDS,
  EVAL_APPEAL_STATUSES,
  EVAL_AWARD_KINDS,
  EVAL_REVIEW_DECISIONS,
  EVAL_REVIEW_STATUSES,
  EVAL_WARNING_MODES,
  type EvalAppealItemKind,
  type EvalAppealStatus,
  type EvalAwardKind,
  type EvalReviewDecision,
  type EvalReviewStatus,
  type EvalWarningMode,
  type EvalWarningPeriod,
} from '@parkos/contracts';
import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { checkOneOf } from '../../lib/db-checks';
import { users } from '../identity/identity.table';
import { parks } from '../parks/parks.table';
import { evalPeriods } from './evaluation.table';

// The codes are the wire's (contracts); the tables check them.
export { EVAL_APPEAL_ITEM_KINDS, EVAL_APPEAL_STATUSES, EVAL_AWARD_KINDS, EVAL_REVIEW_DECISIONS, EVAL_REVIEW_STATUSES, EVAL_WARNING_MODES };
export type { EvalAppealItemKind, EvalAppealStatus, EvalAwardKind, EvalReviewDecision, EvalWarningMode } from '@parkos/contracts';

/**
 * An appeal (申诉) of a property company against one item of its frozen score in a closed period: a deduction
 * finding (`finding:<source>:<findingId>`) or an indicator's figure (`indicator:<districtId>:<key>`).
 * At most one open appeal per item (partial unique index).
 */
export const evalAppeals = pgTable(
  'eval_appeals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    periodId: uuid('period_id')
      .notNull()
      .references(() => evalPeriods.id, { onDelete: 'restrict' }),
    propertyCompanyId: uuid('property_company_id').notNull(),
    districtId: uuid('district_id').notNull(),
    itemKind: text('item_kind').$type<EvalAppealItemKind>().notNull(),
    itemRef: text('item_ref').notNull(),
    indicatorKey: text('indicator_key').notNull(),
    findingId: text('finding_id'),
    findingSource: text('finding_source'),
    /** Label of the item at filing (finding label, indicator name). */
    itemLabel: text('item_label').notNull(),
    /** Indicator appeals: the leaf score the company claims. */
    claimedScore: doublePrecision('claimed_score'),
    reason: text('reason').notNull(),
    /** Points the appeal would restore to the district's and the company's totals (computed from the frozen tree). */
    districtPoints: doublePrecision('district_points').notNull(),
    companyPoints: doublePrecision('company_points').notNull(),
    status: text('status').$type<EvalAppealStatus>().notNull().default('in_review'),
    caseId: uuid('case_id'),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('eval_appeals_company_idx').on(t.propertyCompanyId, t.createdAt),
    uniqueIndex('eval_appeals_open_item_uq').on(t.periodId, t.itemRef).where(sql`status in ('in_review', 'returned')`),
    checkOneOf(t.status, EVAL_APPEAL_STATUSES),
    checkOneOf(t.itemKind, EVAL_APPEAL_ITEM_KINDS),
  ],
);

/**
 * A correction from an approved appeal: points added to a district's or company's total in the next period of the
 * park computed while open (bound to it at that computation). The appealed, closed period never changes.
 */
export const evalCorrections = pgTable(
  'eval_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appealId: uuid('appeal_id')
      .notNull()
      .references(() => evalAppeals.id, { onDelete: 'cascade' }),
    parkId: uuid('park_id').notNull(),
    sourcePeriodId: uuid('source_period_id').notNull(),
    sourcePeriodLabel: text('source_period_label').notNull(),
    subjectKind: text('subject_kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    points: doublePrecision('points').notNull(),
    caseId: uuid('case_id'),
    appliedPeriodId: uuid('applied_period_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('eval_corrections_park_idx').on(t.parkId, t.appliedPeriodId), checkOneOf(t.subjectKind, ['district', 'company'])],
);

/** A park's bottom-warning rule (末位预警); a park without a row uses last place, 2 consecutive periods. */
export const evalWarningRules = pgTable(
  'eval_warning_rules',
  {
    parkId: uuid('park_id')
      .primaryKey()
      .references(() => parks.id, { onDelete: 'cascade' }),
    mode: text('mode').$type<EvalWarningMode>().notNull().default('last_place'),
    threshold: doublePrecision('threshold'),
    consecutive: integer('consecutive').notNull().default(2),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [checkOneOf(t.mode, EVAL_WARNING_MODES)],
);

/** A bottom warning for a company, raised when a period closes and the rule held for N consecutive closed periods. */
export const evalWarnings = pgTable(
  'eval_warnings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id').notNull(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => evalPeriods.id, { onDelete: 'cascade' }),
    propertyCompanyId: uuid('property_company_id').notNull(),
    companyName: text('company_name').notNull(),
    mode: text('mode').$type<EvalWarningMode>().notNull(),
    threshold: doublePrecision('threshold'),
    consecutive: integer('consecutive').notNull(),
    /** The periods that made it, oldest first: label, total, rank, of. */
    periods: jsonb('periods').$type<EvalWarningPeriod[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('eval_warnings_period_company_uq').on(t.periodId, t.propertyCompanyId), index('eval_warnings_company_idx').on(t.propertyCompanyId)],
);

/** The contract-review task (合同评估) a warning opens for the park's operators; closed with a decision and a note. */
export const evalReviewTasks = pgTable(
  'eval_review_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    warningId: uuid('warning_id')
      .notNull()
      .references(() => evalWarnings.id, { onDelete: 'cascade' }),
    parkId: uuid('park_id').notNull(),
    propertyCompanyId: uuid('property_company_id').notNull(),
    status: text('status').$type<EvalReviewStatus>().notNull().default('open'),
    decision: text('decision').$type<EvalReviewDecision>(),
    note: text('note'),
    closedById: uuid('closed_by_id').references(() => users.id, { onDelete: 'set null' }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('eval_review_tasks_warning_uq').on(t.warningId), index('eval_review_tasks_park_idx').on(t.parkId, t.status), checkOneOf(t.status, EVAL_REVIEW_STATUSES)],
);

/** A nomination for the year's excellent property award (年度优秀物业): a company, or a staff member (free text) of one. */
export const evalAwards = pgTable(
  'eval_awards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    year: integer('year').notNull(),
    kind: text('kind').$type<EvalAwardKind>().notNull(),
    propertyCompanyId: uuid('property_company_id').notNull(),
    companyName: text('company_name').notNull(),
    staffName: text('staff_name'),
    citation: text('citation').notNull(),
    /** The company's total and rank in the year's ranking at nomination, when there was one. */
    total: doublePrecision('total'),
    rank: integer('rank'),
    status: text('status').$type<EvalAppealStatus>().notNull().default('in_review'),
    caseId: uuid('case_id'),
    articleId: uuid('article_id'),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('eval_awards_park_year_idx').on(t.parkId, t.year), checkOneOf(t.kind, EVAL_AWARD_KINDS), checkOneOf(t.status, EVAL_APPEAL_STATUSES)],
);

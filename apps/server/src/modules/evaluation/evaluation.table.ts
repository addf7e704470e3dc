import { EVAL_PERIOD_KINDS, EVAL_PERIOD_STATUSES, EVAL_SCHEME_STATUSES, EVAL_SUBJECT_KINDS, type EvalIndicator, type EvalPeriodKind, type EvalPeriodStatus, type EvalSchemeStatus, type EvalScoreNode, type EvalSubjectKind } from '@parkos/contracts';
import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { checkNotNegative, checkOneOf } from '../../lib/db-checks';
import { users } from '../identity/identity.table';
import { parks } from '../parks/parks.table';

/** An evaluation scheme (考核方案) of a park: an indicator tree scored per period of its kind. */
export const evalSchemes = pgTable(
  'eval_schemes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    periodKind: text('period_kind').$type<EvalPeriodKind>().notNull(),
    status: text('status').$type<EvalSchemeStatus>().notNull().default('draft'),
    /** 1 for a new scheme; a copy of a scheme is its version + 1. */
    version: integer('version').notNull().default(1),
    basedOnId: uuid('based_on_id'),
    indicators: jsonb('indicators').$type<EvalIndicator[]>().notNull(),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('eval_schemes_park_idx').on(t.parkId), checkOneOf(t.periodKind, EVAL_PERIOD_KINDS), checkOneOf(t.status, EVAL_SCHEME_STATUSES), checkNotNegative(t.version)],
);

/** A period (考核周期) of a scheme, e.g. 2026-11, 2026-Q4 or 2026; closed = scores frozen. */
export const evalPeriods = pgTable(
  'eval_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => evalSchemes.id, { onDelete: 'restrict' }),
    parkId: uuid('park_id').notNull(),
    kind: text('kind').$type<EvalPeriodKind>().notNull(),
    label: text('label').notNull(),
    /** First day and the day after the last (Asia/Shanghai calendar dates). */
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    status: text('status').$type<EvalPeriodStatus>().notNull().default('open'),
    /** The operator published the ranking: property staff then see every company's name, rank and total. */
    rankingPublished: boolean('ranking_published').notNull().default(false),
    computedAt: timestamp('computed_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedById: uuid('closed_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('eval_periods_scheme_label_uq').on(t.schemeId, t.label), index('eval_periods_park_idx').on(t.parkId, t.startDate), checkOneOf(t.kind, EVAL_PERIOD_KINDS), checkOneOf(t.status, EVAL_PERIOD_STATUSES)],
);

/** A district's or company's score for a period with its whole explained tree; frozen when the period closes. */
export const evalScores = pgTable(
  'eval_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => evalPeriods.id, { onDelete: 'cascade' }),
    subjectKind: text('subject_kind').$type<EvalSubjectKind>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** Snapshot of the name at computation. */
    name: text('name').notNull(),
    /** The company a district was contracted to in the period (itself for a company). */
    propertyCompanyId: uuid('property_company_id'),
    total: doublePrecision('total').notNull(),
    tree: jsonb('tree').$type<EvalScoreNode[]>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('eval_scores_subject_uq').on(t.periodId, t.subjectKind, t.subjectId), index('eval_scores_company_idx').on(t.propertyCompanyId), checkOneOf(t.subjectKind, EVAL_SUBJECT_KINDS)],
);

/** A manual leaf's score for a district or company in a period, always with a note. */
export const evalManualEntries = pgTable(
  'eval_manual_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => evalPeriods.id, { onDelete: 'cascade' }),
    indicatorKey: text('indicator_key').notNull(),
    subjectKind: text('subject_kind').$type<EvalSubjectKind>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    score: doublePrecision('score').notNull(),
    note: text('note').notNull(),
    enteredById: uuid('entered_by_id').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('eval_manual_subject_uq').on(t.periodId, t.indicatorKey, t.subjectKind, t.subjectId), checkOneOf(t.subjectKind, EVAL_SUBJECT_KINDS), checkNotNegative(t.score)],
);

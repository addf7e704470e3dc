import { sql } from 'drizzle-orm';
import { bigint, check, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { checkNotNegative, checkOneOf } from '../../lib/db-checks';
import { approvalCases } from '../approvals/approvals.table';
import { users } from '../identity/identity.table';
import { enterprises, parks, sites } from '../parks/parks.table';

export const RELIEF_KINDS = ['months_free', 'percent', 'per_m2'] as const;
export type ReliefKind = (typeof RELIEF_KINDS)[number];
export const PROGRAMME_STATUSES = ['draft', 'open', 'closed'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];
export const RELIEF_APPLICATION_STATUSES = ['in_review', 'returned', 'approved', 'rejected', 'withdrawn'] as const;
export type ReliefApplicationStatus = (typeof RELIEF_APPLICATION_STATUSES)[number];
/** An application in one of these blocks another of the same enterprise for the same programme. */
export const ACTIVE_RELIEF_STATUSES: readonly ReliefApplicationStatus[] = ['in_review', 'returned', 'approved'];

/** One month of relief for one lease, as computed from the park's data. */
export interface ReliefLine {
  leaseId: string;
  unitCode: string;
  period: string;
  rentFen: number;
  amountFen: number;
}

/**
 * A rent-relief programme (减租方案) of a park: the months it covers, who is eligible, how much
 * relief, a cap per enterprise and a budget. `granted_fen` is what approved applications took;
 * it never exceeds `budget_fen` (CHECK, and the approval locks the row).
 */
export const reliefProgrammes = pgTable(
  'relief_programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    description: text('description'),
    /** First and last month of relief (`YYYY-MM`). */
    fromPeriod: text('from_period').notNull(),
    toPeriod: text('to_period').notNull(),
    /** Eligibility: a lease active on this date. */
    leaseActiveOn: date('lease_active_on').notNull(),
    /** Eligible enterprise sizes and industries; empty means any. */
    sizes: jsonb('sizes').$type<string[]>().notNull().default([]),
    industries: jsonb('industries').$type<string[]>().notNull().default([]),
    /** At most this much overdue unpaid (fen); null: no limit. */
    arrearsLimitFen: bigint('arrears_limit_fen', { mode: 'number' }),
    /** At most this much leased area (m²); null: no limit. */
    maxAreaM2: doublePrecision('max_area_m2'),
    reliefKind: text('relief_kind').$type<ReliefKind>().notNull(),
    /** Months free (count), percent off (1–100), or fen per m² per month. */
    reliefValue: integer('relief_value').notNull(),
    capPerEnterpriseFen: bigint('cap_per_enterprise_fen', { mode: 'number' }),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    grantedFen: bigint('granted_fen', { mode: 'number' }).notNull().default(0),
    /** The park's approval flow the applications run through. */
    flowKey: text('flow_key').notNull(),
    status: text('status').$type<ProgrammeStatus>().notNull().default('draft'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('relief_programmes_park_idx').on(t.parkId, t.status),
    checkOneOf(t.reliefKind, RELIEF_KINDS),
    checkOneOf(t.status, PROGRAMME_STATUSES),
    checkNotNegative(t.arrearsLimitFen),
    checkNotNegative(t.maxAreaM2),
    checkNotNegative(t.reliefValue),
    checkNotNegative(t.capPerEnterpriseFen),
    checkNotNegative(t.budgetFen),
    checkNotNegative(t.grantedFen),
    check('relief_programmes_granted_within_budget_check', sql`${t.grantedFen} <= ${t.budgetFen}`),
    check('relief_programmes_period_order_check', sql`${t.fromPeriod} <= ${t.toPeriod}`),
  ],
);

/**
 * An enterprise's application (减租申请) to a programme, reviewed through an approval case.
 * `lines`/`relief_fen` are the relief computed when it was (re)submitted; `granted_fen` is set
 * on approval. At most one active application (in review, returned, approved) per enterprise and programme.
 */
export const reliefApplications = pgTable(
  'relief_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => reliefProgrammes.id, { onDelete: 'restrict' }),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    siteId: uuid('site_id').references(() => sites.id, { onDelete: 'set null' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'restrict' }),
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    caseId: uuid('case_id').references(() => approvalCases.id, { onDelete: 'restrict' }),
    status: text('status').$type<ReliefApplicationStatus>().notNull().default('in_review'),
    note: text('note'),
    lines: jsonb('lines').$type<ReliefLine[]>().notNull().default([]),
    reliefFen: bigint('relief_fen', { mode: 'number' }).notNull(),
    grantedFen: bigint('granted_fen', { mode: 'number' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('relief_applications_active_uq').on(t.programmeId, t.enterpriseId).where(sql`${t.status} in ('in_review', 'returned', 'approved')`),
    index('relief_applications_programme_idx').on(t.programmeId, t.status),
    index('relief_applications_enterprise_idx').on(t.enterpriseId),
    checkOneOf(t.status, RELIEF_APPLICATION_STATUSES),
    checkNotNegative(t.reliefFen),
    checkNotNegative(t.grantedFen),
  ],
);

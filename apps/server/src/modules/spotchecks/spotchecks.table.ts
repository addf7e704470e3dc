import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { FINDING_SEVERITIES, FINDING_STATUSES, type FindingSeverity, type FindingStatus } from '@parkos/contracts';
import { checkNotNegative, checkOneOf } from '../../lib/db-checks';
import { users } from '../identity/identity.table';
import { districts, parks, propertyCompanies } from '../parks/parks.table';

/**
 * An inspector (a user with the `inspector` role: the third-party safety agency) assigned to a district of a park
 * for a period: the inspector sees and checks only the districts it is assigned to on that day.
 */
export const spotCheckAssignments = pgTable(
  'spot_check_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    districtId: uuid('district_id')
      .notNull()
      .references(() => districts.id, { onDelete: 'restrict' }),
    inspectorUserId: uuid('inspector_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** First and last day (Asia/Shanghai, inclusive); no last day = until revoked. */
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('spot_check_assignments_inspector_idx').on(t.inspectorUserId, t.districtId), index('spot_check_assignments_park_idx').on(t.parkId)],
);

/** Deduction points per finding severity of a park (the same shape as inspections' setting, its own table). */
export const spotCheckSettings = pgTable(
  'spot_check_settings',
  {
    parkId: uuid('park_id')
      .primaryKey()
      .references(() => parks.id, { onDelete: 'cascade' }),
    pointsMinor: integer('points_minor').notNull(),
    pointsMajor: integer('points_major').notNull(),
    pointsCritical: integer('points_critical').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [checkNotNegative(t.pointsMinor), checkNotNegative(t.pointsMajor), checkNotNegative(t.pointsCritical)],
);

/** An unannounced spot check (不定期抽查) of a district by an inspector. */
export const spotChecks = pgTable(
  'spot_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    districtId: uuid('district_id')
      .notNull()
      .references(() => districts.id, { onDelete: 'restrict' }),
    /** The property company contracted for the district on the day of the check (none: nobody to answer). */
    propertyCompanyId: uuid('property_company_id').references(() => propertyCompanies.id, { onDelete: 'restrict' }),
    inspectorUserId: uuid('inspector_user_id').references(() => users.id, { onDelete: 'set null' }),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
    /** What was checked: the items or the area (e.g. 消防通道、配电房). */
    area: text('area').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('spot_checks_park_idx').on(t.parkId, t.checkedAt), index('spot_checks_district_idx').on(t.districtId)],
);

/** A finding of a spot check: what is wrong, how serious, by when to fix, and its way to closed. */
export const spotCheckFindings = pgTable(
  'spot_check_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    checkId: uuid('check_id')
      .notNull()
      .references(() => spotChecks.id, { onDelete: 'cascade' }),
    parkId: uuid('park_id').notNull(),
    districtId: uuid('district_id').notNull(),
    propertyCompanyId: uuid('property_company_id'),
    /** Order within the check, as recorded. */
    position: integer('position').notNull().default(0),
    description: text('description').notNull(),
    severity: text('severity').$type<FindingSeverity>().notNull(),
    /** Last day to fix (Asia/Shanghai, inclusive); overdue after it while not closed. */
    deadline: date('deadline').notNull(),
    status: text('status').$type<FindingStatus>().notNull().default('open'),
    response: text('response'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    respondedById: uuid('responded_by_id').references(() => users.id, { onDelete: 'set null' }),
    /** The verifier's note: why a fix was rejected, or a remark on acceptance. */
    verifyNote: text('verify_note'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedById: uuid('verified_by_id').references(() => users.id, { onDelete: 'set null' }),
    rejections: integer('rejections').notNull().default(0),
    overturnReason: text('overturn_reason'),
    overturnedAt: timestamp('overturned_at', { withTimezone: true }),
    overturnedById: uuid('overturned_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('spot_check_findings_check_idx').on(t.checkId),
    index('spot_check_findings_company_idx').on(t.propertyCompanyId, t.status),
    index('spot_check_findings_park_idx').on(t.parkId, t.status),
    checkOneOf(t.severity, FINDING_SEVERITIES),
    checkOneOf(t.status, FINDING_STATUSES),
    checkNotNegative(t.rejections),
  ],
);

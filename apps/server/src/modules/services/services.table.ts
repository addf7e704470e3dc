import { SERVICE_APPLICANTS, SERVICE_HANDLER_TYPES, SERVICE_KINDS, SERVICE_REQUEST_STATUSES, SERVICE_STATUSES, SERVICE_SYSTEMS, type FormDefinition, type ServiceApplicants, type ServiceHandlerType, type ServiceKind, type ServiceRequestStatus, type ServiceStatus, type ServiceSystem } from '@parkos/contracts';
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { checkNotNegative, checkOneOf } from '../../lib/db-checks';
import { users } from '../identity/identity.table';
import { enterprises, parks, propertyCompanies } from '../parks/parks.table';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * A service (服务) a park's operators publish in the catalog under one of the eight systems.
 * `formVersion` goes up whenever the form changes; each request keeps a snapshot of the form it was made with.
 */
export const serviceOfferings = pgTable(
  'service_offerings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    system: text('system').$type<ServiceSystem>().notNull(),
    kind: text('kind').$type<ServiceKind>().notNull().default('request'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionZh: text('description_zh').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    handlerType: text('handler_type').$type<ServiceHandlerType>().notNull(),
    /** The department's or vendor's name; for a property company, its name is shown from `propertyCompanyId`. */
    handlerName: text('handler_name').notNull().default(''),
    propertyCompanyId: uuid('property_company_id').references(() => propertyCompanies.id, { onDelete: 'restrict' }),
    applicants: text('applicants').$type<ServiceApplicants>().notNull().default('admins'),
    form: jsonb('form').$type<FormDefinition>().notNull(),
    formVersion: integer('form_version').notNull().default(1),
    /** The park's approval flow (by key) each request runs; required to publish a `request` service. */
    flowKey: text('flow_key'),
    slaHours: integer('sla_hours').notNull().default(72),
    feeFen: bigint('fee_fen', { mode: 'number' }),
    status: text('status').$type<ServiceStatus>().notNull().default('draft'),
    ...timestamps,
  },
  (t) => [
    index('service_offerings_park_idx').on(t.parkId, t.status, t.system),
    checkOneOf(t.system, SERVICE_SYSTEMS),
    checkOneOf(t.kind, SERVICE_KINDS),
    checkOneOf(t.handlerType, SERVICE_HANDLER_TYPES),
    checkOneOf(t.applicants, SERVICE_APPLICANTS),
    checkOneOf(t.status, SERVICE_STATUSES),
    checkNotNegative(t.feeFen),
    check('service_offerings_sla_hours_check', sql`${t.slaHours} > 0`),
  ],
);

/** The users who work a service's queue (operators or property staff of the park). */
export const serviceHandlers = pgTable(
  'service_handlers',
  {
    serviceId: uuid('service_id')
      .notNull()
      .references(() => serviceOfferings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.userId] }), index('service_handlers_user_idx').on(t.userId)],
);

/** An enterprise's request (服务申请) for a service, with the form it was made with. */
export const serviceRequests = pgTable(
  'service_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => serviceOfferings.id, { onDelete: 'restrict' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'restrict' }),
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    status: text('status').$type<ServiceRequestStatus>().notNull().default('in_review'),
    /** The form as it was when the request was made (editing the service never changes it). */
    form: jsonb('form').$type<FormDefinition>().notNull(),
    formVersion: integer('form_version').notNull(),
    values: jsonb('values').$type<Record<string, unknown>>().notNull(),
    caseId: uuid('case_id'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    /** submitted + the service's SLA hours. */
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    handlerId: uuid('handler_id').references(() => users.id, { onDelete: 'set null' }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    resultNote: text('result_note'),
    feeFen: bigint('fee_fen', { mode: 'number' }),
    billId: uuid('bill_id'),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('service_requests_park_idx').on(t.parkId, t.status),
    index('service_requests_enterprise_idx').on(t.enterpriseId, t.createdAt),
    index('service_requests_service_idx').on(t.serviceId),
    checkOneOf(t.status, SERVICE_REQUEST_STATUSES),
    checkNotNegative(t.feeFen),
    check('service_requests_rating_check', sql`${t.rating} IS NULL OR (${t.rating} BETWEEN 1 AND 5)`),
  ],
);

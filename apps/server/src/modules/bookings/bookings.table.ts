import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { checkNotNegative, checkOneOf } from '../../lib/db-checks';
import { users } from '../identity/identity.table';
import { enterprises, parks, sites } from '../parks/parks.table';

/** meeting_room 会议室; tech_platform 公共技术平台 (测试实验室, GPU 算力平台); exhibition 展厅. */
export const RESOURCE_CATEGORIES = ['meeting_room', 'tech_platform', 'exhibition'] as const;
export type ResourceCategory = (typeof RESOURCE_CATEGORIES)[number];
/** Who of a tenant enterprise may book: only its admins, or its members too. */
export const BOOKABLE_BY = ['admins', 'members'] as const;
export type BookableBy = (typeof BOOKABLE_BY)[number];
export const RESOURCE_STATUSES = ['active', 'inactive'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

/**
 * A shared resource of a park (共享资源) that enterprises book by the slot. Opening hours are
 * minutes after midnight in Asia/Shanghai on the listed ISO weekdays (1 = Monday … 7 = Sunday).
 */
export const bookingResources = pgTable(
  'booking_resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    siteId: uuid('site_id').references(() => sites.id, { onDelete: 'restrict' }),
    category: text('category').$type<ResourceCategory>().notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    location: text('location').notNull(),
    description: text('description').notNull().default(''),
    capacity: integer('capacity').notNull(),
    opensAtMinute: integer('opens_at_minute').notNull(),
    closesAtMinute: integer('closes_at_minute').notNull(),
    openWeekdays: integer('open_weekdays').array().notNull(),
    slotMinutes: integer('slot_minutes').notNull(),
    minMinutes: integer('min_minutes').notNull(),
    maxMinutes: integer('max_minutes').notNull(),
    /** Fee per hour in fen; 0 = free. */
    feeFenPerHour: integer('fee_fen_per_hour').notNull().default(0),
    requiresApproval: boolean('requires_approval').notNull().default(false),
    /** The park's approval flow run for each booking when `requiresApproval`. */
    approvalFlowKey: text('approval_flow_key'),
    bookableBy: text('bookable_by').$type<BookableBy>().notNull().default('members'),
    status: text('status').$type<ResourceStatus>().notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('booking_resources_park_idx').on(t.parkId, t.category),
    checkOneOf(t.category, RESOURCE_CATEGORIES),
    checkOneOf(t.bookableBy, BOOKABLE_BY),
    checkOneOf(t.status, RESOURCE_STATUSES),
    checkNotNegative(t.capacity),
    checkNotNegative(t.opensAtMinute),
    checkNotNegative(t.closesAtMinute),
    checkNotNegative(t.slotMinutes),
    checkNotNegative(t.minMinutes),
    checkNotNegative(t.maxMinutes),
    checkNotNegative(t.feeFenPerHour),
  ],
);

/** `pending` waits for approval and holds its slot like `confirmed`; `cancelled` and `rejected` free it. */
export const BOOKING_STATUSES = ['pending', 'confirmed', 'cancelled', 'rejected'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
/** Statuses that occupy the resource's time range. */
export const HOLDING_STATUSES: readonly BookingStatus[] = ['pending', 'confirmed'];

/** An enterprise's booking of a resource for a time range (stored UTC, shown in Asia/Shanghai). */
export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => bookingResources.id, { onDelete: 'restrict' }),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'restrict' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: text('status').$type<BookingStatus>().notNull(),
    /** hours × fee per hour, integer fen (fixed when booked). */
    feeFen: integer('fee_fen').notNull(),
    billId: uuid('bill_id'),
    approvalCaseId: uuid('approval_case_id'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledById: uuid('cancelled_by_id').references(() => users.id, { onDelete: 'set null' }),
    cancelReason: text('cancel_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('bookings_resource_time_idx').on(t.resourceId, t.startsAt),
    index('bookings_enterprise_idx').on(t.enterpriseId, t.startsAt),
    index('bookings_park_idx').on(t.parkId, t.startsAt),
    checkOneOf(t.status, BOOKING_STATUSES),
    checkNotNegative(t.feeFen),
  ],
);

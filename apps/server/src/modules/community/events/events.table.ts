import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { checkNotNegative, checkOneOf } from '../../../lib/db-checks';
import { users } from '../../identity/identity.table';
import { enterprises, parks, sites } from '../../parks/parks.table';

export const EVENT_STATUSES = ['published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** A park event (园区活动): talk, training, job fair, with capacity and a registration window. */
export const parkEvents = pgTable(
  'park_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    siteId: uuid('site_id').references(() => sites.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    location: text('location').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    registrationOpensAt: timestamp('registration_opens_at', { withTimezone: true }).notNull(),
    registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }).notNull(),
    requiresApproval: boolean('requires_approval').notNull().default(false),
    /** Minutes before the start when reminders are recorded. */
    reminderMinutes: integer('reminder_minutes').notNull().default(60),
    status: text('status').$type<EventStatus>().notNull().default('published'),
    /** Bumped on every change: the iCalendar SEQUENCE. */
    sequence: integer('sequence').notNull().default(0),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('park_events_park_start_idx').on(t.parkId, t.startsAt),
    checkNotNegative(t.capacity),
    checkNotNegative(t.reminderMinutes),
    checkOneOf(t.status, EVENT_STATUSES),
    checkNotNegative(t.sequence),
  ],
);

export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'waitlisted', 'cancelled', 'rejected'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/**
 * A member's registration. Seats taken = pending + confirmed; the waitlist is
 * ordered by `waitlistedAt`. One live registration per member and event.
 */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => parkEvents.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id, { onDelete: 'set null' }),
    status: text('status').$type<RegistrationStatus>().notNull(),
    /** Check-in code shown as the attendee's QR (unguessable, 128 bits). */
    code: text('code').notNull(),
    waitlistedAt: timestamp('waitlisted_at', { withTimezone: true }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('event_registrations_live_uq').on(t.eventId, t.userId).where(sql`status in ('pending','confirmed','waitlisted')`),
    uniqueIndex('event_registrations_code_uq').on(t.code),
    index('event_registrations_user_idx').on(t.userId),
    index('event_registrations_event_idx').on(t.eventId, t.status),
    checkOneOf(t.status, REGISTRATION_STATUSES),
  ],
);

/** A reminder recorded by the worker before an event starts (sent in-app when notifications exist). */
export const eventReminders = pgTable(
  'event_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => eventRegistrations.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').notNull(),
    userId: uuid('user_id').notNull(),
    channel: text('channel').notNull().default('in_app'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('event_reminders_registration_uq').on(t.registrationId, t.channel), index('event_reminders_user_idx').on(t.userId)],
);

/** A member's private calendar-feed token (stored as SHA-256); rotating it revokes the old URL. */
export const eventFeedTokens = pgTable('event_feed_tokens', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

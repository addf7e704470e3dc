import { TRAINING_POSTS, TRAINING_TOPICS, type TrainingPost, type TrainingTopic } from '@parkos/contracts';
import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { checkOneOf } from '../../lib/db-checks';
import { users } from '../identity/identity.table';
import { parks, propertyCompanies } from '../parks/parks.table';

/** A staff member on a property company's roster (物业人员花名册). */
export const trainingStaff = pgTable(
  'training_staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    propertyCompanyId: uuid('property_company_id')
      .notNull()
      .references(() => propertyCompanies.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    post: text('post').$type<TrainingPost>().notNull(),
    phone: text('phone'),
    /** The staff member's ParkOS account, when they have one. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('training_staff_company_idx').on(t.propertyCompanyId, t.name), checkOneOf(t.post, TRAINING_POSTS)],
);

/** A training session (培训课程) in a park, scheduled by an operator or by a company for its own staff. */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    /** Null when operators scheduled it; the company when it trains its own staff. */
    organizerCompanyId: uuid('organizer_company_id').references(() => propertyCompanies.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    topic: text('topic').$type<TrainingTopic>().notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    hours: doublePrecision('hours').notNull(),
    trainer: text('trainer').notNull(),
    location: text('location'),
    hasExam: boolean('has_exam').notNull().default(false),
    /** Score (0–100) at or above which an attendee passed; null without an exam. */
    passMark: integer('pass_mark'),
    /** When attendance was first recorded: from then on the session counts in the figures. */
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_sessions_park_idx').on(t.parkId, t.startsAt),
    checkOneOf(t.topic, TRAINING_TOPICS),
    check('training_sessions_hours_ck', sql`${t.hours} > 0 and ${t.hours} <= 24`),
    check('training_sessions_pass_mark_ck', sql`${t.passMark} is null or (${t.passMark} >= 0 and ${t.passMark} <= 100)`),
  ],
);

/** One staff member invited to one session, with their attendance and exam score once recorded. */
export const trainingInvitations = pgTable(
  'training_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => trainingStaff.id, { onDelete: 'restrict' }),
    /** The staff member's company when invited. */
    propertyCompanyId: uuid('property_company_id')
      .notNull()
      .references(() => propertyCompanies.id, { onDelete: 'restrict' }),
    /** Null until recorded. */
    attended: boolean('attended'),
    /** Exam score 0–100 (exact, as entered). */
    score: doublePrecision('score'),
    recordedById: uuid('recorded_by_id').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('training_invitations_uq').on(t.sessionId, t.staffId),
    index('training_invitations_company_idx').on(t.propertyCompanyId),
    index('training_invitations_staff_idx').on(t.staffId),
    check('training_invitations_score_ck', sql`${t.score} is null or (${t.score} >= 0 and ${t.score} <= 100)`),
  ],
);

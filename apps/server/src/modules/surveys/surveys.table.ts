import { SURVEY_STATUSES, type SurveyAnswerValue, type SurveyQuestion, type SurveyStatus } from '@parkos/contracts';
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { checkNotNegative, checkOneOf } from '../../lib/db-checks';
import { users } from '../identity/identity.table';
import { districts, enterprises, parks } from '../parks/parks.table';

/** A satisfaction survey (满意度调查) of a park for the enterprises of some of its districts. */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    title: text('title').notNull(),
    description: text('description'),
    questions: jsonb('questions').$type<SurveyQuestion[]>().notNull(),
    /** First and last day it may be answered (Asia/Shanghai calendar dates, both inclusive). */
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    status: text('status').$type<SurveyStatus>().notNull().default('draft'),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('surveys_park_idx').on(t.parkId, t.opensOn), checkOneOf(t.status, SURVEY_STATUSES)],
);

/** The districts a survey targets. */
export const surveyDistricts = pgTable(
  'survey_districts',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    districtId: uuid('district_id')
      .notNull()
      .references(() => districts.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.districtId] }), index('survey_districts_district_idx').on(t.districtId)],
);

/**
 * An enterprise asked to answer, fixed when the survey opens with the district of its lease at that time:
 * the denominator of the response rate, and who is reminded.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    districtId: uuid('district_id')
      .notNull()
      .references(() => districts.id, { onDelete: 'restrict' }),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.enterpriseId] }), index('survey_invitations_district_idx').on(t.surveyId, t.districtId)],
);

/** An enterprise's answer: at most one per survey and enterprise (the unique index refuses a second, even a simultaneous one). */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    parkId: uuid('park_id').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'restrict' }),
    /** The enterprise's district when invited. */
    districtId: uuid('district_id')
      .notNull()
      .references(() => districts.id, { onDelete: 'restrict' }),
    answers: jsonb('answers').$type<Record<string, SurveyAnswerValue>>().notNull(),
    answeredById: uuid('answered_by_id').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('survey_responses_once_uq').on(t.surveyId, t.enterpriseId), index('survey_responses_park_time_idx').on(t.parkId, t.answeredAt)],
);

/** A reminder sent to an enterprise that had not answered two days before the close: at most one per survey and enterprise. */
export const surveyReminders = pgTable(
  'survey_reminders',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    recipients: integer('recipients').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.enterpriseId] }), checkNotNegative(t.recipients)],
);

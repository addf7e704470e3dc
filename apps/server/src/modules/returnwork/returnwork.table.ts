import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { FormDefinition } from '@parkos/contracts';
import { checkNotNegative, checkOneOf } from '../../lib/db-checks';
import { users } from '../identity/identity.table';
import { buildings, enterprises, parks, sites } from '../parks/parks.table';

/** How often enterprises report in a campaign. */
export const RTW_CADENCES = ['daily', 'weekly'] as const;
export type RtwCadence = (typeof RTW_CADENCES)[number];

export const RTW_CAMPAIGN_STATUSES = ['open', 'closed'] as const;
export type RtwCampaignStatus = (typeof RTW_CAMPAIGN_STATUSES)[number];

/** Which enterprises a campaign asks: every active one of the park, or those of one site or building. */
export const RTW_TARGETS = ['park', 'site', 'building'] as const;
export type RtwTarget = (typeof RTW_TARGETS)[number];

/** Comparison (比对) thresholds of a campaign; see DEFAULT_THRESHOLDS in returnwork.compare.ts. */
export interface RtwThresholds {
  /** vs the previous period: flag when people on site changed by more than this percentage… */
  previousChangePct: number;
  /** …and by more than this many people. */
  previousChangePeople: number;
  /** vs registered members: flag when people on site exceed the members by more than this. */
  membersMarginPeople: number;
  /** vs gate pass scans: flag when distinct people scanned are below this share of people on site… */
  gateScanMinRatio: number;
  /** …and short of it by more than this many people. */
  gateScanGapPeople: number;
  /** vs parking: flag when more of the enterprise's vehicles entered than people reported on site, by more than this. */
  parkingMarginVehicles: number;
}

/** A return-to-work reporting campaign (复工台账填报任务) of a park; keeps the form it asks with. */
export const rtwCampaigns = pgTable(
  'rtw_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parkId: uuid('park_id')
      .notNull()
      .references(() => parks.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    cadence: text('cadence').$type<RtwCadence>().notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    /** Local (Asia/Shanghai) minutes after midnight of a period's first day by which it is due. */
    deadlineMinutes: integer('deadline_minutes').notNull(),
    target: text('target').$type<RtwTarget>().notNull().default('park'),
    siteId: uuid('site_id').references(() => sites.id, { onDelete: 'restrict' }),
    buildingId: uuid('building_id').references(() => buildings.id, { onDelete: 'restrict' }),
    /** The form snapshot the campaign asks with (standard fields plus the operator's). */
    form: jsonb('form').$type<FormDefinition>().notNull(),
    thresholds: jsonb('thresholds').$type<RtwThresholds>().notNull(),
    status: text('status').$type<RtwCampaignStatus>().notNull().default('open'),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rtw_campaigns_park_idx').on(t.parkId, t.startDate), checkOneOf(t.cadence, RTW_CADENCES), checkOneOf(t.status, RTW_CAMPAIGN_STATUSES), checkOneOf(t.target, RTW_TARGETS), checkNotNegative(t.deadlineMinutes)],
);

/** One enterprise's report for one period; a correction before the deadline replaces it (revision + 1, audited). */
export const rtwSubmissions = pgTable(
  'rtw_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => rtwCampaigns.id, { onDelete: 'cascade' }),
    parkId: uuid('park_id').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'restrict' }),
    /** First day of the period (`YYYY-MM-DD`). */
    periodStart: date('period_start').notNull(),
    values: jsonb('values').$type<Record<string, unknown>>().notNull(),
    /** 在岗人数, copied out of the values for comparisons and trends. */
    peopleOnSite: integer('people_on_site').notNull(),
    peopleReturned: integer('people_returned').notNull(),
    revision: integer('revision').notNull().default(1),
    submittedById: uuid('submitted_by_id').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rtw_submissions_period_uq').on(t.campaignId, t.enterpriseId, t.periodStart),
    index('rtw_submissions_enterprise_idx').on(t.enterpriseId),
    checkNotNegative(t.peopleOnSite),
    checkNotNegative(t.peopleReturned),
    checkNotNegative(t.revision),
  ],
);

/** What a flag compared the submission with. */
export const RTW_FLAG_CODES = ['previous_period_change', 'exceeds_members', 'gate_scans_low', 'parking_entries_high'] as const;
export type RtwFlagCode = (typeof RTW_FLAG_CODES)[number];

export const RTW_FLAG_STATUSES = ['open', 'followed_up'] as const;
export type RtwFlagStatus = (typeof RTW_FLAG_STATUSES)[number];

/** A discrepancy found by comparison (比对), with its reason as a code and the figures; operators follow it up. */
export const rtwFlags = pgTable(
  'rtw_flags',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => rtwSubmissions.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    periodStart: date('period_start').notNull(),
    code: text('code').$type<RtwFlagCode>().notNull(),
    params: jsonb('params').$type<Record<string, number>>().notNull(),
    status: text('status').$type<RtwFlagStatus>().notNull().default('open'),
    note: text('note'),
    followedUpById: uuid('followed_up_by_id').references(() => users.id, { onDelete: 'set null' }),
    followedUpAt: timestamp('followed_up_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rtw_flags_campaign_idx').on(t.campaignId, t.periodStart), uniqueIndex('rtw_flags_submission_code_uq').on(t.submissionId, t.code), checkOneOf(t.code, RTW_FLAG_CODES), checkOneOf(t.status, RTW_FLAG_STATUSES)],
);

/** A reminder sent to an enterprise that had not submitted by a period's deadline: at most one per enterprise and period. */
export const rtwReminders = pgTable(
  'rtw_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => rtwCampaigns.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    periodStart: date('period_start').notNull(),
    recipients: integer('recipients').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rtw_reminders_period_uq').on(t.campaignId, t.enterpriseId, t.periodStart), checkNotNegative(t.recipients)],
);

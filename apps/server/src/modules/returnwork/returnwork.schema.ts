import { z } from 'zod';
import { isoDate } from '../../lib/validation';
import { formDefinitionSchema, formValuesSchema } from '../forms';
import { RTW_CADENCES, RTW_CAMPAIGN_STATUSES, RTW_FLAG_CODES, RTW_FLAG_STATUSES, RTW_TARGETS } from './returnwork.table';

const day = isoDate;
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time HH:MM');

export const thresholdsSchema = z.object({
  previousChangePct: z.number().min(0).max(1000),
  previousChangePeople: z.number().int().min(0).max(100_000),
  membersMarginPeople: z.number().int().min(0).max(100_000),
  gateScanMinRatio: z.number().min(0).max(1),
  gateScanGapPeople: z.number().int().min(0).max(100_000),
  parkingMarginVehicles: z.number().int().min(0).max(100_000),
});

export const createCampaignBody = z.object({
  parkId: z.string().uuid(),
  name: z.string().trim().min(1).max(100),
  cadence: z.enum(RTW_CADENCES),
  startDate: day,
  endDate: day,
  /** Local time (Asia/Shanghai) on a period's first day by which the report is due. */
  deadlineTime: time,
  target: z.enum(RTW_TARGETS).default('park'),
  siteId: z.string().uuid().nullish(),
  buildingId: z.string().uuid().nullish(),
  /** Fields the operator adds after the standard ones (designed in the form designer). */
  extraForm: formDefinitionSchema.optional(),
  thresholds: thresholdsSchema.partial().optional(),
});
export type CreateCampaignBody = z.infer<typeof createCampaignBody>;

/** What may change while a campaign is open: its name and its end date. */
export const updateCampaignBody = z.object({ name: z.string().trim().min(1).max(100).optional(), endDate: day.optional() });
export type UpdateCampaignBody = z.infer<typeof updateCampaignBody>;

export const periodSchema = z.object({ start: z.string(), end: z.string(), deadline: z.string() });

export const campaignSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  name: z.string(),
  cadence: z.enum(RTW_CADENCES),
  startDate: z.string(),
  endDate: z.string(),
  deadlineTime: z.string(),
  target: z.enum(RTW_TARGETS),
  siteId: z.string().nullable(),
  buildingId: z.string().nullable(),
  form: formDefinitionSchema,
  thresholds: thresholdsSchema,
  status: z.enum(RTW_CAMPAIGN_STATUSES),
  createdAt: z.string(),
  periods: z.array(periodSchema),
  /** The period that has begun most recently (null before the start). */
  currentPeriod: periodSchema.nullable(),
  /** For an enterprise's people: whether their enterprise has reported for the current period. */
  mySubmittedCurrent: z.boolean().nullable(),
});
export type CampaignView = z.infer<typeof campaignSchema>;

export const flagSchema = z.object({
  id: z.string(),
  submissionId: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  periodStart: z.string(),
  code: z.enum(RTW_FLAG_CODES),
  params: z.record(z.string(), z.number()),
  status: z.enum(RTW_FLAG_STATUSES),
  note: z.string().nullable(),
  followedUpAt: z.string().nullable(),
});
export type FlagView = z.infer<typeof flagSchema>;

export const submissionSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  buildingName: z.string().nullable(),
  periodStart: z.string(),
  values: z.record(z.string(), z.unknown()),
  peopleOnSite: z.number(),
  peopleReturned: z.number(),
  revision: z.number(),
  submittedAt: z.string(),
  isLate: z.boolean(),
  flags: z.array(flagSchema),
});
export type SubmissionView = z.infer<typeof submissionSchema>;

export const submitBody = z.object({
  /** The enterprise reporting; may be left out by an admin of exactly one enterprise. */
  enterpriseId: z.string().uuid().optional(),
  periodStart: day,
  values: formValuesSchema,
});
export type SubmitBody = z.infer<typeof submitBody>;

export const submissionQuery = z.object({ periodStart: day.optional(), enterpriseId: z.string().uuid().optional() });

export const followUpBody = z.object({ note: z.string().trim().min(1).max(1000) });

export const overviewSchema = z.object({
  periods: z.array(z.object({ start: z.string(), expected: z.number(), submitted: z.number(), rate: z.number(), flags: z.number(), openFlags: z.number() })),
  buildings: z.array(z.object({ buildingId: z.string().nullable(), buildingName: z.string().nullable(), series: z.array(z.object({ start: z.string(), expected: z.number(), submitted: z.number(), peopleOnSite: z.number() })) })),
  missing: z.array(z.object({ enterpriseId: z.string(), enterpriseName: z.string(), periodStart: z.string(), reminded: z.boolean() })),
  flags: z.array(flagSchema),
});
export type OverviewView = z.infer<typeof overviewSchema>;

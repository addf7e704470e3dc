import { ENTERPRISE_SIZES, INDUSTRIES } from '@parkos/contracts';
import { z } from 'zod';
import { pageQuery } from '../../lib/pagination';
import { isoDate, isoMonth } from '../../lib/validation';
import { billCreditSchema } from '../billing/billing.schema';
import { fileSchema } from '../files';
import { RELIEF_APPLICATION_STATUSES, PROGRAMME_STATUSES, RELIEF_KINDS } from './relief.table';

const ts = z.date();
const fen = z.number().int().min(0).max(1_000_000_000_00);

const programmeFields = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(2000).nullish(),
  fromPeriod: isoMonth,
  toPeriod: isoMonth,
  leaseActiveOn: isoDate,
  sizes: z.array(z.enum(ENTERPRISE_SIZES)).max(ENTERPRISE_SIZES.length),
  industries: z.array(z.enum(INDUSTRIES)).max(INDUSTRIES.length),
  arrearsLimitFen: fen.nullish(),
  maxAreaM2: z.number().min(0).max(1_000_000).nullish(),
  reliefKind: z.enum(RELIEF_KINDS),
  reliefValue: z.number().int().min(1).max(100_000),
  capPerEnterpriseFen: fen.positive().nullish(),
  budgetFen: fen.positive(),
  flowKey: z.string().trim().min(1).max(100),
});

export const createProgrammeBody = programmeFields.extend({
  parkId: z.string().uuid(),
  sizes: programmeFields.shape.sizes.default([]),
  industries: programmeFields.shape.industries.default([]),
});
export const updateProgrammeBody = programmeFields.partial().extend({ status: z.enum(PROGRAMME_STATUSES).optional() });
export type CreateProgrammeBody = z.infer<typeof createProgrammeBody>;
export type UpdateProgrammeBody = z.infer<typeof updateProgrammeBody>;

export const programmeSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  fromPeriod: z.string(),
  toPeriod: z.string(),
  leaseActiveOn: z.string(),
  sizes: z.array(z.string()),
  industries: z.array(z.string()),
  arrearsLimitFen: z.number().int().nullable(),
  maxAreaM2: z.number().nullable(),
  reliefKind: z.enum(RELIEF_KINDS),
  reliefValue: z.number().int(),
  capPerEnterpriseFen: z.number().int().nullable(),
  budgetFen: z.number().int(),
  grantedFen: z.number().int(),
  flowKey: z.string(),
  status: z.enum(PROGRAMME_STATUSES),
  createdAt: ts,
  updatedAt: ts,
});
export const programmeQuery = pageQuery.extend({ parkId: z.string().uuid().optional(), status: z.enum(PROGRAMME_STATUSES).optional() });

export const REASON_CODES = ['programme_not_open', 'enterprise_moved_out', 'no_active_lease', 'size_not_eligible', 'industry_not_eligible', 'arrears_over_limit', 'area_over_limit', 'no_rent_in_period'] as const;
export const reasonSchema = z.object({ code: z.enum(REASON_CODES), params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])) });
export type Reason = z.infer<typeof reasonSchema>;
export const lineSchema = z.object({ leaseId: z.string(), unitCode: z.string(), period: z.string(), rentFen: z.number().int(), amountFen: z.number().int() });

export const applicationSummarySchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  caseId: z.string().nullable(),
  status: z.enum(RELIEF_APPLICATION_STATUSES),
  reliefFen: z.number().int(),
  grantedFen: z.number().int().nullable(),
  note: z.string().nullable(),
  createdAt: ts,
  updatedAt: ts,
  decidedAt: ts.nullable(),
});
export const applicationDetailSchema = applicationSummarySchema.extend({
  lines: z.array(lineSchema),
  materials: z.array(fileSchema),
  credits: z.array(billCreditSchema.extend({ billTitle: z.string().nullable(), billAmountFen: z.number().int().nullable(), billAmountDueFen: z.number().int().nullable() })),
});
export const eligibilitySchema = z.object({
  programmeId: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  eligible: z.boolean(),
  reasons: z.array(reasonSchema),
  reliefFen: z.number().int(),
  /** True when the cap per enterprise cut the relief. */
  capped: z.boolean(),
  areaM2: z.number(),
  arrearsFen: z.number().int(),
  lines: z.array(lineSchema),
  /** The enterprise's active application, if any. */
  application: applicationSummarySchema.nullable(),
});
export const eligibilityQuery = z.object({ enterpriseId: z.string().uuid().optional() });
export const applyBody = z.object({
  enterpriseId: z.string().uuid().optional(),
  note: z.string().trim().max(2000).nullish(),
  fileIds: z.array(z.string().uuid()).max(10).default([]),
});
export const resubmitBody = z.object({ note: z.string().trim().max(2000).nullish(), fileIds: z.array(z.string().uuid()).max(10).default([]) });
export const applicationQuery = pageQuery.extend({ programmeId: z.string().uuid().optional(), status: z.enum(RELIEF_APPLICATION_STATUSES).optional(), enterpriseId: z.string().uuid().optional() });

const bucket = z.object({ key: z.string(), label: z.string(), applications: z.number().int(), approved: z.number().int(), grantedFen: z.number().int() });
export const dashboardSchema = z.object({
  programme: programmeSchema,
  byStatus: z.array(z.object({ status: z.enum(RELIEF_APPLICATION_STATUSES), count: z.number().int(), reliefFen: z.number().int() })),
  budgetFen: z.number().int(),
  grantedFen: z.number().int(),
  /** Relief asked for by applications still in review or returned. */
  pendingFen: z.number().int(),
  bySite: z.array(bucket),
  byIndustry: z.array(bucket),
});

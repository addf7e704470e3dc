import { ENTERPRISE_SIZES, INDUSTRIES } from '@parkos/contracts';
import { z } from 'zod';
import { pageQuery } from '../../lib/pagination';
import { fileSchema } from '../files';
import { INELIGIBLE_REASON_CODES } from './eligibility';
import { APPLICATION_STATUSES, POLICY_AMOUNT_KINDS, POLICY_STATUSES } from './policies.table';

const text = (max: number) => z.string().trim().min(1).max(max);
const MAX_FEN = 1_000_000_000_00; // 10 亿元

const policyFields = {
  title: text(120),
  issuer: text(120),
  documentNo: z.string().trim().max(80).nullable().optional(),
  summary: z.string().trim().max(500).optional(),
  description: z.string().max(10_000).optional(),
  deadline: z.coerce.date(),
  industries: z.array(z.enum(INDUSTRIES)).max(INDUSTRIES.length).optional(),
  sizes: z.array(z.enum(ENTERPRISE_SIZES)).max(ENTERPRISE_SIZES.length).optional(),
  minAgeYears: z.number().int().min(0).max(100).nullable().optional(),
  maxAgeYears: z.number().int().min(0).max(100).nullable().optional(),
  amountKind: z.enum(POLICY_AMOUNT_KINDS).optional(),
  amountFen: z.number().int().min(0).max(MAX_FEN).nullable().optional(),
  materials: z.array(text(80)).max(20).optional(),
  flowKey: z.string().min(2).max(60).regex(/^[a-z][a-z0-9_.-]*$/, 'lowercase letters, digits, _ . -'),
};

export const createPolicyBody = z.object({ parkId: z.string().uuid(), ...policyFields });
export type CreatePolicyBody = z.infer<typeof createPolicyBody>;

export const updatePolicyBody = z.object({ ...policyFields, flowKey: policyFields.flowKey.optional(), title: policyFields.title.optional(), issuer: policyFields.issuer.optional(), deadline: policyFields.deadline.optional(), status: z.enum(POLICY_STATUSES).optional() });
export type UpdatePolicyBody = z.infer<typeof updatePolicyBody>;

export const policyQuery = pageQuery.extend({
  parkId: z.string().uuid().optional(),
  status: z.enum(POLICY_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
});
export type PolicyQuery = z.infer<typeof policyQuery>;

export const reasonSchema = z.object({ code: z.enum(INELIGIBLE_REASON_CODES), params: z.record(z.string(), z.unknown()) });

export const eligibilitySchema = z.object({
  enterpriseId: z.string(),
  isEligible: z.boolean(),
  ageYears: z.number().int().nullable(),
  reasons: z.array(reasonSchema),
});
export type EligibilityView = z.infer<typeof eligibilitySchema>;

export const policySchema = z.object({
  id: z.string(),
  parkId: z.string(),
  title: z.string(),
  issuer: z.string(),
  documentNo: z.string().nullable(),
  summary: z.string(),
  description: z.string(),
  deadline: z.date(),
  industries: z.array(z.string()),
  sizes: z.array(z.string()),
  minAgeYears: z.number().int().nullable(),
  maxAgeYears: z.number().int().nullable(),
  amountKind: z.enum(POLICY_AMOUNT_KINDS),
  amountFen: z.number().int().nullable(),
  materials: z.array(z.string()),
  flowKey: z.string(),
  status: z.enum(POLICY_STATUSES),
  /** For operators: applications by status. */
  applicationCount: z.number().int(),
  /** For an enterprise member: the eligibility of their enterprise (first enterprise). */
  eligibility: eligibilitySchema.nullable(),
  /** For an enterprise member: their enterprise's active application, if any. */
  myApplicationId: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type PolicyView = z.infer<typeof policySchema>;

const materialInput = z.object({ name: text(80), fileId: z.string().uuid() });

export const applyBody = z.object({
  /** One file per material the policy lists. */
  materials: z.array(materialInput).max(20),
  notes: z.string().max(2000).optional(),
  /** For an up-to policy: the amount asked for (at most the policy's); a fixed policy asks its amount. */
  requestedAmountFen: z.number().int().min(0).max(MAX_FEN).nullable().optional(),
});
export type ApplyBody = z.infer<typeof applyBody>;

export const resubmitBody = z.object({
  /** Replacement files for the materials named (others stay). */
  materials: z.array(materialInput).max(20),
  notes: z.string().max(2000).optional(),
  comment: z.string().max(1000).optional(),
});
export type ResubmitBody = z.infer<typeof resubmitBody>;

export const enquiryBody = z.object({ text: text(2000) });
export const commentBody = z.object({ text: text(2000) });
export const advisorBody = z.object({ advisorId: z.string().uuid() });

export const applicationQuery = pageQuery.extend({
  parkId: z.string().uuid().optional(),
  policyId: z.string().uuid().optional(),
  enterpriseId: z.string().uuid().optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
});
export type ApplicationQuery = z.infer<typeof applicationQuery>;

const userRef = z.object({ id: z.string(), displayName: z.string() });

export const applicationSummarySchema = z.object({
  id: z.string(),
  policyId: z.string(),
  policyTitle: z.string(),
  parkId: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  applicant: userRef,
  advisor: userRef.nullable(),
  status: z.enum(APPLICATION_STATUSES),
  requestedAmountFen: z.number().int().nullable(),
  grantedAmountFen: z.number().int().nullable(),
  caseId: z.string().nullable(),
  submittedAt: z.date().nullable(),
  decidedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>;

export const commentSchema = z.object({ id: z.string(), author: userRef, isAdvisor: z.boolean(), text: z.string(), createdAt: z.date() });
export type CommentView = z.infer<typeof commentSchema>;

export const applicationSchema = applicationSummarySchema.extend({
  notes: z.string(),
  materials: z.array(z.object({ name: z.string(), file: fileSchema.nullable() })),
  comments: z.array(commentSchema),
  can: z.object({ resubmit: z.boolean(), withdraw: z.boolean(), apply: z.boolean(), comment: z.boolean(), assignAdvisor: z.boolean() }),
});
export type ApplicationView = z.infer<typeof applicationSchema>;

export const advisorCandidateSchema = z.object({ id: z.string(), displayName: z.string() });

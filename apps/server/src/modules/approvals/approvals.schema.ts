import { z } from 'zod';
import { pageQuery } from '../../lib/pagination';
import { stepDefinitionSchema, stepsSchema } from './approval-flow';
import { ACTION_TYPES, CASE_STATUSES, TASK_ORIGINS, TASK_STATUSES } from './approval-machine';
import { FLOW_STATUSES } from './approvals.table';

const text = (max: number) => z.string().trim().min(1).max(max);

export const createFlowBody = z.object({
  parkId: z.string().uuid(),
  /** A key features look the flow up by; lowercase letters, digits, `_`, `.` and `-`. */
  key: z
    .string()
    .min(2)
    .max(60)
    .regex(/^[a-z][a-z0-9_.-]*$/, 'lowercase letters, digits, _ . -'),
  nameZh: text(60),
  nameEn: text(60),
  steps: stepsSchema,
});
export type CreateFlowBody = z.infer<typeof createFlowBody>;

export const updateFlowBody = z.object({
  nameZh: text(60).optional(),
  nameEn: text(60).optional(),
  status: z.enum(FLOW_STATUSES).optional(),
  steps: stepsSchema.optional(),
});
export type UpdateFlowBody = z.infer<typeof updateFlowBody>;

export const flowQuery = pageQuery.extend({ parkId: z.string().uuid().optional() });
export type FlowQuery = z.infer<typeof flowQuery>;

export const flowVersionSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  steps: z.array(stepDefinitionSchema),
  /** Cases started with this version. */
  caseCount: z.number().int(),
  createdAt: z.date(),
});
export type FlowVersionView = z.infer<typeof flowVersionSchema>;

export const flowSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  status: z.enum(FLOW_STATUSES),
  latestVersion: z.number().int(),
  /** The steps of the latest version. */
  steps: z.array(stepDefinitionSchema),
  updatedAt: z.date(),
});
export type FlowView = z.infer<typeof flowSchema>;

const userRef = z.object({ id: z.string(), displayName: z.string() });

export const taskSchema = z.object({
  id: z.string(),
  stepIndex: z.number().int(),
  round: z.number().int(),
  slot: z.number().int(),
  assignee: userRef,
  status: z.enum(TASK_STATUSES),
  origin: z.enum(TASK_ORIGINS),
  dueAt: z.date().nullable(),
  escalatedAt: z.date().nullable(),
  decidedAt: z.date().nullable(),
  comment: z.string().nullable(),
});
export type TaskView = z.infer<typeof taskSchema>;

export const actionSchema = z.object({
  id: z.number().int(),
  type: z.enum(ACTION_TYPES),
  actor: userRef.nullable(),
  actorName: z.string(),
  stepIndex: z.number().int().nullable(),
  comment: z.string().nullable(),
  targetUser: userRef.nullable(),
  toStep: z.number().int().nullable(),
  statusAfter: z.enum(CASE_STATUSES),
  /** The audit entry of this action: the ledger's verify button checks it. */
  auditId: z.number().int(),
  createdAt: z.date(),
});
export type ActionView = z.infer<typeof actionSchema>;

/** What a case is about; the service returns these to whoever may see the case. */
export const caseSummarySchema = z.object({
  id: z.string(),
  parkId: z.string(),
  enterpriseId: z.string().nullable(),
  subjectType: z.string(),
  subjectId: z.string(),
  title: z.string(),
  applicant: userRef,
  flow: z.object({ id: z.string(), key: z.string(), nameZh: z.string(), nameEn: z.string(), version: z.number().int() }),
  status: z.enum(CASE_STATUSES),
  currentStep: z.number().int().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  completedAt: z.date().nullable(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

/** A case with its flow's steps, every task and the action history (the timeline). */
export const caseDetailSchema = caseSummarySchema.extend({
  formValues: z.record(z.string(), z.unknown()),
  steps: z.array(stepDefinitionSchema),
  tasks: z.array(taskSchema),
  actions: z.array(actionSchema),
  /** What the caller may do now. */
  can: z.object({ approve: z.boolean(), withdraw: z.boolean(), resubmit: z.boolean(), remind: z.boolean(), comment: z.boolean() }),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const caseQuery = pageQuery.extend({
  /** `mine`: cases I applied for; `park`: cases of the parks I operate. */
  scope: z.enum(['mine', 'park']).default('mine'),
  status: z.enum(CASE_STATUSES).optional(),
  parkId: z.string().uuid().optional(),
});
export type CaseQuery = z.infer<typeof caseQuery>;

/** One pending task of mine, with its case. */
export const inboxItemSchema = z.object({
  taskId: z.string(),
  dueAt: z.date().nullable(),
  stepIndex: z.number().int(),
  stepNameZh: z.string(),
  stepNameEn: z.string(),
  mode: z.enum(['all', 'any']),
  case: caseSummarySchema,
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

const comment = z.string().trim().max(2000).nullish();
const reason = z.string().trim().min(1).max(2000);

/** One action on a case; `type` picks the action. */
export const actBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('approve'), comment }),
  z.object({ type: z.literal('reject'), reason }),
  z.object({ type: z.literal('return'), reason, toStep: z.number().int().min(0).nullable().default(null) }),
  // New form values come from the feature (`resubmitCase`), which validates its own form, never from this body.
  z.object({ type: z.literal('resubmit'), comment }).strict(),
  z.object({ type: z.literal('withdraw'), reason: comment }),
  z.object({ type: z.literal('transfer'), toUserId: z.string().uuid(), comment }),
  z.object({ type: z.literal('add_approver'), userId: z.string().uuid(), comment }),
  z.object({ type: z.literal('comment'), comment: reason }),
  z.object({ type: z.literal('remind') }),
]);
export type ActBody = z.infer<typeof actBody>;

export const candidateQuery = z.object({ q: z.string().trim().max(60).optional() });
/** A user who may be named as approver (for the flow editor, transfer and add-approver pickers). */
export const candidateSchema = z.object({ id: z.string(), displayName: z.string(), username: z.string() });

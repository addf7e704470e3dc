import { z } from 'zod';
import { SEVERITIES } from '../iot/rules/rules.table';
import { DISPATCH_TARGETS, TEAM_KINDS, WORK_ORDER_CATEGORIES, WORK_ORDER_EVENT_KINDS, WORK_ORDER_PRIORITIES, WORK_ORDER_SOURCES, WORK_ORDER_STATUSES } from './workorders.table';

const uuid = z.string().uuid();
const text = (max: number) => z.string().trim().min(1).max(max);

export const featureSchema = z.object({ feature: z.string(), weight: z.number() });

/** Why smart dispatch decided what it did. */
export const decisionSchema = z.object({
  category: z.enum(WORK_ORDER_CATEGORIES),
  categorySource: z.enum(['given', 'rule', 'model', 'default']),
  categoryConfidence: z.number(),
  categoryFeatures: z.array(featureSchema),
  teamId: z.string().nullable(),
  teamSource: z.enum(['model', 'location', 'none']),
  teamConfidence: z.number(),
  teamFeatures: z.array(featureSchema),
  /** The predicted team before the location rule changed it. */
  modelTeamId: z.string().nullable(),
  locationRule: z
    .object({ districtId: z.string(), districtName: z.string(), propertyCompanyId: z.string(), propertyCompanyName: z.string(), teamId: z.string() })
    .nullable(),
  confidence: z.number(),
  threshold: z.number(),
  isAutomatic: z.boolean(),
  modelVersions: z.object({ category: z.number().nullable(), team: z.number().nullable() }),
});
export type DispatchDecision = z.infer<typeof decisionSchema>;

export const workOrderSchema = z.object({
  id: z.string(),
  number: z.number(),
  parkId: z.string(),
  siteId: z.string().nullable(),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  buildingId: z.string().nullable(),
  buildingName: z.string().nullable(),
  floorId: z.string().nullable(),
  unitId: z.string().nullable(),
  deviceId: z.string().nullable(),
  deviceType: z.string().nullable(),
  locationText: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  source: z.enum(WORK_ORDER_SOURCES),
  alarmId: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  category: z.enum(WORK_ORDER_CATEGORIES),
  priority: z.enum(WORK_ORDER_PRIORITIES),
  status: z.enum(WORK_ORDER_STATUSES),
  needsTriage: z.boolean(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  assigneeId: z.string().nullable(),
  requesterId: z.string().nullable(),
  requesterName: z.string(),
  confidence: z.number().nullable(),
  slaStatus: z.enum(['ok', 'at_risk', 'overdue', 'met', 'breached']),
  responseDueAt: z.date(),
  resolutionDueAt: z.date(),
  dispatchedAt: z.date().nullable(),
  acceptedAt: z.date().nullable(),
  resolvedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  escalationLevel: z.number(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
  /** Set when the requester withdrew it before dispatch (status closed). */
  cancelledAt: z.date().nullable(),
  /** The requester's last urge (催单); the next is allowed URGE_INTERVAL_MINUTES later. */
  lastUrgedAt: z.date().nullable(),
  photoCount: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type WorkOrderView = z.infer<typeof workOrderSchema>;

export const workOrderEventSchema = z.object({
  id: z.number(),
  kind: z.enum(WORK_ORDER_EVENT_KINDS),
  fromStatus: z.enum(WORK_ORDER_STATUSES).nullable(),
  toStatus: z.enum(WORK_ORDER_STATUSES).nullable(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  at: z.date(),
  comment: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

/** A photo: a file of the files module (`/api/files/{id}`, `/api/files/{id}/thumbnail`). */
export const attachmentSchema = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number(), hasThumbnail: z.boolean(), uploadedByName: z.string(), createdAt: z.date() });

/** What the caller may do next (the web UI shows these actions). */
export const ACTIONS = ['dispatch', 'accept', 'start', 'resolve', 'verify', 'close', 'reopen', 'rate', 'comment', 'addPhoto', 'cancel', 'urge'] as const;
export type WorkOrderAction = (typeof ACTIONS)[number];

/** Who dispatched the order, when and how (every viewer); follows a manual re-dispatch. */
export const dispatchStateSchema = z.object({ mode: z.enum(['automatic', 'manual', 'triage', 'pending']), teamName: z.string().nullable(), at: z.date().nullable(), byName: z.string().nullable() });

export const workOrderDetailSchema = workOrderSchema.extend({
  /** Smart dispatch's reasons, in readable words; operators only (null for requesters and property staff). */
  decision: decisionSchema.nullable(),
  dispatchState: dispatchStateSchema,
  events: z.array(workOrderEventSchema),
  attachments: z.array(attachmentSchema),
  actions: z.array(z.enum(ACTIONS)),
});
export type WorkOrderDetail = z.infer<typeof workOrderDetailSchema>;

export const createWorkOrderBody = z.object({
  parkId: uuid.optional(),
  source: z.enum(WORK_ORDER_SOURCES).optional(),
  title: text(200),
  description: z.string().trim().max(4000).optional(),
  category: z.enum(WORK_ORDER_CATEGORIES).optional(),
  priority: z.enum(WORK_ORDER_PRIORITIES).optional(),
  districtId: uuid.optional(),
  buildingId: uuid.optional(),
  floorId: uuid.optional(),
  unitId: uuid.optional(),
  deviceId: uuid.optional(),
  locationText: z.string().trim().max(200).optional(),
});
export type CreateWorkOrderInput = z.infer<typeof createWorkOrderBody>;

export const workOrderQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  parkId: uuid.optional(),
  /** `open`: anything not closed or verified. */
  status: z.enum([...WORK_ORDER_STATUSES, 'open']).optional(),
  category: z.enum(WORK_ORDER_CATEGORIES).optional(),
  priority: z.enum(WORK_ORDER_PRIORITIES).optional(),
  source: z.enum(WORK_ORDER_SOURCES).optional(),
  teamId: uuid.optional(),
  districtId: uuid.optional(),
  sla: z.enum(['overdue', 'at_risk']).optional(),
  triage: z.enum(['true', 'false']).optional(),
  escalated: z.enum(['true', 'false']).optional(),
  /** Orders of my teams (property staff) or filed by me (requesters). */
  mine: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
});
export type WorkOrderQuery = z.infer<typeof workOrderQuery>;

export const dispatchBody = z.object({ teamId: uuid, category: z.enum(WORK_ORDER_CATEGORIES).optional(), priority: z.enum(WORK_ORDER_PRIORITIES).optional() });
export const commentBody = z.object({ text: text(2000) });
export const optionalCommentBody = z.object({ comment: text(2000).optional() }).nullish();
export const ratingBody = z.object({ rating: z.number().int().min(1).max(5), comment: z.string().trim().max(1000).optional() });
/** A photo uploaded with `POST /api/files?purpose=image`. */
export const attachmentBody = z.object({ fileId: uuid });
export const attachmentParams = z.object({ id: uuid, childId: uuid });

export const teamSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  name: z.string(),
  kind: z.enum(TEAM_KINDS),
  propertyCompanyId: z.string().nullable(),
  leadUserId: z.string().nullable(),
  categories: z.array(z.string()),
  memberIds: z.array(z.string()),
});
export type TeamView = z.infer<typeof teamSchema>;
export const teamQuery = z.object({ parkId: uuid.optional() });
export const createTeamBody = z.object({
  parkId: uuid,
  name: text(100),
  kind: z.enum(TEAM_KINDS),
  propertyCompanyId: uuid.nullish(),
  leadUserId: uuid.nullish(),
  categories: z.array(z.enum(WORK_ORDER_CATEGORIES)).max(20).default([]),
  memberIds: z.array(uuid).max(200).default([]),
});
export const updateTeamBody = createTeamBody.omit({ parkId: true, kind: true }).partial();

export const slaCellSchema = z.object({ category: z.enum(WORK_ORDER_CATEGORIES), priority: z.enum(WORK_ORDER_PRIORITIES), responseMinutes: z.number(), resolutionMinutes: z.number(), isDefault: z.boolean() });
export const slaQuery = z.object({ parkId: uuid });
export const slaBody = z.object({
  parkId: uuid,
  category: z.enum(WORK_ORDER_CATEGORIES),
  priority: z.enum(WORK_ORDER_PRIORITIES),
  responseMinutes: z.number().int().min(1).max(60 * 24 * 30),
  resolutionMinutes: z.number().int().min(1).max(60 * 24 * 90),
});

export const modelSchema = z.object({ target: z.enum(DISPATCH_TARGETS), version: z.number(), trainedAt: z.date(), exampleCount: z.number(), heldOutCount: z.number(), accuracy: z.number(), trainingMs: z.number(), trigger: z.string(), labels: z.number() });
export const modelStatusSchema = z.object({
  parkId: z.string(),
  threshold: z.number(),
  current: z.array(modelSchema),
  history: z.array(modelSchema),
  correctionsSinceTraining: z.number(),
  retrainAfterCorrections: z.number(),
  triageCount: z.number(),
  automaticShare: z.number().nullable(),
});
export type ModelStatus = z.infer<typeof modelStatusSchema>;
export const parkQuery = z.object({ parkId: uuid });
export const retrainBody = z.object({ parkId: uuid });

export const dispatchRuleSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  name: z.string(),
  minSeverity: z.enum(SEVERITIES),
  deviceType: z.string().nullable(),
  alarmRuleId: z.string().nullable(),
  category: z.enum(WORK_ORDER_CATEGORIES).nullable(),
  priority: z.enum(WORK_ORDER_PRIORITIES),
  isEnabled: z.boolean(),
});
export const createDispatchRuleBody = z.object({
  parkId: uuid,
  name: text(100),
  minSeverity: z.enum(SEVERITIES).default('major'),
  deviceType: z.string().max(40).nullish(),
  alarmRuleId: uuid.nullish(),
  category: z.enum(WORK_ORDER_CATEGORIES).nullish(),
  priority: z.enum(WORK_ORDER_PRIORITIES).default('high'),
  isEnabled: z.boolean().default(true),
});
export const updateDispatchRuleBody = createDispatchRuleBody.omit({ parkId: true }).partial();

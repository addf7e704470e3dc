import { FINDING_SEVERITIES, FINDING_STATUSES } from '@parkos/contracts';
import { z } from 'zod';
import { isoDate } from '../../lib/validation';

const text = (max: number) => z.string().trim().min(1).max(max);
const uuid = z.string().uuid();

export const assignmentQuery = z.object({ parkId: uuid.optional() });
export const createAssignmentBody = z.object({
  parkId: uuid,
  districtId: uuid,
  inspectorUserId: uuid,
  validFrom: isoDate,
  validTo: isoDate.nullish(),
});
export type CreateAssignmentBody = z.infer<typeof createAssignmentBody>;

export const assignmentSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  districtId: z.string(),
  districtName: z.string(),
  inspectorUserId: z.string(),
  inspectorName: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  /** Whether it is valid today (Asia/Shanghai). */
  isActive: z.boolean(),
});
export type AssignmentView = z.infer<typeof assignmentSchema>;

export const inspectorSchema = z.object({ id: z.string(), username: z.string(), displayName: z.string() });
export const districtOptionSchema = z.object({ id: z.string(), parkId: z.string(), name: z.string(), propertyCompanyId: z.string().nullable(), propertyCompanyName: z.string().nullable() });
export type DistrictOption = z.infer<typeof districtOptionSchema>;

export const findingInput = z.object({
  description: text(1000),
  severity: z.enum(FINDING_SEVERITIES),
  deadline: isoDate,
  /** Uploaded images (`POST /api/files?purpose=image`) to attach. */
  fileIds: z.array(uuid).max(9).default([]),
});
export const createCheckBody = z.object({
  districtId: uuid,
  /** When the check took place (default now); not in the future. */
  checkedAt: z.coerce.date().optional(),
  area: text(500),
  note: z.string().trim().max(2000).nullish(),
  findings: z.array(findingInput).max(50).default([]),
});
export type CreateCheckBody = z.infer<typeof createCheckBody>;

export const fileRefSchema = z.object({ id: z.string(), name: z.string(), mimeType: z.string() });

export const findingSchema = z.object({
  id: z.string(),
  checkId: z.string(),
  parkId: z.string(),
  districtId: z.string(),
  districtName: z.string(),
  propertyCompanyId: z.string().nullable(),
  propertyCompanyName: z.string().nullable(),
  checkedAt: z.string(),
  area: z.string(),
  description: z.string(),
  severity: z.enum(FINDING_SEVERITIES),
  deadline: z.string(),
  status: z.enum(FINDING_STATUSES),
  /** Deadline passed and not verified (nor overturned). */
  isOverdue: z.boolean(),
  response: z.string().nullable(),
  respondedAt: z.string().nullable(),
  verifyNote: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  rejections: z.number(),
  overturnReason: z.string().nullable(),
  overturnedAt: z.string().nullable(),
  photos: z.array(fileRefSchema),
  responsePhotos: z.array(fileRefSchema),
});
export type FindingView = z.infer<typeof findingSchema>;

export const checkSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  districtId: z.string(),
  districtName: z.string(),
  propertyCompanyId: z.string().nullable(),
  propertyCompanyName: z.string().nullable(),
  inspectorName: z.string().nullable(),
  checkedAt: z.string(),
  area: z.string(),
  note: z.string().nullable(),
  findings: z.array(findingSchema),
});
export type CheckView = z.infer<typeof checkSchema>;

export const checkQuery = z.object({ parkId: uuid.optional(), districtId: uuid.optional() });
export const findingQuery = z.object({
  parkId: uuid.optional(),
  districtId: uuid.optional(),
  status: z.enum(FINDING_STATUSES).optional(),
  /** `true`: only overdue findings. */
  overdue: z.enum(['true', 'false']).optional(),
});
export type FindingQuery = z.infer<typeof findingQuery>;

export const respondBody = z.object({ response: text(2000), fileIds: z.array(uuid).max(9).default([]) });
export const verifyBody = z.object({ accepted: z.boolean(), note: z.string().trim().max(1000).nullish() });
export const overturnBody = z.object({ reason: text(1000) });

export const settingsQuery = z.object({ parkId: uuid });
export const pointsSchema = z.object({ minor: z.number().int().min(0).max(100), major: z.number().int().min(0).max(100), critical: z.number().int().min(0).max(100) });
export const settingsBody = pointsSchema.extend({ parkId: uuid });
export const settingsSchema = pointsSchema.extend({ parkId: z.string(), isDefault: z.boolean() });
export type SettingsView = z.infer<typeof settingsSchema>;

export const overviewQuery = z.object({ parkId: uuid, from: isoDate.optional(), to: isoDate.optional() });
export const overviewRowSchema = z.object({
  districtId: z.string(),
  districtName: z.string(),
  propertyCompanyName: z.string().nullable(),
  checks: z.number(),
  findings: z.number(),
  open: z.number(),
  responded: z.number(),
  overdue: z.number(),
  closed: z.number(),
  overturned: z.number(),
  /** Deduction points of the findings that count (not overturned) in the range. */
  points: z.number(),
  lastCheckedAt: z.string().nullable(),
});
export type OverviewRow = z.infer<typeof overviewRowSchema>;

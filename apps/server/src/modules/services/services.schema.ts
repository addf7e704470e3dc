import { SERVICE_APPLICANTS, SERVICE_HANDLER_TYPES, SERVICE_KINDS, SERVICE_REQUEST_STATUSES, SERVICE_STATUSES, SERVICE_SYSTEMS } from '@parkos/contracts';
import { z } from 'zod';
import { pageQuery } from '../../lib/pagination';
import { formDefinitionSchema, formFieldSchema, formValuesSchema } from '../forms';

const text = (max: number) => z.string().trim().min(1).max(max);
const longText = (max: number) => z.string().trim().max(max);
const fen = z.number().int().min(0).max(100_000_000_00);

/**
 * A service's form. A link service (kind booking or policy: the catalog sends the user to that
 * page) has no form of its own, so its field list may be empty; a request service needs one
 * field at least (the service checks that, naming body.form.fields).
 */
const serviceFormSchema = z.union([formDefinitionSchema, z.object({ fields: z.array(formFieldSchema).max(0) }).strict()]);

const serviceFields = {
  system: z.enum(SERVICE_SYSTEMS),
  kind: z.enum(SERVICE_KINDS).default('request'),
  nameZh: text(80),
  nameEn: text(120),
  descriptionZh: longText(2000).default(''),
  descriptionEn: longText(4000).default(''),
  handlerType: z.enum(SERVICE_HANDLER_TYPES),
  /** The department's or vendor's name (for a property company, its id below names it). */
  handlerName: longText(80).default(''),
  propertyCompanyId: z.string().uuid().nullish(),
  /** Users who work the queue: operators or property staff of the park. */
  handlerUserIds: z.array(z.string().uuid()).max(50).default([]),
  applicants: z.enum(SERVICE_APPLICANTS).default('admins'),
  form: serviceFormSchema,
  flowKey: z.string().min(2).max(60).nullish(),
  slaHours: z.number().int().min(1).max(24 * 365).default(72),
  feeFen: fen.nullish(),
  status: z.enum(SERVICE_STATUSES).default('draft'),
};

export const createServiceBody = z.object({ parkId: z.string().uuid(), ...serviceFields });
export type CreateServiceBody = z.infer<typeof createServiceBody>;

export const updateServiceBody = z.object({
  system: serviceFields.system.optional(),
  kind: z.enum(SERVICE_KINDS).optional(),
  nameZh: serviceFields.nameZh.optional(),
  nameEn: serviceFields.nameEn.optional(),
  descriptionZh: longText(2000).optional(),
  descriptionEn: longText(4000).optional(),
  handlerType: serviceFields.handlerType.optional(),
  handlerName: longText(80).optional(),
  propertyCompanyId: serviceFields.propertyCompanyId,
  handlerUserIds: z.array(z.string().uuid()).max(50).optional(),
  applicants: z.enum(SERVICE_APPLICANTS).optional(),
  form: serviceFormSchema.optional(),
  flowKey: serviceFields.flowKey,
  slaHours: z.number().int().min(1).max(24 * 365).optional(),
  feeFen: fen.nullish(),
  status: z.enum(SERVICE_STATUSES).optional(),
});
export type UpdateServiceBody = z.infer<typeof updateServiceBody>;

export const serviceQuery = pageQuery.extend({
  parkId: z.string().uuid().optional(),
  system: z.enum(SERVICE_SYSTEMS).optional(),
  status: z.enum(SERVICE_STATUSES).optional(),
  /** `catalog`: the published services I may see as an enterprise; `manage` (default for operators): every service of my parks. */
  view: z.enum(['catalog', 'manage']).optional(),
});
export type ServiceQuery = z.infer<typeof serviceQuery>;

const userRef = z.object({ id: z.string(), displayName: z.string() });

export const serviceSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  system: z.enum(SERVICE_SYSTEMS),
  kind: z.enum(SERVICE_KINDS),
  /** For `booking` and `policy` entries: the page they lead to. */
  link: z.string().nullable(),
  nameZh: z.string(),
  nameEn: z.string(),
  descriptionZh: z.string(),
  descriptionEn: z.string(),
  handlerType: z.enum(SERVICE_HANDLER_TYPES),
  handlerName: z.string(),
  propertyCompanyId: z.string().nullable(),
  /** Operators only (enterprises see an empty list). */
  handlers: z.array(userRef),
  applicants: z.enum(SERVICE_APPLICANTS),
  form: serviceFormSchema,
  formVersion: z.number().int(),
  flowKey: z.string().nullable(),
  slaHours: z.number().int(),
  feeFen: z.number().int().nullable(),
  status: z.enum(SERVICE_STATUSES),
  /** Whether the caller may apply for it now. */
  canApply: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ServiceView = z.infer<typeof serviceSchema>;

export const applyBody = z.object({
  serviceId: z.string().uuid(),
  /** Applying members of several enterprises name theirs. */
  enterpriseId: z.string().uuid().optional(),
  values: formValuesSchema,
});
export type ApplyBody = z.infer<typeof applyBody>;

export const resubmitBody = z.object({ values: formValuesSchema, comment: longText(500).nullish() });
export type ResubmitBody = z.infer<typeof resubmitBody>;

export const withdrawBody = z.object({ reason: longText(500).nullish() });
export const completeBody = z.object({ resultNote: text(2000) });
export const rateBody = z.object({ rating: z.number().int().min(1).max(5), comment: longText(1000).nullish() });

export const bulkBody = z.object({
  action: z.enum(['accept', 'complete']),
  ids: z.array(z.string().uuid()).min(1).max(100),
  /** The result note for `complete`. */
  resultNote: text(2000).optional(),
});
export type BulkBody = z.infer<typeof bulkBody>;
export const bulkResultSchema = z.object({
  results: z.array(z.object({ id: z.string(), ok: z.boolean(), status: z.enum(SERVICE_REQUEST_STATUSES).nullable(), code: z.string().nullable(), message: z.string().nullable() })),
  succeeded: z.number().int(),
  failed: z.number().int(),
});

export const requestQuery = pageQuery.extend({
  /** `mine`: my enterprise's requests (admins: all of it; members: their own); `queue`: requests I handle or (operators) of my parks. */
  scope: z.enum(['mine', 'queue']).default('mine'),
  parkId: z.string().uuid().optional(),
  serviceId: z.string().uuid().optional(),
  system: z.enum(SERVICE_SYSTEMS).optional(),
  status: z.enum(SERVICE_REQUEST_STATUSES).optional(),
  enterpriseId: z.string().uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export type RequestQuery = z.infer<typeof requestQuery>;

export const requestSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  service: z.object({ id: z.string(), system: z.enum(SERVICE_SYSTEMS), nameZh: z.string(), nameEn: z.string(), slaHours: z.number().int() }),
  enterprise: z.object({ id: z.string(), name: z.string() }),
  applicant: userRef,
  status: z.enum(SERVICE_REQUEST_STATUSES),
  form: formDefinitionSchema,
  formVersion: z.number().int(),
  values: z.record(z.string(), z.unknown()),
  caseId: z.string().nullable(),
  submittedAt: z.date(),
  dueAt: z.date(),
  /** Still open (not completed, rejected or withdrawn) past its due time. */
  isOverdue: z.boolean(),
  decidedAt: z.date().nullable(),
  handler: userRef.nullable(),
  acceptedAt: z.date().nullable(),
  completedAt: z.date().nullable(),
  resultNote: z.string().nullable(),
  feeFen: z.number().int().nullable(),
  billId: z.string().nullable(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  ratedAt: z.date().nullable(),
  files: z.array(z.object({ id: z.string(), name: z.string() })),
  can: z.object({ resubmit: z.boolean(), withdraw: z.boolean(), accept: z.boolean(), complete: z.boolean(), rate: z.boolean() }),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type RequestView = z.infer<typeof requestSchema>;

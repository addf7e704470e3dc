import { z } from 'zod';
import { RULE_KINDS, SEVERITIES } from '../rules/rules.table';
import { ALARM_EVENT_KINDS, ALARM_STATES } from './alarms.table';

export const alarmSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  ruleKind: z.enum(RULE_KINDS),
  /** Null for a location alarm (combination rule); `locationId` then names the floor or building. */
  deviceId: z.string().nullable(),
  deviceCode: z.string().nullable(),
  deviceName: z.string().nullable(),
  locationId: z.string().nullable(),
  parkId: z.string(),
  siteId: z.string().nullable(),
  buildingId: z.string().nullable(),
  floorId: z.string().nullable(),
  severity: z.enum(SEVERITIES),
  state: z.enum(ALARM_STATES),
  /** English text for logs and API clients; the web app words `code` + `params` instead when set. */
  message: z.string(),
  /** The message as a code (ALARM_TEXT_CODES) and values; null on alarms raised before codes existed. */
  code: z.string().nullable(),
  params: z.record(z.string(), z.unknown()).nullable(),
  lastValue: z.number().nullable(),
  firstAt: z.date(),
  lastAt: z.date(),
  count: z.number(),
  assigneeId: z.string().nullable(),
  acknowledgedAt: z.date().nullable(),
  clearedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  closeReason: z.string().nullable(),
  /** Raised while shelved (maintenance window): recorded, not escalated. */
  suppressed: z.boolean(),
  shelfId: z.string().nullable(),
  escalationLevel: z.number(),
  updatedAt: z.date(),
});
export type AlarmView = z.infer<typeof alarmSchema>;

export const alarmEventSchema = z.object({
  id: z.number(),
  kind: z.enum(ALARM_EVENT_KINDS),
  actorId: z.string().nullable(),
  actorName: z.string(),
  at: z.date(),
  comment: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

export const alarmDetailSchema = alarmSchema.extend({ events: z.array(alarmEventSchema) });
export type AlarmDetail = z.infer<typeof alarmDetailSchema>;

export const alarmQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  /** `open` = anything not closed. */
  state: z.enum([...ALARM_STATES, 'open']).optional(),
  severity: z.enum(SEVERITIES).optional(),
  parkId: z.string().uuid().optional(),
  buildingId: z.string().uuid().optional(),
  floorId: z.string().uuid().optional(),
  deviceId: z.string().uuid().optional(),
  ruleId: z.string().uuid().optional(),
  suppressed: z.enum(['true', 'false']).optional(),
});
export type AlarmQuery = z.infer<typeof alarmQuery>;

const text = z.string().trim().min(1).max(2000);
/** Bodies of these two are optional: a bare POST arrives as null. */
export const acknowledgeBody = z.object({ comment: text.optional() }).nullish();
export const assignBody = z.object({ userId: z.string().uuid().nullable() });
export const commentBody = z.object({ text });
export const closeBody = z.object({ reason: text.optional() }).nullish();

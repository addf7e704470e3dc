import { z } from 'zod';
import { DEVICE_COMMAND_NAMES } from '@parkos/contracts';
import { DEVICE_TYPES, METRICS, type MetricName } from '../metrics';
import { CHANGE_DIRECTIONS, GROUP_BY, RULE_KINDS, SEVERITIES, THRESHOLD_OPERATORS } from './rules.table';

const metric = z.enum(Object.keys(METRICS) as [MetricName, ...MetricName[]]);

const common = {
  parkId: z.string().uuid(),
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullish(),
  severity: z.enum(SEVERITIES),
  enabled: z.boolean().default(true),
  /** Scope within the park: every field given must match the device. */
  deviceType: z.enum(DEVICE_TYPES).nullish(),
  buildingId: z.string().uuid().nullish(),
  floorId: z.string().uuid().nullish(),
  tag: z.string().trim().min(1).max(40).nullish(),
  /** Optional actuator command issued when the rule fires (e.g. open_valve {durationMinutes: 10}); the commands module checks the device accepts it. */
  action: z
    .object({
      type: z.literal('command'),
      targetDeviceId: z.string().uuid(),
      command: z.enum(DEVICE_COMMAND_NAMES),
      params: z.record(z.string(), z.unknown()).default({}),
    })
    .nullish(),
};

/** Raise when `metric <operator> value`; clear when back past value ∓ hysteresis. */
export const thresholdRuleBody = z.object({
  ...common,
  kind: z.literal('threshold'),
  metric,
  operator: z.enum(THRESHOLD_OPERATORS),
  value: z.number(),
  hysteresis: z.number().min(0).default(0),
});

/** Raise when the metric moves by ≥ delta against the previous reading at most windowSeconds old. */
export const rateOfChangeRuleBody = z.object({
  ...common,
  kind: z.literal('rate_of_change'),
  metric,
  delta: z.number().positive(),
  windowSeconds: z.number().int().min(1).max(86_400),
  direction: z.enum(CHANGE_DIRECTIONS).default('any'),
});

/** Raise when a device has sent nothing for silentSeconds. */
export const silentRuleBody = z.object({
  ...common,
  kind: z.literal('silent'),
  silentSeconds: z.number().int().min(1).max(30 * 86_400),
});

const comboCondition = z.object({ field: metric, operator: z.enum([...THRESHOLD_OPERATORS, '=']), value: z.number() });

/**
 * Raise one alarm for a location (floor or building) when every condition is
 * met there — by any devices in scope — within windowSeconds of each other;
 * clear at the first reading when they no longer are.
 */
export const combinationRuleBody = z.object({
  ...common,
  kind: z.literal('combination'),
  conditions: z.array(comboCondition).min(2).max(5),
  windowSeconds: z.number().int().min(1).max(86_400),
  groupBy: z.enum(GROUP_BY).default('floor'),
});

/** An event type: lower-case letters, digits and underscores (fever, intrusion, …). */
export const eventTypeSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _ (e.g. fever, intrusion)');
const attributeCondition = z.object({
  field: z.string().trim().regex(/^[A-Za-z_][A-Za-z0-9_]{0,39}$/, 'an attribute name'),
  operator: z.enum([...THRESHOLD_OPERATORS, '=']),
  value: z.number(),
});

/** Raise when a device publishes an event of `eventType` whose numeric attributes meet every condition (e.g. temperature >= 37.3). */
export const eventRuleBody = z.object({
  ...common,
  kind: z.literal('event'),
  eventType: eventTypeSchema,
  conditions: z.array(attributeCondition).max(5).default([]),
});

export const createRuleBody = z.discriminatedUnion('kind', [thresholdRuleBody, rateOfChangeRuleBody, silentRuleBody, combinationRuleBody, eventRuleBody]);
export type CreateRuleInput = z.infer<typeof createRuleBody>;

/** Any field but kind and park; the result is validated as a whole. */
export const updateRuleBody = z
  .object({
    name: common.name,
    description: common.description,
    severity: common.severity,
    enabled: z.boolean(),
    deviceType: common.deviceType,
    buildingId: common.buildingId,
    floorId: common.floorId,
    tag: common.tag,
    metric,
    operator: z.enum(THRESHOLD_OPERATORS),
    value: z.number(),
    hysteresis: z.number().min(0),
    delta: z.number().positive(),
    windowSeconds: z.number().int().min(1).max(86_400),
    direction: z.enum(CHANGE_DIRECTIONS),
    silentSeconds: z.number().int().min(1).max(30 * 86_400),
    conditions: z.array(z.object({ field: z.string(), operator: z.enum([...THRESHOLD_OPERATORS, '=']), value: z.number() })).max(5),
    groupBy: z.enum(GROUP_BY),
    eventType: eventTypeSchema,
    action: common.action,
  })
  .partial();
export type UpdateRuleInput = z.infer<typeof updateRuleBody>;

export const ruleSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  kind: z.enum(RULE_KINDS),
  severity: z.enum(SEVERITIES),
  enabled: z.boolean(),
  metric: z.string().nullable(),
  operator: z.enum(THRESHOLD_OPERATORS).nullable(),
  value: z.number().nullable(),
  hysteresis: z.number(),
  delta: z.number().nullable(),
  windowSeconds: z.number().nullable(),
  direction: z.enum(CHANGE_DIRECTIONS).nullable(),
  silentSeconds: z.number().nullable(),
  conditions: z.array(z.object({ field: z.string(), operator: z.enum([...THRESHOLD_OPERATORS, '=']), value: z.number() })).nullable(),
  groupBy: z.enum(GROUP_BY).nullable(),
  eventType: z.string().nullable(),
  action: z.object({ type: z.literal('command'), targetDeviceId: z.string(), command: z.string(), params: z.record(z.string(), z.unknown()) }).nullable(),
  deviceType: z.enum(DEVICE_TYPES).nullable(),
  buildingId: z.string().nullable(),
  floorId: z.string().nullable(),
  tag: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type RuleView = z.infer<typeof ruleSchema>;

export const ruleQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  parkId: z.string().uuid().optional(),
  kind: z.enum(RULE_KINDS).optional(),
  enabled: z.enum(['true', 'false']).optional(),
});
export type RuleQuery = z.infer<typeof ruleQuery>;

export const episodeSchema = z.object({
  subjectKind: z.enum(['device', 'location']),
  subjectId: z.string(),
  label: z.string(),
  firedAt: z.date(),
  lastAt: z.date(),
  clearedAt: z.date().nullable(),
  count: z.number(),
  message: z.string(),
  /** The message as a code (ALARM_TEXT_CODES) and values, worded by the web app. */
  code: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});

export const dryRunSchema = z.object({
  from: z.date(),
  to: z.date(),
  devices: z.number(),
  readings: z.number(),
  events: z.number(),
  truncated: z.boolean(),
  episodes: z.array(episodeSchema),
});
export type DryRunView = z.infer<typeof dryRunSchema>;

export const traceQuery = z.object({ at: z.coerce.date().optional() });

export const traceEntrySchema = z.object({
  ruleId: z.string(),
  ruleName: z.string(),
  kind: z.enum(RULE_KINDS),
  severity: z.enum(SEVERITIES),
  enabled: z.boolean(),
  inScope: z.boolean(),
  verdict: z.enum(['firing', 'quiet', 'no_data', 'out_of_scope']),
  ts: z.date().nullable(),
  value: z.number().nullable(),
  explanation: z.string(),
  /** The explanation as a code (TRACE_REASON_CODES) and values, worded by the web app. */
  reason: z.object({ code: z.string(), params: z.record(z.string(), z.unknown()) }),
  details: z.record(z.string(), z.unknown()),
  steps: z.array(z.object({ ts: z.date(), value: z.number(), activeBefore: z.boolean(), activeAfter: z.boolean(), op: z.enum(['raise', 'repeat', 'clear']).nullable() })),
});
export const traceSchema = z.object({ deviceId: z.string(), at: z.date(), rules: z.array(traceEntrySchema) });
export type TraceView = z.infer<typeof traceSchema>;

import { z } from 'zod';
import { DEVICE_TYPES, METRICS, type MetricName } from '../metrics';
import { CHANGE_DIRECTIONS, RULE_KINDS, SEVERITIES, THRESHOLD_OPERATORS } from './rules.table';

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

export const createRuleBody = z.discriminatedUnion('kind', [thresholdRuleBody, rateOfChangeRuleBody, silentRuleBody]);
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

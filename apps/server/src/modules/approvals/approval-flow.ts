import { ROLES, SCOPE_TYPES } from '@parkos/contracts';
import { z } from 'zod';

/**
 * Approval flows as data: the step definitions an operator edits, stored as
 * validated JSON in an immutable flow version. Nothing here knows a feature.
 */

export const CONDITION_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

const scalar = z.union([z.string().max(200), z.number(), z.boolean(), z.null()]);

/** A test on one form value: `amountFen gt 5000000` adds a step only for large amounts. */
export const conditionSchema = z
  .object({
    /** Dotted path into the form values, e.g. `amountFen` or `contact.city`. */
    field: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/, 'a dotted field path such as amount or contact.city'),
    op: z.enum(CONDITION_OPS),
    value: z.union([scalar, z.array(scalar).max(50)]),
  })
  .superRefine((c, ctx) => {
    if (c.op === 'in' && !Array.isArray(c.value)) ctx.addIssue({ code: 'custom', path: ['value'], message: 'in needs a list of values' });
    if (c.op !== 'in' && Array.isArray(c.value)) ctx.addIssue({ code: 'custom', path: ['value'], message: 'only in takes a list' });
    if (['gt', 'gte', 'lt', 'lte'].includes(c.op) && typeof c.value !== 'number') ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.op} compares numbers` });
  });
export type Condition = z.infer<typeof conditionSchema>;

/** Users holding a role in a scope; a `park` scope without an id means the case's park. */
export const roleSpecSchema = z.object({
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  scopeId: z.string().uuid().nullable().default(null),
});
export type RoleSpec = z.infer<typeof roleSpecSchema>;

/** Who approves a step: a named user, everyone holding a role in a scope, or the applicant's enterprise admins. */
export const approverSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: z.string().uuid() }),
  roleSpecSchema.extend({ kind: z.literal('role') }),
  z.object({ kind: z.literal('enterprise_admin') }),
]);
export type ApproverSpec = z.infer<typeof approverSpecSchema>;

/** 会签 (`all`: every approver must approve) or 或签 (`any`: the first approval decides). */
export const STEP_MODES = ['all', 'any'] as const;
export type StepMode = (typeof STEP_MODES)[number];

/** One step of a flow. */
export const stepDefinitionSchema = z.object({
  nameZh: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().min(1).max(60),
  mode: z.enum(STEP_MODES),
  approvers: z.array(approverSpecSchema).min(1).max(20),
  /** The step applies only when the condition holds on the form values; null: always. */
  condition: conditionSchema.nullable().default(null),
  /** Hours each task of the step has before it is overdue and escalated; null: no due time. */
  dueHours: z.number().int().min(1).max(24 * 90).nullable().default(null),
  /** On overdue: who is told (and, with `reassign`, who takes over the overdue tasks). */
  escalation: z
    .object({ to: roleSpecSchema.nullable().default(null), reassign: z.boolean().default(false) })
    .nullable()
    .default(null),
});
export type StepDefinition = z.infer<typeof stepDefinitionSchema>;

export const stepsSchema = z.array(stepDefinitionSchema).min(1).max(20);

/** The value at a dotted path of the form values (undefined when absent). */
export function valueAt(values: unknown, path: string): unknown {
  let current: unknown = values;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Whether a condition holds; order comparisons hold only between numbers, a missing value equals nothing. */
export function conditionHolds(condition: Condition | null, values: unknown): boolean {
  if (!condition) return true;
  const actual = valueAt(values, condition.field);
  const expected = condition.value;
  switch (condition.op) {
    case 'eq':
      return actual !== undefined && actual === expected;
    case 'ne':
      return actual !== expected;
    case 'in':
      return Array.isArray(expected) && actual !== undefined && expected.includes(actual as never);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      if (typeof actual !== 'number' || typeof expected !== 'number') return false;
      if (condition.op === 'gt') return actual > expected;
      if (condition.op === 'gte') return actual >= expected;
      if (condition.op === 'lt') return actual < expected;
      return actual <= expected;
    }
  }
}

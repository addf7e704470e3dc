import {
  FORM_FIELD_KEY_PATTERN,
  FORM_FIELD_TYPES,
  FORM_LIMITS,
  FORM_OPTION_VALUE_PATTERN,
  NUMERIC_FIELD_TYPES,
  OPTION_FIELD_TYPES,
  TEXT_FIELD_TYPES,
  type FormDefinition,
} from '@parkos/contracts';
import { z } from 'zod';

/** Text without NUL or other control characters (tabs and newlines excepted), trimmed. */
const cleanText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s), 'contains control characters');

/** A label in both UI languages. */
export const localizedTextSchema = z.object({ zh: cleanText(FORM_LIMITS.maxLabelLength), en: cleanText(FORM_LIMITS.maxLabelLength) });

/** One choice of a select field. */
export const formFieldOptionSchema = z.object({
  value: z.string().regex(new RegExp(FORM_OPTION_VALUE_PATTERN), 'letters, digits, _ or -, at most 60'),
  label: localizedTextSchema,
});

const finite = z.number().finite().min(-FORM_LIMITS.moneyMax).max(FORM_LIMITS.moneyMax);

/**
 * One designer field. The refinements reject combinations that make no sense (options on a number, min above max),
 * each naming the offending property, so a bad definition is refused on save with a 400 naming it.
 */
export const formFieldSchema = z
  .object({
    key: z.string().regex(new RegExp(FORM_FIELD_KEY_PATTERN), 'starts with a lowercase letter; letters, digits or _, at most 40'),
    type: z.enum(FORM_FIELD_TYPES),
    label: localizedTextSchema,
    required: z.boolean().optional(),
    options: z.array(formFieldOptionSchema).max(FORM_LIMITS.maxOptions).optional(),
    min: finite.optional(),
    max: finite.optional(),
    maxLength: z.number().int().min(1).max(FORM_LIMITS.textCeiling).optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    const isOptions = OPTION_FIELD_TYPES.includes(f.type);
    if (isOptions && (!f.options || f.options.length === 0)) ctx.addIssue({ code: 'custom', path: ['options'], message: 'needs at least one option' });
    if (!isOptions && f.options) ctx.addIssue({ code: 'custom', path: ['options'], message: `not allowed for type ${f.type}` });
    if (f.options) {
      const seen = new Set<string>();
      f.options.forEach((o, i) => {
        if (seen.has(o.value)) ctx.addIssue({ code: 'custom', path: ['options', i, 'value'], message: 'duplicate option value' });
        seen.add(o.value);
      });
    }
    const isNumeric = NUMERIC_FIELD_TYPES.includes(f.type);
    for (const k of ['min', 'max'] as const) {
      const v = f[k];
      if (v === undefined) continue;
      if (!isNumeric) ctx.addIssue({ code: 'custom', path: [k], message: `not allowed for type ${f.type}` });
      else if (f.type !== 'number' && !Number.isInteger(v)) ctx.addIssue({ code: 'custom', path: [k], message: 'must be an integer' });
    }
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) ctx.addIssue({ code: 'custom', path: ['max'], message: 'must not be below min' });
    if (f.maxLength !== undefined && !TEXT_FIELD_TYPES.includes(f.type)) ctx.addIssue({ code: 'custom', path: ['maxLength'], message: `not allowed for type ${f.type}` });
  });

/** A form definition as the designer saves it; the meta-validation every stored definition passes. */
export const formDefinitionSchema = z
  .object({ fields: z.array(formFieldSchema).min(1).max(FORM_LIMITS.maxFields) })
  .strict()
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.fields.forEach((f, i) => {
      if (seen.has(f.key)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: 'duplicate field key' });
      seen.add(f.key);
    });
  }) satisfies z.ZodType<FormDefinition>;

/** Submitted values: an object keyed by field key, checked against the form's JSON Schema by `validateSubmission`. */
export const formValuesSchema = z.record(z.string(), z.unknown());

/** Body of `POST /api/forms/check`: a definition and values to try against it. */
export const checkFormBody = z.object({ definition: formDefinitionSchema, values: formValuesSchema });

/** Answer of a passing check: the JSON Schema the values were validated against. */
export const checkFormResponse = z.object({ ok: z.literal(true), schema: z.record(z.string(), z.unknown()) });

import { FORM_CUSTOM_FORMATS, FORM_LIMITS, type FormJsonSchema } from '@parkos/contracts';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { AppError, ErrorCode, type FieldIssue } from '../../lib/errors';

/**
 * What went wrong with one submitted field. `message` is a code the web app translates
 * (see FORM_ISSUE_CODES); `limit` carries the bound of minimum, maximum and maxLength.
 */
export interface FormFieldIssue extends FieldIssue {
  limit?: number;
}

/** Every code `validateSubmission` puts in an issue's `message`. */
export const FORM_ISSUE_CODES = ['required', 'type', 'minimum', 'maximum', 'maxLength', 'format', 'enum', 'uniqueItems', 'unknownField', 'nul', 'tooLarge', 'invalid'] as const;
export type FormIssueCode = (typeof FORM_ISSUE_CODES)[number];

/** The outcome of validating values: the values, or one issue per offending field. */
export type SubmissionResult = { ok: true; values: Record<string, unknown> } | { ok: false; issues: FormFieldIssue[] };

// ajv-formats ships CommonJS whose default export is the plugin; under ESM interop it may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

// One Ajv for every form: it caches compiled schemas itself, so compiled validators are kept in a bounded map
// below and removed from Ajv when evicted (forms are few, but a stored definition may change often).
const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, coerceTypes: false, useDefaults: false });
addFormats(ajv, ['date', 'email', 'uuid']);
for (const [name, pattern] of Object.entries(FORM_CUSTOM_FORMATS)) ajv.addFormat(name, new RegExp(pattern));

const MAX_CACHED = 200;
const compiled = new Map<string, { schema: object; validate: ValidateFunction }>();

function validatorOf(schema: FormJsonSchema): ValidateFunction {
  const key = JSON.stringify(schema);
  const hit = compiled.get(key);
  if (hit) {
    compiled.delete(key);
    compiled.set(key, hit); // most recently used last
    return hit.validate;
  }
  const copy = structuredClone(schema);
  const validate = ajv.compile(copy);
  compiled.set(key, { schema: copy, validate });
  if (compiled.size > MAX_CACHED) {
    const [oldestKey, oldest] = compiled.entries().next().value as [string, { schema: object }];
    compiled.delete(oldestKey);
    ajv.removeSchema(oldest.schema);
  }
  return validate;
}

function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v));
  return false;
}

/** Turns one Ajv error into the submitted field it concerns and a code. */
function issueOf(e: ErrorObject): { key: string | null; code: FormIssueCode; limit?: number; isBranch: boolean } {
  const first = e.instancePath.split('/')[1];
  const key = first === undefined || first === '' ? null : first.replace(/~1/g, '/').replace(/~0/g, '~');
  const params = e.params as Record<string, unknown>;
  // A `const` inside a oneOf is one failed option of a select; the oneOf error itself names the field.
  const isBranch = e.keyword === 'const' && e.schemaPath.includes('/oneOf/');
  switch (e.keyword) {
    case 'required':
      return { key: String(params.missingProperty), code: 'required', isBranch };
    case 'additionalProperties':
      return { key: String(params.additionalProperty), code: 'unknownField', isBranch };
    case 'minLength':
    case 'minItems':
      // Only required texts and multiselects get these bounds (of 1): an empty one is missing.
      return { key, code: 'required', isBranch };
    case 'const':
      // Outside a select, `const: true` is a required checkbox left unticked.
      return { key, code: isBranch ? 'enum' : 'required', isBranch };
    case 'oneOf':
    case 'enum':
    case 'maxItems':
      return { key, code: 'enum', isBranch };
    case 'minimum':
    case 'maximum':
    case 'maxLength':
      return { key, code: e.keyword, limit: Number(params.limit), isBranch };
    case 'type':
    case 'format':
    case 'uniqueItems':
      return { key, code: e.keyword, isBranch };
    default:
      return { key, code: 'invalid', isBranch };
  }
}

/**
 * Validates submitted values against a form's JSON Schema (from `formJsonSchema`) with Ajv.
 * Values with NUL characters or larger than FORM_LIMITS.maxSubmissionBytes are refused before Ajv sees them.
 * Each offending field gets one issue, named `<basePath>.<key>` (default `body.values.<key>`).
 */
export function validateSubmission(schema: FormJsonSchema, values: unknown, options: { basePath?: string } = {}): SubmissionResult {
  const basePath = options.basePath ?? 'body.values';
  if (!values || typeof values !== 'object' || Array.isArray(values)) return { ok: false, issues: [{ field: basePath, message: 'type' }] };
  if (Buffer.byteLength(JSON.stringify(values)) > FORM_LIMITS.maxSubmissionBytes) return { ok: false, issues: [{ field: basePath, message: 'tooLarge' }] };
  const nulIssues = Object.entries(values).flatMap(([k, v]) => (k.includes('\u0000') || hasNul(v) ? [{ field: `${basePath}.${k.replaceAll('\u0000', '')}`, message: 'nul' }] : []));
  if (nulIssues.length > 0) return { ok: false, issues: nulIssues };

  const validate = validatorOf(schema);
  if (validate(values)) return { ok: true, values: values as Record<string, unknown> };
  const byField = new Map<string, FormFieldIssue>();
  for (const e of validate.errors ?? []) {
    const i = issueOf(e);
    if (i.isBranch) continue;
    const field = i.key === null ? basePath : `${basePath}.${i.key}`;
    if (byField.has(field)) continue; // one message per field: the first Ajv reports
    byField.set(field, { field, message: i.code, ...(i.limit !== undefined ? { limit: i.limit } : {}) });
  }
  // Keep the form's field order, so the first issue is the first field the user sees.
  const order = Object.keys(schema.properties);
  const issues = [...byField.values()].sort((a, b) => order.indexOf(a.field.slice(basePath.length + 1)) - order.indexOf(b.field.slice(basePath.length + 1)));
  return { ok: false, issues };
}

/** `validateSubmission`, throwing the ParkOS 400 (`details.fields`, one per field) when the values do not pass. */
export function assertValidSubmission(schema: FormJsonSchema, values: unknown, options: { basePath?: string } = {}): Record<string, unknown> {
  const result = validateSubmission(schema, values, options);
  if (result.ok) return result.values;
  const first = result.issues[0];
  throw new AppError(ErrorCode.VALIDATION, {
    message: first ? `${first.field}: ${first.message}` : 'Invalid form values',
    details: { fields: result.issues },
  });
}

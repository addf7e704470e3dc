/**
 * Rules every API input obeys whatever its route, shared by server and web.
 * PostgreSQL refuses U+0000 in text and jsonb, and JS and PostgreSQL agree
 * on dates only within years 1..9999, so the server refuses the rest up front.
 */

/** Earliest calendar year a date or date-time may have. */
export const MIN_DATE_YEAR = 1;
/** Latest calendar year a date or date-time may have. */
export const MAX_DATE_YEAR = 9999;

/**
 * Codes a 400's `details.fields[].code` may carry, with values in `params`, for the web app to word
 * (zh-CN and English). The schema rules (Zod: required, lengths, bounds, formats, allowed values …)
 * and the custom validators (phone, plate, credit code, date order …) each have one. A field without
 * a code carries only the server's message (for logs and API clients).
 */
export const FIELD_ISSUE_CODES = [
  'nul_character',
  'date_out_of_range',
  // Schema rules
  'required',
  'invalid_type',
  'too_short',
  'too_long',
  'too_few',
  'too_many',
  'too_small',
  'too_big',
  'not_multiple_of',
  'invalid_format',
  'pattern',
  'invalid_value',
  'unrecognized_keys',
  // Custom validators
  'phone',
  'plate',
  'uscc',
  'password_too_short',
  'must_be_after',
  'must_not_be_after',
  'already_registered',
  'already_exists',
  'already_taken',
  'already_assigned',
  'already_leased',
  'overlaps',
  'choose_at_least_one',
  'not_found',
] as const;
export type FieldIssueCode = (typeof FIELD_ISSUE_CODES)[number];

/** The values a coded field issue carries (`{minimum: 10}`, `{other: 'validFrom'}`, `{allowed: ['a', 'b']}`). */
export type FieldIssueParams = Record<string, string | number | boolean | null | (string | number)[]>;

/** True for a code the web app has a sentence for. */
export function isFieldIssueCode(value: unknown): value is FieldIssueCode {
  return typeof value === 'string' && (FIELD_ISSUE_CODES as readonly string[]).includes(value);
}

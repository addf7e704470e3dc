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
 * Codes a 400's `details.fields[].code` may carry, for the web app to word
 * (zh-CN and English). Fields without a code carry only the server's message.
 */
export const FIELD_ISSUE_CODES = ['nul_character', 'date_out_of_range'] as const;
export type FieldIssueCode = (typeof FIELD_ISSUE_CODES)[number];

/** True for a code the web app has a sentence for. */
export function isFieldIssueCode(value: unknown): value is FieldIssueCode {
  return typeof value === 'string' && (FIELD_ISSUE_CODES as readonly string[]).includes(value);
}

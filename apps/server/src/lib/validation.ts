import { MAX_DATE_YEAR, MIN_DATE_YEAR, type FieldIssueCode, type FieldIssueParams } from '@parkos/contracts';
import type { FastifyInstance, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { safeParse, type $ZodIssue, type $ZodType } from 'zod/v4/core';
import { AppError, ErrorCode, type FieldIssue } from './errors';
import { codeOfZodIssue } from './zod-issue-codes';
import { findNulPaths, findOutOfRangeDatePaths, formatInputPath, type InputPath } from './input-guards';

/**
 * One problem found while validating a request part, in the shape Fastify
 * puts on `error.validation` (`instancePath` is a JSON pointer into the part).
 */
export interface RequestValidationIssue {
  instancePath: string;
  message: string;
  /** The same place as a path (keys may hold any character, `/` and U+0000 included). */
  path: InputPath;
  /** Set for the rules the web app words itself (see FIELD_ISSUE_CODES), with its values. */
  code?: FieldIssueCode;
  params?: FieldIssueParams;
}

const pointer = (path: InputPath) => (path.length ? `/${path.join('/')}` : '');

const NUL_MESSAGE = 'must not contain the character U+0000';
const DATE_MESSAGE = `must be a date in the years ${MIN_DATE_YEAR} to ${MAX_DATE_YEAR}`;

function issuesAt(paths: InputPath[], code: FieldIssueCode, message: string): RequestValidationIssue[] {
  return paths.map((p) => ({ instancePath: pointer(p), path: p, message, code }));
}

/** A Zod issue as a request issue with its code and values (refinements marked with `coded()` keep theirs). */
function toIssue(issue: $ZodIssue): RequestValidationIssue {
  const c = codeOfZodIssue(issue);
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
  return { instancePath: pointer(path), path, message: issue.message, ...(c ? { code: c.code } : {}), ...(c?.params ? { params: c.params } : {}) };
}

/**
 * The validator compiler of the API: the route's Zod schema, then no date
 * outside years 1..9999 (where PostgreSQL and JS differ or fail), checked on
 * the parsed value so that every `z.coerce.date()` obeys without saying so.
 * Each problem becomes a 400 naming the field (see the error handler).
 */
export const validatorCompiler: FastifySchemaCompiler<$ZodType> =
  ({ schema }) =>
  (data) => {
    const result = safeParse(schema, data);
    if (result.error) return { error: result.error.issues.map(toIssue) as unknown as Error };
    const dates = findOutOfRangeDatePaths(result.data);
    if (dates.length) return { error: issuesAt(dates, 'date_out_of_range', DATE_MESSAGE) as unknown as Error };
    return { value: result.data };
  };

/** The request parts a route reads, by the name a 400 gives them (as Fastify's validation does). */
const PARTS = [
  ['params', (r: FastifyRequest) => r.params],
  ['querystring', (r: FastifyRequest) => r.query],
  ['body', (r: FastifyRequest) => r.body],
] as const;

/**
 * The input rules of every route, installed once on the app:
 * - no string and no object key in the path parameters, query or body may
 *   contain U+0000 (PostgreSQL text and jsonb refuse it). A hook, not the
 *   compiler, so that it holds for parts a route declares no schema for;
 *   headers need no check, as Node's HTTP parser refuses U+0000 in them;
 * - dates within years 1..9999 (`validatorCompiler`).
 */
export function installInputRules(app: FastifyInstance): void {
  app.setValidatorCompiler(validatorCompiler);
  app.addHook('preValidation', async (request) => {
    const fields: FieldIssue[] = [];
    for (const [part, read] of PARTS) {
      for (const path of findNulPaths(read(request))) fields.push({ field: [part, formatInputPath(path)].filter(Boolean).join('.'), message: NUL_MESSAGE, code: 'nul_character' });
    }
    if (fields.length) throw new AppError(ErrorCode.VALIDATION, { message: `${fields[0].field}: ${NUL_MESSAGE}`, details: { fields } });
  });
}

const yearOf = (s: string) => Number(s.slice(0, 4));
const inYearRange = (year: number) => year >= MIN_DATE_YEAR && year <= MAX_DATE_YEAR;
/** Marks a refinement's issue with a field issue code and its values (the compiler passes them on). */
export const coded = (code: FieldIssueCode, message: string, params?: FieldIssueParams) => ({ message, params: { fieldIssueCode: code, ...(params ? { fieldIssueParams: params } : {}) } });

/** A refinement for an object whose `field` must come after `other` (end after start). */
export const after = (field: string, other: string) => ({ path: [field], ...coded('must_be_after', `must be after ${other}`, { other }) });

const PHONE_RE = /^\+?[0-9 -]{6,20}$/;
/** A phone number (digits, spaces, dashes, an optional leading +); the web app words the refusal. */
export const phoneNumber = z
  .string()
  .trim()
  .refine((s) => PHONE_RE.test(s), coded('phone', 'is not a phone number'));

/** True when the day exists in that month of that year (2026-02-29 does not). */
function isCalendarDay(s: string): boolean {
  const [year, month, day] = [yearOf(s), Number(s.slice(5, 7)), Number(s.slice(8, 10))];
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 to 1900..1999.
  d.setUTCFullYear(year, month - 1, day);
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** A calendar date `YYYY-MM-DD` (years 1..9999; no 2026-02-30), kept as a string. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD', abort: true })
  .refine((s) => inYearRange(yearOf(s)), { ...coded('date_out_of_range', DATE_MESSAGE), abort: true })
  .refine(isCalendarDay, coded('invalid_format', 'must be a day of the calendar', { format: 'date' }));

/** A month `YYYY-MM` (years 1..9999), kept as a string. */
export const isoMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month YYYY-MM', abort: true })
  .refine((s) => inYearRange(yearOf(s)), coded('date_out_of_range', DATE_MESSAGE));

/** True for the error Fastify raises when `validatorCompiler` refused a request part. */
export function isRequestValidationError(error: unknown): error is Error & { validation: RequestValidationIssue[]; validationContext?: string } {
  if (typeof error !== 'object' || error === null || !('validation' in error)) return false;
  const v = (error as { validation: unknown }).validation;
  return Array.isArray(v) && v.length > 0 && v.every((i) => typeof i === 'object' && i !== null && Array.isArray((i as RequestValidationIssue).path));
}

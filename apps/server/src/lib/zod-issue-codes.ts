import type { FieldIssueCode, FieldIssueParams } from '@parkos/contracts';
import type { $ZodIssue } from 'zod/v4/core';

/** A coded field issue: the code the web app words and the values it needs. */
export interface CodedIssue {
  code: FieldIssueCode;
  params?: FieldIssueParams;
}

const bound = (v: number | bigint | Date | undefined): number | string => (v instanceof Date ? v.toISOString() : typeof v === 'bigint' ? Number(v) : (v ?? 0));
const shown = (v: unknown): string | number => (typeof v === 'number' ? v : String(v));

/**
 * The code of a Zod issue, so that every schema rule reaches the user in their language:
 * a missing value is `required`, a string's length bounds `too_short`/`too_long`, a list's
 * `too_few`/`too_many`, a number's or date's `too_small`/`too_big`, a regex `pattern`, other
 * formats `invalid_format` {format}, enums and literals `invalid_value` {allowed}.
 * Refinements marked with `coded()` keep the code they carry.
 */
export function codeOfZodIssue(issue: $ZodIssue): CodedIssue | undefined {
  switch (issue.code) {
    case 'invalid_type':
      // Zod v4 does not report the input; a missing key reads "received undefined".
      if (/received undefined$/.test(issue.message)) return { code: 'required' };
      return { code: 'invalid_type', params: { expected: issue.expected } };
    case 'too_small': {
      const params = { minimum: bound(issue.minimum), inclusive: issue.inclusive ?? true };
      if (issue.origin === 'string') return { code: 'too_short', params };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'too_few', params };
      return { code: 'too_small', params };
    }
    case 'too_big': {
      const params = { maximum: bound(issue.maximum), inclusive: issue.inclusive ?? true };
      if (issue.origin === 'string') return { code: 'too_long', params };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'too_many', params };
      return { code: 'too_big', params };
    }
    case 'not_multiple_of':
      return { code: 'not_multiple_of', params: { divisor: bound(issue.divisor) } };
    case 'invalid_format':
      return issue.format === 'regex' ? { code: 'pattern' } : { code: 'invalid_format', params: { format: issue.format } };
    case 'invalid_value':
      return { code: 'invalid_value', params: { allowed: issue.values.map(shown) } };
    case 'unrecognized_keys':
      return { code: 'unrecognized_keys', params: { keys: issue.keys } };
    case 'invalid_union':
      return { code: 'invalid_value', params: { allowed: [] } };
    case 'custom': {
      const p = issue.params as { fieldIssueCode?: FieldIssueCode; fieldIssueParams?: FieldIssueParams } | undefined;
      return p?.fieldIssueCode ? { code: p.fieldIssueCode, ...(p.fieldIssueParams ? { params: p.fieldIssueParams } : {}) } : undefined;
    }
    case 'invalid_element':
    case 'invalid_key':
      return { code: 'invalid_value', params: { allowed: [] } };
  }
}

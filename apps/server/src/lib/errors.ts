import type { FieldIssueCode, FieldIssueParams } from '@parkos/contracts';

/** Every error code ParkOS returns; one map below turns each into an HTTP status. */
export const ErrorCode = {
  VALIDATION: 'VALIDATION',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  LOCKED: 'LOCKED',
  RATE_LIMITED: 'RATE_LIMITED',
  CSRF: 'CSRF',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LOCKED: 423,
  RATE_LIMITED: 429,
  CSRF: 403,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
};

/**
 * One field-level problem; `field` is a dotted path into the request (e.g. `body.creditCode`).
 * `code` (with its values in `params`) is set for problems the web app words itself (see FIELD_ISSUE_CODES);
 * `message` stays English, for logs and API clients.
 */
export interface FieldIssue {
  field: string;
  message: string;
  code?: FieldIssueCode;
  params?: FieldIssueParams;
}

export interface AppErrorDetails {
  fields?: FieldIssue[];
  /** A code the web app words (`errorReasons.<reason>`), with its values in `params`. */
  reason?: string;
  params?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The one error domain code throws; the HTTP layer maps it to `{code, message, requestId, details}`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: AppErrorDetails | undefined;

  constructor(code: ErrorCode, options: { message: string; details?: AppErrorDetails }) {
    super(options.message);
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
  }

  get status(): number {
    return httpStatusOf[this.code];
  }
}

/** A 400 that names the offending field; with a code (and its values) the web app words it in the user's language. */
export function validationError(field: string, message: string, code?: FieldIssueCode, params?: FieldIssueParams): AppError {
  return new AppError(ErrorCode.VALIDATION, {
    message: `${field}: ${message}`,
    details: { fields: [{ field, message, ...(code ? { code } : {}), ...(params ? { params } : {}) }] },
  });
}

/** A 400 for `field` that must come after `other` (an end before its start); worded by the web app. */
export function mustBeAfter(field: string, other: string): AppError {
  return validationError(field, `must be after ${other}`, 'must_be_after', { other });
}

export function notFound(entity: string, id?: string): AppError {
  return new AppError(ErrorCode.NOT_FOUND, { message: id ? `${entity} ${id} not found` : `${entity} not found` });
}

export function forbidden(message = 'You are not allowed to do this'): AppError {
  return new AppError(ErrorCode.FORBIDDEN, { message });
}

export function conflict(message: string, details?: AppErrorDetails): AppError {
  return new AppError(ErrorCode.CONFLICT, { message, details });
}

/** A 409 the web app words from `reason` and `params` (`errorReasons.<reason>`); `message` is for logs and API clients. */
export function conflictReason(reason: string, message: string, params?: Record<string, unknown>, details?: AppErrorDetails): AppError {
  return new AppError(ErrorCode.CONFLICT, { message, details: { ...details, reason, ...(params ? { params } : {}) } });
}

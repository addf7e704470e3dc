import type { FieldIssueParams } from '@parkos/contracts';
/** One field named by a 400 answer, e.g. `body.creditCode`; `code` is set when the web app words the problem itself. */
export interface ApiFieldError {
  field: string;
  message: string;
  code?: string;
  /** The values the code's sentence needs (`{minimum: 10}`, `{other: 'validFrom'}`). */
  params?: FieldIssueParams;
}

/** The one error shape every API route answers with. */
export interface ApiErrorBody {
  code: string;
  message: string;
  requestId?: string;
  details?: { fields?: ApiFieldError[] } & Record<string, unknown>;
}

/** An error answer of the API (or a network failure, with status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly fields: ApiFieldError[];
  /** The answer's `details` (codes and values such as `reason`), for messages the page words itself. */
  readonly details: Record<string, unknown>;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.requestId = body.requestId;
    this.fields = body.details?.fields ?? [];
    this.details = body.details ?? {};
  }
}

/** A page of a paginated list. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Remembers the CSRF token the login or /auth/me answer carried; sent on every write. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request answers 401 (the session expired). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

type QueryValue = string | number | boolean | null | undefined;

/** Builds `?a=1&b=2`, leaving out empty values. */
export function toQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Do not call the 401 handler (used by the session probe and login). */
  isSilent401?: boolean;
}

/** Calls the ParkOS API; throws ApiError on any non-2xx answer. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  // FormData (uploads) sets its own multipart content type and boundary.
  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api${path}${toQueryString(options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
    });
  } catch (cause) {
    throw new ApiError(0, { code: 'NETWORK', message: cause instanceof Error ? cause.message : 'Network error' });
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!response.ok) {
    const body: ApiErrorBody =
      data && typeof data === 'object' && 'code' in data ? (data as ApiErrorBody) : { code: `HTTP_${response.status}`, message: response.statusText || 'Request failed' };
    if (response.status === 401 && !options.isSilent401) onUnauthorized?.();
    throw new ApiError(response.status, body);
  }
  return data as T;
}

/** Shorthands for the verbs. */
export const api = {
  get: <T>(path: string, query?: Record<string, QueryValue>) => apiRequest<T>(path, { query }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  delete: <T = void>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};

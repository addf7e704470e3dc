import { isFieldIssueCode } from '@parkos/contracts';
import type { FormInstance } from 'antd';
import i18next from 'i18next';
import { ApiError, type ApiFieldError } from './api-client';
import { fieldIssueText } from './coded-text';

/** A field error in the UI language when the server sent a code for it (every schema rule and the custom validators), else the server's message. */
export function fieldErrorText(f: ApiFieldError): string {
  return isFieldIssueCode(f.code) ? fieldIssueText(f.code, f.params) : f.message;
}

const tr = (key: string, params?: Record<string, unknown>): string => (i18next.t as (k: string, o?: Record<string, unknown>) => string)(key, params);

/**
 * A non-field error in the UI language: `details.reason` worded from `codes.reasons` (with `details.params`),
 * a state conflict (`details.status` / `details.state`) as "not possible while it is …"; null when there is neither.
 */
export function reasonText(error: ApiError): string | null {
  const d = error.details;
  const reason = typeof d.reason === 'string' ? d.reason : null;
  if (reason && i18next.exists(`codes.reasons.${reason}`)) return tr(`codes.reasons.${reason}`, { ...d, ...(d.params as Record<string, unknown> | undefined) });
  const status = typeof d.status === 'string' ? d.status : typeof d.state === 'string' ? d.state : null;
  if (error.status === 409 && status) return tr('codes.reasons.wrong_state', { status: i18next.exists(`codes.statuses.${status}`) ? tr(`codes.statuses.${status}`) : tr('codes.statuses.other') });
  return null;
}

/** The name paths of every field the form has registered (list rows' fields included) and their top-level names, joined with dots. */
function registeredNames(form: FormInstance): Set<string> {
  const names = new Set<string>();
  form.getFieldsValue(true, (meta) => {
    if (meta?.name.length) {
      names.add(meta.name.join('.'));
      names.add(String(meta.name[0]));
    }
    return false;
  });
  return names;
}

/**
 * Puts the field errors of a 400 answer on the form's fields (`body.creditCode` → `creditCode`).
 * A nested field (`body.grants.1.scopeId`) lands on that field of a list row when the form has it,
 * otherwise on the top-level field (`grants`). Returns true when at least one error landed on a field of the form.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.fields.length === 0) return false;
  const known = registeredNames(form);
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const f of error.fields) {
    const path = f.field
      .replace(/^(body|query|querystring|params)\./, '')
      .split('.')
      .filter(Boolean)
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const name = known.has(path.join('.')) ? path : path.slice(0, 1);
    const key = name.join('.');
    if (!key || !known.has(key)) continue;
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(fieldErrorText(f));
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return byField.size > 0;
}

/** A readable message for any thrown value, in the UI language where the server sent codes. */
export function errorMessage(error: unknown): string {
  const coded = error instanceof ApiError ? error.fields.find((f) => isFieldIssueCode(f.code)) : undefined;
  if (coded) return `${coded.field.replace(/^(body|query|querystring|params)\./, '')}: ${fieldErrorText(coded)}`;
  const reason = error instanceof ApiError ? reasonText(error) : null;
  if (reason) return reason;
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

import { isFieldIssueCode } from '@parkos/contracts';
import type { FormInstance } from 'antd';
import i18next from 'i18next';
import { ApiError, type ApiFieldError } from './api-client';

/** A field error in the UI language when the server sent a code for it (U+0000, dates out of range), else the server's message. */
export function fieldErrorText(f: ApiFieldError): string {
  return isFieldIssueCode(f.code) ? i18next.t(`fieldErrors.${f.code}`) : f.message;
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

/** A readable message for any thrown value. */
export function errorMessage(error: unknown): string {
  const coded = error instanceof ApiError ? error.fields.find((f) => isFieldIssueCode(f.code)) : undefined;
  if (coded) return `${coded.field.replace(/^(body|query|querystring|params)\./, '')}: ${fieldErrorText(coded)}`;
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

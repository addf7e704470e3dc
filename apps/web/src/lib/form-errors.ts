import type { FormInstance } from 'antd';
import { ApiError } from './api-client';

/**
 * Puts the field errors of a 400 answer on the form's fields (`body.creditCode` → `creditCode`).
 * Returns true when at least one error landed on a field of the form.
 */
export function applyFieldErrors(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || error.fields.length === 0) return false;
  const known = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const byField = new Map<string, string[]>();
  for (const f of error.fields) {
    const name = f.field.replace(/^(body|query|params)\./, '').split('.')[0];
    if (!name) continue;
    byField.set(name, [...(byField.get(name) ?? []), f.message]);
  }
  const entries = [...byField.entries()].filter(([name]) => known.has(name));
  form.setFields(entries.map(([name, errors]) => ({ name, errors })));
  return entries.length > 0;
}

/** A readable message for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

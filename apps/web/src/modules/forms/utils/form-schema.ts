import type { ErrorSchema, RJSFValidationError, UiSchema } from '@rjsf/utils';
import type { TFunction } from 'i18next';
import { FORM_FIELD_KEY_PATTERN, OPTION_FIELD_TYPES, type FormDefinition, type FormLocale } from '@parkos/contracts';

/** The schema language of a UI language. */
export function formLocaleOf(language: string): FormLocale {
  return language.startsWith('zh') ? 'zh' : 'en';
}

/**
 * The part of a definition that can be rendered while the operator is still typing: fields with a valid,
 * unique key, and option fields with at least one option. The server refuses the rest on save, naming them.
 */
export function renderableDefinition(definition: FormDefinition): FormDefinition {
  const keyPattern = new RegExp(FORM_FIELD_KEY_PATTERN);
  const seen = new Set<string>();
  const fields = definition.fields.filter((f) => {
    if (!keyPattern.test(f.key) || seen.has(f.key)) return false;
    seen.add(f.key);
    return !OPTION_FIELD_TYPES.includes(f.type) || (f.options ?? []).length > 0;
  });
  return {
    fields: fields.map((f) => ({
      ...f,
      label: { zh: f.label.zh.trim() || f.key, en: f.label.en.trim() || f.key },
      ...(f.options ? { options: dedupeOptions(f.options).map((o) => ({ ...o, label: { zh: o.label.zh || o.value, en: o.label.en || o.value } })) } : {}),
    })),
  };
}

function dedupeOptions<T extends { value: string }>(options: T[]): T[] {
  const seen = new Set<string>();
  return options.filter((o) => o.value !== '' && !seen.has(o.value) && Boolean(seen.add(o.value)));
}

/** How each field type is drawn (widgets beyond what the JSON Schema implies). */
export function formUiSchema(definition: FormDefinition, t: TFunction): UiSchema {
  const ui: UiSchema = { 'ui:submitButtonOptions': { submitText: t('forms.preview.submit') } };
  for (const f of definition.fields) {
    switch (f.type) {
      case 'textarea':
        ui[f.key] = { 'ui:widget': 'textarea', 'ui:options': { rows: 3 } };
        break;
      case 'money':
        ui[f.key] = { 'ui:widget': 'money' };
        break;
      case 'number':
      case 'integer':
        ui[f.key] = { 'ui:widget': 'number' };
        break;
      case 'file':
        ui[f.key] = { 'ui:widget': 'fileReference' };
        break;
      case 'multiselect':
        ui[f.key] = { 'ui:widget': 'checkboxes', 'ui:options': { inline: true } };
        break;
      case 'select':
        ui[f.key] = { 'ui:placeholder': t('forms.preview.choose') };
        break;
      case 'phone':
        ui[f.key] = { 'ui:options': { inputType: 'tel' } };
        break;
      case 'email':
        ui[f.key] = { 'ui:options': { inputType: 'email' } };
        break;
      case 'text':
      case 'date':
      case 'checkbox':
        // The JSON Schema alone draws these (date: a date picker, checkbox: a box).
        break;
    }
  }
  return ui;
}

/** The issue code (as the server words it) of a browser-side validation error. */
function issueCodeOf(e: RJSFValidationError): string {
  const limit = (e.params as { limit?: number } | undefined)?.limit;
  const name = e.name ?? '';
  switch (name) {
    case 'minLength':
    case 'minItems':
      return limit === 1 ? 'required' : 'invalid';
    case 'const':
      return 'required';
    case 'oneOf':
    case 'anyOf':
    case 'maxItems':
      return 'enum';
    case 'required':
    case 'type':
    case 'minimum':
    case 'maximum':
    case 'maxLength':
    case 'format':
    case 'enum':
    case 'uniqueItems':
      return name;
    default:
      return 'invalid';
  }
}

/** The sentence for an issue code, in the UI language; `limit` fills minimum, maximum and maxLength. */
export function formIssueMessage(t: TFunction, code: string, limit?: number): string {
  const known = ['required', 'type', 'minimum', 'maximum', 'maxLength', 'format', 'enum', 'uniqueItems', 'unknownField', 'nul', 'tooLarge'];
  return t(`forms.issues.${known.includes(code) ? code : 'invalid'}`, { limit: limit ?? '' });
}

/** Rewrites the validator's English messages in the UI language; drops the per-option noise of a select's oneOf. */
export function translateFormErrors(t: TFunction, errors: RJSFValidationError[]): RJSFValidationError[] {
  return errors
    .filter((e) => !(e.name === 'const' && (e.schemaPath ?? '').includes('/oneOf/')))
    .map((e) => {
      const code = issueCodeOf(e);
      const limit = ['minimum', 'maximum', 'maxLength'].includes(code) ? (e.params as { limit?: number } | undefined)?.limit : undefined;
      return { ...e, message: formIssueMessage(t, code, limit) };
    });
}

/** Turns a 400's `details.fields` (`body.values.<key>`, message a code) into errors shown under each field. */
export function serverErrorSchema(t: TFunction, fields: { field: string; message: string; limit?: number }[]): ErrorSchema {
  const schema: Record<string, { __errors: string[] }> = {};
  for (const f of fields) {
    if (f.field !== 'body.values' && !f.field.startsWith('body.values.')) continue;
    // `body.values` itself (too large, not an object) is shown above the form, under rjsf's root key.
    const key = f.field === 'body.values' ? '__root' : f.field.slice('body.values.'.length).split('.')[0];
    schema[key] = { __errors: [...(schema[key]?.__errors ?? []), formIssueMessage(t, f.message, f.limit)] };
  }
  if (schema.__root) {
    Object.assign(schema, { __errors: schema.__root.__errors });
    delete schema.__root;
  }
  return schema as ErrorSchema;
}

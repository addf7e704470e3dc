/**
 * Forms (表单): the field model an operator builds in the form designer, and the one function that turns it
 * into the JSON Schema (draft-07) the web app renders and the server validates submissions against.
 * Shared so both sides derive exactly the same schema from a stored definition.
 */

/** The kinds of field the designer offers; each maps to one JSON Schema shape in `formJsonSchema`. */
export const FORM_FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'integer',
  'money',
  'date',
  'select',
  'multiselect',
  'checkbox',
  'phone',
  'email',
  'file',
] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** Field types that carry a list of options. */
export const OPTION_FIELD_TYPES: readonly FormFieldType[] = ['select', 'multiselect'];
/** Field types that take `min`/`max` (for `money` in fen). */
export const NUMERIC_FIELD_TYPES: readonly FormFieldType[] = ['number', 'integer', 'money'];
/** Field types that take `maxLength`. */
export const TEXT_FIELD_TYPES: readonly FormFieldType[] = ['text', 'textarea'];

/** Limits that keep a definition and a submission a sensible size. */
export const FORM_LIMITS = {
  maxFields: 100,
  maxOptions: 100,
  maxLabelLength: 200,
  /** Default and ceiling of a text field's length. */
  textMaxLength: 200,
  textareaMaxLength: 5000,
  textCeiling: 20000,
  /** The largest money amount in fen (一百亿元). */
  moneyMax: 1_000_000_000_000,
  /** A submission's JSON may be at most this many bytes. */
  maxSubmissionBytes: 256 * 1024,
} as const;

/** Field keys: short identifiers, safe as object keys and as parts of an error path. */
export const FORM_FIELD_KEY_PATTERN = '^[a-z][a-zA-Z0-9_]{0,39}$';
/** Option values: like keys, but may start with a digit. */
export const FORM_OPTION_VALUE_PATTERN = '^[a-zA-Z0-9_-]{1,60}$';
/** Phone numbers: mainland mobiles, landlines with area code and extension, or international with +. */
export const PHONE_PATTERN = '^\\+?[0-9][0-9 -]{4,18}[0-9]$';

/** A label in both UI languages. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** One choice of a select or multiselect field. */
export interface FormFieldOption {
  value: string;
  label: LocalizedText;
}

/** One field of a form definition, as the designer produces it. */
export interface FormField {
  key: string;
  type: FormFieldType;
  label: LocalizedText;
  required?: boolean;
  /** select and multiselect only. */
  options?: FormFieldOption[];
  /** number, integer, money (in fen). */
  min?: number;
  max?: number;
  /** text and textarea. */
  maxLength?: number;
}

/** A form definition: its fields in display order. */
export interface FormDefinition {
  fields: FormField[];
}

/** The UI language a schema's titles are written in. */
export type FormLocale = 'zh' | 'en';

/** The JSON Schema of a form (draft-07, the dialect both Ajv's default build and @rjsf/validator-ajv8 use). */
export type FormJsonSchema = Record<string, unknown> & { type: 'object'; properties: Record<string, Record<string, unknown>>; required: string[] };

/** The `format` names this schema uses beyond JSON Schema's own; validators must know them. */
export const FORM_CUSTOM_FORMATS = { phone: PHONE_PATTERN } as const;

function optionOneOf(options: FormFieldOption[], locale: FormLocale): Record<string, unknown>[] {
  return options.map((o) => ({ const: o.value, title: o.label[locale] }));
}

function fieldSchema(field: FormField, locale: FormLocale): Record<string, unknown> {
  const title = field.label[locale];
  switch (field.type) {
    case 'text':
    case 'textarea': {
      const fallback = field.type === 'text' ? FORM_LIMITS.textMaxLength : FORM_LIMITS.textareaMaxLength;
      // A required text must not be empty: "" would otherwise satisfy `required`.
      return { type: 'string', title, maxLength: field.maxLength ?? fallback, ...(field.required ? { minLength: 1 } : {}) };
    }
    case 'number':
      return { type: 'number', title, ...range(field) };
    case 'integer':
      return { type: 'integer', title, ...range(field) };
    case 'money':
      // Integer fen, never negative unless the operator set a lower bound below zero.
      return { type: 'integer', title, minimum: field.min ?? 0, maximum: field.max ?? FORM_LIMITS.moneyMax };
    case 'date':
      return { type: 'string', title, format: 'date' };
    case 'select':
      return { type: 'string', title, oneOf: optionOneOf(field.options ?? [], locale) };
    case 'multiselect':
      return {
        type: 'array',
        title,
        uniqueItems: true,
        maxItems: (field.options ?? []).length,
        ...(field.required ? { minItems: 1 } : {}),
        items: { type: 'string', oneOf: optionOneOf(field.options ?? [], locale) },
      };
    case 'checkbox':
      // A required checkbox (e.g. "I confirm …") must be ticked.
      return { type: 'boolean', title, ...(field.required ? { const: true } : {}) };
    case 'phone':
      return { type: 'string', title, format: 'phone', maxLength: 20 };
    case 'email':
      return { type: 'string', title, format: 'email', maxLength: 254 };
    case 'file':
      // The id of an upload in the files module; the feature attaches it to its record on save.
      return { type: 'string', title, format: 'uuid' };
  }
}

function range(field: FormField): Record<string, number> {
  return { ...(field.min !== undefined ? { minimum: field.min } : {}), ...(field.max !== undefined ? { maximum: field.max } : {}) };
}

/**
 * The JSON Schema of a definition. Titles are written in `locale`; everything that validates is the same
 * in every locale, so the server validates against the schema of either language.
 */
export function formJsonSchema(definition: FormDefinition, locale: FormLocale = 'zh'): FormJsonSchema {
  const properties: Record<string, Record<string, unknown>> = {};
  for (const f of definition.fields) properties[f.key] = fieldSchema(f, locale);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties,
    required: definition.fields.filter((f) => f.required).map((f) => f.key),
    additionalProperties: false,
  };
}

import type { RJSFValidationError } from '@rjsf/utils';
import type { TFunction } from 'i18next';
import { describe, expect, test } from 'vitest';
import type { FormDefinition } from '@parkos/contracts';
import { formLocaleOf, renderableDefinition, serverErrorSchema, translateFormErrors } from './form-schema';

/** A stand-in translator that shows which key and limit were asked for. */
const t = ((key: string, options?: { limit?: number | string }) => `${key}${options?.limit !== undefined && options.limit !== '' ? `:${options.limit}` : ''}`) as unknown as TFunction;

describe('form-schema utils', () => {
  test.each([
    ['zh-CN', 'zh'],
    ['en', 'en'],
    ['en-US', 'en'],
  ])('the UI language %s draws titles in %s', (language, locale) => {
    expect(formLocaleOf(language)).toBe(locale);
  });

  test('the preview leaves out fields it cannot draw yet and fills empty labels with the key', () => {
    const definition: FormDefinition = {
      fields: [
        { key: 'name', type: 'text', label: { zh: '', en: 'Name' } },
        { key: 'name', type: 'text', label: { zh: '重复', en: 'Dup' } },
        { key: '1bad', type: 'text', label: { zh: '坏', en: 'Bad' } },
        { key: 'kind', type: 'select', label: { zh: '类型', en: 'Kind' }, options: [] },
        { key: 'size', type: 'select', label: { zh: '规模', en: 'Size' }, options: [{ value: 'a', label: { zh: '', en: 'A' } }, { value: 'a', label: { zh: '重', en: 'Again' } }] },
      ],
    };
    expect(renderableDefinition(definition).fields).toEqual([
      { key: 'name', type: 'text', label: { zh: 'name', en: 'Name' } },
      { key: 'size', type: 'select', label: { zh: '规模', en: 'Size' }, options: [{ value: 'a', label: { zh: 'a', en: 'A' } }] },
    ]);
  });

  test.each([
    [{ name: 'required', property: 'company', params: { missingProperty: 'company' } }, 'forms.issues.required'],
    [{ name: 'minLength', property: '.company', params: { limit: 1 } }, 'forms.issues.required'],
    [{ name: 'minimum', property: '.staff', params: { limit: 0 } }, 'forms.issues.minimum:0'],
    [{ name: 'oneOf', property: '.size', params: {} }, 'forms.issues.enum'],
    [{ name: 'const', property: '.agree', params: {}, schemaPath: '#/properties/agree/const' }, 'forms.issues.required'],
    [{ name: 'format', property: '.email', params: { format: 'email' } }, 'forms.issues.format'],
    [{ name: 'pattern', property: '.x', params: {} }, 'forms.issues.invalid'],
  ])('the browser error %j reads %s', (error, message) => {
    expect(translateFormErrors(t, [{ stack: '', ...error } as RJSFValidationError]).map((e) => e.message)).toEqual([message]);
  });

  test('a select’s per-option const errors are dropped; the oneOf error speaks for the field', () => {
    const errors = [
      { name: 'const', property: '.size', schemaPath: '#/properties/size/oneOf/0/const', stack: '' },
      { name: 'oneOf', property: '.size', schemaPath: '#/properties/size/oneOf', stack: '' },
    ] as RJSFValidationError[];
    expect(translateFormErrors(t, errors).map((e) => e.name)).toEqual(['oneOf']);
  });

  test('the server’s 400 fields land under their fields, translated', () => {
    expect(
      serverErrorSchema(t, [
        { field: 'body.values.company', message: 'required' },
        { field: 'body.values.staff', message: 'minimum', limit: 0 },
        { field: 'body.values.staff', message: 'somethingNew' },
        { field: 'body.definition.fields.0.key', message: 'bad' },
      ]),
    ).toEqual({ company: { __errors: ['forms.issues.required'] }, staff: { __errors: ['forms.issues.minimum:0', 'forms.issues.invalid'] } });
  });
});

import { formJsonSchema, type FormDefinition } from '@parkos/contracts';
import { describe, expect, test } from 'vitest';
import { AppError } from '../../lib/errors';
import { assertValidSubmission, validateSubmission } from './form-validation';
import { formDefinitionSchema } from './forms.schema';

/** A form with one field of every type. */
const definition: FormDefinition = {
  fields: [
    { key: 'name', type: 'text', label: { zh: '名称', en: 'Name' }, required: true, maxLength: 10 },
    { key: 'notes', type: 'textarea', label: { zh: '备注', en: 'Notes' } },
    { key: 'ratio', type: 'number', label: { zh: '比例', en: 'Ratio' }, min: 0, max: 1 },
    { key: 'people', type: 'integer', label: { zh: '人数', en: 'People' }, min: 0 },
    { key: 'amount', type: 'money', label: { zh: '金额', en: 'Amount' } },
    { key: 'day', type: 'date', label: { zh: '日期', en: 'Date' } },
    { key: 'size', type: 'select', label: { zh: '规模', en: 'Size' }, required: true, options: [{ value: 'small', label: { zh: '小', en: 'Small' } }, { value: 'large', label: { zh: '大', en: 'Large' } }] },
    { key: 'areas', type: 'multiselect', label: { zh: '领域', en: 'Areas' }, options: [{ value: 'ai', label: { zh: '人工智能', en: 'AI' } }, { value: 'iot', label: { zh: '物联网', en: 'IoT' } }] },
    { key: 'agree', type: 'checkbox', label: { zh: '我确认', en: 'I confirm' }, required: true },
    { key: 'phone', type: 'phone', label: { zh: '电话', en: 'Phone' } },
    { key: 'email', type: 'email', label: { zh: '邮箱', en: 'Email' } },
    { key: 'licence', type: 'file', label: { zh: '营业执照', en: 'Licence' } },
  ],
};
const schema = formJsonSchema(definition);
const valid = { name: 'Acme', size: 'small', agree: true };

describe('validateSubmission', () => {
  test.each([
    ['the required fields only', valid],
    ['every field', { ...valid, notes: '多行\n文本', ratio: 0.5, people: 12, amount: 123456, day: '2026-12-06', areas: ['ai', 'iot'], phone: '+86 138-0000-0000', email: 'a@example.com', licence: '0b5f0a7e-3d7c-4b8a-9a55-1f7d2f8e6c11' }],
    ['a landline with area code', { ...valid, phone: '028-85551234' }],
  ])('accepts %s', (_name, values) => {
    expect(validateSubmission(schema, values)).toEqual({ ok: true, values });
  });

  test.each([
    ['a missing required text', { size: 'small', agree: true }, 'body.values.name', 'required'],
    ['an empty required text', { ...valid, name: '' }, 'body.values.name', 'required'],
    ['a text over its maxLength', { ...valid, name: 'x'.repeat(11) }, 'body.values.name', 'maxLength'],
    ['a number below min', { ...valid, ratio: -0.1 }, 'body.values.ratio', 'minimum'],
    ['a number above max', { ...valid, ratio: 2 }, 'body.values.ratio', 'maximum'],
    ['a number given as a string', { ...valid, ratio: '0.5' }, 'body.values.ratio', 'type'],
    ['a fraction in an integer', { ...valid, people: 1.5 }, 'body.values.people', 'type'],
    ['negative money', { ...valid, amount: -1 }, 'body.values.amount', 'minimum'],
    ['money in yuan with cents', { ...valid, amount: 12.5 }, 'body.values.amount', 'type'],
    ['an impossible date', { ...valid, day: '2026-02-30' }, 'body.values.day', 'format'],
    ['an option that is not offered', { ...valid, size: 'huge' }, 'body.values.size', 'enum'],
    ['a multiselect item not offered', { ...valid, areas: ['ai', 'space'] }, 'body.values.areas', 'enum'],
    ['a multiselect item twice', { ...valid, areas: ['ai', 'ai'] }, 'body.values.areas', 'uniqueItems'],
    ['an unticked required checkbox', { ...valid, agree: false }, 'body.values.agree', 'required'],
    ['a phone with letters', { ...valid, phone: 'call me' }, 'body.values.phone', 'format'],
    ['a malformed email', { ...valid, email: 'a@' }, 'body.values.email', 'format'],
    ['a file reference that is not an id', { ...valid, licence: '../etc/passwd' }, 'body.values.licence', 'format'],
    ['a field the form does not have', { ...valid, extra: 1 }, 'body.values.extra', 'unknownField'],
    ['a NUL character', { ...valid, notes: 'a\u0000b' }, 'body.values.notes', 'nul'],
    ['a NUL inside a list', { ...valid, areas: ['ai\u0000'] }, 'body.values.areas', 'nul'],
    ['an absurd size', { ...valid, notes: 'x'.repeat(300 * 1024) }, 'body.values', 'tooLarge'],
  ])('refuses %s, naming the field', (_name, values, field, message) => {
    const result = validateSubmission(schema, values);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.issues).toEqual([expect.objectContaining({ field, message })]);
  });

  test('names every bad field once, in the form’s order, with the limit of a bound', () => {
    const result = validateSubmission(schema, { size: 'huge', ratio: 5 });
    expect(result.ok ? [] : result.issues).toEqual([
      { field: 'body.values.name', message: 'required' },
      { field: 'body.values.ratio', message: 'maximum', limit: 1 },
      { field: 'body.values.size', message: 'enum' },
      { field: 'body.values.agree', message: 'required' },
    ]);
  });

  test.each([null, [], 'text', 5])('refuses values that are not an object (%j)', (values) => {
    expect(validateSubmission(schema, values)).toEqual({ ok: false, issues: [{ field: 'body.values', message: 'type' }] });
  });

  test('validates the same in both languages: titles differ, the rules do not', () => {
    const en = formJsonSchema(definition, 'en');
    expect(en.properties.name.title).toBe('Name');
    expect(validateSubmission(en, { size: 'huge' })).toEqual(validateSubmission(schema, { size: 'huge' }));
  });

  test('assertValidSubmission throws the ParkOS 400 with details.fields under the given path', () => {
    let thrown: unknown;
    try {
      assertValidSubmission(schema, { ...valid, people: -1 }, { basePath: 'body.answers' });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).status).toBe(400);
    expect((thrown as AppError).details).toEqual({ fields: [{ field: 'body.answers.people', message: 'minimum', limit: 0 }] });
    expect(assertValidSubmission(schema, valid)).toEqual(valid);
  });
});

describe('formDefinitionSchema (a stored definition is validated on save)', () => {
  const text = { key: 'name', type: 'text', label: { zh: '名称', en: 'Name' } };
  const select = { key: 'kind', type: 'select', label: { zh: '类型', en: 'Kind' }, options: [{ value: 'a', label: { zh: '甲', en: 'A' } }] };

  test('accepts the designer’s output', () => {
    expect(formDefinitionSchema.safeParse(definition).success).toBe(true);
  });

  test.each([
    ['no fields', { fields: [] }, 'fields'],
    ['a key with a space', { fields: [{ ...text, key: 'my name' }] }, 'fields.0.key'],
    ['a key used twice', { fields: [text, { ...text }] }, 'fields.1.key'],
    ['an unknown type', { fields: [{ ...text, type: 'html' }] }, 'fields.0.type'],
    ['a missing English label', { fields: [{ ...text, label: { zh: '名称', en: ' ' } }] }, 'fields.0.label.en'],
    ['a label with a NUL', { fields: [{ ...text, label: { zh: '名\u0000称', en: 'Name' } }] }, 'fields.0.label.zh'],
    ['a select without options', { fields: [{ ...select, options: [] }] }, 'fields.0.options'],
    ['options on a text field', { fields: [{ ...text, options: select.options }] }, 'fields.0.options'],
    ['an option value twice', { fields: [{ ...select, options: [...select.options, ...select.options] }] }, 'fields.0.options.1.value'],
    ['min above max', { fields: [{ ...text, type: 'integer', min: 5, max: 1 }] }, 'fields.0.max'],
    ['a fractional money bound', { fields: [{ ...text, type: 'money', min: 0.5 }] }, 'fields.0.min'],
    ['min on a text field', { fields: [{ ...text, min: 1 }] }, 'fields.0.min'],
    ['maxLength on a number', { fields: [{ ...text, type: 'number', maxLength: 5 }] }, 'fields.0.maxLength'],
    ['an absurd maxLength', { fields: [{ ...text, maxLength: 10_000_000 }] }, 'fields.0.maxLength'],
    ['a property the model does not know', { fields: [{ ...text, pattern: '.*' }] }, 'fields.0'],
    ['too many fields', { fields: Array.from({ length: 101 }, (_, i) => ({ ...text, key: `f${i}` })) }, 'fields'],
  ])('refuses %s, naming %s', (_name, input, path) => {
    const result = formDefinitionSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});

import type { FormInstance } from 'antd';
import i18next from 'i18next';
import { describe, expect, test } from 'vitest';
import { i18nOptions } from '../i18n';
import { ApiError } from './api-client';
import { applyFieldErrors, errorMessage } from './form-errors';

/** A form with the given registered field names that records what setFields received. */
function buildForm(names: (string | number)[][]) {
  const set: { name: (string | number)[]; errors: string[] }[][] = [];
  const form = {
    getFieldsValue: (_all: true, filter: (meta: { name: (string | number)[] }) => boolean) => {
      for (const name of names) filter({ name });
      return {};
    },
    setFields: (fields: { name: (string | number)[]; errors: string[] }[]) => set.push(fields),
  } as unknown as FormInstance;
  return { form, set };
}

const badRequest = (fields: { field: string; message: string; code?: string }[]) => new ApiError(400, { code: 'VALIDATION', message: 'invalid', details: { fields } });

describe('applyFieldErrors', () => {
  test('an error on a field of a list row lands on that row’s field', () => {
    const { form, set } = buildForm([['displayName'], ['grants'], ['grants', 0, 'role'], ['grants', 1, 'scopeId']]);
    expect(applyFieldErrors(form, badRequest([{ field: 'body.grants.1.scopeId', message: 'Invalid UUID' }]))).toBe(true);
    expect(set).toEqual([[{ name: ['grants', 1, 'scopeId'], errors: ['Invalid UUID'] }]]);
  });

  test('an error on the list itself, or on a row field the form lacks, lands on the list', () => {
    const { form, set } = buildForm([['grants'], ['grants', 0, 'role']]);
    applyFieldErrors(
      form,
      badRequest([
        { field: 'body.grants', message: 'at least one role is required' },
        { field: 'body.grants.0.scopeType', message: 'role member takes scope enterprise' },
      ]),
    );
    expect(set).toEqual([[{ name: ['grants'], errors: ['at least one role is required', 'role member takes scope enterprise'] }]]);
  });

  test('errors on fields the form does not have are left for a message (returns false)', () => {
    const { form, set } = buildForm([['name']]);
    expect(applyFieldErrors(form, badRequest([{ field: 'body.parkId', message: 'no such park' }]))).toBe(false);
    expect(set).toEqual([[]]);
    expect(applyFieldErrors(form, new Error('boom'))).toBe(false);
  });
});

describe('field errors the server sends a code for are worded by the web app', () => {
  test.each([
    ['zh-CN', 'nul_character', '不能包含空字符（U+0000）'],
    ['en', 'nul_character', 'Must not contain the NUL character (U+0000)'],
    ['zh-CN', 'date_out_of_range', '日期须在公元 1 年至 9999 年之间'],
    ['en', 'date_out_of_range', 'Must be a date in the years 1 to 9999'],
  ] as const)('%s: %s', async (lng, code, text) => {
    await i18next.init(i18nOptions(lng));
    await i18next.changeLanguage(lng);
    const { form, set } = buildForm([['title']]);
    const error = badRequest([{ field: 'body.title', message: 'server text', code }]);
    expect(applyFieldErrors(form, error)).toBe(true);
    expect(set).toEqual([[{ name: ['title'], errors: [text] }]]);
    expect(errorMessage(error)).toBe(`title: ${text}`);
  });

  test('a field error without a known code keeps the server’s message', async () => {
    await i18next.init(i18nOptions('en'));
    const { form, set } = buildForm([['title']]);
    applyFieldErrors(form, badRequest([{ field: 'body.title', message: 'Too long', code: 'something_new' }]));
    expect(set).toEqual([[{ name: ['title'], errors: ['Too long'] }]]);
  });
});

import type { FormInstance } from 'antd';
import { describe, expect, test } from 'vitest';
import { ApiError } from './api-client';
import { applyFieldErrors } from './form-errors';

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

const badRequest = (fields: { field: string; message: string }[]) => new ApiError(400, { code: 'VALIDATION', message: 'invalid', details: { fields } });

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

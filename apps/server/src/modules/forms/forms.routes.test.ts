import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_PASSWORD, buildEnterprise, buildPark, buildUser } from '../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

/** The designer's three-field form: a required text, a select, a number with min 0. */
const definition = {
  fields: [
    { key: 'company', type: 'text', label: { zh: '公司名称', en: 'Company' }, required: true },
    { key: 'size', type: 'select', label: { zh: '规模', en: 'Size' }, options: [{ value: 'small', label: { zh: '小型', en: 'Small' } }, { value: 'large', label: { zh: '大型', en: 'Large' } }] },
    { key: 'staff', type: 'number', label: { zh: '员工数', en: 'Staff' }, min: 0 },
  ],
};

let t: TestApp;
let member: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  const p = await buildPark(t.services);
  const e = await buildEnterprise(t.services, p.park.id, p.site.id);
  await buildUser(t.services, 'forms.member', [{ role: 'member', scopeType: 'enterprise', scopeId: e.id }]);
  member = await t.login('forms.member', TEST_PASSWORD);
});
afterAll(() => t.close());

describe('POST /api/forms/check', () => {
  test('answers with the JSON Schema when the values pass', async () => {
    const res = await member.post('/api/forms/check', { definition, values: { company: 'Acme', size: 'large', staff: 3 } });
    expect(res.statusCode).toBe(200);
    expect(res.json().schema).toMatchObject({ type: 'object', required: ['company'], properties: { staff: { type: 'number', minimum: 0 } } });
  });

  test('refuses invalid values with a 400 naming each field', async () => {
    const res = await member.post('/api/forms/check', { definition, values: { size: 'huge', staff: -1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION',
      details: {
        fields: [
          { field: 'body.values.company', message: 'required' },
          { field: 'body.values.size', message: 'enum' },
          { field: 'body.values.staff', message: 'minimum', limit: 0 },
        ],
      },
    });
  });

  test('refuses a bad definition with a 400 naming the definition’s field', async () => {
    const bad = { fields: [definition.fields[0], { ...definition.fields[1], options: [] }] };
    const res = await member.post('/api/forms/check', { definition: bad, values: {} });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields).toEqual([expect.objectContaining({ field: 'body.definition.fields.1.options' })]);
  });

  test('needs a signed-in user', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/forms/check', payload: { definition, values: {} } });
    expect(res.statusCode).toBe(401);
  });
});

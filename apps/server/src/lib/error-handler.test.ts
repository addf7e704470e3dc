import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Every error has the one shape `{ code, message, requestId, details }`, whatever raised it. */
function expectErrorShape(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  const body = res.json() as { code: string; message: string; requestId: string };
  expect(body.code).toBe(code);
  expect(body.message).toEqual(expect.any(String));
  expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(res.headers['x-request-id']).toBe(body.requestId);
  return body as { details?: { fields?: { field: string; message: string }[] } };
}

describe('errors raised by the framework use the API error shape', () => {
  test('a URL with bytes that are not UTF-8 is a 400 naming the url', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/enterprises/%E0%A4%A' });
    const body = expectErrorShape(res, 400, 'VALIDATION');
    expect(body.details?.fields?.[0]?.field).toBe('url');
  });

  test('malformed JSON is a 400 naming the body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": ' });
    const body = expectErrorShape(res, 400, 'VALIDATION');
    expect(body.details?.fields?.[0]?.field).toBe('body');
  });

  test('an unknown route is a 404', async () => {
    expectErrorShape(await t.app.inject({ method: 'GET', url: '/api/no-such-thing' }), 404, 'NOT_FOUND');
  });
});

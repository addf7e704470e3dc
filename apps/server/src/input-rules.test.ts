import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TEST_PASSWORD, buildEnterprise, buildPark, buildUser } from './testing/builders';
import { bodyLeaves, installChangeLog, openApiOperations, outOfRangeDates, sampleBody, withValueAt, type Operation } from './testing/openapi-sweep';
import { createTestApp, type TestApp, type TestClient } from './testing/test-app';

/**
 * Input PostgreSQL cannot store — U+0000 in any string or key, dates outside
 * years 1..9999 — is a 400 naming the field on every route, never a 500
 * (issue 11). The sweep sends it to every parameter and body field of every
 * OpenAPI operation as an operator with full rights, so requests get past
 * authorisation; the named cases below are the endpoints the issue reported.
 */
let t: TestApp;
let root: TestClient;
let park: Awaited<ReturnType<typeof buildPark>>;
let enterprise: { id: string };
let workOrderId: string;

const NUL = 'a\u0000b';
const ANY_UUID = '00000000-0000-4000-8000-000000000000';

type Res = Awaited<ReturnType<TestClient['get']>>;
const fieldsOf = (res: Res): { field: string; code?: string }[] => (res.json() as { details?: { fields?: { field: string; code?: string }[] } }).details?.fields ?? [];

beforeAll(async () => {
  t = await createTestApp();
  park = await buildPark(t.services);
  enterprise = await buildEnterprise(t.services, park.park.id, park.site.id);
  await buildUser(t.services, 'root', [{ role: 'operator', scopeType: 'all', scopeId: null }]);
  root = await t.login('root', TEST_PASSWORD);
  const wo = await root.post('/api/work-orders', { title: '漏水', parkId: park.park.id });
  expect(wo.statusCode).toBe(201);
  workOrderId = (wo.json() as { id: string }).id;
});
afterAll(() => t.close());

/** The path with every `{param}` filled (a well-formed id unless given). */
function urlOf(op: Operation, values: Record<string, string> = {}): string {
  return op.path.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? ANY_UUID);
}

describe('the reported endpoints answer 400 naming the field', () => {
  test.each([
    ['a work order title', () => root.post('/api/work-orders', { title: NUL, parkId: park.park.id }), 'body.title', 'nul_character'],
    ['a work order comment', () => root.post(`/api/work-orders/${workOrderId}/comments`, { text: NUL }), 'body.text', 'nul_character'],
    ['the device search', () => root.get('/api/devices?q=a%00b'), 'querystring.q', 'nul_character'],
    ['an enterprise contact', () => root.patch(`/api/enterprises/${enterprise.id}`, { contactName: NUL }), 'body.contactName', 'nul_character'],
    [
      'a pass invitation',
      () => root.post('/api/passes/invitations', { enterpriseId: enterprise.id, visitorName: NUL, validFrom: new Date().toISOString(), validTo: new Date(Date.now() + 3_600_000).toISOString() }),
      'body.visitorName',
      'nul_character',
    ],
    ['the login, unauthenticated', () => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ad\u0000min', password: 'x' } }), 'body.username', 'nul_character'],
    [
      'an event before 1 AD',
      () =>
        root.post('/api/events', {
          parkId: park.park.id,
          title: '沙龙',
          location: 'A 座',
          startsAt: '-000001-01-01T00:00:00Z',
          endsAt: '2030-01-02T12:00:00Z',
          capacity: 10,
          registrationOpensAt: '2026-01-01T00:00:00Z',
          registrationClosesAt: '2030-01-02T08:00:00Z',
        }),
      'body.startsAt',
      'date_out_of_range',
    ],
    ['an event after 9999', () => root.patch(`/api/events/${ANY_UUID}`, { endsAt: '+010000-01-01T00:00:00Z' }), 'body.endsAt', 'date_out_of_range'],
    ['a lease in year 0', () => root.post(`/api/enterprises/${enterprise.id}/leases`, { unitId: park.units[0].id, startDate: '0000-01-01', endDate: '2027-12-31', monthlyRentFen: 1 }), 'body.startDate', 'date_out_of_range'],
    ['a NUL in a JSON key (device metadata)', () => root.post('/api/devices', { code: 'nul-key-1', name: 'x', type: 'generic', parkId: park.park.id, metadata: { 'a\u0000b': 1 } }), 'body.metadata.a\\u0000b', 'nul_character'],
  ])('%s', async (_name, send, field, code) => {
    const res = await send();
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION' });
    expect(fieldsOf(res)).toContainEqual(expect.objectContaining({ field, code }));
  });

  test('a day that is not in the calendar is a 400, not a database error', async () => {
    const res = await root.post(`/api/enterprises/${enterprise.id}/leases`, { unitId: park.units[0].id, startDate: '2026-02-29', endDate: '2027-12-31', monthlyRentFen: 1 });
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res).map((f) => f.field)).toEqual(['body.startDate']);
  });
});

describe('every operation', () => {
  test('refuses U+0000 in any parameter or body field, and dates outside years 1..9999, with a 400 naming the field and no change', async () => {
    const changes = await installChangeLog(t.database, ['sessions']);
    const mark = await changes.mark();
    const serverErrors: string[] = [];
    const unnamed: string[] = [];
    let probes = 0;
    let datesNamed = 0;
    /** Sends one request; no 5xx ever, and a 400 naming each of `fields` (null: not checked). */
    const probe = async (op: Operation, what: string, req: { url: string; payload?: unknown }, ...fields: (string | null)[]) => {
      probes++;
      const res = await root.request({ method: op.method, url: req.url, payload: req.payload as never });
      if (res.statusCode >= 500) serverErrors.push(`${op.method} ${op.path} ${what} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      for (const field of fields) {
        if (field && (res.statusCode !== 400 || !fieldsOf(res).some((f) => f.field === field))) unnamed.push(`${op.method} ${op.path} ${what}: ${field} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      return res;
    };

    for (const op of await openApiOperations(t)) {
      if (op.path === '/api/auth/logout') continue;
      // Device routes answer 401 to a session before any validation: probed for 5xx only.
      const name = (field: string) => (op.isDeviceAuth ? null : field);
      const body = op.bodySchema ? sampleBody(op.bodySchema, {}) : undefined;
      // Required query parameters filled, so that a probe of one is not refused for another.
      const query = (param: string, value: string) => {
        const q = new URLSearchParams();
        for (const p of op.parameters) if (p.in === 'query' && p.required && p.name !== param) q.set(p.name, String(sampleBody(p.schema, {}) ?? new Date().toISOString()));
        q.set(param, value);
        return `${urlOf(op)}?${q.toString()}`;
      };

      for (const p of op.parameters) {
        if (p.in === 'path') {
          await probe(op, `path ${p.name}`, { url: urlOf(op, { [p.name]: 'a%00b' }), payload: body }, name(`params.${p.name}`));
          continue;
        }
        // Query is validated after params and body: name the field only when nothing else is sent.
        const queryField = op.bodySchema ? null : name(`querystring.${p.name}`);
        await probe(op, `query ${p.name}`, { url: query(p.name, NUL), payload: body }, queryField);
        for (const date of outOfRangeDates(p.schema)) await probe(op, `query ${p.name}=${date}`, { url: query(p.name, date), payload: body }, queryField);
      }
      if (!op.bodySchema) continue;
      // One request with U+0000 in every field and in a key: each is named (the hook names up to 20).
      const leaves = bodyLeaves(op.bodySchema);
      const allNul = leaves.reduce((b, leaf) => withValueAt(b, leaf.path, NUL), { ...(body as object), 'k\u0000': 1 } as unknown);
      await probe(op, 'every field', { url: urlOf(op), payload: allNul }, ...['body.k\\u0000', ...leaves.map((l) => `body.${l.path.join('.')}`)].slice(0, 20).map(name));
      for (const leaf of leaves) {
        // An out-of-range date is found once the rest of the body is valid, which a sampled body may not be: 5xx only.
        for (const date of outOfRangeDates(leaf.schema)) {
          const res = await probe(op, `body.${leaf.path.join('.')}=${date}`, { url: urlOf(op), payload: withValueAt(body, leaf.path, date) });
          if (fieldsOf(res).some((f) => f.field === `body.${leaf.path.join('.')}` && f.code === 'date_out_of_range')) datesNamed++;
        }
      }
    }
    expect(probes).toBeGreaterThan(400);
    // Body dates are named where the sampled body is otherwise valid (news, parking, shelves, leases, bills, event updates, …).
    expect(datesNamed).toBeGreaterThanOrEqual(30);
    expect(serverErrors).toEqual([]);
    expect(unnamed).toEqual([]);
    expect(await changes.changedSince(mark)).toEqual([]);
  });
});

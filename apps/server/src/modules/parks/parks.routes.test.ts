import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { USCC_ALPHABET, type RoleGrant } from '@parkos/contracts';
import { buildCreditCode, buildEnterprise, buildPark, buildUser, SYSTEM, TEST_PASSWORD } from '../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

type Built = Awaited<ReturnType<typeof buildPark>>;

let t: TestApp;
let op: TestClient;
let parkA: Built;
let parkB: Built;
let siteA2: { id: string };
let entA1: { id: string; creditCode: string };
let entA2: { id: string };
let entA3: { id: string };
let entB: { id: string };
let seq = 0;

function uname(prefix: string): string {
  return `${prefix}.${++seq}`;
}

function fieldsOf(res: LightMyRequestResponse): string[] {
  return ((res.json() as { details?: { fields?: { field: string }[] } }).details?.fields ?? []).map((f) => f.field);
}

function expectError(res: LightMyRequestResponse, status: number, code: string): void {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json() as { code: string; message: string; requestId: string };
  expect(body.code).toBe(code);
  expect(body.message).toBeTruthy();
  expect(body.requestId).toBe(res.headers['x-request-id']);
}

async function count(table: string): Promise<number> {
  const [row] = await t.database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row.n;
}

async function clientWith(grants: RoleGrant[]): Promise<TestClient> {
  const name = uname('u');
  await buildUser(t.services, name, grants);
  return t.login(name, TEST_PASSWORD);
}

/** A valid credit code with its check character replaced by a wrong one. */
function withWrongCheck(code: string): string {
  const last = code[17];
  const wrong = USCC_ALPHABET[(USCC_ALPHABET.indexOf(last) + 1) % USCC_ALPHABET.length];
  return code.slice(0, 17) + wrong;
}

function enterpriseBody(parkId: string, overrides: Record<string, unknown> = {}) {
  return { parkId, legalName: `接口测试企业${++seq}有限公司`, creditCode: buildCreditCode(), industry: 'software', size: 'small', contactName: '王五', contactPhone: '13800138000', ...overrides };
}

async function auditActions(entityId: string): Promise<{ action: string; actorName: string; before: unknown; after: unknown }[]> {
  const res = await op.get(`/api/audit-log?entityId=${entityId}&pageSize=200`);
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

beforeAll(async () => {
  t = await createTestApp();
  await buildUser(t.services, 'op', [{ role: 'operator', scopeType: 'all', scopeId: null }]);
  op = await t.login('op', TEST_PASSWORD);
  parkA = await buildPark(t.services);
  parkB = await buildPark(t.services);
  siteA2 = await t.services.parks.createSite(SYSTEM, { parkId: parkA.park.id, name: '卫星园区' });
  entA1 = await buildEnterprise(t.services, parkA.park.id, parkA.site.id);
  entA2 = await buildEnterprise(t.services, parkA.park.id, siteA2.id);
  entA3 = await buildEnterprise(t.services, parkA.park.id, null);
  entB = await buildEnterprise(t.services, parkB.park.id, parkB.site.id);
});

afterAll(async () => {
  await t?.close();
});

describe('park structure', () => {
  test('an operator creates site → district → building → floor → unit, updates them and deletes the empty ones', async () => {
    const park = await op.post('/api/parks', { name: '天府软件园', code: 'TFSP-1', city: '成都' });
    expect(park.statusCode, park.body).toBe(201);
    const parkId = park.json().id;
    const site = await op.post('/api/sites', { parkId, name: 'A区园区', lat: 30.54, lon: 104.06 });
    expect(site.statusCode, site.body).toBe(201);
    const district = await op.post('/api/districts', { siteId: site.json().id, name: 'C区' });
    expect(district.statusCode, district.body).toBe(201);
    expect(district.json().parkId).toBe(parkId);
    const building = await op.post('/api/buildings', { districtId: district.json().id, name: 'C1栋', floorsAboveGround: 12 });
    expect(building.statusCode, building.body).toBe(201);
    expect(building.json()).toMatchObject({ parkId, siteId: site.json().id, districtId: district.json().id, floorsAboveGround: 12 });
    const floor = await op.post('/api/floors', { buildingId: building.json().id, level: 3 });
    expect(floor.statusCode, floor.body).toBe(201);
    expect(floor.json().name).toBe('3F');
    const unit = await op.post('/api/units', { floorId: floor.json().id, code: '301', area: 256.5 });
    expect(unit.statusCode, unit.body).toBe(201);
    expect(unit.json()).toMatchObject({ code: '301', area: 256.5, status: 'vacant', buildingId: building.json().id, parkId });

    const renamed = await op.patch(`/api/buildings/${building.json().id}`, { name: 'C1栋（研发楼）', grossArea: 18000 });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'C1栋（研发楼）', grossArea: 18000, floorsAboveGround: 12 });
    const unitPatch = await op.patch(`/api/units/${unit.json().id}`, { area: 300, status: 'reserved' });
    expect(unitPatch.statusCode, unitPatch.body).toBe(200);
    expect(unitPatch.json()).toMatchObject({ area: 300, status: 'reserved' });
    const detail = await op.get(`/api/buildings/${building.json().id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().floors[0].units[0]).toMatchObject({ code: '301', area: 300, status: 'reserved', tenant: null });

    // Emptied from the bottom up, everything can be deleted.
    expect((await op.delete(`/api/units/${unit.json().id}`)).statusCode).toBe(204);
    expect((await op.delete(`/api/floors/${floor.json().id}`)).statusCode).toBe(204);
    expect((await op.delete(`/api/buildings/${building.json().id}`)).statusCode).toBe(204);
    expectError(await op.get(`/api/buildings/${building.json().id}`), 404, 'NOT_FOUND');
    expect((await op.delete(`/api/districts/${district.json().id}`)).statusCode).toBe(204);
    expect((await op.delete(`/api/sites/${site.json().id}`)).statusCode).toBe(204);
    expect((await op.delete(`/api/parks/${parkId}`)).statusCode).toBe(204);
    expectError(await op.get(`/api/parks/${parkId}`), 404, 'NOT_FOUND');

    const actions = (await auditActions(building.json().id)).map((e) => e.action);
    expect(actions).toEqual(['building.deleted', 'building.updated', 'building.created']);
  });

  // PostgreSQL 18 (PGlite) reports ON DELETE RESTRICT as 23001, PostgreSQL 15 as 23503: both must be 409.
  test.each<[string, () => string, () => string]>([
    ['a park with sites', () => `/api/parks/${parkA.park.id}`, () => `/api/parks/${parkA.park.id}`],
    ['a site with districts', () => `/api/sites/${parkA.site.id}`, () => `/api/sites?parkId=${parkA.park.id}`],
    ['a district with buildings', () => `/api/districts/${parkA.district.id}`, () => `/api/districts?siteId=${parkA.site.id}`],
    ['a building with floors', () => `/api/buildings/${parkA.building.id}`, () => `/api/buildings/${parkA.building.id}`],
    ['a floor with units', () => `/api/floors/${parkA.floor.id}`, () => `/api/buildings/${parkA.building.id}`],
  ])('deleting %s is 409 CONFLICT and keeps it', async (_what, url, check) => {
    const before = (await op.get(check())).body;
    const res = await op.delete(url());
    expectError(res, 409, 'CONFLICT');
    expect((await op.get(check())).body).toBe(before);
  });

  test('a duplicate park code, floor level or unit code is 409 naming the field', async () => {
    const dupPark = await op.post('/api/parks', { name: '重名园区', code: parkA.park.code });
    expectError(dupPark, 409, 'CONFLICT');
    expect(fieldsOf(dupPark)).toEqual(['body.code']);
    const dupFloor = await op.post('/api/floors', { buildingId: parkA.building.id, level: 1 });
    expectError(dupFloor, 409, 'CONFLICT');
    expect(fieldsOf(dupFloor)).toEqual(['body.level']);
    const dupUnit = await op.post('/api/units', { floorId: parkA.floor.id, code: '101', area: 10 });
    expectError(dupUnit, 409, 'CONFLICT');
    expect(fieldsOf(dupUnit)).toEqual(['body.code']);
  });

  test('renaming a unit to the code of another unit on its floor is 409 naming body.code, and the unit keeps its code', async () => {
    const [first, second] = parkA.units;
    const res = await op.patch(`/api/units/${second.id}`, { code: first.code });
    expectError(res, 409, 'CONFLICT');
    expect(fieldsOf(res)).toEqual(['body.code']);
    const floor = ((await op.get(`/api/buildings/${parkA.building.id}`)).json() as { floors: { units: { id: string; code: string }[] }[] }).floors[0];
    expect(floor.units.find((u) => u.id === second.id)?.code).toBe(second.code);
    // Keeping its own code in a patch is no conflict.
    expect((await op.patch(`/api/units/${second.id}`, { code: second.code })).statusCode).toBe(200);
  });

  test('GET /api/parks/:id/tree counts units by status, area and floors per building', async () => {
    const park = await t.services.parks.createPark(SYSTEM, { name: '统计园区', code: 'STAT-1' });
    const site = await t.services.parks.createSite(SYSTEM, { parkId: park.id, name: '主园区' });
    const district = await t.services.parks.createDistrict(SYSTEM, { siteId: site.id, name: 'A区' });
    const full = await t.services.parks.createBuilding(SYSTEM, { districtId: district.id, name: 'A1栋' });
    const empty = await t.services.parks.createBuilding(SYSTEM, { districtId: district.id, name: 'A2栋' });
    const f1 = await t.services.parks.createFloor(SYSTEM, { buildingId: full.id, level: 1 });
    const f2 = await t.services.parks.createFloor(SYSTEM, { buildingId: full.id, level: 2 });
    const units: [string, string, number, 'vacant' | 'leased' | 'reserved'][] = [
      [f1.id, '101', 100, 'vacant'],
      [f1.id, '102', 50.5, 'vacant'],
      [f1.id, '103', 70, 'reserved'],
      [f2.id, '201', 120, 'leased'],
      [f2.id, '202', 30, 'leased'],
    ];
    for (const [floorId, code, area, status] of units) {
      const res = await op.post('/api/units', { floorId, code, area, status });
      expect(res.statusCode, res.body).toBe(201);
    }

    const res = await op.get(`/api/parks/${park.id}/tree`);
    expect(res.statusCode, res.body).toBe(200);
    const tree = res.json();
    expect(tree.sites).toHaveLength(1);
    expect(tree.sites[0].districts).toHaveLength(1);
    const buildings = tree.sites[0].districts[0].buildings as { id: string; floorCount: number; units: Record<string, number> }[];
    expect(buildings.map((b) => b.id)).toEqual([full.id, empty.id]);
    expect(buildings[0].floorCount).toBe(2);
    expect(buildings[0].units).toEqual({ total: 5, vacant: 2, leased: 2, reserved: 1, area: 370.5, leasedArea: 150 });
    expect(buildings[1].floorCount).toBe(0);
    expect(buildings[1].units).toEqual({ total: 0, vacant: 0, leased: 0, reserved: 0, area: 0, leasedArea: 0 });
  });

  test.each<[string, 'POST' | 'PATCH', () => string, () => Record<string, unknown>, string]>([
    ['a park code with spaces', 'POST', () => '/api/parks', () => ({ name: '园区', code: 'has space' }), 'body.code'],
    ['a park without a name', 'POST', () => '/api/parks', () => ({ code: 'NONAME' }), 'body.name'],
    ['a site with a malformed parkId', 'POST', () => '/api/sites', () => ({ parkId: 'nope', name: '点位' }), 'body.parkId'],
    ['a site of an unknown park', 'POST', () => '/api/sites', () => ({ parkId: crypto.randomUUID(), name: '点位' }), 'body.parkId'],
    ['a site with latitude 91', 'POST', () => '/api/sites', () => ({ parkId: parkA.park.id, name: '点位', lat: 91 }), 'body.lat'],
    ['a district of an unknown site', 'POST', () => '/api/districts', () => ({ siteId: crypto.randomUUID(), name: 'X区' }), 'body.siteId'],
    ['a building with an empty name', 'POST', () => '/api/buildings', () => ({ districtId: parkA.district.id, name: '  ' }), 'body.name'],
    ['a building with 0 floors', 'POST', () => '/api/buildings', () => ({ districtId: parkA.district.id, name: 'X栋', floorsAboveGround: 0 }), 'body.floorsAboveGround'],
    ['a floor with a fractional level', 'POST', () => '/api/floors', () => ({ buildingId: parkA.building.id, level: 1.5 }), 'body.level'],
    ['a floor of an unknown building', 'POST', () => '/api/floors', () => ({ buildingId: crypto.randomUUID(), level: 9 }), 'body.buildingId'],
    ['a unit with a negative area', 'POST', () => '/api/units', () => ({ floorId: parkA.floor.id, code: '199', area: -5 }), 'body.area'],
    ['a unit with an unknown status', 'POST', () => '/api/units', () => ({ floorId: parkA.floor.id, code: '199', area: 5, status: 'sold' }), 'body.status'],
    ['a unit on an unknown floor', 'POST', () => '/api/units', () => ({ floorId: crypto.randomUUID(), code: '199', area: 5 }), 'body.floorId'],
    ['a unit patch with a string area', 'PATCH', () => `/api/units/${parkA.units[1].id}`, () => ({ area: 'big' }), 'body.area'],
    ['an enterprise without an industry', 'POST', () => '/api/enterprises', () => ({ ...enterpriseBody(parkA.park.id), industry: undefined }), 'body.industry'],
    ['an enterprise with an unknown size', 'POST', () => '/api/enterprises', () => enterpriseBody(parkA.park.id, { size: 'huge' }), 'body.size'],
    ['an enterprise with a bad phone', 'POST', () => '/api/enterprises', () => enterpriseBody(parkA.park.id, { contactPhone: 'call me' }), 'body.contactPhone'],
    ['an enterprise in an unknown park', 'POST', () => '/api/enterprises', () => enterpriseBody(crypto.randomUUID()), 'body.parkId'],
    ['an enterprise at a site of another park', 'POST', () => '/api/enterprises', () => enterpriseBody(parkA.park.id, { siteId: parkB.site.id }), 'body.siteId'],
    ['a lease with a slash date', 'POST', () => `/api/enterprises/${entA1.id}/leases`, () => ({ unitId: parkA.units[1].id, startDate: '2026/01/01', endDate: '2026-12-31', monthlyRentFen: 1 }), 'body.startDate'],
    ['a lease ending before it starts', 'POST', () => `/api/enterprises/${entA1.id}/leases`, () => ({ unitId: parkA.units[1].id, startDate: '2026-06-01', endDate: '2026-01-01', monthlyRentFen: 1 }), 'body.endDate'],
    ['a lease of a unit in another park', 'POST', () => `/api/enterprises/${entA1.id}/leases`, () => ({ unitId: parkB.units[0].id, startDate: '2026-01-01', endDate: '2026-12-31', monthlyRentFen: 1 }), 'body.unitId'],
    ['a lead with an unknown industry', 'POST', () => '/api/leads', () => ({ parkId: parkA.park.id, companyName: '某公司', industry: 'mining' }), 'body.industry'],
    // Negative counts and money are refused, never turned into 0.
    ['an enterprise with −5 employees', 'POST', () => '/api/enterprises', () => enterpriseBody(parkA.park.id, { employeeCount: -5 }), 'body.employeeCount'],
    ['an enterprise patch to −5 employees', 'PATCH', () => `/api/enterprises/${entA1.id}`, () => ({ employeeCount: -5 }), 'body.employeeCount'],
    ['a lease with a rent of −5000 yuan', 'POST', () => `/api/enterprises/${entA1.id}/leases`, () => ({ unitId: parkA.units[1].id, startDate: '2026-01-01', endDate: '2026-12-31', monthlyRentFen: -500_000 }), 'body.monthlyRentFen'],
    ['a building with a negative gross area', 'POST', () => '/api/buildings', () => ({ districtId: parkA.district.id, name: 'X', grossArea: -1 }), 'body.grossArea'],
    ['a lead with a negative expected area', 'POST', () => '/api/leads', () => ({ parkId: parkA.park.id, companyName: '某公司', industry: 'software', expectedArea: -100 }), 'body.expectedArea'],
  ])('%s is a 400 naming the field', async (_what, method, url, body, field) => {
    const tablesBefore = await Promise.all(['parks', 'sites', 'districts', 'buildings', 'floors', 'units', 'enterprises', 'leases', 'leads'].map(count));
    const res = await op.request({ method, url: url(), payload: body() });
    expectError(res, 400, 'VALIDATION');
    expect(fieldsOf(res)).toContain(field);
    expect((res.json() as { message: string }).message).toContain(field);
    expect(await Promise.all(['parks', 'sites', 'districts', 'buildings', 'floors', 'units', 'enterprises', 'leases', 'leads'].map(count))).toEqual(tablesBefore);
  });

  test.each<[string, 'GET' | 'POST' | 'PATCH' | 'DELETE', () => string]>([
    ['GET /api/parks', 'GET', () => '/api/parks'],
    ['GET /api/parks/:id/tree', 'GET', () => `/api/parks/${parkA.park.id}/tree`],
    ['GET /api/enterprises', 'GET', () => '/api/enterprises'],
    ['GET /api/enterprises/:id', 'GET', () => `/api/enterprises/${entA1.id}`],
    ['POST /api/buildings', 'POST', () => '/api/buildings'],
    ['PATCH /api/units/:id', 'PATCH', () => `/api/units/${parkA.units[0].id}`],
    ['DELETE /api/buildings/:id', 'DELETE', () => `/api/buildings/${parkA.building.id}`],
    ['GET /api/leads/funnel', 'GET', () => '/api/leads/funnel'],
    ['GET /api/property-companies', 'GET', () => '/api/property-companies'],
  ])('%s without a session is 401', async (_what, method, url) => {
    const res = await t.app.inject({ method, url: url(), payload: method === 'GET' || method === 'DELETE' ? undefined : { name: 'x' } });
    expectError(res, 401, 'UNAUTHENTICATED');
  });

  test('an enterprise admin cannot create a building in their own park (403) and nothing is stored', async () => {
    const admin = await clientWith([{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: entA1.id }]);
    const before = await count('buildings');
    const res = await admin.post('/api/buildings', { districtId: parkA.district.id, name: '非法楼' });
    expectError(res, 403, 'FORBIDDEN');
    expect(await count('buildings')).toBe(before);
    expectError(await admin.patch(`/api/units/${parkA.units[0].id}`, { status: 'reserved' }), 403, 'FORBIDDEN');
    expectError(await admin.delete(`/api/floors/${parkA.floor.id}`), 403, 'FORBIDDEN');
  });

  test.each<[string, 'GET' | 'PATCH' | 'DELETE', string]>([
    ['GET /api/parks/:id', 'GET', '/api/parks/{id}'],
    ['GET /api/parks/:id/tree', 'GET', '/api/parks/{id}/tree'],
    ['GET /api/buildings/:id', 'GET', '/api/buildings/{id}'],
    ['GET /api/enterprises/:id', 'GET', '/api/enterprises/{id}'],
    ['PATCH /api/sites/:id', 'PATCH', '/api/sites/{id}'],
    ['PATCH /api/buildings/:id', 'PATCH', '/api/buildings/{id}'],
    ['PATCH /api/units/:id', 'PATCH', '/api/units/{id}'],
    ['PATCH /api/enterprises/:id', 'PATCH', '/api/enterprises/{id}'],
    ['PATCH /api/leads/:id', 'PATCH', '/api/leads/{id}'],
    ['DELETE /api/buildings/:id', 'DELETE', '/api/buildings/{id}'],
    ['DELETE /api/floors/:id', 'DELETE', '/api/floors/{id}'],
    ['DELETE /api/units/:id', 'DELETE', '/api/units/{id}'],
  ])('%s with an unknown id is 404', async (_what, method, url) => {
    const res = await op.request({ method, url: url.replace('{id}', crypto.randomUUID()), payload: method === 'PATCH' ? { name: '新名字' } : undefined });
    expectError(res, 404, 'NOT_FOUND');
  });

  test('ending an unknown lease of a known enterprise is 404', async () => {
    expectError(await op.post(`/api/enterprises/${entA1.id}/leases/${crypto.randomUUID()}/end`), 404, 'NOT_FOUND');
  });
});

describe('operator scopes', () => {
  let opA: TestClient;
  beforeAll(async () => {
    opA = await clientWith([{ role: 'operator', scopeType: 'park', scopeId: parkA.park.id }]);
  });

  test('a park operator lists only their park and gets 404 for park B', async () => {
    const parks = await opA.get('/api/parks');
    expect(parks.statusCode).toBe(200);
    expect(parks.json().map((p: { id: string }) => p.id)).toEqual([parkA.park.id]);
    expectError(await opA.get(`/api/parks/${parkB.park.id}`), 404, 'NOT_FOUND');
    expectError(await opA.get(`/api/parks/${parkB.park.id}/tree`), 404, 'NOT_FOUND');
    expectError(await opA.get(`/api/buildings/${parkB.building.id}`), 404, 'NOT_FOUND');
    expect((await opA.get(`/api/parks/${parkA.park.id}/tree`)).statusCode).toBe(200);
    const buildings = (await opA.get('/api/buildings')).json() as { parkId: string }[];
    expect(buildings.length).toBeGreaterThan(0);
    expect(buildings.every((b) => b.parkId === parkA.park.id)).toBe(true);
  });

  test("a park operator cannot change park B's structure or enterprises, and nothing changes", async () => {
    const before = await Promise.all(['buildings', 'enterprises', 'leads'].map(count));
    const attempts = [
      await opA.post('/api/buildings', { districtId: parkB.district.id, name: '越权楼' }),
      await opA.patch(`/api/buildings/${parkB.building.id}`, { name: '越权改名' }),
      await opA.patch(`/api/units/${parkB.units[0].id}`, { status: 'reserved' }),
      await opA.delete(`/api/units/${parkB.units[1].id}`),
      await opA.post('/api/enterprises', enterpriseBody(parkB.park.id)),
      await opA.patch(`/api/enterprises/${entB.id}`, { contactName: '越权' }),
      await opA.post(`/api/enterprises/${entB.id}/leases`, { unitId: parkB.units[0].id, startDate: '2026-01-01', endDate: '2026-12-31', monthlyRentFen: 1 }),
      await opA.post('/api/leads', { parkId: parkB.park.id, companyName: '越权线索', industry: 'ai' }),
      await opA.post('/api/parks', { name: '新园区', code: 'NOPE-1' }),
    ];
    for (const res of attempts) expect([403, 404], `${res.statusCode} ${res.body}`).toContain(res.statusCode);
    expect(await Promise.all(['buildings', 'enterprises', 'leads'].map(count))).toEqual(before);
    expect((await op.get(`/api/buildings/${parkB.building.id}`)).json().name).toBe(parkB.building.name);
    expect((await op.get(`/api/enterprises/${entB.id}`)).json().contactName).toBeNull();
  });

  test('a park operator sees only their park’s enterprises', async () => {
    const res = await opA.get('/api/enterprises?pageSize=200');
    const ids = res.json().items.map((e: { id: string }) => e.id);
    expect(ids).toEqual(expect.arrayContaining([entA1.id, entA2.id, entA3.id]));
    expect(ids).not.toContain(entB.id);
    expectError(await opA.get(`/api/enterprises/${entB.id}`), 404, 'NOT_FOUND');
  });

  test('a site operator sees only the enterprises of their site', async () => {
    const siteOp = await clientWith([{ role: 'operator', scopeType: 'site', scopeId: parkA.site.id }]);
    const res = await siteOp.get('/api/enterprises?pageSize=200');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((e: { id: string }) => e.id)).toEqual([entA1.id]);
    expect(res.json().total).toBe(1);
    expect((await siteOp.get(`/api/enterprises/${entA1.id}`)).statusCode).toBe(200);
    expectError(await siteOp.get(`/api/enterprises/${entA2.id}`), 404, 'NOT_FOUND');
    expectError(await siteOp.get(`/api/enterprises/${entA3.id}`), 404, 'NOT_FOUND');
    const tree = (await siteOp.get(`/api/parks/${parkA.park.id}/tree`)).json();
    expect(tree.sites.map((s: { id: string }) => s.id)).toEqual([parkA.site.id]);
  });

  test('an enterprise admin lists only their own enterprise and cannot open another', async () => {
    const admin = await clientWith([{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: entA1.id }]);
    const res = await admin.get('/api/enterprises?pageSize=200');
    expect(res.json().items.map((e: { id: string }) => e.id)).toEqual([entA1.id]);
    expectError(await admin.get(`/api/enterprises/${entA2.id}`), 404, 'NOT_FOUND');
    expectError(await admin.get(`/api/enterprises/${entB.id}`), 404, 'NOT_FOUND');
  });
});

describe('enterprises', () => {
  test.each<[string, () => string]>([
    ['a wrong check character', () => withWrongCheck(buildCreditCode())],
    ['17 characters', () => buildCreditCode().slice(0, 17)],
    ['a forbidden letter I', () => `I${buildCreditCode().slice(1)}`],
  ])('a credit code with %s is a 400 naming body.creditCode and stores nothing', async (_what, code) => {
    const before = await count('enterprises');
    const res = await op.post('/api/enterprises', enterpriseBody(parkA.park.id, { creditCode: code() }));
    expectError(res, 400, 'VALIDATION');
    expect(fieldsOf(res)).toEqual(['body.creditCode']);
    expect(await count('enterprises')).toBe(before);
  });

  test('a valid code in lower case is accepted and stored upper-cased; the same code again is 409', async () => {
    let code = buildCreditCode();
    while (!/[A-Z]/.test(code)) code = buildCreditCode();
    const res = await op.post('/api/enterprises', enterpriseBody(parkA.park.id, { siteId: parkA.site.id, creditCode: code.toLowerCase() }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().creditCode).toBe(code);
    const before = await count('enterprises');
    for (const again of [code, code.toLowerCase()]) {
      const dup = await op.post('/api/enterprises', enterpriseBody(parkB.park.id, { creditCode: again }));
      expectError(dup, 409, 'CONFLICT');
      expect(fieldsOf(dup)).toEqual(['body.creditCode']);
    }
    expect(await count('enterprises')).toBe(before);
    const audit = await auditActions(res.json().id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'enterprise.created', actorName: 'op', before: null });
    expect(audit[0].after).toMatchObject({ legalName: res.json().legalName, creditCode: code, contactPhone: '138****8000' });
  });

  describe('the list', () => {
    let parkC: Built;
    beforeAll(async () => {
      parkC = await buildPark(t.services);
      const rows: [string, string][] = [
        ['星河软件一号有限公司', 'software'],
        ['星河软件二号有限公司', 'software'],
        ['成都星河科技有限公司', 'software'],
        ['蓉城智能有限公司', 'ai'],
        ['天府算法有限公司', 'ai'],
      ];
      for (const [legalName, industry] of rows) {
        const res = await op.post('/api/enterprises', enterpriseBody(parkC.park.id, { siteId: parkC.site.id, legalName, industry }));
        expect(res.statusCode, res.body).toBe(201);
      }
    });

    test.each<[string, string, number]>([
      ['q=星河', 'q=%E6%98%9F%E6%B2%B3', 3],
      ['q=软件', `q=${encodeURIComponent('软件')}`, 2],
      ['industry=ai', 'industry=ai', 2],
      ['industry=software&q=成都', `industry=software&q=${encodeURIComponent('成都')}`, 1],
      ['industry=games', 'industry=games', 0],
    ])('%s finds the right enterprises', async (_what, query, expected) => {
      const res = await op.get(`/api/enterprises?parkId=${parkC.park.id}&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().total).toBe(expected);
      expect(res.json().items).toHaveLength(expected);
    });

    test('an unknown industry filter is a 400 naming querystring.industry', async () => {
      const res = await op.get('/api/enterprises?industry=mining');
      expectError(res, 400, 'VALIDATION');
      expect(fieldsOf(res)).toContain('querystring.industry');
    });

    test('pages have the requested size, do not overlap, and total counts all matches', async () => {
      const pages = await Promise.all([1, 2, 3, 4].map((page) => op.get(`/api/enterprises?parkId=${parkC.park.id}&pageSize=2&page=${page}`)));
      const bodies = pages.map((p) => p.json() as { items: { id: string; legalName: string }[]; total: number; page: number; pageSize: number });
      expect(bodies.map((b) => b.items.length)).toEqual([2, 2, 1, 0]);
      expect(bodies.every((b) => b.total === 5 && b.pageSize === 2)).toBe(true);
      expect(bodies.map((b) => b.page)).toEqual([1, 2, 3, 4]);
      const ids = bodies.flatMap((b) => b.items.map((i) => i.id));
      expect(new Set(ids).size).toBe(5);
    });

    test('the list masks contact phones', async () => {
      const res = await op.get(`/api/enterprises?parkId=${parkC.park.id}`);
      expect(res.json().items.every((e: { contactPhone: string }) => e.contactPhone === '138****8000')).toBe(true);
      expect(res.body).not.toContain('13800138000');
    });
  });

  test('the profile includes park, site, vehicles, parking spaces, leases and member counts', async () => {
    const park = await buildPark(t.services);
    const ent = await buildEnterprise(t.services, park.park.id, park.site.id);
    await buildUser(t.services, uname('profadmin'), [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: ent.id }]);
    await buildUser(t.services, uname('profmember'), [{ role: 'member', scopeType: 'enterprise', scopeId: ent.id }]);
    await buildUser(t.services, uname('profmember'), [{ role: 'member', scopeType: 'enterprise', scopeId: ent.id }]);
    expect((await op.post(`/api/enterprises/${ent.id}/vehicles`, { plate: '川A12345', ownerName: '张三' })).statusCode).toBe(201);
    expect((await op.post(`/api/enterprises/${ent.id}/parking-spaces`, { lotName: 'P1', spaceCode: `B-${seq}` })).statusCode).toBe(201);
    const lease = await op.post(`/api/enterprises/${ent.id}/leases`, { unitId: park.units[0].id, startDate: '2026-01-01', endDate: '2028-12-31', monthlyRentFen: 1_200_000 });
    expect(lease.statusCode, lease.body).toBe(201);

    const res = await op.get(`/api/enterprises/${ent.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ id: ent.id, parkName: park.park.name, siteName: park.site.name, memberCount: 2, adminCount: 1 });
    expect(p.vehicles).toEqual([expect.objectContaining({ plate: '川A12345', ownerName: '张三' })]);
    expect(p.parkingSpaces).toEqual([expect.objectContaining({ lotName: 'P1' })]);
    expect(p.leases).toEqual([
      expect.objectContaining({ id: lease.json().id, unitCode: '101', area: 120, buildingName: 'A1栋', floorName: '1F', startDate: '2026-01-01', endDate: '2028-12-31', monthlyRentFen: 1_200_000, status: 'active' }),
    ]);
  });

  // BUG: parks.service.ts updateEnterprise checks a new siteId nowhere (createEnterprise does), so an
  // enterprise of park A can point at a site of park B, whose site operators then see and edit it.
  test('moving an enterprise to a site of another park is a 400 naming body.siteId', async () => {
    const ent = await buildEnterprise(t.services, parkA.park.id, parkA.site.id);
    const res = await op.patch(`/api/enterprises/${ent.id}`, { siteId: parkB.site.id });
    expectError(res, 400, 'VALIDATION');
    expect(fieldsOf(res)).toEqual(['body.siteId']);
    expect((await op.get(`/api/enterprises/${ent.id}`)).json().siteId).toBe(parkA.site.id);
  });

  describe('an enterprise admin', () => {
    let admin: TestClient;
    beforeAll(async () => {
      admin = await clientWith([{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: entA1.id }]);
    });

    test('can update the contacts and business scope of their own enterprise', async () => {
      const res = await admin.patch(`/api/enterprises/${entA1.id}`, { contactName: '李四', contactPhone: '13912345678', contactEmail: 'li.si@example.com', businessScope: '软件开发' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ contactName: '李四', contactPhone: '13912345678', businessScope: '软件开发' });
      const audit = await auditActions(entA1.id);
      expect(audit[0]).toMatchObject({ action: 'enterprise.updated' });
      expect(audit[0].after).toMatchObject({ contactName: '李四', contactPhone: '139****5678', contactEmail: 'l***@example.com' });
    });

    test.each<[string, Record<string, unknown>]>([
      ['legalName', { legalName: '改名有限公司' }],
      ['creditCode', { creditCode: buildCreditCode() }],
      ['industry', { industry: 'games' }],
      ['status', { status: 'moved_out' }],
      ['legalName together with contacts', { contactName: '赵六', legalName: '改名有限公司' }],
    ])('cannot change %s (403) and nothing changes', async (_what, patch) => {
      const before = (await op.get(`/api/enterprises/${entA1.id}`)).json();
      expectError(await admin.patch(`/api/enterprises/${entA1.id}`, patch), 403, 'FORBIDDEN');
      const after = (await op.get(`/api/enterprises/${entA1.id}`)).json();
      expect(after).toEqual(before);
    });

    test('cannot update another enterprise (404)', async () => {
      expectError(await admin.patch(`/api/enterprises/${entA2.id}`, { contactName: '越权' }), 404, 'NOT_FOUND');
    });

    test('a member of the enterprise cannot update its contacts (403)', async () => {
      const member = await clientWith([{ role: 'member', scopeType: 'enterprise', scopeId: entA1.id }]);
      expectError(await member.patch(`/api/enterprises/${entA1.id}`, { contactName: '成员' }), 403, 'FORBIDDEN');
    });
  });

  describe('vehicles', () => {
    test.each([
      ['川A12345', '川A12345'],
      ['川a 12345', '川A12345'],
      ['粤b-d12345', '粤BD12345'],
      [' 京N·A8888 ', '京NA8888'],
    ])('the plate %j is stored as %j', async (plate, stored) => {
      const ent = await buildEnterprise(t.services, parkA.park.id, parkA.site.id);
      const res = await op.post(`/api/enterprises/${ent.id}/vehicles`, { plate });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().plate).toBe(stored);
      const [row] = await t.database.query<{ plate: string }>('select plate from enterprise_vehicles where id = $1', [res.json().id]);
      expect(row.plate).toBe(stored);
    });

    test.each([['ABC'], ['ABCDEFG'], ['川I12345'], ['川A1234'], ['川A1234567']])('the plate %j is a 400 naming body.plate', async (plate) => {
      const before = await count('enterprise_vehicles');
      const res = await op.post(`/api/enterprises/${entA1.id}/vehicles`, { plate });
      expectError(res, 400, 'VALIDATION');
      expect(fieldsOf(res)).toEqual(['body.plate']);
      expect(await count('enterprise_vehicles')).toBe(before);
    });
  });

  describe('leases', () => {
    test('leasing a vacant unit marks it leased, leasing it again is 409, ending the lease makes it vacant', async () => {
      const park = await buildPark(t.services);
      const ent = await buildEnterprise(t.services, park.park.id, park.site.id);
      const other = await buildEnterprise(t.services, park.park.id, park.site.id);
      const unitId = park.units[1].id;
      const statusOf = async () => (await op.get(`/api/buildings/${park.building.id}`)).json().floors[0].units.find((u: { id: string }) => u.id === unitId);

      const lease = await op.post(`/api/enterprises/${ent.id}/leases`, { unitId, startDate: '2026-01-01', endDate: '2026-12-31', monthlyRentFen: 800_000 });
      expect(lease.statusCode, lease.body).toBe(201);
      expect(lease.json()).toMatchObject({ unitId, enterpriseId: ent.id, status: 'active' });
      expect(await statusOf()).toMatchObject({ status: 'leased', tenant: { enterpriseId: ent.id, leaseEnd: '2026-12-31' } });

      const before = await count('leases');
      const again = await op.post(`/api/enterprises/${other.id}/leases`, { unitId, startDate: '2026-02-01', endDate: '2026-12-31', monthlyRentFen: 1 });
      expectError(again, 409, 'CONFLICT');
      expect(await count('leases')).toBe(before);

      // While leased, the unit cannot be flipped to vacant behind the lease's back.
      const flip = await op.patch(`/api/units/${unitId}`, { status: 'vacant' });
      expectError(flip, 400, 'VALIDATION');
      expect(fieldsOf(flip)).toEqual(['body.status']);

      const ended = await op.post(`/api/enterprises/${ent.id}/leases/${lease.json().id}/end`);
      expect(ended.statusCode, ended.body).toBe(200);
      expect(ended.json().status).toBe('ended');
      expect(await statusOf()).toMatchObject({ status: 'vacant', tenant: null });
      expectError(await op.post(`/api/enterprises/${ent.id}/leases/${lease.json().id}/end`), 409, 'CONFLICT');

      const relet = await op.post(`/api/enterprises/${other.id}/leases`, { unitId, startDate: '2027-01-01', endDate: '2027-12-31', monthlyRentFen: 1 });
      expect(relet.statusCode, relet.body).toBe(201);

      const audit = await auditActions(lease.json().id);
      expect(audit.map((e) => e.action)).toEqual(['lease.ended', 'lease.created']);
      expect(audit[1]).toMatchObject({ actorName: 'op', before: null });
      expect(audit[1].after).toMatchObject({ unitId, enterpriseId: ent.id, monthlyRentFen: 800_000 });
    });

    test('an enterprise admin cannot sign a lease for their own enterprise (403)', async () => {
      const admin = await clientWith([{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: entA1.id }]);
      const res = await admin.post(`/api/enterprises/${entA1.id}/leases`, { unitId: parkA.units[0].id, startDate: '2026-01-01', endDate: '2026-12-31', monthlyRentFen: 1 });
      expectError(res, 403, 'FORBIDDEN');
    });
  });
});

describe('property companies and contracts', () => {
  test('an operator registers a company and contracts it for a district; an overlapping contract for that district is 409', async () => {
    const company = await op.post('/api/property-companies', { name: '蜀都物业有限公司', creditCode: buildCreditCode(), contactName: '陈七', contactPhone: '13700137000' });
    expect(company.statusCode, company.body).toBe(201);
    const other = await op.post('/api/property-companies', { name: '锦江物业有限公司', creditCode: buildCreditCode() });
    expect(other.statusCode, other.body).toBe(201);
    const park = await buildPark(t.services);
    const d2 = await t.services.parks.createDistrict(SYSTEM, { siteId: park.site.id, name: 'B区' });

    const contract = await op.post('/api/property-contracts', { propertyCompanyId: company.json().id, districtId: park.district.id, startDate: '2026-01-01', endDate: '2026-12-31', annualFeeFen: 50_000_000 });
    expect(contract.statusCode, contract.body).toBe(201);
    expect(contract.json()).toMatchObject({ parkId: park.park.id, districtId: park.district.id });

    const before = await count('property_contracts');
    for (const [startDate, endDate] of [
      ['2026-06-01', '2027-05-31'],
      ['2025-06-01', '2026-01-02'],
      ['2026-03-01', '2026-04-01'],
      ['2025-01-01', '2027-12-31'],
    ]) {
      const overlap = await op.post('/api/property-contracts', { propertyCompanyId: other.json().id, districtId: park.district.id, startDate, endDate, annualFeeFen: 1 });
      expectError(overlap, 409, 'CONFLICT');
    }
    expect(await count('property_contracts')).toBe(before);

    expect((await op.post('/api/property-contracts', { propertyCompanyId: other.json().id, districtId: park.district.id, startDate: '2027-01-01', endDate: '2027-12-31', annualFeeFen: 1 })).statusCode).toBe(201);
    expect((await op.post('/api/property-contracts', { propertyCompanyId: other.json().id, districtId: d2.id, startDate: '2026-01-01', endDate: '2026-12-31', annualFeeFen: 1 })).statusCode).toBe(201);

    const list = await op.get('/api/property-companies');
    expect(list.statusCode).toBe(200);
    const shu = list.json().find((c: { id: string }) => c.id === company.json().id);
    expect(shu.contactPhone).toBe('137****7000');
    expect(shu.contracts).toEqual([expect.objectContaining({ id: contract.json().id, districtName: 'A区', siteName: park.site.name })]);
    expect(list.json().find((c: { id: string }) => c.id === other.json().id).contracts).toHaveLength(2);
  });

  test('a property company with an invalid credit code is a 400 naming body.creditCode', async () => {
    const res = await op.post('/api/property-companies', { name: '坏码物业', creditCode: withWrongCheck(buildCreditCode()) });
    expectError(res, 400, 'VALIDATION');
    expect(fieldsOf(res)).toEqual(['body.creditCode']);
  });

  test('an enterprise admin may not see or register property companies (403)', async () => {
    const admin = await clientWith([{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: entA1.id }]);
    expectError(await admin.get('/api/property-companies'), 403, 'FORBIDDEN');
    expectError(await admin.post('/api/property-companies', { name: '越权物业', creditCode: buildCreditCode() }), 403, 'FORBIDDEN');
  });

  test('a park operator edits a property company only when every contract of it is in their parks', async () => {
    const opA = await clientWith([{ role: 'operator', scopeType: 'park', scopeId: parkA.park.id }]);
    const company = (await op.post('/api/property-companies', { name: '乙园专属物业', creditCode: buildCreditCode(), contactName: '周九' })).json();
    expect((await op.post('/api/property-contracts', { propertyCompanyId: company.id, districtId: parkB.district.id, startDate: '2026-01-01', endDate: '2026-12-31', annualFeeFen: 1 })).statusCode).toBe(201);
    const before = await count('property_companies');
    const refused = await opA.patch(`/api/property-companies/${company.id}`, { name: '被改名', contactName: '攻击者' });
    expectError(refused, 403, 'FORBIDDEN');
    const [row] = await t.database.query<{ name: string; contact_name: string }>(`select name, contact_name from property_companies where id = $1`, [company.id]);
    expect(row).toEqual({ name: '乙园专属物业', contact_name: '周九' });
    expect(await count('property_companies')).toBe(before);

    // Contracted in park A as well: still park B's to agree to.
    expect((await op.post('/api/property-contracts', { propertyCompanyId: company.id, districtId: parkA.district.id, startDate: '2026-01-01', endDate: '2026-12-31', annualFeeFen: 1 })).statusCode).toBe(201);
    expectError(await opA.patch(`/api/property-companies/${company.id}`, { contactName: '攻击者' }), 403, 'FORBIDDEN');

    // A company working only in park A (or not yet anywhere) is park A's operator's to edit.
    const own = (await opA.post('/api/property-companies', { name: '甲园物业', creditCode: buildCreditCode() })).json();
    expect((await opA.patch(`/api/property-companies/${own.id}`, { contactName: '吴十' })).statusCode).toBe(200);
    expect((await opA.post('/api/property-contracts', { propertyCompanyId: own.id, districtId: parkA.district.id, startDate: '2027-01-01', endDate: '2027-12-31', annualFeeFen: 1 })).statusCode).toBe(201);
    const ok = await opA.patch(`/api/property-companies/${own.id}`, { contactName: '郑十一' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().contactName).toBe('郑十一');
  });
});

describe('attraction pipeline', () => {
  async function lead(parkId: string, companyName: string, stages: string[], unitId?: string): Promise<string> {
    const res = await op.post('/api/leads', { parkId, companyName, industry: 'ai', contactName: '周八', contactPhone: '13600136000', expectedArea: 500 });
    expect(res.statusCode, res.body).toBe(201);
    for (const stage of stages) {
      // Moving in (入驻) drafts the enterprise and its lease, so the lead must carry what they need.
      const moveIn = stage === 'moved_in' ? { creditCode: buildCreditCode(), unitIds: [unitId], monthlyRentFen: 1_000_000 } : {};
      const moved = await op.patch(`/api/leads/${res.json().id}`, { stage, ...moveIn });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json().stage).toBe(stage);
    }
    return res.json().id;
  }

  test('a new lead starts at stage lead; moving it records the stage and an audit entry', async () => {
    const park = await buildPark(t.services);
    const id = await lead(park.park.id, '线索科技有限公司', []);
    const moved = await op.patch(`/api/leads/${id}`, { stage: 'visit', notes: '已约参观' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ stage: 'visit', notes: '已约参观' });
    expect(Object.keys(moved.json().stageHistory).sort()).toEqual(['lead', 'visit']);
    const list = await op.get(`/api/leads?parkId=${park.park.id}&stage=visit`);
    expect(list.json().map((l: { id: string }) => l.id)).toEqual([id]);
    expect(list.json()[0].contactPhone).toBe('136****6000');

    const audit = await auditActions(id);
    expect(audit.map((e) => e.action)).toEqual(['lead.stage_changed', 'lead.created']);
    expect(audit[0]).toMatchObject({ actorName: 'op', before: expect.objectContaining({ stage: 'lead' }), after: expect.objectContaining({ stage: 'visit' }) });
    // The same stage again is an update, not a stage change.
    await op.patch(`/api/leads/${id}`, { stage: 'visit', notes: '改期' });
    expect((await auditActions(id))[0].action).toBe('lead.updated');
  });

  test('the funnel counts how many leads reached each stage, with the right conversion figures', async () => {
    const park = await buildPark(t.services);
    await lead(park.park.id, '甲公司', []);
    await lead(park.park.id, '乙公司', ['visit']);
    await lead(park.park.id, '丙公司', ['visit', 'negotiation']);
    await lead(park.park.id, '丁公司', ['visit', 'negotiation', 'signed', 'moved_in'], park.units[0].id);
    await lead(park.park.id, '戊公司', ['visit', 'lost']);
    // Another park's leads must not count.
    await lead(parkB.park.id, '外园公司', ['visit', 'negotiation', 'signed', 'moved_in'], parkB.units[0].id);

    const res = await op.get(`/api/leads/funnel?parkId=${park.park.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f.total).toBe(5);
    expect(f.funnel).toEqual([
      { stage: 'lead', count: 5, conversionFromPrevious: null },
      { stage: 'visit', count: 4, conversionFromPrevious: 0.8 },
      { stage: 'negotiation', count: 2, conversionFromPrevious: 0.5 },
      { stage: 'signed', count: 1, conversionFromPrevious: 0.5 },
      { stage: 'moved_in', count: 1, conversionFromPrevious: 1 },
    ]);
    expect(f.overallConversion).toBeCloseTo(0.2);
    expect(f.current).toEqual([
      { stage: 'lead', count: 1 },
      { stage: 'visit', count: 1 },
      { stage: 'negotiation', count: 1 },
      { stage: 'signed', count: 0 },
      { stage: 'moved_in', count: 1 },
      { stage: 'lost', count: 1 },
    ]);
  });

  // BUG: parks.service.ts getLeadFunnel counts a stage as reached only if the lead itself was
  // moved into it, so a lead dragged straight from `lead` to `signed` yields a non-monotone
  // funnel (visit 0, negotiation 0, signed 1) and conversion figures of 0 followed by a jump.
  test('a lead that skips stages counts as having passed the earlier ones, so the funnel never widens', async () => {
    const park = await buildPark(t.services);
    await lead(park.park.id, '跳级公司', ['signed']);
    await lead(park.park.id, '普通公司', ['visit']);
    const f = (await op.get(`/api/leads/funnel?parkId=${park.park.id}`)).json() as { funnel: { stage: string; count: number; conversionFromPrevious: number | null }[] };
    expect(f.funnel.map((s) => s.count)).toEqual([2, 2, 1, 1, 0]);
    for (const s of f.funnel) if (s.conversionFromPrevious !== null) expect(s.conversionFromPrevious).toBeLessThanOrEqual(1);
  });

  test('a park operator’s funnel covers only their park, and enterprise admins may not read leads (403)', async () => {
    const opB = await clientWith([{ role: 'operator', scopeType: 'park', scopeId: parkB.park.id }]);
    const mine = (await opB.get('/api/leads')).json() as { parkId: string }[];
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((l) => l.parkId === parkB.park.id)).toBe(true);
    expect((await opB.get('/api/leads/funnel')).json().total).toBe(mine.length);
    const admin = await clientWith([{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: entA1.id }]);
    expectError(await admin.get('/api/leads'), 403, 'FORBIDDEN');
    expectError(await admin.get('/api/leads/funnel'), 403, 'FORBIDDEN');
  });
});

describe('audit trail of park changes', () => {
  test.each(['enterprise.created', 'lease.created', 'lead.stage_changed', 'building.created', 'unit.updated', 'enterprise.updated'])(
    'the audit log filtered by action=%s lists those changes with actor and park',
    async (action) => {
      const res = await op.get(`/api/audit-log?action=${action}&pageSize=200`);
      expect(res.statusCode).toBe(200);
      const items = res.json().items as { action: string; actorId: string | null; actorName: string; parkId: string | null; requestId: string | null }[];
      expect(items.length).toBeGreaterThan(0);
      for (const e of items) expect(e.action).toBe(action);
      // Entries made through the API name a real user and the request; SYSTEM-built fixtures have neither.
      const viaApi = items.filter((e) => e.requestId !== null);
      expect(viaApi.length).toBeGreaterThan(0);
      for (const e of viaApi) {
        expect(e.actorId).not.toBeNull();
        expect(e.actorName).not.toBe('system');
        expect(e.parkId).not.toBeNull();
      }
    },
  );

  test('a park operator reads the audit entries of their own park only', async () => {
    const opA = await clientWith([{ role: 'operator', scopeType: 'park', scopeId: parkA.park.id }]);
    const res = await opA.get('/api/audit-log?pageSize=200');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { parkId: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.parkId === parkA.park.id)).toBe(true);
  });
});

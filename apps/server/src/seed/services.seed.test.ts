import { SERVICE_SYSTEMS } from '@parkos/contracts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildCreditCode, buildEnterprise, buildPark, buildUser, SYSTEM } from '../testing/builders';
import { createTestApp, type TestApp } from '../testing/test-app';
import { seedServices } from './services.seed';

let t: TestApp;
let parkId = '';

beforeAll(async () => {
  t = await createTestApp();
  const place = await buildPark(t.services);
  parkId = place.park.id;
  const e = await buildEnterprise(t.services, parkId, place.site.id);
  const pc = await t.services.parks.createPropertyCompany(SYSTEM, { name: '示例物业', creditCode: buildCreditCode() });
  await t.services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: pc.id, districtId: place.district.id, startDate: '2026-01-01', endDate: '2030-12-31', annualFeeFen: 100 });
  await buildUser(t.services, 'operator', [{ role: 'operator', scopeType: 'park', scopeId: parkId }]);
  await buildUser(t.services, 'property', [{ role: 'property', scopeType: 'property_company', scopeId: pc.id }]);
  await buildUser(t.services, 'ent.admin', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e.id }]);
  await seedServices(t.database.db, t.services, SYSTEM, { parkId, propertyCompanyId: pc.id, enterpriseId: e.id });
});
afterAll(async () => {
  await t?.services.passes.verifier.close();
  await t?.services.iot.pipeline.close();
  await t?.close();
});

test('the demo catalog has published services under all eight systems, fees, a booking and a policy link', async () => {
  const { items } = await t.services.serviceCatalog.findServices(SYSTEM, { page: 1, pageSize: 200, view: 'manage', parkId });
  expect(new Set(items.map((s) => s.system))).toEqual(new Set(SERVICE_SYSTEMS));
  expect(items.every((s) => s.status === 'published')).toBe(true);
  expect(items.filter((s) => (s.feeFen ?? 0) > 0).length).toBeGreaterThanOrEqual(2);
  expect(items.filter((s) => s.kind === 'booking').map((s) => s.link)).toEqual(['/bookings']);
  expect(items.filter((s) => s.kind === 'policy').map((s) => s.link)).toEqual(['/policies']);
  const [flow] = (await t.services.approvals.findFlows(SYSTEM, { page: 1, pageSize: 10, parkId })).items.filter((f) => f.key === 'service.review');
  expect(flow.steps.map((s) => [s.mode, s.approvers.length])).toEqual([
    ['any', 1],
    ['all', 2],
  ]);
});

test('the demo requests are in review, returned, in progress (with a bill), completed and rated, and rejected', async () => {
  const { items } = await t.services.serviceCatalog.findRequests(SYSTEM, { scope: 'queue', page: 1, pageSize: 200, parkId });
  expect(items.map((r) => r.status).sort()).toEqual(['completed', 'in_progress', 'in_review', 'rejected', 'returned']);
  expect(items.find((r) => r.status === 'completed')).toMatchObject({ rating: 5, resultNote: expect.any(String) });
  expect(items.find((r) => r.status === 'in_progress')?.billId).not.toBeNull();
});

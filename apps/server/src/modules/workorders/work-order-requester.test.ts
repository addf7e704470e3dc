import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCreditCode, buildEnterprise, buildPark, buildUser, SYSTEM, TEST_PASSWORD } from '../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { workOrders } from './workorders.table';

let t: TestApp;
let park: Awaited<ReturnType<typeof buildPark>>;
let op: TestClient;
let lead: TestClient;
let requester: TestClient;
let colleague: TestClient;
let teamId: string;

beforeAll(async () => {
  t = await createTestApp();
  park = await buildPark(t.services);
  const company = await t.services.parks.createPropertyCompany(SYSTEM, { name: '丙物业服务有限公司', creditCode: buildCreditCode() });
  await t.services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: company.id, districtId: park.district.id, startDate: '2025-01-01', endDate: '2030-12-31', annualFeeFen: 100 });
  const e = await buildEnterprise(t.services, park.park.id, park.site.id);
  await buildUser(t.services, 'req.op', [{ role: 'operator', scopeType: 'park', scopeId: park.park.id }]);
  const leadUser = await buildUser(t.services, 'req.lead', [{ role: 'property', scopeType: 'property_company', scopeId: company.id }]);
  await buildUser(t.services, 'req.member', [{ role: 'member', scopeType: 'enterprise', scopeId: e.id }]);
  await buildUser(t.services, 'req.colleague', [{ role: 'member', scopeType: 'enterprise', scopeId: e.id }]);
  [op, lead, requester, colleague] = await Promise.all(['req.op', 'req.lead', 'req.member', 'req.colleague'].map((u) => t.login(u, TEST_PASSWORD)));
  const res = await op.post('/api/work-order-teams', { parkId: park.park.id, name: '丙·工程班', kind: 'property', propertyCompanyId: company.id, leadUserId: leadUser.id, categories: ['plumbing'] });
  expect(res.statusCode, res.body).toBe(201);
  teamId = res.json().id;
}, 60_000);
afterAll(async () => {
  await t?.services.iot.pipeline.close();
  await t?.close();
});

async function file(title: string) {
  const res = await requester.post('/api/work-orders', { title, description: '卫生间漏水', category: 'plumbing', buildingId: park.building.id });
  expect(res.statusCode, res.body).toBe(201);
  const o = res.json() as { id: string; status: string };
  // Without a trained model the order waits for triage (new); the tests dispatch it by hand where they need to.
  if (o.status !== 'new') await t.database.db.update(workOrders).set({ status: 'new', teamId: null, needsTriage: true }).where(eq(workOrders.id, o.id));
  return o.id;
}

async function unreadUrges(client: TestClient, id: string) {
  const items = (await client.get('/api/notifications?pageSize=50')).json().items as { kind: string; entityId: string | null }[];
  return items.filter((n) => n.kind === 'work_order.urged' && n.entityId === id).length;
}

describe('the requester withdraws a request', () => {
  test('before dispatch it is closed as cancelled and cannot be rated; after dispatch cancelling is refused (409)', async () => {
    const id = await file('二楼卫生间漏水');
    expect((await requester.get(`/api/work-orders/${id}`)).json().actions).toEqual(expect.arrayContaining(['cancel', 'urge']));
    expect((await colleague.post(`/api/work-orders/${id}/cancel`)).statusCode).not.toBe(200);
    const cancelled = await requester.post(`/api/work-orders/${id}/cancel`, { comment: '已自行处理' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'closed', needsTriage: false });
    expect(cancelled.json().cancelledAt).not.toBeNull();
    expect(cancelled.json().actions).not.toContain('rate');
    expect(cancelled.json().events.at(-1)).toMatchObject({ kind: 'cancelled', toStatus: 'closed', comment: '已自行处理' });
    expect((await requester.post(`/api/work-orders/${id}/rating`, { rating: 1 })).statusCode).toBe(409);

    const dispatched = await file('三楼水管滴水');
    expect((await op.post(`/api/work-orders/${dispatched}/dispatch`, { teamId })).statusCode).toBe(200);
    const refused = await requester.post(`/api/work-orders/${dispatched}/cancel`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().details).toMatchObject({ reason: 'already_dispatched' });
    expect((await requester.get(`/api/work-orders/${dispatched}`)).json()).toMatchObject({ status: 'dispatched', cancelledAt: null });
  });
});

describe('the requester urges (催单)', () => {
  test('the team lead is notified; a second urge within the hour is refused with 429 urge_too_soon and notifies nobody', async () => {
    const id = await file('茶水间水龙头坏了');
    expect((await op.post(`/api/work-orders/${id}/dispatch`, { teamId })).statusCode).toBe(200);
    const first = await requester.post(`/api/work-orders/${id}/urge`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().lastUrgedAt).not.toBeNull();
    expect(first.json().events.at(-1)).toMatchObject({ kind: 'urged', actorName: 'req.member' });
    expect(await unreadUrges(lead, id)).toBe(1);
    const second = await requester.post(`/api/work-orders/${id}/urge`);
    expect(second.statusCode).toBe(429);
    expect(second.json()).toMatchObject({ code: 'RATE_LIMITED', details: { reason: 'urge_too_soon', intervalMinutes: 60 } });
    expect(await unreadUrges(lead, id)).toBe(1);
    // An hour later the requester may urge again.
    await t.database.db.update(workOrders).set({ lastUrgedAt: new Date(Date.now() - 61 * 60_000) }).where(eq(workOrders.id, id));
    expect((await requester.post(`/api/work-orders/${id}/urge`)).statusCode).toBe(200);
    expect(await unreadUrges(lead, id)).toBe(2);
  });

  test('an order waiting for dispatch notifies the park’s operators; a resolved one cannot be urged; others may not urge', async () => {
    const id = await file('地下室积水');
    expect((await colleague.post(`/api/work-orders/${id}/urge`)).statusCode).toBe(403);
    expect((await requester.post(`/api/work-orders/${id}/urge`)).statusCode).toBe(200);
    expect(await unreadUrges(op, id)).toBe(1);
    await t.database.db.update(workOrders).set({ status: 'resolved', resolvedAt: new Date() }).where(eq(workOrders.id, id));
    const res = await requester.post(`/api/work-orders/${id}/urge`);
    expect(res.statusCode).toBe(409);
    expect(res.json().details).toMatchObject({ reason: 'not_open' });
  });
});

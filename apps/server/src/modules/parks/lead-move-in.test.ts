import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCreditCode, buildEnterprise, buildPark, buildUser, SYSTEM, TEST_PASSWORD } from '../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { draftTerm, splitRentByArea } from './lead-move-in';

let t: TestApp;
let op: TestClient;

async function count(table: string): Promise<number> {
  const [row] = await t.database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row.n;
}

beforeAll(async () => {
  t = await createTestApp();
  await buildUser(t.services, 'op', [{ role: 'operator', scopeType: 'all', scopeId: null }]);
  op = await t.login('op', TEST_PASSWORD);
});

afterAll(async () => {
  await t?.close();
});

describe('splitting the rent and the draft term', () => {
  test.each([
    [1000, [120, 80], [600, 400]],
    [1001, [1, 1, 1], [334, 334, 333]],
    [500, [0, 0], [250, 250]],
    [777, [50], [777]],
  ])('%i fen over areas %j gives %j', (total, areas, parts) => {
    expect(splitRentByArea(total, areas)).toEqual(parts);
    expect(splitRentByArea(total, areas).reduce((a, b) => a + b, 0)).toBe(total);
  });

  test('a draft runs three years less a day', () => {
    expect(draftTerm(new Date('2026-12-07T10:00:00Z'))).toEqual({ startDate: '2026-12-07', endDate: '2029-12-06' });
    expect(draftTerm(new Date('2028-03-01T00:00:00Z'))).toEqual({ startDate: '2028-03-01', endDate: '2031-02-28' });
  });
});

describe('a lead that moves in (入驻)', () => {
  test('registers the enterprise and drafts a lease per unit, once, and an operator confirms them', async () => {
    const park = await buildPark(t.services);
    const creditCode = buildCreditCode();
    const created = await op.post('/api/leads', { parkId: park.park.id, companyName: '入驻科技有限公司', industry: 'ai', contactName: '周八', contactPhone: '13600136000', expectedArea: 200 });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    for (const stage of ['visit', 'negotiation', 'signed']) expect((await op.patch(`/api/leads/${id}`, { stage })).statusCode).toBe(200);

    // Without a credit code, units and rent the move is refused and nothing changes.
    const before = await Promise.all(['enterprises', 'leases'].map(count));
    const refused = await op.patch(`/api/leads/${id}`, { stage: 'moved_in' });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().details.fields.map((f: { field: string }) => f.field)).toEqual(['body.creditCode']);
    expect((await op.get(`/api/leads?parkId=${park.park.id}`)).json()[0].stage).toBe('signed');
    expect(await Promise.all(['enterprises', 'leases'].map(count))).toEqual(before);

    const moved = await op.patch(`/api/leads/${id}`, { stage: 'moved_in', creditCode, unitIds: park.units.map((u) => u.id), monthlyRentFen: 1_000_000 });
    expect(moved.statusCode, moved.body).toBe(200);
    const enterpriseId = moved.json().enterpriseId as string;
    expect(enterpriseId).toBeTruthy();
    const profile = (await op.get(`/api/enterprises/${enterpriseId}`)).json();
    expect(profile).toMatchObject({ legalName: '入驻科技有限公司', creditCode, industry: 'ai', contactName: '周八', parkId: park.park.id });
    const drafts = (profile.leases as { unitId: string; status: string; monthlyRentFen: number; id: string }[]).sort((a, b) => b.monthlyRentFen - a.monthlyRentFen);
    expect(drafts.map((l) => [l.unitId, l.status, l.monthlyRentFen])).toEqual([
      [park.units[0].id, 'draft', 600_000],
      [park.units[1].id, 'draft', 400_000],
    ]);
    // A draft is not in force: the units are still free.
    const [unit] = await t.database.query<{ status: string }>(`select status from units where id = $1`, [park.units[0].id]);
    expect(unit.status).toBe('vacant');

    // Moving it again (back and forth) duplicates nothing.
    expect((await op.patch(`/api/leads/${id}`, { stage: 'signed' })).statusCode).toBe(200);
    const again = await op.patch(`/api/leads/${id}`, { stage: 'moved_in' });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().enterpriseId).toBe(enterpriseId);
    expect(await Promise.all(['enterprises', 'leases'].map(count))).toEqual([before[0] + 1, before[1] + 2]);

    const confirmed = await op.post(`/api/enterprises/${enterpriseId}/leases/${drafts[0].id}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().status).toBe('active');
    const [leased] = await t.database.query<{ status: string }>(`select status from units where id = $1`, [park.units[0].id]);
    expect(leased.status).toBe('leased');
    expect((await op.post(`/api/enterprises/${enterpriseId}/leases/${drafts[0].id}/confirm`, {})).statusCode).toBe(409);
  });

  test('links the enterprise already registered under the credit code instead of registering another', async () => {
    const park = await buildPark(t.services);
    const ent = await buildEnterprise(t.services, park.park.id, null);
    const created = (
      await op.post('/api/leads', {
        parkId: park.park.id,
        companyName: '老朋友公司',
        industry: 'software',
        creditCode: ent.creditCode.toLowerCase(),
        unitIds: [park.units[1].id],
        monthlyRentFen: 8000,
      })
    ).json();
    const entsBefore = await count('enterprises');
    const moved = await op.patch(`/api/leads/${created.id}`, { stage: 'moved_in' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().enterpriseId).toBe(ent.id);
    expect(await count('enterprises')).toBe(entsBefore);
    const leases = (await op.get(`/api/enterprises/${ent.id}`)).json().leases as { unitId: string; status: string; monthlyRentFen: number }[];
    expect(leases.filter((l) => l.status === 'draft').map((l) => [l.unitId, l.monthlyRentFen])).toEqual([[park.units[1].id, 8000]]);
  });

  test('refuses units of another park and credit codes registered in another park, naming the field', async () => {
    const park = await buildPark(t.services);
    const other = await buildPark(t.services);
    const foreign = await buildEnterprise(t.services, other.park.id, null);
    // Another park's unit is refused when the lead is recorded, and again when it would move in with one.
    const refused = await op.post('/api/leads', { parkId: park.park.id, companyName: '跨园公司', industry: 'software', unitIds: [other.units[0].id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.fields[0].field).toBe('body.unitIds');
    const lead = (await op.post('/api/leads', { parkId: park.park.id, companyName: '跨园公司', industry: 'software', creditCode: buildCreditCode(), monthlyRentFen: 100 })).json();
    const before = await Promise.all(['enterprises', 'leases'].map(count));
    const badUnit = await op.patch(`/api/leads/${lead.id}`, { stage: 'moved_in', unitIds: [other.units[0].id] });
    expect(badUnit.statusCode).toBe(400);
    expect(badUnit.json().details.fields[0].field).toBe('body.unitIds');
    const badCode = await op.patch(`/api/leads/${lead.id}`, { stage: 'moved_in', unitIds: [park.units[0].id], creditCode: foreign.creditCode });
    expect(badCode.statusCode).toBe(409);
    expect(badCode.json().details.fields[0].field).toBe('body.creditCode');
    const badCheck = await op.patch(`/api/leads/${lead.id}`, { creditCode: '91510100MA00000000' });
    expect(badCheck.statusCode).toBe(400);
    expect(await Promise.all(['enterprises', 'leases'].map(count))).toEqual(before);
    expect((await op.get(`/api/leads?parkId=${park.park.id}`)).json()[0].stage).toBe('lead');
  });
});

describe('park figures for the alliance', () => {
  test('alliance staff see every park’s counts and occupancy, never a tenant’s name; members and vendors are refused', async () => {
    const park = await buildPark(t.services);
    await buildEnterprise(t.services, park.park.id, null, 'SECRET租户名称有限公司');
    await t.services.parks.updateUnit(SYSTEM, park.units[0].id, { status: 'leased' });
    await buildUser(t.services, 'alliance', [{ role: 'alliance', scopeType: 'all', scopeId: null }]);
    const alliance = await t.login('alliance', TEST_PASSWORD);
    const res = await alliance.get('/api/park-figures');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain('SECRET');
    const row = res.json().find((r: { id: string }) => r.id === park.park.id);
    expect(row).toMatchObject({ enterprises: 1, buildings: 1, area: 200, leasedArea: 120, occupancy: 0.6 });
    await buildUser(t.services, 'vendor', [{ role: 'vendor', scopeType: 'none', scopeId: null }]);
    expect((await (await t.login('vendor', TEST_PASSWORD)).get('/api/park-figures')).statusCode).toBe(403);
  });
});

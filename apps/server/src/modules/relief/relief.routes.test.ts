import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnterprise, buildPark, buildUser, SYSTEM, TEST_PASSWORD, type BuiltPark } from '../../testing/builders';
import { buildImage, uploadFile } from '../../testing/files';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

/*
 * Rent relief end to end over HTTP, on both databases (TEST_DB=postgres runs the concurrent
 * requests on separate connections; PGlite interleaves them at every await).
 * Programme: 2027-01..2027-03, 50 % off, small and micro enterprises, arrears ≤ 1,000 yuan,
 * cap 20,000 yuan per enterprise, budget 27,000 yuan.
 */
let t: TestApp;
let park: BuiltPark;
let other: BuiltPark;
let op: TestClient;
let opOther: TestClient;
const ap: TestClient[] = [];
const admins: Record<string, TestClient> = {};
const ent: Record<string, { id: string }> = {};
const lease: Record<string, string> = {};
let programmeId: string;
let seq = 0;

type Bill = { id: string; period: string; amountFen: number; creditedFen: number; amountDueFen: number; status: string; credits?: { amountFen: number; source: string; status: string; details: Record<string, unknown> }[] };
type Application = { id: string; status: string; caseId: string; reliefFen: number; grantedFen: number | null; materials: { id: string }[]; credits: { billId: string | null; amountFen: number; status: string; period: string }[] };

beforeAll(async () => {
  t = await createTestApp({ PAYMENT_SANDBOX_NOTIFY_DELAY_MS: '0', PAYMENT_SANDBOX_DUPLICATE_RATE: '0', PAYMENT_SANDBOX_SECRET: 'relief-sandbox-secret-0123456789' });
  park = await buildPark(t.services);
  other = await buildPark(t.services);
  const units = [park.units[0], park.units[1]];
  for (const code of ['103', '104']) units.push(await t.services.parks.createUnit(SYSTEM, { floorId: park.floor.id, code, area: 60 }));
  // A: small, eligible (rent 10,000 yuan). B: large with arrears, not eligible. C and D: small, rent 4,000 yuan.
  const spec = [
    ['A', '甲减租科技有限公司', 1_000_000, 'small'],
    ['B', '乙大型科技有限公司', 800_000, 'large'],
    ['C', '丙小微科技有限公司', 400_000, 'micro'],
    ['D', '丁小微科技有限公司', 400_000, 'small'],
  ] as const;
  for (const [i, [key, name, rent, size]] of spec.entries()) {
    const e = await buildEnterprise(t.services, park.park.id, park.site.id, name);
    if (size !== 'small') await t.services.parks.updateEnterprise(SYSTEM, e.id, { size });
    ent[key] = e;
    lease[key] = (await t.services.parks.createLease(SYSTEM, e.id, { unitId: units[i].id, startDate: '2026-01-01', endDate: '2027-12-31', monthlyRentFen: rent })).id;
    await buildUser(t.services, `rl.admin${key}`, [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e.id }]);
    admins[key] = await t.login(`rl.admin${key}`, TEST_PASSWORD);
  }
  await buildUser(t.services, 'rl.op', [{ role: 'operator', scopeType: 'park', scopeId: park.park.id }]);
  await buildUser(t.services, 'rl.opOther', [{ role: 'operator', scopeType: 'park', scopeId: other.park.id }]);
  op = await t.login('rl.op', TEST_PASSWORD);
  opOther = await t.login('rl.opOther', TEST_PASSWORD);
  const apIds: string[] = [];
  for (const i of [1, 2, 3, 4, 5]) {
    apIds.push((await buildUser(t.services, `rl.ap${i}`, [{ role: 'operator', scopeType: 'park', scopeId: park.park.id }])).id);
    ap.push(await t.login(`rl.ap${i}`, TEST_PASSWORD));
  }
  const user = (id: string) => ({ kind: 'user' as const, userId: id });
  await t.services.approvals.createFlow(SYSTEM, {
    parkId: park.park.id,
    key: 'relief.test',
    nameZh: '减租审批',
    nameEn: 'Relief review',
    steps: [
      { nameZh: '物业核查', nameEn: 'Property check', mode: 'any', approvers: [user(apIds[0])], condition: null, dueHours: null, escalation: null },
      { nameZh: '园区财务', nameEn: 'Park finance', mode: 'any', approvers: [user(apIds[1]), user(apIds[2])], condition: null, dueHours: null, escalation: null },
      { nameZh: '园区领导会签', nameEn: 'Park leadership countersign', mode: 'all', approvers: [user(apIds[3]), user(apIds[4])], condition: null, dueHours: null, escalation: null },
    ],
  });
  // B owes an overdue bill of 5,000 yuan.
  const overdue = await op.post('/api/bills', { enterpriseId: ent.B.id, kind: 'property', period: '2026-10', title: '2026-10 物业费', amountFen: 500_000, dueDate: '2026-10-15' });
  expect(overdue.statusCode, overdue.body).toBe(201);
  // Rent for 2027-01 and 2027-02 is billed; A pays January. March is not billed yet.
  for (const period of ['2027-01', '2027-02']) expect((await op.post('/api/bills/generate', { parkId: park.park.id, period })).statusCode).toBe(200);
  const janA = await rentBill('A', '2027-01');
  const pay = await admins.A.request({ method: 'POST', url: '/api/payments/checkout', headers: { 'idempotency-key': `relief-pay-${Date.now()}` }, payload: { billIds: [janA!.id] } });
  expect(pay.statusCode, pay.body).toBe(201);
  await t.app.inject({ method: 'POST', url: `${pay.json().payUrl}/pay`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
  await t.services.paymentSandbox.deliverDue(async (url, headers, body) => (await t.app.inject({ method: 'POST', url, headers, payload: body })).statusCode, new Date(Date.now() + 3_600_000));
  expect((await rentBill('A', '2027-01'))!.status).toBe('paid');
}, 120_000);
afterAll(async () => {
  await t?.services.passes.verifier.close();
  await t?.services.iot.pipeline.close();
  await t?.close();
});

async function rentBill(key: string, period: string): Promise<Bill | undefined> {
  const res = await op.get(`/api/bills?enterpriseId=${ent[key].id}&kind=rent&period=${period}&pageSize=10`);
  expect(res.statusCode, res.body).toBe(200);
  const item = (res.json() as { items: Bill[] }).items[0];
  if (!item) return undefined;
  return (await op.get(`/api/bills/${item.id}`)).json() as Bill;
}

async function billsOf(key: string) {
  return t.database.query<{ id: string; amount_fen: number; credited_fen: number; status: string }>('select id::text, amount_fen::int, credited_fen::int, status from bills where enterprise_id = $1 order by period, kind', [ent[key].id]);
}

async function apply(key: string, withFile = false) {
  const fileIds = withFile ? [(await uploadFile(admins[key], { data: await buildImage('png'), name: `租赁合同-${++seq}.png` })).json().id as string] : [];
  return admins[key].post(`/api/relief-programmes/${programmeId}/applications`, { note: '受疫情影响营业收入下降', fileIds });
}

const act = (client: TestClient, caseId: string, body: Record<string, unknown>) => client.post(`/api/approval-cases/${caseId}/actions`, body);

describe('programmes', () => {
  test('an operator creates and opens a programme; other parks and drafts stay invisible', async () => {
    const res = await op.post('/api/relief-programmes', {
      parkId: park.park.id,
      name: '2027年一季度疫情减租',
      fromPeriod: '2027-01',
      toPeriod: '2027-03',
      leaseActiveOn: '2026-12-01',
      sizes: ['micro', 'small'],
      industries: [],
      arrearsLimitFen: 100_000,
      maxAreaM2: 500,
      reliefKind: 'percent',
      reliefValue: 50,
      capPerEnterpriseFen: 2_000_000,
      budgetFen: 2_700_000,
      flowKey: 'relief.test',
    });
    expect(res.statusCode, res.body).toBe(201);
    programmeId = res.json().id;
    // A draft is not shown to enterprises.
    expect((await admins.A.get(`/api/relief-programmes/${programmeId}`)).statusCode).toBe(404);
    expect((await admins.A.get(`/api/relief-programmes/${programmeId}/eligibility`)).statusCode).toBe(404);
    expect((await op.patch(`/api/relief-programmes/${programmeId}`, { status: 'open' })).statusCode).toBe(200);
    expect((await admins.A.get(`/api/relief-programmes/${programmeId}`)).statusCode).toBe(200);
    // Rules are fixed once open; another park's operator sees nothing.
    const change = await op.patch(`/api/relief-programmes/${programmeId}`, { reliefValue: 80 });
    expect(change.statusCode).toBe(409);
    expect((await opOther.get(`/api/relief-programmes/${programmeId}`)).statusCode).toBe(404);
    expect((await opOther.get('/api/relief-programmes')).json().items).toEqual([]);
    const bad = await op.post('/api/relief-programmes', { parkId: park.park.id, name: 'x', fromPeriod: '2027-03', toPeriod: '2027-01', leaseActiveOn: '2026-12-01', reliefKind: 'percent', reliefValue: 50, budgetFen: 100, flowKey: 'relief.test' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().details)).toContain('body.toPeriod');
  });
});

describe('eligibility', () => {
  test('an eligible enterprise sees its relief month by month', async () => {
    const res = await admins.A.get(`/api/relief-programmes/${programmeId}/eligibility`);
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json();
    expect(e).toMatchObject({ eligible: true, reasons: [], reliefFen: 1_500_000, capped: false, areaM2: 120, application: null });
    expect(e.lines.map((l: { period: string; amountFen: number }) => `${l.period}:${l.amountFen}`)).toEqual(['2027-01:500000', '2027-02:500000', '2027-03:500000']);
  });

  test('an ineligible enterprise gets the reasons as codes with their values, and cannot apply', async () => {
    const res = await admins.B.get(`/api/relief-programmes/${programmeId}/eligibility`);
    const e = res.json();
    expect(e.eligible).toBe(false);
    expect(e.reliefFen).toBe(0);
    expect(e.reasons).toEqual([
      { code: 'size_not_eligible', params: { size: 'large', allowed: ['micro', 'small'] } },
      { code: 'arrears_over_limit', params: { arrearsFen: 500_000, limitFen: 100_000 } },
    ]);
    const before = await billsOf('B');
    const applied = await apply('B');
    expect(applied.statusCode).toBe(409);
    expect(applied.json().details).toMatchObject({ reason: 'not_eligible' });
    const [{ n }] = await t.database.query<{ n: number }>('select count(*)::int as n from relief_applications where enterprise_id = $1', [ent.B.id]);
    expect(n).toBe(0);
    expect(await billsOf('B')).toEqual(before);
  });

  test('an enterprise admin cannot ask about another enterprise; an operator can', async () => {
    expect((await admins.A.get(`/api/relief-programmes/${programmeId}/eligibility?enterpriseId=${ent.B.id}`)).statusCode).toBe(404);
    expect((await op.get(`/api/relief-programmes/${programmeId}/eligibility?enterpriseId=${ent.B.id}`)).json().eligible).toBe(false);
  });
});

describe('applications and approval', () => {
  let appA: Application;

  test('A applies with materials; a second submission is 409 and changes nothing', async () => {
    const res = await apply('A', true);
    expect(res.statusCode, res.body).toBe(201);
    appA = res.json();
    expect(appA).toMatchObject({ status: 'in_review', reliefFen: 1_500_000, grantedFen: null });
    expect(appA.materials).toHaveLength(1);
    const again = await apply('A', true);
    expect(again.statusCode).toBe(409);
    expect(again.json().details).toMatchObject({ reason: 'already_applied', applicationId: appA.id });
    const [{ apps, cases }] = await t.database.query<{ apps: number; cases: number }>(
      "select (select count(*)::int from relief_applications where enterprise_id = $1) as apps, (select count(*)::int from approval_cases where subject_type = 'relief_application' and enterprise_id = $1) as cases",
      [ent.A.id],
    );
    expect({ apps, cases }).toEqual({ apps: 1, cases: 1 });
    // Its materials and the application are the enterprise's and the park's, no one else's.
    for (const client of [admins.C, opOther]) {
      expect((await client.get(`/api/relief-applications/${appA.id}`)).statusCode).toBe(404);
      expect((await client.get(`/api/files/${appA.materials[0].id}`)).statusCode).toBe(404);
      expect((await client.get('/api/relief-applications')).json().items).toEqual([]);
    }
    expect((await op.get(`/api/files/${appA.materials[0].id}`)).statusCode).toBe(200);
    expect((await ap[0].get(`/api/relief-applications/${appA.id}`)).statusCode).toBe(200);
  });

  test('two submissions at the same moment give one application and one 409', async () => {
    const results = await Promise.all([apply('C'), apply('C')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const [{ n }] = await t.database.query<{ n: number }>('select count(*)::int as n from relief_applications where enterprise_id = $1', [ent.C.id]);
    expect(n).toBe(1);
  });

  test('two finance approvers (或签) at once make one decision; the leadership 会签 grants once; the rent bills carry exactly the relief', async () => {
    expect((await act(ap[0], appA.caseId, { type: 'approve' })).statusCode).toBe(200);
    const finance = await Promise.all([act(ap[1], appA.caseId, { type: 'approve' }), act(ap[2], appA.caseId, { type: 'approve' })]);
    expect(finance.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const [{ n }] = await t.database.query<{ n: number }>("select count(*)::int as n from approval_actions where case_id = $1 and type = 'approve'", [appA.caseId]);
    expect(n).toBe(2);
    const janBefore = await rentBill('A', '2027-01');
    const leaders = await Promise.all([act(ap[3], appA.caseId, { type: 'approve' }), act(ap[4], appA.caseId, { type: 'approve' })]);
    expect(leaders.map((r) => r.statusCode)).toEqual([200, 200]);
    const detail = (await admins.A.get(`/api/relief-applications/${appA.id}`)).json() as Application;
    expect(detail).toMatchObject({ status: 'approved', grantedFen: 1_500_000 });
    expect((await op.get(`/api/relief-programmes/${programmeId}`)).json().grantedFen).toBe(1_500_000);
    const [{ grants }] = await t.database.query<{ grants: number }>("select count(*)::int as grants from audit_log where action = 'relief_programme.granted' and entity_id = $1", [programmeId]);
    expect(grants).toBe(1);

    // January was paid: not refunded, its 5,000 yuan carried to February, which takes its own 5,000 too (one note) and is settled.
    const jan = await rentBill('A', '2027-01');
    expect(jan).toMatchObject({ status: 'paid', creditedFen: 0, amountDueFen: janBefore!.amountDueFen });
    const feb = await rentBill('A', '2027-02');
    expect(feb).toMatchObject({ amountFen: 1_000_000, creditedFen: 1_000_000, amountDueFen: 0, status: 'paid' });
    expect(feb!.credits).toHaveLength(1);
    expect(feb!.credits![0]).toMatchObject({ amountFen: 1_000_000, source: `relief_application:${appA.id}`, status: 'applied' });
    expect(feb!.credits![0].details.carriedFrom).toEqual(['2027-01']);
    // March is not billed yet: its credit waits and lands when the bill is generated.
    expect(await rentBill('A', '2027-03')).toBeUndefined();
    expect(detail.credits.map((c) => `${c.period}:${c.status}:${c.amountFen}`)).toEqual(['2027-02:applied:1000000', '2027-03:pending:500000']);
    expect((await op.post('/api/bills/generate', { parkId: park.park.id, period: '2027-03' })).statusCode).toBe(200);
    const mar = await rentBill('A', '2027-03');
    expect(mar).toMatchObject({ amountFen: 1_000_000, creditedFen: 500_000, amountDueFen: 500_000, status: 'open' });
    // Exactly the granted relief came off A's rent bills, and what is to pay everywhere is the reduced amount.
    const [{ credited }] = await t.database.query<{ credited: number }>("select sum(credited_fen)::int as credited from bills where enterprise_id = $1 and kind = 'rent'", [ent.A.id]);
    expect(credited).toBe(1_500_000);
    const statement = (await admins.A.get('/api/bills/statement?period=2027-03')).json();
    expect(statement).toMatchObject({ openFen: 500_000, creditedFen: 500_000 });
    const list = (await admins.A.get('/api/bills?period=2027-03&kind=rent')).json();
    expect(list.totalFen).toBe(500_000);
    const checkout = await admins.A.request({ method: 'POST', url: '/api/payments/checkout', headers: { 'idempotency-key': `relief-mar-${Date.now()}` }, payload: { billIds: [mar!.id] } });
    expect(checkout.statusCode, checkout.body).toBe(201);
    expect(checkout.json().amountFen).toBe(500_000);
    // A bill settled by credit is not paid again.
    const none = await admins.A.request({ method: 'POST', url: '/api/payments/checkout', headers: { 'idempotency-key': `relief-feb-${Date.now()}` }, payload: { billIds: [feb!.id] } });
    expect(none.statusCode).toBe(409);
  });

  test('a rejected application changes no bill and grants nothing', async () => {
    const [c] = (await admins.C.get('/api/relief-applications')).json().items as Application[];
    const before = await billsOf('C');
    const res = await act(ap[0], c.caseId, { type: 'reject', reason: '材料不全' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await admins.C.get(`/api/relief-applications/${c.id}`)).json()).toMatchObject({ status: 'rejected', grantedFen: null, credits: [] });
    expect(await billsOf('C')).toEqual(before);
    expect((await op.get(`/api/relief-programmes/${programmeId}`)).json().grantedFen).toBe(1_500_000);
  });

  test('returned for changes, resubmitted with more materials, then withdrawn: no bill changes', async () => {
    const res = await apply('D', true);
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json() as Application;
    expect((await act(ap[0], d.caseId, { type: 'return', reason: '请补充营业收入证明' })).statusCode).toBe(200);
    expect((await admins.D.get(`/api/relief-applications/${d.id}`)).json().status).toBe('returned');
    const fileId = (await uploadFile(admins.D, { data: await buildImage('png'), name: '收入证明.png' })).json().id;
    const again = await admins.D.post(`/api/relief-applications/${d.id}/resubmit`, { note: '已补充', fileIds: [fileId] });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: 'in_review' });
    expect(again.json().materials).toHaveLength(2);
    const before = await billsOf('D');
    expect((await act(admins.D, d.caseId, { type: 'withdraw' })).statusCode).toBe(200);
    expect((await admins.D.get(`/api/relief-applications/${d.id}`)).json().status).toBe('withdrawn');
    expect(await billsOf('D')).toEqual(before);
  });

  test('two approvals racing past the budget: one grants, the other is refused with 409 and changes nothing', async () => {
    // 27,000 budget − 15,000 granted = 12,000 left; C and D ask 6,000 each… lower the budget so only one fits.
    expect((await op.patch(`/api/relief-programmes/${programmeId}`, { budgetFen: 2_200_000 })).statusCode).toBe(200);
    const cases: Application[] = [];
    for (const key of ['C', 'D']) {
      const res = await apply(key);
      expect(res.statusCode, res.body).toBe(201);
      const a = res.json() as Application;
      expect(a.reliefFen).toBe(600_000);
      cases.push(a);
      expect((await act(ap[0], a.caseId, { type: 'approve' })).statusCode).toBe(200);
      expect((await act(ap[1], a.caseId, { type: 'approve' })).statusCode).toBe(200);
      expect((await act(ap[3], a.caseId, { type: 'approve' })).statusCode).toBe(200);
    }
    const before = { C: await billsOf('C'), D: await billsOf('D') };
    const results = await Promise.all(cases.map((a) => act(ap[4], a.caseId, { type: 'approve' })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const refused = results.findIndex((r) => r.statusCode === 409);
    expect(results[refused].json().details).toMatchObject({ reason: 'budget_exceeded', budgetFen: 2_200_000, grantedFen: 2_100_000, reliefFen: 600_000 });
    expect((await op.get(`/api/relief-programmes/${programmeId}`)).json().grantedFen).toBe(2_100_000);
    const loser = cases[refused];
    const loserKey = refused === 0 ? 'C' : 'D';
    expect((await op.get(`/api/relief-applications/${loser.id}`)).json()).toMatchObject({ status: 'in_review', grantedFen: null, credits: [] });
    expect(await billsOf(loserKey)).toEqual(before[loserKey as 'C' | 'D']);
    const c = (await op.get(`/api/approval-cases/${loser.caseId}`)).json();
    expect(c.status).toBe('in_progress');
    // The budget cannot drop below what is granted.
    expect((await op.patch(`/api/relief-programmes/${programmeId}`, { budgetFen: 2_000_000 })).statusCode).toBe(400);
  });
});

describe('dashboard and export', () => {
  test('applications by status, granted against budget, per site and industry; Excel export', async () => {
    const res = await op.get(`/api/relief-programmes/${programmeId}/dashboard`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.grantedFen).toBe(2_100_000);
    expect(d.budgetFen).toBe(2_200_000);
    const byStatus = Object.fromEntries(d.byStatus.map((s: { status: string; count: number }) => [s.status, s.count]));
    expect(byStatus).toMatchObject({ approved: 2, rejected: 1, withdrawn: 1, in_review: 1, returned: 0 });
    expect(d.bySite).toEqual([expect.objectContaining({ label: park.site.name, applications: 5, approved: 2, grantedFen: 2_100_000 })]);
    expect(d.byIndustry).toEqual([expect.objectContaining({ key: 'software', grantedFen: 2_100_000 })]);
    expect((await admins.A.get(`/api/relief-programmes/${programmeId}/dashboard`)).statusCode).toBe(403);
    const x = await op.get(`/api/relief-programmes/${programmeId}/export.xlsx`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['申请', '减免明细']);
    expect(wb.worksheets[0].rowCount).toBe(6);
    const names = wb.worksheets[0].getColumn(1).values.slice(2);
    expect(names).toContain('甲减租科技有限公司');
    const creditSum = wb.worksheets[1].getColumn(5).values.slice(2).reduce((a: number, v) => a + Number(v ?? 0), 0);
    expect(Math.round(creditSum * 100)).toBe(2_100_000);
    expect((await opOther.get(`/api/relief-programmes/${programmeId}/export.xlsx`)).statusCode).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SYSTEM, TEST_PASSWORD, buildCreditCode, buildEnterprise, buildPark, buildUser, type BuiltPark } from '../../testing/builders';
import { buildImage, uploadFile } from '../../testing/files';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import type { AssignmentView, CheckView, FindingView, OverviewRow } from './spotchecks.schema';
import { localDay, localMidnight } from './spotchecks.service';

let t: TestApp;
let A: BuiltPark;
let B: BuiltPark;
let district2: { id: string };
let pc1: { id: string };
let pc2: { id: string };
let op: TestClient;
let opB: TestClient;
let insp: TestClient;
let insp2: TestClient;
let prop1: TestClient;
let prop2: TestClient;
let entAdmin: TestClient;
let inspUserId: string;
let prop1UserId: string;
let secretCheck: CheckView;

const today = localDay(new Date());
const dayOffset = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** Noon (Shanghai) of a day `n` days from today. */
const noonOf = (n: number) => new Date(localMidnight(dayOffset(n)).getTime() + 12 * 3_600_000);

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

async function record(client: TestClient, body: Record<string, unknown>): Promise<CheckView> {
  return ok<CheckView>(client.post('/api/spot-checks', body), 201);
}

beforeAll(async () => {
  t = await createTestApp();
  A = await buildPark(t.services);
  B = await buildPark(t.services);
  district2 = await t.services.parks.createDistrict(SYSTEM, { siteId: A.site.id, name: 'B区' });
  pc1 = await t.services.parks.createPropertyCompany(SYSTEM, { name: '锦华物业', creditCode: buildCreditCode() });
  pc2 = await t.services.parks.createPropertyCompany(SYSTEM, { name: '蓉城物业', creditCode: buildCreditCode() });
  await t.services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: pc1.id, districtId: A.district.id, startDate: '2020-01-01', endDate: '2035-12-31', annualFeeFen: 100 });
  await t.services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: pc2.id, districtId: district2.id, startDate: '2020-01-01', endDate: '2035-12-31', annualFeeFen: 100 });
  await buildUser(t.services, 'sc.op', [{ role: 'operator', scopeType: 'park', scopeId: A.park.id }]);
  await buildUser(t.services, 'sc.opB', [{ role: 'operator', scopeType: 'park', scopeId: B.park.id }]);
  inspUserId = (await buildUser(t.services, 'sc.insp', [{ role: 'inspector', scopeType: 'all', scopeId: null }])).id;
  const insp2User = await buildUser(t.services, 'sc.insp2', [{ role: 'inspector', scopeType: 'all', scopeId: null }]);
  prop1UserId = (await buildUser(t.services, 'sc.prop1', [{ role: 'property', scopeType: 'property_company', scopeId: pc1.id }])).id;
  await buildUser(t.services, 'sc.prop2', [{ role: 'property', scopeType: 'property_company', scopeId: pc2.id }]);
  const e = await buildEnterprise(t.services, A.park.id, A.site.id);
  await buildUser(t.services, 'sc.ent', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e.id }]);
  op = await t.login('sc.op', TEST_PASSWORD);
  opB = await t.login('sc.opB', TEST_PASSWORD);
  insp = await t.login('sc.insp', TEST_PASSWORD);
  insp2 = await t.login('sc.insp2', TEST_PASSWORD);
  prop1 = await t.login('sc.prop1', TEST_PASSWORD);
  prop2 = await t.login('sc.prop2', TEST_PASSWORD);
  entAdmin = await t.login('sc.ent', TEST_PASSWORD);
  // insp checks district A only; insp2 district B区 only (its check there carries a secret).
  await ok(op.post('/api/spot-check-assignments', { parkId: A.park.id, districtId: A.district.id, inspectorUserId: inspUserId, validFrom: dayOffset(-400) }), 201);
  await ok(op.post('/api/spot-check-assignments', { parkId: A.park.id, districtId: district2.id, inspectorUserId: insp2User.id, validFrom: dayOffset(-400), validTo: dayOffset(400) }), 201);
  secretCheck = await record(insp2, { districtId: district2.id, area: 'SECRET-AREA 配电房', findings: [{ description: 'SECRET-FINDING 配电柜未上锁', severity: 'critical', deadline: dayOffset(7) }] });
}, 60_000);
afterAll(() => t.close());

describe('assignments', () => {
  test('only inspectors of the park can be assigned, to districts of the park, by its operators', async () => {
    const notInspector = await op.post('/api/spot-check-assignments', { parkId: A.park.id, districtId: A.district.id, inspectorUserId: prop1UserId, validFrom: today });
    expect(notInspector.statusCode).toBe(400);
    expect(notInspector.json().details.fields[0].field).toBe('body.inspectorUserId');
    const otherPark = await op.post('/api/spot-check-assignments', { parkId: A.park.id, districtId: B.district.id, inspectorUserId: inspUserId, validFrom: today });
    expect(otherPark.statusCode).toBe(400);
    expect(otherPark.json().details.fields[0].field).toBe('body.districtId');
    const backwards = await op.post('/api/spot-check-assignments', { parkId: A.park.id, districtId: A.district.id, inspectorUserId: inspUserId, validFrom: today, validTo: dayOffset(-1) });
    expect(backwards.json().details.fields[0].field).toBe('body.validTo');
    expect((await opB.post('/api/spot-check-assignments', { parkId: A.park.id, districtId: A.district.id, inspectorUserId: inspUserId, validFrom: today })).statusCode).toBe(403);
    for (const c of [insp, prop1]) expect((await c.post('/api/spot-check-assignments', { parkId: A.park.id, districtId: A.district.id, inspectorUserId: inspUserId, validFrom: today })).statusCode).toBe(403);
  });

  test('an inspector sees only its own assignments and assigned districts; the operator sees the park’s', async () => {
    const mine = await ok<AssignmentView[]>(insp.get('/api/spot-check-assignments'));
    expect(mine.map((a) => a.districtId)).toEqual([A.district.id]);
    expect((await ok<{ id: string }[]>(insp.get('/api/spot-check-districts'))).map((d) => d.id)).toEqual([A.district.id]);
    expect((await ok<AssignmentView[]>(op.get(`/api/spot-check-assignments?parkId=${A.park.id}`))).length).toBe(2);
    expect(await ok<AssignmentView[]>(opB.get('/api/spot-check-assignments'))).toEqual([]);
    expect(await ok<AssignmentView[]>(prop1.get('/api/spot-check-assignments'))).toEqual([]);
    expect((await ok<{ id: string }[]>(op.get(`/api/spot-check-inspectors?parkId=${A.park.id}`))).map((u) => u.id)).toContain(inspUserId);
    expect((await insp.get(`/api/spot-check-inspectors?parkId=${A.park.id}`)).statusCode).toBe(403);
  });

  test('an assignment that has ended or not begun gives no access', async () => {
    const later = await buildUser(t.services, 'sc.insp.later', [{ role: 'inspector', scopeType: 'park', scopeId: A.park.id }]);
    const a = await ok<AssignmentView>(op.post('/api/spot-check-assignments', { parkId: A.park.id, districtId: A.district.id, inspectorUserId: later.id, validFrom: dayOffset(3) }), 201);
    expect(a.isActive).toBe(false);
    const c = await t.login('sc.insp.later', TEST_PASSWORD);
    expect(await ok(c.get('/api/spot-check-districts'))).toEqual([]);
    expect((await c.post('/api/spot-checks', { districtId: A.district.id, area: '大堂', findings: [] })).statusCode).toBe(404);
    expect((await ok<unknown[]>(c.get('/api/spot-checks'))).length).toBe(0);
    // Removed by the operator (audited); the inspector still sees nothing.
    expect((await op.delete(`/api/spot-check-assignments/${a.id}`)).statusCode).toBe(204);
    expect((await opB.delete(`/api/spot-check-assignments/${a.id}`)).statusCode).toBe(404);
    const [audit] = await t.database.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'spot_check_assignment.deleted' and entity_id = $1`, [a.id]);
    expect(audit.n).toBe(1);
  });
});

describe('record → respond → verify', () => {
  test('the inspector records a finding with a photo; the company responds; a rejected fix returns with a note; the operator accepts it', async () => {
    const photo = await ok<{ id: string }>(uploadFile(insp, { data: await buildImage('png'), name: '消防通道.png' }), 201);
    const check = await record(insp, {
      districtId: A.district.id,
      area: '消防通道、配电房',
      note: '突击检查',
      findings: [{ description: '消防通道堆放杂物', severity: 'major', deadline: dayOffset(5), fileIds: [photo.id] }],
    });
    expect(check.propertyCompanyId).toBe(pc1.id);
    expect(check.inspectorName).toBe('sc.insp');
    const [finding] = check.findings;
    expect(finding).toMatchObject({ status: 'open', severity: 'major', isOverdue: false, photos: [expect.objectContaining({ id: photo.id })] });
    // The company's staff got a notification (a kind; the web words it).
    const [n] = await t.database.query<{ kind: string; entity_id: string }>(`select kind, entity_id::text from notifications where user_id = $1`, [prop1UserId]);
    expect(n).toEqual({ kind: 'spot_check.recorded', entity_id: check.id });
    // The company sees it and its photo; the other company and an enterprise do not.
    expect((await ok<FindingView[]>(prop1.get('/api/spot-check-findings'))).map((f) => f.id)).toContain(finding.id);
    expect((await prop1.get(`/api/files/${photo.id}`)).statusCode).toBe(200);
    for (const c of [prop2, entAdmin, opB]) {
      expect((await c.get(`/api/spot-check-findings/${finding.id}`)).statusCode).toBe(404);
      expect((await c.get(`/api/spot-checks/${check.id}`)).statusCode).toBe(404);
      expect((await c.get(`/api/files/${photo.id}`)).statusCode).toBe(404);
      expect((await ok<FindingView[]>(c.get('/api/spot-check-findings'))).map((f) => f.id)).not.toContain(finding.id);
    }
    // Only the company responds, once per round.
    expect((await prop2.post(`/api/spot-check-findings/${finding.id}/response`, { response: '已处理' })).statusCode).toBe(404);
    expect((await op.post(`/api/spot-check-findings/${finding.id}/response`, { response: '已处理' })).statusCode).toBe(403);
    expect((await prop1.post(`/api/spot-check-findings/${finding.id}/verify`, { accepted: true })).statusCode).toBe(403);
    const fixPhoto = await ok<{ id: string }>(uploadFile(prop1, { data: await buildImage('jpeg'), name: '清理后.jpg' }), 201);
    const responded = await ok<FindingView>(prop1.post(`/api/spot-check-findings/${finding.id}/response`, { response: '已清理杂物并张贴禁止堆放标识', fileIds: [fixPhoto.id] }));
    expect(responded).toMatchObject({ status: 'responded', response: '已清理杂物并张贴禁止堆放标识', responsePhotos: [expect.objectContaining({ id: fixPhoto.id })] });
    expect((await prop1.post(`/api/spot-check-findings/${finding.id}/response`, { response: '再次' })).statusCode).toBe(409);
    // A rejection needs a note, and sends it back to the company.
    const noNote = await insp.post(`/api/spot-check-findings/${finding.id}/verify`, { accepted: false });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().details.fields[0].field).toBe('body.note');
    const rejected = await ok<FindingView>(insp.post(`/api/spot-check-findings/${finding.id}/verify`, { accepted: false, note: '楼梯间仍有纸箱' }));
    expect(rejected).toMatchObject({ status: 'open', verifyNote: '楼梯间仍有纸箱', rejections: 1 });
    expect((await t.database.query<{ n: number }>(`select count(*)::int as n from notifications where user_id = $1 and kind = 'spot_check.rejected'`, [prop1UserId]))[0].n).toBe(1);
    await ok(prop1.post(`/api/spot-check-findings/${finding.id}/response`, { response: '纸箱已全部清走' }));
    const closed = await ok<FindingView>(op.post(`/api/spot-check-findings/${finding.id}/verify`, { accepted: true, note: '复查合格' }));
    expect(closed).toMatchObject({ status: 'closed', isOverdue: false });
    expect((await op.post(`/api/spot-check-findings/${finding.id}/verify`, { accepted: true })).statusCode).toBe(409);
    const actions = await t.database.query<{ action: string }>(`select action from audit_log where entity_id = $1 and entity_type = 'spot_check_finding' order by id`, [finding.id]);
    expect(actions.map((a) => a.action)).toEqual(['spot_check_finding.created', 'spot_check_finding.responded', 'spot_check_finding.rejected', 'spot_check_finding.responded', 'spot_check_finding.accepted']);
  });

  test('a deadline before the day of the check, or a check in the future, is refused naming the field', async () => {
    const early = await insp.post('/api/spot-checks', { districtId: A.district.id, area: '大堂', findings: [{ description: '灭火器过期', severity: 'minor', deadline: dayOffset(-1) }] });
    expect(early.statusCode).toBe(400);
    expect(early.json().details.fields[0].field).toBe('body.findings.0.deadline');
    const future = await insp.post('/api/spot-checks', { districtId: A.district.id, area: '大堂', checkedAt: new Date(Date.now() + 86_400_000).toISOString(), findings: [] });
    expect(future.json().details.fields[0].field).toBe('body.checkedAt');
    const severity = await insp.post('/api/spot-checks', { districtId: A.district.id, area: '大堂', findings: [{ description: 'x', severity: 'fatal', deadline: today }] });
    expect(severity.statusCode).toBe(400);
    expect((await op.post('/api/spot-checks', { districtId: A.district.id, area: '大堂', findings: [] })).statusCode).toBe(403);
  });

  test('a finding past its deadline and not verified is overdue, in the list filter and in the overview', async () => {
    const check = await record(insp, { districtId: A.district.id, area: '地下车库', checkedAt: noonOf(-10).toISOString(), findings: [{ description: '应急灯不亮', severity: 'minor', deadline: dayOffset(-3) }, { description: '排水沟堵塞', severity: 'minor', deadline: dayOffset(2) }] });
    const [late, onTime] = check.findings;
    expect(late.isOverdue).toBe(true);
    expect(onTime.isOverdue).toBe(false);
    const overdue = await ok<FindingView[]>(prop1.get('/api/spot-check-findings?overdue=true'));
    expect(overdue.map((f) => f.id)).toContain(late.id);
    expect(overdue.map((f) => f.id)).not.toContain(onTime.id);
    // Responded but not verified is still overdue.
    await ok(prop1.post(`/api/spot-check-findings/${late.id}/response`, { response: '已更换灯管' }));
    expect((await ok<FindingView>(op.get(`/api/spot-check-findings/${late.id}`))).isOverdue).toBe(true);
    const overview = await ok<OverviewRow[]>(op.get(`/api/spot-check-overview?parkId=${A.park.id}`));
    const row = overview.find((r) => r.districtId === A.district.id)!;
    expect(row.overdue).toBeGreaterThanOrEqual(1);
    expect(row.responded).toBeGreaterThanOrEqual(1);
    await ok(op.post(`/api/spot-check-findings/${late.id}/verify`, { accepted: true }));
    expect((await ok<FindingView>(op.get(`/api/spot-check-findings/${late.id}`))).isOverdue).toBe(false);
    expect((await prop1.get(`/api/spot-check-overview?parkId=${A.park.id}`)).statusCode).toBe(403);
  });
});

describe('deductions', () => {
  test('points per severity, configurable per park; an overturned finding is not returned; the range is [from, to)', async () => {
    const C = await buildPark(t.services);
    const pc = await t.services.parks.createPropertyCompany(SYSTEM, { name: '测试物业', creditCode: buildCreditCode() });
    await t.services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: pc.id, districtId: C.district.id, startDate: '2020-01-01', endDate: '2035-12-31', annualFeeFen: 100 });
    await buildUser(t.services, 'sc.opC', [{ role: 'operator', scopeType: 'park', scopeId: C.park.id }]);
    const opC = await t.login('sc.opC', TEST_PASSWORD);
    await ok(opC.post('/api/spot-check-assignments', { parkId: C.park.id, districtId: C.district.id, inspectorUserId: inspUserId, validFrom: dayOffset(-100) }), 201);
    const at = noonOf(-20);
    const check = await record(insp, {
      districtId: C.district.id,
      area: '全区',
      checkedAt: at.toISOString(),
      findings: [
        { description: '灭火器压力不足', severity: 'minor', deadline: dayOffset(-10) },
        { description: '消防门常开', severity: 'major', deadline: dayOffset(-10) },
        { description: '配电房无人值守且未上锁', severity: 'critical', deadline: dayOffset(-10) },
        { description: '误报：标识齐全', severity: 'major', deadline: dayOffset(-10) },
      ],
    });
    await record(insp, { districtId: C.district.id, area: '大堂', checkedAt: noonOf(-5).toISOString(), findings: [{ description: '地面湿滑无警示', severity: 'minor', deadline: today }] });
    const wrong = check.findings[3];
    expect((await prop1.post(`/api/spot-check-findings/${wrong.id}/overturn`, { reason: 'x' })).statusCode).toBe(404);
    expect((await insp.post(`/api/spot-check-findings/${wrong.id}/overturn`, { reason: '检查员误判' })).statusCode).toBe(403);
    const overturned = await ok<FindingView>(opC.post(`/api/spot-check-findings/${wrong.id}/overturn`, { reason: '检查员误判，现场标识齐全' }));
    expect(overturned).toMatchObject({ status: 'overturned', overturnReason: '检查员误判，现场标识齐全', isOverdue: false });

    const range = { parkId: C.park.id, from: at, to: localMidnight(dayOffset(-5)) };
    const rows = await t.services.spotChecks.deductions(t.database.db, range);
    expect(rows.map((r) => [r.severity, r.points, r.propertyCompanyId, r.districtId, r.source])).toEqual([
      ['minor', 2, pc.id, C.district.id, 'spot_check'],
      ['major', 5, pc.id, C.district.id, 'spot_check'],
      ['critical', 10, pc.id, C.district.id, 'spot_check'],
    ]);
    expect(rows.reduce((s, r) => s + r.points, 0)).toBe(17);
    expect(rows[0]).toMatchObject({ findingId: check.findings[0].id, label: '灭火器压力不足', occurredAt: at });
    // `from` inclusive (the check at exactly `from` counts), `to` exclusive.
    expect(await t.services.spotChecks.deductions(t.database.db, { ...range, from: new Date(at.getTime() + 1) })).toEqual([]);
    expect((await t.services.spotChecks.deductions(t.database.db, { ...range, to: new Date() })).length).toBe(4);

    expect(await ok(opC.get(`/api/spot-check-settings?parkId=${C.park.id}`))).toEqual({ parkId: C.park.id, minor: 2, major: 5, critical: 10, isDefault: true });
    expect((await op.request({ method: 'PUT', url: '/api/spot-check-settings', payload: { parkId: C.park.id, minor: 1, major: 3, critical: 8 } })).statusCode).toBe(403);
    const bad = await opC.request({ method: 'PUT', url: '/api/spot-check-settings', payload: { parkId: C.park.id, minor: -1, major: 3, critical: 8 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields[0].field).toBe('body.minor');
    await ok(opC.request({ method: 'PUT', url: '/api/spot-check-settings', payload: { parkId: C.park.id, minor: 1, major: 3, critical: 8 } }));
    expect((await t.services.spotChecks.deductions(t.database.db, range)).map((r) => r.points).sort((a, b) => a - b)).toEqual([1, 3, 8]);
    const overview = await ok<OverviewRow[]>(opC.get(`/api/spot-check-overview?parkId=${C.park.id}`));
    expect(overview).toEqual([expect.objectContaining({ districtId: C.district.id, checks: 2, findings: 5, overturned: 1, overdue: 3, points: 1 + 3 + 8 + 1 })]);
  });
});

describe('access', () => {
  test('a site operator sees the checks of its site’s districts only, and verifies nothing elsewhere', async () => {
    const site2 = await t.services.parks.createSite(SYSTEM, { parkId: A.park.id, name: '分园' });
    await buildUser(t.services, 'sc.siteop', [{ role: 'operator', scopeType: 'site', scopeId: site2.id }]);
    await buildUser(t.services, 'sc.siteopA', [{ role: 'operator', scopeType: 'site', scopeId: A.site.id }]);
    const siteOp = await t.login('sc.siteop', TEST_PASSWORD);
    const siteOpA = await t.login('sc.siteopA', TEST_PASSWORD);
    expect(await ok(siteOp.get('/api/spot-checks'))).toEqual([]);
    expect(await ok(siteOp.get('/api/spot-check-findings'))).toEqual([]);
    expect((await siteOp.get(`/api/spot-checks/${secretCheck.id}`)).statusCode).toBe(404);
    expect((await siteOp.get(`/api/spot-check-overview?parkId=${A.park.id}`)).statusCode).toBe(403);
    expect((await siteOp.post(`/api/spot-check-findings/${secretCheck.findings[0].id}/overturn`, { reason: '误判' })).statusCode).toBe(404);
    // The operator of the site the districts are in sees them all, and the overview of those districts.
    expect((await ok<CheckView[]>(siteOpA.get('/api/spot-checks'))).map((c) => c.id)).toContain(secretCheck.id);
    expect((await ok<OverviewRow[]>(siteOpA.get(`/api/spot-check-overview?parkId=${A.park.id}`))).map((r) => r.districtId).sort()).toEqual([A.district.id, district2.id].sort());
  });

  test('an inspector never sees or acts on a district it is not assigned to', async () => {
    const secretFinding = secretCheck.findings[0];
    expect((await insp.get(`/api/spot-checks/${secretCheck.id}`)).statusCode).toBe(404);
    expect((await insp.get(`/api/spot-check-findings/${secretFinding.id}`)).statusCode).toBe(404);
    expect((await insp.post(`/api/spot-check-findings/${secretFinding.id}/verify`, { accepted: true })).statusCode).toBe(404);
    expect((await insp.post('/api/spot-checks', { districtId: district2.id, area: '大堂', findings: [] })).statusCode).toBe(404);
    for (const url of ['/api/spot-checks', '/api/spot-check-findings', '/api/spot-check-assignments', '/api/spot-check-districts', `/api/spot-checks?districtId=${district2.id}`, `/api/spot-check-findings?districtId=${district2.id}`]) {
      const res = await insp.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toMatch(/SECRET|B区/);
    }
    // Nor through the park's structure routes: an inspector grant (even for every park) reads none of them.
    for (const url of ['/api/parks', `/api/parks/${A.park.id}`, `/api/parks/${A.park.id}/tree`, '/api/sites', '/api/districts', `/api/districts?parkId=${A.park.id}`, '/api/buildings', '/api/units', '/api/enterprises', '/api/property-companies']) {
      const res = await insp.get(url);
      if (process.env.SPOT_VERBOSE) console.log('inspector', url, res.statusCode, res.body.slice(0, 80));
      expect(res.body, url).not.toMatch(/B区|蓉城物业/);
    }
    // The other company's staff and an enterprise see nothing of it either.
    for (const c of [prop1, entAdmin]) {
      for (const url of ['/api/spot-checks', '/api/spot-check-findings', `/api/spot-checks/${secretCheck.id}`]) expect((await c.get(url)).body, `${c.username} ${url}`).not.toMatch(/SECRET/);
    }
    expect(await ok(entAdmin.get('/api/spot-check-findings'))).toEqual([]);
    // Its own company sees the finding.
    expect((await ok<FindingView[]>(prop2.get('/api/spot-check-findings'))).map((f) => f.id)).toEqual([secretFinding.id]);
  });
});

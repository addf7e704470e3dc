import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SYSTEM, TEST_PASSWORD, buildCreditCode, buildEnterprise, buildPark, buildUser, type BuiltPark } from '../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { addDays, localDate, localInstant, monthOf } from './training.rules';
import type { FiguresView, SessionDetailView, StaffDetailView, StaffView } from './training.schema';

let t: TestApp;
let A: BuiltPark;
let B: BuiltPark;
let pc1: { id: string };
let pc2: { id: string };
let op: TestClient;
let opB: TestClient;
let prop1: TestClient;
let prop2: TestClient;
let admin: TestClient;
/** pc1's four staff and pc2's three, by name. */
const staff: Record<string, StaffView> = {};
const today = localDate(new Date());
const day1 = addDays(today, -60);
const day2 = addDays(today, -1);
let s1: SessionDetailView;
let s2: SessionDetailView;

const sessionBody = (over: Record<string, unknown> = {}) => ({
  parkId: A.park.id,
  title: '消防安全知识培训',
  topic: 'fire_safety',
  date: day1,
  time: '14:00',
  hours: 2,
  trainer: '成都消防支队 王教官',
  hasExam: true,
  passMark: 60,
  invite: [{ propertyCompanyId: pc1.id }, { propertyCompanyId: pc2.id, staffIds: [staff['赵六'].id, staff['钱七'].id] }],
  ...over,
});
const id = (name: string) => staff[name].id;

beforeAll(async () => {
  t = await createTestApp();
  A = await buildPark(t.services);
  B = await buildPark(t.services);
  const d2 = await t.services.parks.createDistrict(SYSTEM, { siteId: A.site.id, name: 'B区' });
  pc1 = await t.services.parks.createPropertyCompany(SYSTEM, { name: '甲物业服务有限公司', creditCode: buildCreditCode() });
  pc2 = await t.services.parks.createPropertyCompany(SYSTEM, { name: '乙物业服务有限公司', creditCode: buildCreditCode() });
  await t.services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: pc1.id, districtId: A.district.id, startDate: '2025-01-01', endDate: '2030-12-31', annualFeeFen: 100 });
  await t.services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: pc2.id, districtId: d2.id, startDate: '2025-01-01', endDate: '2030-12-31', annualFeeFen: 100 });
  const e = await buildEnterprise(t.services, A.park.id, A.site.id);
  await buildUser(t.services, 'tr.op', [{ role: 'operator', scopeType: 'park', scopeId: A.park.id }]);
  await buildUser(t.services, 'tr.opB', [{ role: 'operator', scopeType: 'park', scopeId: B.park.id }]);
  await buildUser(t.services, 'tr.prop1', [{ role: 'property', scopeType: 'property_company', scopeId: pc1.id }]);
  await buildUser(t.services, 'tr.prop2', [{ role: 'property', scopeType: 'property_company', scopeId: pc2.id }]);
  await buildUser(t.services, 'tr.admin', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e.id }]);
  [op, opB, prop1, prop2, admin] = await Promise.all(['tr.op', 'tr.opB', 'tr.prop1', 'tr.prop2', 'tr.admin'].map((u) => t.login(u, TEST_PASSWORD)));
  for (const [client, company, people] of [
    [prop1, pc1, [['张三', 'security'], ['李四', 'cleaning'], ['王五', 'engineering'], ['孙八', 'supervisor']]],
    [prop2, pc2, [['赵六', 'security'], ['钱七', 'customer_service'], ['周九', 'cleaning']]],
  ] as const) {
    for (const [name, post] of people) {
      const res = await client.post('/api/training/staff', { propertyCompanyId: company.id, name, post, phone: '13800138000' });
      expect(res.statusCode, res.body).toBe(201);
      staff[name] = res.json();
    }
  }
});
afterAll(async () => {
  await t?.close();
});

describe('training rosters', () => {
  test('a company’s property staff see and change only their own roster; operators see all in scope, read only', async () => {
    expect((await prop1.get('/api/training/staff')).json().map((s: StaffView) => s.name).sort()).toEqual(['孙八', '张三', '李四', '王五'].sort());
    expect((await prop1.get(`/api/training/staff?propertyCompanyId=${pc2.id}`)).json()).toEqual([]);
    expect((await prop1.get(`/api/training/staff/${id('赵六')}`)).statusCode).toBe(404);
    const patch = await prop1.patch(`/api/training/staff/${id('赵六')}`, { name: '被改了' });
    expect(patch.statusCode).toBe(404);
    expect((await prop1.post('/api/training/staff', { propertyCompanyId: pc2.id, name: '冒名', post: 'security' })).statusCode).toBe(404);
    expect((await prop2.get(`/api/training/staff/${id('赵六')}`)).json().name).toBe('赵六');
    const seen = (await op.get('/api/training/staff')).json() as StaffView[];
    expect(seen).toHaveLength(7);
    // Operators see staff phones masked; the company's own staff in full.
    expect(seen.every((s) => s.phone !== '13800138000' && s.phone?.startsWith('138'))).toBe(true);
    expect((await prop1.get(`/api/training/staff/${id('张三')}`)).json().phone).toBe('13800138000');
    expect((await op.post('/api/training/staff', { propertyCompanyId: pc1.id, name: '运营代加', post: 'security' })).statusCode).toBe(403);
    expect((await op.patch(`/api/training/staff/${id('张三')}`, { isActive: false })).statusCode).toBe(403);
    expect((await opB.get('/api/training/staff')).json()).toEqual([]);
    expect((await opB.get(`/api/training/staff/${id('张三')}`)).statusCode).toBe(404);
    expect((await admin.get('/api/training/staff')).statusCode).toBe(403);
    expect((await admin.get(`/api/training/staff/${id('张三')}`)).statusCode).toBe(404);
    const [row] = await t.database.query<{ name: string }>('select name from training_staff where id = $1', [id('赵六')]);
    expect(row.name).toBe('赵六');
  });

  test('a 400 names the field; an inactive staff member leaves the roster but keeps their record', async () => {
    const bad = await prop1.post('/api/training/staff', { propertyCompanyId: pc1.id, name: '', post: 'pilot' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().details)).toContain('name');
    // A linked account must be the company's own property user: not another company's, not a made-up id.
    const [u1, u2] = await t.database.query<{ id: string }>(`select id::text as id from users where username in ('tr.prop1', 'tr.prop2') order by username`);
    for (const userId of [u2.id, '00000000-0000-4000-8000-000000000001']) {
      const res = await prop1.post('/api/training/staff', { propertyCompanyId: pc1.id, name: '关联', post: 'supervisor', userId });
      expect(res.statusCode).toBe(400);
      expect(res.json().details.fields[0].field).toBe('body.userId');
    }
    const linked = await prop1.patch(`/api/training/staff/${id('孙八')}`, { userId: u1.id });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().userId).toBe(u1.id);
    const extra = (await prop1.post('/api/training/staff', { propertyCompanyId: pc1.id, name: '临时工', post: 'other' })).json() as StaffView;
    const off = await prop1.patch(`/api/training/staff/${extra.id}`, { isActive: false });
    expect(off.statusCode).toBe(200);
    expect((await prop1.get('/api/training/staff')).json().map((s: StaffView) => s.id)).not.toContain(extra.id);
    expect((await prop1.get('/api/training/staff?includeInactive=true')).json().map((s: StaffView) => s.id)).toContain(extra.id);
  });

  test('companies: operators see the park’s companies, property staff their own', async () => {
    expect((await op.get(`/api/training/companies?parkId=${A.park.id}`)).json().map((c: { id: string }) => c.id).sort()).toEqual([pc1.id, pc2.id].sort());
    expect((await prop1.get('/api/training/companies')).json().map((c: { id: string; activeStaff: number }) => [c.id, c.activeStaff])).toEqual([[pc1.id, 4]]);
    expect((await opB.get(`/api/training/companies?parkId=${A.park.id}`)).json()).toEqual([]);
  });
});

describe('training sessions and results', () => {
  test('an operator schedules a session for both companies: a whole roster and chosen staff', async () => {
    const noMark = await op.post('/api/training/sessions', sessionBody({ passMark: null }));
    expect(noMark.statusCode).toBe(400);
    expect(noMark.json().details.fields[0].field).toBe('body.passMark');
    const foreign = await op.post('/api/training/sessions', sessionBody({ invite: [{ propertyCompanyId: pc1.id, staffIds: [id('赵六')] }] }));
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().details.fields[0].field).toBe('body.invite.0.staffIds.0');
    expect((await opB.post('/api/training/sessions', sessionBody())).statusCode).toBe(404);
    const res = await op.post('/api/training/sessions', sessionBody());
    expect(res.statusCode, res.body).toBe(201);
    s1 = res.json();
    expect(s1).toMatchObject({ date: day1, time: '14:00', hours: 2, invited: 6, passMark: 60, isRecorded: false, canRecord: true });
    expect(new Date(s1.startsAt)).toEqual(localInstant(day1, '14:00'));
    s2 = (await op.post('/api/training/sessions', sessionBody({ title: '服务礼仪培训', topic: 'service_etiquette', date: day2, time: '09:30', hours: 1.5, hasExam: false, passMark: null, invite: [{ propertyCompanyId: pc1.id }, { propertyCompanyId: pc2.id }] }))).json();
    expect(s2.invited).toBe(7);
  });

  test('property staff see only their company’s invitations of a session, and cannot record an operator’s session', async () => {
    const mine = await prop2.get(`/api/training/sessions/${s1.id}`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().invitations.map((i: { staffName: string }) => i.staffName).sort()).toEqual(['赵六', '钱七'].sort());
    expect(mine.body).not.toContain('张三');
    expect(mine.body).not.toContain('甲物业');
    expect(mine.json().canRecord).toBe(false);
    const rec = await prop2.request({ method: 'PUT', url: `/api/training/sessions/${s1.id}/results`, payload: { results: [{ staffId: id('赵六'), attended: true, score: 100 }] } });
    expect(rec.statusCode).toBe(403);
    expect((await opB.get(`/api/training/sessions/${s1.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/training/sessions/${s1.id}`)).statusCode).toBe(404);
    expect((await admin.get('/api/training/sessions')).statusCode).toBe(403);
  });

  test('bulk entry is all or nothing, names the row’s field, and passed means score ≥ pass mark', async () => {
    const put = (body: unknown) => op.request({ method: 'PUT', url: `/api/training/sessions/${s1.id}/results`, payload: body as never });
    const notInvited = await put({ results: [{ staffId: id('张三'), attended: true, score: 90 }, { staffId: id('周九'), attended: true, score: 90 }] });
    expect(notInvited.statusCode).toBe(400);
    expect(notInvited.json().details.fields[0].field).toBe('body.results.1.staffId');
    const absentScore = await put({ results: [{ staffId: id('张三'), attended: false, score: 90 }] });
    expect(absentScore.json().details.fields[0].field).toBe('body.results.0.score');
    expect((await put({ results: [{ staffId: id('张三'), attended: true, score: 101 }] })).statusCode).toBe(400);
    const [before] = await t.database.query<{ n: number }>('select count(*)::int as n from training_invitations where session_id = $1 and attended is not null', [s1.id]);
    expect(before.n).toBe(0);
    const ok = await put({
      results: [
        { staffId: id('张三'), attended: true, score: 59.5 },
        { staffId: id('李四'), attended: true, score: 60 },
        { staffId: id('王五'), attended: true, score: 90 },
        { staffId: id('孙八'), attended: false },
        { staffId: id('赵六'), attended: true, score: 80 },
        { staffId: id('钱七'), attended: false, score: null },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const d = ok.json() as SessionDetailView;
    const passed = Object.fromEntries(d.invitations.map((i) => [i.staffName, i.passed]));
    expect(passed).toEqual({ 张三: false, 李四: true, 王五: true, 孙八: null, 赵六: true, 钱七: null });
    expect(d).toMatchObject({ isRecorded: true, invited: 6, attended: 4, examined: 4, passed: 3 });
  });

  test('a session that has not started takes no results (409)', async () => {
    const future = (await op.post('/api/training/sessions', sessionBody({ date: addDays(today, 3) }))).json() as SessionDetailView;
    const res = await op.request({ method: 'PUT', url: `/api/training/sessions/${future.id}/results`, payload: { results: [{ staffId: id('张三'), attended: true, score: 70 }] } });
    expect(res.statusCode).toBe(409);
    expect(res.json().details.reason).toBe('not_started');
  });

  test('the results sheet imports all or nothing, each bad row named by row and column', async () => {
    const tpl = await op.get(`/api/training/sessions/${s2.id}/results/template`);
    expect(tpl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(8);
    const rowOf = (name: string) => [...Array(ws.rowCount).keys()].map((i) => i + 1).find((r) => ws.getRow(r).getCell(2).value === name)!;
    for (const [name, a] of [['张三', '是'], ['李四', '是'], ['王五', 'Y'], ['孙八', '1'], ['赵六', '否'], ['钱七', '是'], ['周九', '否']] as const) ws.getRow(rowOf(name)).getCell(4).value = a;
    // Two bad rows: a score although the session has no exam, and an attendance nobody can read.
    ws.getRow(rowOf('李四')).getCell(5).value = 88;
    ws.getRow(rowOf('王五')).getCell(4).value = '也许';
    const upload = async () => op.post(`/api/training/sessions/${s2.id}/results/import`, { xlsxBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
    const bad = await upload();
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.rows).toEqual([
      expect.objectContaining({ row: rowOf('李四'), column: 'E', code: 'score_without_exam', value: '88' }),
      expect.objectContaining({ row: rowOf('王五'), column: 'D', code: 'attended_invalid', value: '也许' }),
    ]);
    expect(bad.json().details.fields[0].field).toBe('body.xlsxBase64');
    const [none] = await t.database.query<{ n: number }>('select count(*)::int as n from training_invitations where session_id = $1 and attended is not null', [s2.id]);
    expect(none.n).toBe(0);
    // A row matched by name when its id is blank.
    ws.getRow(rowOf('李四')).getCell(5).value = null;
    ws.getRow(rowOf('王五')).getCell(4).value = '是';
    ws.getRow(rowOf('周九')).getCell(1).value = null;
    const good = await upload();
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toMatchObject({ isRecorded: true, invited: 7, attended: 5, examined: 0 });
  });

  test('a company schedules sessions for its own staff only; the other company never sees them', async () => {
    const other = await prop1.post('/api/training/sessions', sessionBody({ invite: [{ propertyCompanyId: pc2.id }] }));
    expect(other.statusCode).toBe(403);
    const own = await prop1.post('/api/training/sessions', sessionBody({ title: '甲物业内部设备操作培训', topic: 'equipment_operation', date: day2, hasExam: false, passMark: null, invite: [{ propertyCompanyId: pc1.id }] }));
    expect(own.statusCode, own.body).toBe(201);
    const s = own.json() as SessionDetailView;
    expect(s.organizerCompanyId).toBe(pc1.id);
    expect((await prop2.get(`/api/training/sessions/${s.id}`)).statusCode).toBe(404);
    expect((await prop2.get('/api/training/sessions')).body).not.toContain('甲物业内部');
    expect((await prop2.request({ method: 'PUT', url: `/api/training/sessions/${s.id}/results`, payload: { results: [{ staffId: id('张三'), attended: true }] } })).statusCode).toBe(404);
    expect((await op.get(`/api/training/sessions/${s.id}`)).json().canRecord).toBe(true);
    expect((await prop1.get(`/api/training/sessions/${s.id}`)).json().canRecord).toBe(true);
    // Not recorded yet: it does not count in the figures below.
  });
});

describe('training figures', () => {
  test('figures per company match a hand count; property staff see only their own company', async () => {
    // pc1: s1 invited 4, attended 3 (2 h), examined 3, passed 2 (59.5 < 60 ≤ 60, 90); s2 invited 4, attended 4 (1.5 h).
    // pc2: s1 invited 2, attended 1 (2 h), examined 1, passed 1; s2 invited 3, attended 1 (1.5 h).
    const res = await op.get(`/api/training/figures?parkId=${A.park.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json() as FiguresView;
    const [c1, c2] = [pc1.id, pc2.id].map((pid) => f.companies.find((c) => c.propertyCompanyId === pid)!);
    expect(c1).toMatchObject({ sessions: 2, invited: 8, attended: 7, examined: 3, passed: 2, attendanceRate: 7 / 8, passRate: 2 / 3, hours: 12, activeStaff: 4, hoursPerStaff: 3 });
    expect(c2).toMatchObject({ sessions: 2, invited: 5, attended: 2, examined: 1, passed: 1, attendanceRate: 2 / 5, passRate: 1, hours: 3.5, activeStaff: 3, hoursPerStaff: 3.5 / 3 });
    expect(c1.months).toHaveLength(12);
    const m1 = c1.months.find((m) => m.month === monthOf(day1))!;
    expect(m1).toMatchObject({ invited: 4, attended: 3, examined: 3, passed: 2 });
    const empty = c1.months.filter((m) => m.month !== monthOf(day1) && m.month !== monthOf(day2));
    expect(empty.every((m) => m.invited === 0 && m.attendanceRate === null)).toBe(true);
    const mine = (await prop2.get(`/api/training/figures?parkId=${A.park.id}`)).json() as FiguresView;
    expect(mine.companies.map((c) => c.propertyCompanyId)).toEqual([pc2.id]);
    expect(mine.companies[0]).toMatchObject({ invited: 5, attended: 2 });
    // Only s1's month: s2 falls outside.
    const narrow = (await op.get(`/api/training/figures?parkId=${A.park.id}&from=${day1}&to=${day1}`)).json() as FiguresView;
    expect(narrow.companies.find((c) => c.propertyCompanyId === pc2.id)).toMatchObject({ sessions: 1, invited: 2, attended: 1, hours: 2 });
    expect((await opB.get(`/api/training/figures?parkId=${A.park.id}`)).statusCode).toBe(404);
    expect((await admin.get('/api/training/figures')).statusCode).toBe(403);
  });

  test('records(q, range) gives one row per invitation of recorded sessions of the park in [from, to)', async () => {
    const rows = await t.services.training.records(t.database.db, { parkId: A.park.id, from: localInstant(addDays(day1, -1)), to: localInstant(today) });
    expect(rows).toHaveLength(13);
    const zhang = rows.filter((r) => r.staffKey === id('张三'));
    expect(zhang).toEqual([
      { propertyCompanyId: pc1.id, sessionId: s1.id, staffKey: id('张三'), attended: true, examined: true, passed: false, hours: 2, heldAt: localInstant(day1, '14:00') },
      { propertyCompanyId: pc1.id, sessionId: s2.id, staffKey: id('张三'), attended: true, examined: false, passed: false, hours: 1.5, heldAt: localInstant(day2, '09:30') },
    ]);
    const score = (list: typeof rows) => {
      const inv = list.length;
      const att = list.filter((r) => r.attended).length;
      const ex = list.filter((r) => r.examined).length;
      const pass = list.filter((r) => r.passed).length;
      return 50 * (att / inv) + 50 * (ex ? pass / ex : 1);
    };
    // The evaluation's default training leaf, by hand: pc1 50·7/8 + 50·2/3; pc2 50·2/5 + 50·1/1.
    expect(score(rows.filter((r) => r.propertyCompanyId === pc1.id))).toBeCloseTo(43.75 + 100 / 3, 10);
    expect(score(rows.filter((r) => r.propertyCompanyId === pc2.id))).toBeCloseTo(70, 10);
    // `to` is exclusive: a range ending at s1's start leaves it out; another park has none.
    expect(await t.services.training.records(t.database.db, { parkId: A.park.id, from: localInstant(addDays(day1, -1)), to: localInstant(day1, '14:00') })).toEqual([]);
    expect(await t.services.training.records(t.database.db, { parkId: B.park.id, from: new Date(0), to: new Date() })).toEqual([]);
  });

  test('a staff member’s record lists their sessions with scores; every change is audited', async () => {
    const res = await prop1.get(`/api/training/staff/${id('李四')}`);
    const d = res.json() as StaffDetailView;
    expect(d.record.filter((r) => r.isRecorded).map((r) => [r.title, r.attended, r.score, r.passed])).toEqual([
      ['服务礼仪培训', true, null, null],
      ['消防安全知识培训', true, 60, true],
    ]);
    expect(d.totals).toEqual({ invited: 2, attended: 2, hours: 3.5, examined: 1, passed: 1 });
    const audit = await t.database.query<{ action: string }>(`select action from audit_log where entity_type in ('training_staff', 'training_session') order by id`);
    const actions = new Set(audit.map((a) => a.action));
    expect([...actions].sort()).toEqual(['training_session.created', 'training_session.results_recorded', 'training_staff.created', 'training_staff.updated']);
  });
});

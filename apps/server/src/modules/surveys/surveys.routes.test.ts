import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SYSTEM, TEST_PASSWORD, buildCreditCode, buildEnterprise, buildPark, buildUser, type BuiltPark } from '../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { TEST_DB } from '../../testing/test-db';
import { addDays, localDay } from './surveys.rules';
import type { ResponseView, ResultsView, SurveyView } from './surveys.schema';

let t: TestApp;
let A: BuiltPark;
let B: BuiltPark;
/** A second district of park A, served by another property company. */
let d2: { id: string };
let e1: { id: string; legalName: string };
let e2: { id: string; legalName: string };
let e3: { id: string; legalName: string };
let e4: { id: string; legalName: string };
let op: TestClient;
let opB: TestClient;
let admin1: TestClient;
let admin2: TestClient;
let admin3: TestClient;
let admin4: TestClient;
let member1: TestClient;
let prop1: TestClient;
let prop2: TestClient;
let survey: SurveyView;
const today = localDay(new Date());

const QUESTIONS = [
  { id: 'overall', kind: 'rating', title: '总体满意度', required: true, scaleMax: 5, lowLabel: '很不满意', highLabel: '非常满意' },
  { id: 'nps', kind: 'rating', title: '推荐意愿', required: false, scaleMax: 10 },
  { id: 'improve', kind: 'single', title: '最需改进', required: true, options: [ { id: 'clean', label: '保洁' }, { id: 'lift', label: '电梯' }, { id: 'repair', label: '报修' } ] },
  { id: 'used', kind: 'multiple', title: '用过的服务', required: false, options: [ { id: 'repair', label: '报修' }, { id: 'parking', label: '停车' } ] },
  { id: 'comment', kind: 'text', title: '意见建议', required: false },
];

const surveyBody = (over: Record<string, unknown> = {}) => ({ parkId: A.park.id, title: '2026年第四季度满意度调查', questions: QUESTIONS, districtIds: [A.district.id, d2.id], opensOn: addDays(today, -1), closesOn: addDays(today, 10), ...over });

beforeAll(async () => {
  t = await createTestApp();
  A = await buildPark(t.services);
  B = await buildPark(t.services);
  d2 = await t.services.parks.createDistrict(SYSTEM, { siteId: A.site.id, name: 'B区' });
  const b2 = await t.services.parks.createBuilding(SYSTEM, { districtId: d2.id, name: 'B1栋', floorsAboveGround: 2 });
  const f2 = await t.services.parks.createFloor(SYSTEM, { buildingId: b2.id, level: 1 });
  const u3 = await t.services.parks.createUnit(SYSTEM, { floorId: f2.id, code: '101', area: 100 });
  e1 = await buildEnterprise(t.services, A.park.id, A.site.id, '调查甲科技有限公司');
  e2 = await buildEnterprise(t.services, A.park.id, A.site.id, '调查乙软件有限公司');
  e3 = await buildEnterprise(t.services, A.park.id, A.site.id, '调查丙数据有限公司');
  // e4 has no lease: not in any district, never invited.
  e4 = await buildEnterprise(t.services, A.park.id, A.site.id, '调查丁无租约有限公司');
  const lease = { startDate: '2025-01-01', endDate: '2028-12-31', monthlyRentFen: 100_000 };
  await t.services.parks.createLease(SYSTEM, e1.id, { unitId: A.units[0].id, ...lease });
  await t.services.parks.createLease(SYSTEM, e2.id, { unitId: A.units[1].id, ...lease });
  await t.services.parks.createLease(SYSTEM, e3.id, { unitId: u3.id, ...lease });
  const pc1 = await t.services.parks.createPropertyCompany(SYSTEM, { name: '锦华物业', creditCode: buildCreditCode() });
  const pc2 = await t.services.parks.createPropertyCompany(SYSTEM, { name: '安信物业', creditCode: buildCreditCode() });
  await t.services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: pc1.id, districtId: A.district.id, startDate: '2025-01-01', endDate: '2027-12-31', annualFeeFen: 1 });
  await t.services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: pc2.id, districtId: d2.id, startDate: '2025-01-01', endDate: '2027-12-31', annualFeeFen: 1 });
  await buildUser(t.services, 'sv.op', [{ role: 'operator', scopeType: 'park', scopeId: A.park.id }]);
  await buildUser(t.services, 'sv.opB', [{ role: 'operator', scopeType: 'park', scopeId: B.park.id }]);
  await buildUser(t.services, 'sv.admin1', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e1.id }]);
  await buildUser(t.services, 'sv.admin2', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e2.id }]);
  await buildUser(t.services, 'sv.admin3', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e3.id }]);
  await buildUser(t.services, 'sv.admin4', [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e4.id }]);
  await buildUser(t.services, 'sv.member1', [{ role: 'member', scopeType: 'enterprise', scopeId: e1.id }]);
  await buildUser(t.services, 'sv.prop1', [{ role: 'property', scopeType: 'property_company', scopeId: pc1.id }]);
  await buildUser(t.services, 'sv.prop2', [{ role: 'property', scopeType: 'property_company', scopeId: pc2.id }]);
  [op, opB, admin1, admin2, admin3, admin4, member1, prop1, prop2] = await Promise.all(['sv.op', 'sv.opB', 'sv.admin1', 'sv.admin2', 'sv.admin3', 'sv.admin4', 'sv.member1', 'sv.prop1', 'sv.prop2'].map((u) => t.login(u, TEST_PASSWORD)));
});

afterAll(async () => {
  await t?.close();
});

describe('building a survey', () => {
  test.each([
    ['a choice question with one option', { questions: QUESTIONS.map((q, i) => (i === 2 ? { ...q, options: [{ id: 'clean', label: '保洁' }] } : q)) }, 'body.questions.2.options'],
    ['a rating without a scale of 5 or 10', { questions: QUESTIONS.map((q, i) => (i === 0 ? { ...q, scaleMax: undefined } : q)) }, 'body.questions.0.scaleMax'],
    ['two questions with one id', { questions: [...QUESTIONS, { id: 'overall', kind: 'text', title: '重复', required: false }] }, 'body.questions.5.id'],
    ['no question', { questions: [] }, 'body.questions'],
    ['a district of another park', {}, 'body.districtIds.1'],
    ['a last day before the first', { opensOn: today, closesOn: addDays(today, -1) }, 'body.closesOn'],
  ])('%s is refused with a 400 naming the field', async (_name, over, field) => {
    const body = surveyBody(over);
    if (field === 'body.districtIds.1') body.districtIds = [A.district.id, B.district.id];
    const res = await op.post('/api/surveys', body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().details.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  test('an operator of another park, property staff, admins and members may not create one', async () => {
    for (const c of [opB, prop1, admin1, member1]) expect((await c.post('/api/surveys', surveyBody())).statusCode).toBe(403);
  });

  test('the operator creates a draft that no one else sees, then opens it for the enterprises leasing in its districts', async () => {
    const res = await op.post('/api/surveys', surveyBody());
    expect(res.statusCode, res.body).toBe(201);
    survey = res.json();
    expect(survey.status).toBe('draft');
    expect(survey.districts.map((d) => d.name).sort()).toEqual(['A区', 'B区']);
    for (const c of [opB, prop1, admin1, member1]) {
      expect((await c.get(`/api/surveys/${survey.id}`)).statusCode).toBe(404);
      expect(((await c.get('/api/surveys')).json() as SurveyView[]).map((s) => s.id)).not.toContain(survey.id);
    }
    const patched = await op.patch(`/api/surveys/${survey.id}`, { title: '2026年第四季度企业客户满意度调查' });
    expect(patched.statusCode, patched.body).toBe(200);
    const opened = await op.post(`/api/surveys/${survey.id}/open`);
    expect(opened.statusCode, opened.body).toBe(200);
    survey = opened.json();
    expect(survey).toMatchObject({ status: 'open', isAnswerable: true, invited: 3, answered: 0, title: '2026年第四季度企业客户满意度调查' });
    expect((await op.patch(`/api/surveys/${survey.id}`, { title: 'x' })).statusCode).toBe(409);
    expect((await op.post(`/api/surveys/${survey.id}/open`)).statusCode).toBe(409);
  });
});

describe('answering', () => {
  test('an invited admin sees the survey as not answered; an admin of an enterprise without a lease there, and a member, get 404', async () => {
    const mine = (await admin1.get('/api/surveys')).json() as SurveyView[];
    expect(mine.find((s) => s.id === survey.id)?.mine).toEqual([{ enterpriseId: e1.id, enterpriseName: e1.legalName, hasAnswered: false }]);
    for (const c of [admin4, member1]) {
      expect((await c.get(`/api/surveys/${survey.id}`)).statusCode).toBe(404);
      expect((await c.post(`/api/surveys/${survey.id}/responses`, { answers: { overall: 5, improve: 'clean' } })).statusCode).toBe(404);
    }
  });

  test.each([
    ['a required rating left out', { improve: 'clean' }, 'body.answers.overall'],
    ['a rating above the scale', { overall: 6, improve: 'clean' }, 'body.answers.overall'],
    ['an unknown option', { overall: 4, improve: 'nothing' }, 'body.answers.improve'],
    ['an unknown question', { overall: 4, improve: 'clean', extra: 'x' }, 'body.answers.extra'],
  ])('%s is a 400 naming the answer', async (_name, answers, field) => {
    const res = await admin1.post(`/api/surveys/${survey.id}/responses`, { answers });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().details.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  test('an enterprise answers once: the second answer is a 409', async () => {
    const res = await admin1.post(`/api/surveys/${survey.id}/responses`, { answers: { overall: 5, nps: 9, improve: 'lift', used: ['repair', 'parking'], comment: '电梯经常故障，等待时间长。保洁很好' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ enterpriseId: e1.id, districtId: A.district.id });
    const again = await admin1.post(`/api/surveys/${survey.id}/responses`, { answers: { overall: 1, improve: 'clean' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().details.reason).toBe('already_answered');
    const mine = (await admin1.get(`/api/surveys/${survey.id}/my-responses`)).json() as ResponseView[];
    expect(mine.map((r) => r.answers.overall)).toEqual([5]);
  });

  test(`two simultaneous answers of one enterprise: one is stored, the other is a 409 (${TEST_DB})`, async () => {
    const [a, b] = await Promise.all([
      admin2.post(`/api/surveys/${survey.id}/responses`, { answers: { overall: 3, improve: 'lift', comment: '电梯等待时间太长，空调噪音大' } }),
      admin2.post(`/api/surveys/${survey.id}/responses`, { answers: { overall: 3, improve: 'lift', comment: '电梯等待时间太长，空调噪音大' } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const [{ n }] = await t.database.query<{ n: number }>(`select count(*)::int as n from survey_responses where survey_id = $1 and enterprise_id = $2`, [survey.id, e2.id]);
    expect(Number(n)).toBe(1);
  });

  test('the admin of the second district answers; an admin sees only their own answer and no results', async () => {
    expect((await admin3.post(`/api/surveys/${survey.id}/responses`, { answers: { overall: 2, nps: 4, improve: 'repair', used: ['repair'], comment: '报修响应慢，空调维修不及时' } })).statusCode).toBe(201);
    const mine = (await admin3.get(`/api/surveys/${survey.id}/my-responses`)).json() as ResponseView[];
    expect(mine.map((r) => r.enterpriseId)).toEqual([e3.id]);
    for (const url of ['results', 'responses', 'export']) expect((await admin3.get(`/api/surveys/${survey.id}/${url}`)).statusCode).toBeGreaterThanOrEqual(403);
  });
});

describe('results', () => {
  test('the operator sees the response rate, exact means, choices and top terms per district', async () => {
    const res = await op.get(`/api/surveys/${survey.id}/results`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as ResultsView;
    expect(r.total).toMatchObject({ invited: 3, answered: 3, responseRate: 1 });
    const a = r.districts.find((d) => d.districtId === A.district.id)!;
    const b = r.districts.find((d) => d.districtId === d2.id)!;
    expect(a).toMatchObject({ invited: 2, answered: 2, responseRate: 1 });
    expect(b).toMatchObject({ invited: 1, answered: 1, responseRate: 1 });
    const q = (d: typeof a, id: string) => d.questions.find((x) => x.questionId === id)!;
    expect(q(a, 'overall').mean).toBe(4); // (5 + 3) / 2
    expect(q(r.total, 'overall').mean).toBeCloseTo(10 / 3, 12);
    expect(q(r.total, 'nps')).toMatchObject({ count: 2, mean: 6.5, scaleMax: 10 });
    expect(q(r.total, 'overall').distribution).toEqual([{ key: '1', count: 0 }, { key: '2', count: 1 }, { key: '3', count: 1 }, { key: '4', count: 0 }, { key: '5', count: 1 }]);
    expect(q(r.total, 'improve').distribution).toEqual([{ key: 'clean', count: 0 }, { key: 'lift', count: 2 }, { key: 'repair', count: 1 }]);
    expect(q(r.total, 'used').distribution).toEqual([{ key: 'repair', count: 2 }, { key: 'parking', count: 1 }]);
    const terms = q(r.total, 'comment').topTerms;
    expect(terms.slice(0, 2)).toEqual([{ term: '电梯', count: 2 }, { term: '空调', count: 2 }]);
    expect(terms.map((x) => x.term)).toEqual(expect.arrayContaining(['保洁', '故障', '响应', '维修', '噪音']));
    // Single characters and stop words are not terms.
    expect(terms.every((x) => [...x.term].length > 1 && !['经常', '不及时', '太长'].includes(x.term))).toBe(true);
  });

  test('property staff see the aggregates of their own district only, and comments without enterprise names', async () => {
    const res = await prop1.get(`/api/surveys/${survey.id}/results`);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as ResultsView;
    expect(r.districts.map((d) => d.districtId)).toEqual([A.district.id]);
    expect(r.total).toMatchObject({ invited: 2, answered: 2 });
    expect(r.total.questions.find((x) => x.questionId === 'comment')!.comments).toHaveLength(2);
    for (const e of [e1, e2, e3]) {
      expect(res.body).not.toContain(e.legalName);
      expect(res.body).not.toContain(e.id);
    }
    expect(res.body).not.toContain('报修响应慢');
    const other = (await prop2.get(`/api/surveys/${survey.id}/results`)).json() as ResultsView;
    expect(other.districts.map((d) => d.districtId)).toEqual([d2.id]);
    expect((await prop1.get(`/api/surveys/${survey.id}/responses`)).statusCode).toBe(403);
    expect((await prop1.get(`/api/surveys/${survey.id}/my-responses`)).statusCode).toBe(404);
    const v = (await prop1.get(`/api/surveys/${survey.id}`)).json() as SurveyView;
    expect(v).toMatchObject({ invited: null, answered: null, mine: [] });
  });

  test('the operator sees who answered what; another park’s operator sees nothing', async () => {
    const rows = (await op.get(`/api/surveys/${survey.id}/responses`)).json() as ResponseView[];
    expect(rows.map((r) => r.enterpriseName).sort()).toEqual([e1.legalName, e2.legalName, e3.legalName].sort());
    for (const url of ['', '/results', '/responses', '/export']) expect((await opB.get(`/api/surveys/${survey.id}${url}`)).statusCode).toBe(404);
  });

  test('the Excel export has the response rate per district; only the operator’s has the answers with names', async () => {
    const load = async (c: TestClient) => {
      const res = await c.request({ method: 'GET', url: `/api/surveys/${survey.id}/export` });
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      return wb;
    };
    const wb = await load(op);
    const rate = wb.getWorksheet('回收率 Response rate')!;
    expect(rate.getRow(2).getCell(1).value).toBe('A区');
    expect(rate.getRow(2).getCell(4).value).toBe(1);
    const names = wb.getWorksheet('答卷 Responses')!.getColumn(1).values.slice(2);
    expect(names.sort()).toEqual([e1.legalName, e2.legalName, e3.legalName].sort());
    const pwb = await load(prop1);
    expect(pwb.getWorksheet('答卷 Responses')).toBeUndefined();
    expect(pwb.getWorksheet('回收率 Response rate')!.rowCount).toBe(3);
  });
});

describe('reminders, ratings and the close', () => {
  test('two days before the last day, admins who have not answered are reminded once', async () => {
    const res = await op.post('/api/surveys', surveyBody({ title: '临期调查', opensOn: today, closesOn: addDays(today, 2) }));
    const s = res.json() as SurveyView;
    expect((await op.post(`/api/surveys/${s.id}/open`)).statusCode).toBe(200);
    expect((await admin1.post(`/api/surveys/${s.id}/responses`, { answers: { overall: 4, improve: 'clean' } })).statusCode).toBe(201);
    // The first survey closes in 10 days: it sends nothing yet.
    expect(await t.services.surveys.remindBeforeClose()).toBe(2);
    expect(await t.services.surveys.remindBeforeClose()).toBe(0);
    const rows = await t.database.query<{ username: string; kind: string; title: string | null; params: { survey: string; closesOn: string }; entity_id: string }>(
      `select u.username, n.kind, n.title, n.params, n.entity_id::text as entity_id from notifications n join users u on u.id = n.user_id where n.kind = 'survey.reminder' order by u.username`,
    );
    expect(rows.map((r) => r.username)).toEqual(['sv.admin2', 'sv.admin3']);
    // Values, not a sentence: the web app words the reminder in the reader's language.
    expect(rows.every((r) => r.entity_id === s.id && r.title === null && r.params.survey === '临期调查' && r.params.closesOn === addDays(today, 2))).toBe(true);
  });

  test('ratings(q, range) gives one row per rating answer with the district at the time', async () => {
    const rows = await t.services.surveys.ratings(t.database.db, { parkId: A.park.id, from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 60_000) });
    const mine = rows.filter((r) => r.surveyId === survey.id);
    expect(mine).toHaveLength(5); // overall × 3, nps × 2
    expect(mine.find((r) => r.enterpriseId === e3.id && r.questionId === 'nps')).toMatchObject({ value: 4, scaleMax: 10, districtId: d2.id });
    expect(await t.services.surveys.ratings(t.database.db, { parkId: B.park.id, from: new Date(0), to: new Date(Date.now() + 60_000) })).toEqual([]);
    expect((await t.services.surveys.ratings(t.database.db, { parkId: A.park.id, from: new Date(Date.now() + 1000), to: new Date(Date.now() + 60_000) })).length).toBe(0);
  });

  test('a closed survey takes no answer (409) and still shows its results', async () => {
    expect((await prop1.post(`/api/surveys/${survey.id}/close`)).statusCode).toBe(403);
    const closed = await op.post(`/api/surveys/${survey.id}/close`);
    expect(closed.json()).toMatchObject({ status: 'closed', isAnswerable: false });
    const res = await admin4.get(`/api/surveys/${survey.id}`);
    expect(res.statusCode).toBe(404);
    const late = await admin1.post(`/api/surveys/${survey.id}/responses`, { answers: { overall: 4, improve: 'clean' } });
    expect(late.statusCode).toBe(409);
    expect((await op.get(`/api/surveys/${survey.id}/results`)).json().total.answered).toBe(3);
    const audit = await t.database.query<{ action: string }>(`select action from audit_log where entity_id = $1 order by id`, [survey.id]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['survey.created', 'survey.updated', 'survey.opened', 'survey.closed']));
  });
});

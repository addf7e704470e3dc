import type { EvalIndicator, EvalScoreNode } from '@parkos/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SYSTEM, TEST_PASSWORD, buildCreditCode, buildPark, buildUser, type BuiltPark } from '../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import type { EvalDeduction } from './evaluation.engine';
import type { PeriodView, ScoreTreeView } from './evaluation.schema';

/** Safety is the deductions leaf (60 %), environment a manual leaf (40 %, 100 without an entry). */
const TREE: EvalIndicator[] = [
  { key: 'safety', name: '安全生产', weight: 60, source: { kind: 'deductions' } },
  { key: 'env', name: '环境秩序', weight: 40, source: { kind: 'manual' } },
];

let t: TestApp;
let A: BuiltPark;
let B: BuiltPark;
let op: TestClient;
let opB: TestClient;
let prop1: TestClient;
let prop2: TestClient;
let district2: { id: string };
let pc1: { id: string; name: string };
let pc2: { id: string; name: string };
let schemeId: string;
const periods: Record<string, PeriodView> = {};
let appealId: string;
let appealCaseId: string;

const monthStart = (label: string) => new Date(`${label}-01T00:00:00+08:00`);
const finding = (source: EvalDeduction['source'], districtId: string, companyId: string, severity: EvalDeduction['severity'], points: number, label: string, month: string): EvalDeduction => ({
  source,
  findingId: `${month}-${label}`,
  districtId,
  propertyCompanyId: companyId,
  severity,
  points,
  occurredAt: new Date(monthStart(month).getTime() + 10 * 86_400_000),
  label,
});

async function openAndClose(label: string, close = true) {
  const res = await op.post('/api/evaluation/periods', { schemeId, label });
  expect(res.statusCode, res.body).toBe(201);
  periods[label] = res.json();
  if (close) expect((await op.post(`/api/evaluation/periods/${periods[label].id}/close`)).statusCode).toBe(200);
}
const companyRow = async (label: string, id: string) => ((await op.get(`/api/evaluation/periods/${periods[label].id}/ranking`)).json().companies as { subjectId: string; total: number; rank: number }[]).find((c) => c.subjectId === id)!;
const put = (c: TestClient, url: string, payload: Record<string, unknown>) => c.request({ method: 'PUT', url, payload });
const act = (c: TestClient, caseId: string, body: Record<string, unknown>) => c.post(`/api/approval-cases/${caseId}/actions`, body);

beforeAll(async () => {
  t = await createTestApp();
  A = await buildPark(t.services);
  B = await buildPark(t.services);
  district2 = await t.services.parks.createDistrict(SYSTEM, { siteId: A.site.id, name: 'B区' });
  pc1 = await t.services.parks.createPropertyCompany(SYSTEM, { name: '锦华物业', creditCode: buildCreditCode() });
  pc2 = await t.services.parks.createPropertyCompany(SYSTEM, { name: '天府物业', creditCode: buildCreditCode() });
  await t.services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: pc1.id, districtId: A.district.id, startDate: '2026-01-01', endDate: '2030-12-31', annualFeeFen: 100 });
  await t.services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: pc2.id, districtId: district2.id, startDate: '2026-01-01', endDate: '2030-12-31', annualFeeFen: 100 });
  const opUser = await buildUser(t.services, 'eo.op', [{ role: 'operator', scopeType: 'park', scopeId: A.park.id }]);
  await buildUser(t.services, 'eo.opB', [{ role: 'operator', scopeType: 'park', scopeId: B.park.id }]);
  await buildUser(t.services, 'eo.prop1', [{ role: 'property', scopeType: 'property_company', scopeId: pc1.id }]);
  await buildUser(t.services, 'eo.prop2', [{ role: 'property', scopeType: 'property_company', scopeId: pc2.id }]);
  [op, opB, prop1, prop2] = await Promise.all(['eo.op', 'eo.opB', 'eo.prop1', 'eo.prop2'].map((u) => t.login(u, TEST_PASSWORD)));
  for (const key of ['assessment.appeal', 'assessment.award'])
    await t.services.approvals.createFlow(SYSTEM, { parkId: A.park.id, key, nameZh: key, nameEn: key, steps: [{ nameZh: '园区审核', nameEn: 'Park review', mode: 'any', approvers: [{ kind: 'user', userId: opUser.id }], condition: null, dueHours: null, escalation: null }] });
  // Every month: district A (锦华物业) a minor finding of 2 points; district B (天府物业) a critical 10 and a major 5.
  t.services.evaluation.setSources({
    inspections: {
      deductions: async (_q, range) => {
        const month = new Date(range.from.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
        return [finding('inspection', A.district.id, pc1.id, 'minor', 2, '垃圾未清运', month), finding('inspection', district2.id, pc2.id, 'critical', 10, '配电房未上锁', month), finding('inspection', district2.id, pc2.id, 'major', 5, '消防通道堆物', month)];
      },
      punctuality: async () => [],
    },
  });
  const s = await op.post('/api/evaluation/schemes', { parkId: A.park.id, name: '物业月度考核', periodKind: 'month', indicators: TREE });
  schemeId = s.json().id;
  await op.post(`/api/evaluation/schemes/${schemeId}/activate`);
}, 60_000);
afterAll(() => t?.close());

describe('bottom warning', () => {
  test('one last place raises no warning; the second in a row raises one with a review task and notifications', async () => {
    await openAndClose('2026-07');
    expect((await companyRow('2026-07', pc2.id)).rank).toBe(2);
    expect((await op.get('/api/evaluation/warnings')).json()).toEqual([]);
    await openAndClose('2026-08');
    const warnings = (await op.get('/api/evaluation/warnings')).json();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ propertyCompanyId: pc2.id, mode: 'last_place', consecutive: 2, periodId: periods['2026-08'].id });
    expect(warnings[0].periods.map((p: { label: string }) => p.label)).toEqual(['2026-07', '2026-08']);
    expect(warnings[0].task).toMatchObject({ status: 'open', decision: null });
    const tasks = (await op.get('/api/evaluation/review-tasks?status=open')).json();
    expect(tasks).toHaveLength(1);
    const notes = (await op.get('/api/notifications')).json();
    expect(JSON.stringify(notes)).toContain('evaluation.review_task');
  });

  test('the company sees its warning without the task; another company and another park see nothing', async () => {
    const own = (await prop2.get('/api/evaluation/warnings')).json();
    expect(own).toHaveLength(1);
    expect(own[0].task).toBeNull();
    expect((await prop1.get('/api/evaluation/warnings')).json()).toEqual([]);
    expect((await opB.get('/api/evaluation/warnings')).json()).toEqual([]);
    expect((await opB.get('/api/evaluation/review-tasks')).json()).toEqual([]);
    expect((await prop2.get('/api/evaluation/review-tasks')).json()).toEqual([]);
  });

  test('operators close the task with a decision and a note (audited); a note is required', async () => {
    const [task] = (await op.get('/api/evaluation/review-tasks')).json();
    expect((await op.post(`/api/evaluation/review-tasks/${task.id}/close`, { decision: 'improve_plan', note: '' })).json().details.fields[0].field).toBe('body.note');
    for (const c of [prop2, opB]) expect((await c.post(`/api/evaluation/review-tasks/${task.id}/close`, { decision: 'keep', note: 'x' })).statusCode).toBe(404);
    const res = await op.post(`/api/evaluation/review-tasks/${task.id}/close`, { decision: 'improve_plan', note: '约谈物业公司，限期一个月提交整改方案' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', decision: 'improve_plan' });
    expect((await op.post(`/api/evaluation/review-tasks/${task.id}/close`, { decision: 'keep', note: 'x' })).statusCode).toBe(409);
    const [audit] = await t.database.query<{ action: string }>(`select action from audit_log where entity_id = $1 order by at desc limit 1`, [task.id]);
    expect(audit.action).toBe('evaluation.review_task.closed');
  });

  test('a threshold rule: only companies below it', async () => {
    expect((await put(op, `/api/evaluation/warning-rules/${A.park.id}`, { mode: 'below_threshold', consecutive: 1 })).json().details.fields[0].field).toBe('body.threshold');
    expect((await put(opB, `/api/evaluation/warning-rules/${A.park.id}`, { mode: 'last_place', consecutive: 2 })).statusCode).toBe(404);
    const res = await put(op, `/api/evaluation/warning-rules/${A.park.id}`, { mode: 'below_threshold', threshold: 50, consecutive: 1 });
    expect(res.json()).toMatchObject({ mode: 'below_threshold', threshold: 50, consecutive: 1 });
  });
});

describe('appeals', () => {
  test('an open period cannot be appealed, an operator does not appeal, another company gets 404', async () => {
    await openAndClose('2026-09', false);
    expect((await op.post(`/api/evaluation/periods/${periods['2026-09'].id}/compute`)).statusCode).toBe(200);
    const body = { periodId: periods['2026-09'].id, districtId: district2.id, itemKind: 'finding', findingId: '2026-09-配电房未上锁', source: 'inspection', reason: '已整改' };
    expect((await prop2.post('/api/evaluation/appeals', body)).statusCode).toBe(409);
    const closed = { ...body, periodId: periods['2026-08'].id, findingId: '2026-08-配电房未上锁' };
    expect((await prop1.post('/api/evaluation/appeals', closed)).statusCode).toBe(404);
    expect((await op.post('/api/evaluation/appeals', closed)).statusCode).toBe(403);
    expect((await prop2.post('/api/evaluation/appeals', { ...closed, findingId: 'nope' })).json().details.fields[0].field).toBe('body.findingId');
  });

  test('property staff appeal a finding of a closed period; a second appeal of the same item is 409', async () => {
    const body = { periodId: periods['2026-08'].id, districtId: district2.id, itemKind: 'finding', findingId: '2026-08-配电房未上锁', source: 'inspection', reason: '配电房当日系检修临时开启，有检修工单为证' };
    const res = await prop2.post('/api/evaluation/appeals', body);
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    // 10 points restored on the safety leaf (60 %): 6 points on the district's and the (one-district) company's total.
    expect(a).toMatchObject({ status: 'in_review', itemKind: 'finding', itemLabel: '配电房未上锁', districtPoints: 6, companyPoints: 6 });
    appealId = a.id;
    appealCaseId = a.caseId;
    expect((await prop2.post('/api/evaluation/appeals', body)).statusCode).toBe(409);
    // An indicator appeal of another item is its own item.
    const ind = await prop2.post('/api/evaluation/appeals', { periodId: periods['2026-08'].id, districtId: district2.id, itemKind: 'indicator', indicatorKey: 'env', claimedScore: 100, reason: 'x' });
    expect(ind.json().details.fields[0].field).toBe('body.claimedScore');
  });

  test('appeals are visible to the company and the park’s operators only', async () => {
    expect((await prop2.get(`/api/evaluation/appeals/${appealId}`)).statusCode).toBe(200);
    expect((await op.get('/api/evaluation/appeals')).json().map((a: { id: string }) => a.id)).toEqual([appealId]);
    for (const c of [prop1, opB]) {
      expect((await c.get(`/api/evaluation/appeals/${appealId}`)).statusCode).toBe(404);
      expect((await c.get('/api/evaluation/appeals')).json()).toEqual([]);
    }
  });

  test('approved: the correction is added to the next open period; the closed period is unchanged', async () => {
    const before = await companyRow('2026-08', pc2.id);
    expect(before.total).toBeCloseTo(0.6 * 85 + 40, 9);
    const res = await act(op, appealCaseId, { type: 'approve' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await prop2.get(`/api/evaluation/appeals/${appealId}`)).json().status).toBe('approved');
    expect((await op.post(`/api/evaluation/periods/${periods['2026-09'].id}/compute`)).statusCode).toBe(200);
    expect((await companyRow('2026-08', pc2.id)).total).toBe(before.total);
    expect((await companyRow('2026-09', pc2.id)).total).toBeCloseTo(0.6 * 85 + 40 + 6, 9);
    expect((await companyRow('2026-09', pc1.id)).total).toBeCloseTo(0.6 * 98 + 40, 9);
    const tree = (await prop2.get(`/api/evaluation/periods/${periods['2026-09'].id}/scores/district/${district2.id}`)).json() as ScoreTreeView;
    const node = tree.tree.find((n: EvalScoreNode) => n.key === 'appeal_corrections')!;
    expect(node.explanation!.items).toEqual([{ type: 'appeal', id: appealCaseId, label: '2026-08', points: 6 }]);
    expect(tree.total).toBeCloseTo(0.6 * 85 + 40 + 6, 9);
    expect((await prop2.get(`/api/evaluation/appeals/${appealId}`)).json()).toMatchObject({ appliedPeriodLabel: '2026-09' });
    // A second computation does not add it twice.
    await op.post(`/api/evaluation/periods/${periods['2026-09'].id}/compute`);
    expect((await companyRow('2026-09', pc2.id)).total).toBeCloseTo(0.6 * 85 + 40 + 6, 9);
  });

  test('a rejected appeal changes nothing', async () => {
    const res = await prop2.post('/api/evaluation/appeals', { periodId: periods['2026-08'].id, districtId: district2.id, itemKind: 'finding', findingId: '2026-08-消防通道堆物', source: 'inspection', reason: '临时堆放' });
    expect(res.statusCode, res.body).toBe(201);
    expect((await act(op, res.json().caseId, { type: 'reject', reason: '照片显示长期堆放' })).statusCode).toBe(200);
    expect((await prop2.get(`/api/evaluation/appeals/${res.json().id}`)).json().status).toBe('rejected');
    await op.post(`/api/evaluation/periods/${periods['2026-09'].id}/compute`);
    expect((await companyRow('2026-09', pc2.id)).total).toBeCloseTo(0.6 * 85 + 40 + 6, 9);
  });
});

describe('reports', () => {
  test('Excel and PDF downloads with their content types; the workbook holds the company’s total', async () => {
    const base = `/api/evaluation/reports/${periods['2026-08'].id}/${pc2.id}`;
    const xlsx = await prop2.get(`${base}/report.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const totalRow = sheet.getRows(1, 10)!.find((r) => r.getCell(1).value === '总分')!;
    expect(totalRow.getCell(2).value).toBe(91);
    expect(wb.worksheets[1].getRow(2).getCell(5).value).toMatch(/配电房未上锁|消防通道堆物/);
    const pdf = await op.get(`${base}/report.pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  test('a company cannot download another company’s report; another park’s operator neither', async () => {
    for (const c of [prop1, opB]) for (const ext of ['xlsx', 'pdf']) expect((await c.get(`/api/evaluation/reports/${periods['2026-08'].id}/${pc2.id}/report.${ext}`)).statusCode).toBe(404);
  });
});

describe('league table', () => {
  test('the last closed period with arrows and the warning marked (operators only)', async () => {
    const res = await op.get(`/api/evaluation/league?parkId=${A.park.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const l = res.json();
    expect(l.period.label).toBe('2026-08');
    expect(l.previousLabel).toBe('2026-07');
    expect(l.companies.map((c: { subjectId: string; warned: boolean; previousRank: number }) => [c.subjectId, c.warned, c.previousRank])).toEqual([
      [pc1.id, false, 1],
      [pc2.id, true, 2],
    ]);
    for (const c of [prop1, opB]) expect((await c.get(`/api/evaluation/league?parkId=${A.park.id}`)).statusCode).toBe(404);
  });
});

describe('awards', () => {
  test('nominations go through approval; publishing the approved ones creates a news article', async () => {
    const ranking = (await op.get(`/api/evaluation/awards/ranking?parkId=${A.park.id}&year=2026`)).json();
    expect(ranking.companies[0]).toMatchObject({ companyId: pc1.id, rank: 1, periods: 2 });
    expect((await op.post('/api/evaluation/awards', { parkId: A.park.id, year: 2026, kind: 'staff', propertyCompanyId: pc1.id, citation: 'x' })).json().details.fields[0].field).toBe('body.staffName');
    expect((await opB.post('/api/evaluation/awards', { parkId: A.park.id, year: 2026, kind: 'company', propertyCompanyId: pc1.id, citation: 'x' })).statusCode).toBe(404);
    const company = (await op.post('/api/evaluation/awards', { parkId: A.park.id, year: 2026, kind: 'company', propertyCompanyId: pc1.id, citation: '全年考核第一，零重大安全事故' })).json();
    const staff = (await op.post('/api/evaluation/awards', { parkId: A.park.id, year: 2026, kind: 'staff', propertyCompanyId: pc1.id, staffName: '王建国', citation: '工程主管，全年设备完好率99%' })).json();
    expect(company).toMatchObject({ status: 'in_review', rank: 1 });
    const publish = { parkId: A.park.id, year: 2026, title: '2026年度优秀物业表彰', intro: '经考核评议，以下单位和个人获评', companyHeading: '优秀物业服务企业', staffHeading: '优秀物业服务个人' };
    expect((await op.post('/api/evaluation/awards/publish', publish)).statusCode).toBe(409);
    for (const a of [company, staff]) expect((await act(op, a.caseId, { type: 'approve' })).statusCode).toBe(200);
    const res = await op.post('/api/evaluation/awards/publish', publish);
    expect(res.statusCode, res.body).toBe(200);
    const article = (await op.get(`/api/news/articles/${res.json().articleId}`)).json();
    expect(article).toMatchObject({ title: '2026年度优秀物业表彰', status: 'published', isLive: true });
    expect(article.bodyHtml).toContain('王建国');
    expect(article.bodyHtml).toContain('锦华物业');
    expect((await op.post('/api/evaluation/awards/publish', publish)).statusCode).toBe(409);
    // Property staff see their company's approved awards; another company and another park none.
    expect((await prop1.get('/api/evaluation/awards')).json()).toHaveLength(2);
    expect((await prop2.get('/api/evaluation/awards')).json()).toEqual([]);
    expect((await opB.get('/api/evaluation/awards')).json()).toEqual([]);
  });
});

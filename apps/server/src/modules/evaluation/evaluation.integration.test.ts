import crypto from 'node:crypto';
import type { EvalIndicator, EvalScoreNode } from '@parkos/contracts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SYSTEM, TEST_PASSWORD, buildCreditCode, buildEnterprise, buildPark, buildUser, type BuiltPark } from '../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { localDayOf, localMidnight, monthLabelBefore, periodLabelAt } from './evaluation.periods';
import type { PeriodView, RankingView, SchemeView, ScoreTreeView } from './evaluation.schema';

/*
 * Issue 13 end to end, through the REAL input modules (no in-test providers): last month's work orders, an on-site
 * inspection run, a third-party spot check, a satisfaction survey and a training session, plus a manual score, are
 * scored by a scheme with a leaf of every kind; every figure is computed by hand below. Then the period is closed,
 * every source gets more data of that month, and the closed scores and explanations stay byte-identical.
 *
 * District A区 (building A1, units 101/102) is 锦华物业's (pc1); district B区 (building B1, units 101/102) 天府物业's (pc2).
 */

const TREE: EvalIndicator[] = [
  {
    key: 'service',
    name: '企业服务',
    weight: 40,
    children: [
      { key: 'service.response', name: '响应及时率', weight: 30, source: { kind: 'sla_response' } },
      { key: 'service.resolution', name: '解决及时率', weight: 30, source: { kind: 'sla_resolution' } },
      { key: 'service.rating', name: '工单评价', weight: 20, source: { kind: 'rating' } },
      { key: 'service.survey', name: '满意度调查', weight: 20, source: { kind: 'survey' } },
    ],
  },
  {
    key: 'safety',
    name: '安全生产',
    weight: 40,
    children: [
      { key: 'safety.insp', name: '现场检查扣分', weight: 50, source: { kind: 'deductions', deductionSources: ['inspection'] } },
      { key: 'safety.spot', name: '第三方抽查扣分', weight: 50, source: { kind: 'deductions', deductionSources: ['spot_check'] } },
    ],
  },
  {
    key: 'people',
    name: '队伍建设',
    weight: 20,
    children: [
      { key: 'people.training', name: '培训考核', weight: 50, source: { kind: 'training' } },
      { key: 'people.manual', name: '现场评定', weight: 50, source: { kind: 'manual' } },
    ],
  },
];

const MANUAL_NOTE = '11月园区环境联合巡查：A区楼道整洁，绿化养护到位，个别垃圾桶未及时清理';

let t: TestApp;
let P: BuiltPark;
let districtB: { id: string };
let pc1: { id: string };
let pc2: { id: string };
let op: TestClient;
let insp: TestClient;
let prop1: TestClient;
let prop2: TestClient;
const admins: TestClient[] = [];
let routeId: string;
let surveyId: string;
let scheme: SchemeView;
let period: PeriodView;
/** The ids the explanation of district A must name. */
let inspectionFindingId: string;
let spotFindingId: string;
const staff: Record<string, string> = {};

/** Last month (Asia/Shanghai), the period under test, and an instant of its day `d` at `hour` local time. */
const MONTH = monthLabelBefore(periodLabelAt('month', new Date()), 1);
const day = (d: number, hour = 10) => new Date(localMidnight(`${MONTH}-${String(d).padStart(2, '0')}`).getTime() + hour * 3_600_000);
const dateOf = (d: number) => `${MONTH}-${String(d).padStart(2, '0')}`;
const min = (at: Date, m: number) => new Date(at.getTime() + m * 60_000);

async function ok<T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as T;
}

/**
 * A work order of a district created at `at` with SLA deadlines response 120 min and resolution 1440 min after it,
 * accepted and resolved the given minutes after creation, optionally rated. (The work-orders module has no way to
 * record an order of last month; its rows are written as the module stores them.)
 */
async function order(districtId: string, at: Date, o: { acceptedAfter: number; resolvedAfter: number; rating?: number }) {
  const [row] = await t.database.query<{ id: string }>(
    `insert into work_orders (park_id, district_id, source, title, category, priority, status, requester_name, response_due_at, resolution_due_at, accepted_at, resolved_at, rating, created_at)
     values ($1, $2, 'operator', '考核联调工单', 'other', 'normal', 'resolved', '测试', $3, $4, $5, $6, $7, $8) returning id::text as id`,
    [P.park.id, districtId, min(at, 120), min(at, 1440), min(at, o.acceptedAfter), min(at, o.resolvedAfter), o.rating ?? null, at],
  );
  return row.id;
}

/** An inspection run of the route started at `at`; `failA` fails district A's fire-exit item (severity major). */
async function inspectionRun(at: Date, failA: boolean) {
  const marks = ['a', 'b'].flatMap((cp) => [
    { checkpointKey: cp, itemKey: 'exit', passed: !(failA && cp === 'a'), ...(failA && cp === 'a' ? { note: '消防通道堆放纸箱' } : {}) },
    { checkpointKey: cp, itemKey: 'record', passed: true },
  ]);
  const run = await ok<{ id: string; results: { id: string; passed: boolean; severity: string | null; points: number; districtId: string }[] }>(op.post('/api/inspection-runs', { clientId: crypto.randomUUID(), routeId, startedAt: at.toISOString(), marks }), 201);
  return run.results.filter((r) => !r.passed);
}

/** A survey answer through the route, then dated to `at` in last month (answers are stamped with the time they arrive). */
async function answer(admin: TestClient, answers: Record<string, unknown>, at: Date) {
  const r = await ok<{ id: string }>(admin.post(`/api/surveys/${surveyId}/responses`, { answers }), 201);
  await t.database.query('update survey_responses set answered_at = $1 where id = $2', [at, r.id]);
  return r.id;
}

/** A session of last month for the given rosters, with results recorded. */
async function session(d: number, invite: { propertyCompanyId: string; staffIds?: string[] }[], results: { staffId: string; attended: boolean; score?: number }[]) {
  const s = await ok<{ id: string }>(op.post('/api/training/sessions', { parkId: P.park.id, title: '消防安全知识培训', topic: 'fire_safety', date: dateOf(d), time: '14:00', hours: 2, trainer: '成都消防支队 王教官', hasExam: true, passMark: 60, invite }), 201);
  await ok(op.request({ method: 'PUT', url: `/api/training/sessions/${s.id}/results`, payload: { results } }));
  return s.id;
}

const leaves = (tree: EvalScoreNode[]): Record<string, EvalScoreNode> => Object.fromEntries(tree.flatMap((n) => (n.children ? Object.entries(leaves(n.children)) : [[n.key, n]])));
const scoreOf = (kind: 'district' | 'company', id: string) => op.get(`/api/evaluation/periods/${period.id}/scores/${kind}/${id}`);

beforeAll(async () => {
  t = await createTestApp();
  P = await buildPark(t.services);
  districtB = await t.services.parks.createDistrict(SYSTEM, { siteId: P.site.id, name: 'B区' });
  const buildingB = await t.services.parks.createBuilding(SYSTEM, { districtId: districtB.id, name: 'B1栋', floorsAboveGround: 2 });
  const floorB = await t.services.parks.createFloor(SYSTEM, { buildingId: buildingB.id, level: 1 });
  const unitsB = [await t.services.parks.createUnit(SYSTEM, { floorId: floorB.id, code: '101', area: 100 }), await t.services.parks.createUnit(SYSTEM, { floorId: floorB.id, code: '102', area: 100 })];
  pc1 = await t.services.parks.createPropertyCompany(SYSTEM, { name: '锦华物业', creditCode: buildCreditCode() });
  pc2 = await t.services.parks.createPropertyCompany(SYSTEM, { name: '天府物业', creditCode: buildCreditCode() });
  await t.services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: pc1.id, districtId: P.district.id, startDate: '2025-01-01', endDate: '2030-12-31', annualFeeFen: 100 });
  await t.services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: pc2.id, districtId: districtB.id, startDate: '2025-01-01', endDate: '2030-12-31', annualFeeFen: 100 });
  // Four enterprises: two leasing in A区, two in B区 (the fourth answers only after the close).
  const lease = { startDate: '2025-01-01', endDate: '2028-12-31', monthlyRentFen: 100_000 };
  const units = [P.units[0], P.units[1], unitsB[0], unitsB[1]];
  for (const [i, name] of ['联调甲科技有限公司', '联调乙软件有限公司', '联调丙数据有限公司', '联调丁智能有限公司'].entries()) {
    const e = await buildEnterprise(t.services, P.park.id, P.site.id, name);
    await t.services.parks.createLease(SYSTEM, e.id, { unitId: units[i].id, ...lease });
    await buildUser(t.services, `ei.admin${i}`, [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: e.id }]);
  }
  await buildUser(t.services, 'ei.op', [{ role: 'operator', scopeType: 'park', scopeId: P.park.id }]);
  const inspUser = await buildUser(t.services, 'ei.insp', [{ role: 'inspector', scopeType: 'all', scopeId: null }]);
  await buildUser(t.services, 'ei.prop1', [{ role: 'property', scopeType: 'property_company', scopeId: pc1.id }]);
  await buildUser(t.services, 'ei.prop2', [{ role: 'property', scopeType: 'property_company', scopeId: pc2.id }]);
  [op, insp, prop1, prop2] = await Promise.all(['ei.op', 'ei.insp', 'ei.prop1', 'ei.prop2'].map((u) => t.login(u, TEST_PASSWORD)));
  for (let i = 0; i < 4; i++) admins.push(await t.login(`ei.admin${i}`, TEST_PASSWORD));

  // ---- Work orders of last month (SLA: response 120 min, resolution 1440 min) ----
  // A区: #1 30/600 rated 5 (both in time); #2 180/2000 rated 3 (both late); #3 60/1500 rated 4 (response in time,
  //      resolution late); #4 10/300 unrated (both in time).
  await order(P.district.id, day(3), { acceptedAfter: 30, resolvedAfter: 600, rating: 5 });
  await order(P.district.id, day(5), { acceptedAfter: 180, resolvedAfter: 2000, rating: 3 });
  await order(P.district.id, day(8), { acceptedAfter: 60, resolvedAfter: 1500, rating: 4 });
  await order(P.district.id, day(15), { acceptedAfter: 10, resolvedAfter: 300 });
  // B区: #1 100/1000 rated 5 (both in time); #2 200/1000 rated 4 (response late, resolution in time).
  await order(districtB.id, day(4), { acceptedAfter: 100, resolvedAfter: 1000, rating: 5 });
  await order(districtB.id, day(12), { acceptedAfter: 200, resolvedAfter: 1000, rating: 4 });
  // Outside the month (the day before it starts, and this month): not counted.
  await order(P.district.id, new Date(day(1, 0).getTime() - 60_000), { acceptedAfter: 500, resolvedAfter: 9000 });
  await order(districtB.id, new Date(), { acceptedAfter: 500, resolvedAfter: 9000 });

  // ---- On-site inspection: a route over both districts, one run on the 10th failing A区's fire exit (major) ----
  const template = await ok<{ id: string }>(
    op.post('/api/inspection-templates', {
      parkId: P.park.id,
      name: '消防安全检查',
      items: [
        { key: 'exit', label: '安全出口畅通', kind: 'pass_fail', photoRequiredOnFail: false, severity: 'major' },
        { key: 'record', label: '值班记录完整', kind: 'pass_fail', photoRequiredOnFail: false, severity: 'minor' },
      ],
    }),
    201,
  );
  routeId = (
    await ok<{ id: string }>(
      op.post('/api/inspection-routes', {
        parkId: P.park.id,
        name: '月度综合检查',
        checkpoints: [
          { key: 'a', name: 'A区消防', kind: 'district', districtId: P.district.id, templateId: template.id },
          { key: 'b', name: 'B1栋机房', kind: 'building', districtId: districtB.id, buildingId: buildingB.id, templateId: template.id },
        ],
      }),
      201,
    )
  ).id;
  const failed = await inspectionRun(day(10), true);
  expect(failed.map((f) => [f.districtId, f.severity, f.points])).toEqual([[P.district.id, 'major', 5]]);
  inspectionFindingId = failed[0].id;
  // A run of this month (not counted) with the same failure.
  await inspectionRun(new Date(Date.now() - 60_000), true);

  // ---- Third-party spot check of A区 on the 18th: one critical finding ----
  await ok(op.post('/api/spot-check-assignments', { parkId: P.park.id, districtId: P.district.id, inspectorUserId: inspUser.id, validFrom: `${MONTH}-01` }), 201);
  const check = await ok<{ findings: { id: string }[] }>(
    insp.post('/api/spot-checks', { districtId: P.district.id, area: 'A1栋配电房', checkedAt: day(18).toISOString(), findings: [{ description: '消防泵控制柜处于手动状态', severity: 'critical', deadline: dateOf(25) }] }),
    201,
  );
  spotFindingId = check.findings[0].id;

  // ---- Satisfaction survey of both districts (overall 1–5, recommend 1–10), answered in last month ----
  const survey = await ok<{ id: string }>(
    op.post('/api/surveys', {
      parkId: P.park.id,
      title: '企业客户满意度调查',
      questions: [
        { id: 'overall', kind: 'rating', title: '总体满意度', required: true, scaleMax: 5 },
        { id: 'nps', kind: 'rating', title: '推荐意愿', required: true, scaleMax: 10 },
        { id: 'comment', kind: 'text', title: '意见建议', required: false },
      ],
      districtIds: [P.district.id, districtB.id],
      opensOn: `${MONTH}-01`,
      closesOn: localDayOf(new Date(Date.now() + 10 * 86_400_000)),
    }),
    201,
  );
  surveyId = survey.id;
  await ok(op.post(`/api/surveys/${surveyId}/open`));
  await answer(admins[0], { overall: 4, nps: 8, comment: '保洁很好' }, day(20)); // A区: 4/5, 8/10
  await answer(admins[1], { overall: 5, nps: 6 }, day(21)); // A区: 5/5, 6/10
  await answer(admins[2], { overall: 3, nps: 9, comment: '电梯等待时间长' }, day(22)); // B区: 3/5, 9/10

  // ---- Training: the companies keep their rosters; one session on the 16th for both, exam pass mark 60 ----
  for (const [client, company, names] of [
    [prop1, pc1, ['张三', '李四', '王五', '孙八']],
    [prop2, pc2, ['赵六', '钱七', '周九']],
  ] as const)
    for (const name of names) staff[name] = (await ok<{ id: string }>(client.post('/api/training/staff', { propertyCompanyId: company.id, name, post: 'security' }), 201)).id;
  await session(16, [{ propertyCompanyId: pc1.id }, { propertyCompanyId: pc2.id, staffIds: [staff['赵六'], staff['钱七']] }], [
    { staffId: staff['张三'], attended: true, score: 90 }, // passed
    { staffId: staff['李四'], attended: true, score: 50 }, // failed
    { staffId: staff['王五'], attended: true }, // attended, no exam score
    { staffId: staff['孙八'], attended: false },
    { staffId: staff['赵六'], attended: true, score: 70 }, // passed
    { staffId: staff['钱七'], attended: false },
  ]);

  // ---- The scheme, active, and last month's period ----
  scheme = await ok<SchemeView>(op.post('/api/evaluation/schemes', { parkId: P.park.id, name: '物业月度考核（联调）', periodKind: 'month', indicators: TREE }), 201);
  await ok(op.post(`/api/evaluation/schemes/${scheme.id}/activate`));
  period = await ok<PeriodView>(op.post('/api/evaluation/periods', { schemeId: scheme.id, label: MONTH }), 201);
  // The manual leaf for 锦华物业 (applies to its district A区); B区 has none.
  await ok(op.post(`/api/evaluation/periods/${period.id}/manual`, { indicatorKey: 'people.manual', subjectKind: 'company', subjectId: pc1.id, score: 90, note: MANUAL_NOTE }));
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe('a period computed from the real modules', () => {
  test('every leaf, district and company total equals the hand-computed figure', async () => {
    await ok(op.post(`/api/evaluation/periods/${period.id}/compute`));
    const A = await ok<ScoreTreeView>(scoreOf('district', P.district.id));
    const B = await ok<ScoreTreeView>(scoreOf('district', districtB.id));
    const a = leaves(A.tree);
    const b = leaves(B.tree);

    // --- District A区 ---
    // response: #1 30≤120, #2 180>120, #3 60≤120, #4 10≤120 → 3 of 4 = 75
    expect(a['service.response'].explanation!.figures).toEqual({ within: 3, total: 4 });
    expect(a['service.response'].score).toBe(75);
    // resolution: #1 600≤1440, #2 2000>1440, #3 1500>1440, #4 300≤1440 → 2 of 4 = 50
    expect(a['service.resolution'].explanation!.figures).toEqual({ within: 2, total: 4 });
    expect(a['service.resolution'].score).toBe(50);
    // rating: (5 + 3 + 4) / 3 = 4 → 4 / 5 × 100 = 80
    expect(a['service.rating'].explanation!.figures).toEqual({ n: 3, mean: 4 });
    expect(a['service.rating'].score).toBe(80);
    // survey: mean(4/5, 8/10, 5/5, 6/10) = (0.8 + 0.8 + 1 + 0.6) / 4 = 0.8 → 80
    expect(a['service.survey'].explanation!.figures).toMatchObject({ n: 4, responses: 2 });
    expect(a['service.survey'].score).toBeCloseTo(80, 12);
    // inspection: 100 − 5 (one major) = 95; spot check: 100 − 10 (one critical) = 90
    expect(a['safety.insp'].score).toBe(95);
    expect(a['safety.spot'].score).toBe(90);
    // training (锦华物业): invited 4, attended 3, examined 2, passed 1 → 50 × 3/4 + 50 × 1/2 = 37.5 + 25 = 62.5
    expect(a['people.training'].explanation!.figures).toEqual({ invited: 4, attended: 3, examined: 2, passed: 1, hours: 6, sessions: 1 });
    expect(a['people.training'].score).toBe(62.5);
    // manual: 90 as entered, with its note
    expect(a['people.manual']).toMatchObject({ score: 90, explanation: { noData: false, note: MANUAL_NOTE } });
    // service = 0.3·75 + 0.3·50 + 0.2·80 + 0.2·80 = 22.5 + 15 + 16 + 16 = 69.5
    // safety  = 0.5·95 + 0.5·90 = 47.5 + 45 = 92.5
    // people  = 0.5·62.5 + 0.5·90 = 31.25 + 45 = 76.25
    // total   = 0.4·69.5 + 0.4·92.5 + 0.2·76.25 = 27.8 + 37 + 15.25 = 80.05
    expect(A.tree.map((n) => n.key)).toEqual(['service', 'safety', 'people']);
    expect(A.tree[0].score).toBeCloseTo(69.5, 12);
    expect(A.tree[1].score).toBe(92.5);
    expect(A.tree[2].score).toBe(76.25);
    expect(A.total).toBeCloseTo(80.05, 12);

    // --- District B区 ---
    // response: 100≤120, 200>120 → 1 of 2 = 50; resolution: 1000≤1440 twice → 2 of 2 = 100
    expect(b['service.response'].score).toBe(50);
    expect(b['service.resolution'].score).toBe(100);
    // rating: (5 + 4) / 2 = 4.5 → 90
    expect(b['service.rating'].score).toBe(90);
    // survey: mean(3/5, 9/10) = (0.6 + 0.9) / 2 = 0.75 → 75
    expect(b['service.survey'].score).toBeCloseTo(75, 12);
    // no findings in B区: a clean record, 100 each (not "no data")
    expect(b['safety.insp']).toMatchObject({ score: 100, explanation: { noData: false, figures: { findings: 0, points: 0 } } });
    expect(b['safety.spot']).toMatchObject({ score: 100, explanation: { noData: false, figures: { findings: 0, points: 0 } } });
    // training (天府物业): invited 2 (赵六, 钱七), attended 1, examined 1, passed 1 → 50 × 1/2 + 50 × 1/1 = 25 + 50 = 75
    expect(b['people.training'].explanation!.figures).toMatchObject({ invited: 2, attended: 1, examined: 1, passed: 1 });
    expect(b['people.training'].score).toBe(75);
    // manual: no entry → 100, no_data
    expect(b['people.manual']).toMatchObject({ score: 100, explanation: { noData: true } });
    // service = 0.3·50 + 0.3·100 + 0.2·90 + 0.2·75 = 15 + 30 + 18 + 15 = 78
    // safety  = 100; people = 0.5·75 + 0.5·100 = 37.5 + 50 = 87.5
    // total   = 0.4·78 + 0.4·100 + 0.2·87.5 = 31.2 + 40 + 17.5 = 88.7
    expect(B.tree[0].score).toBeCloseTo(78, 12);
    expect(B.tree[1].score).toBe(100);
    expect(B.tree[2].score).toBe(87.5);
    expect(B.total).toBeCloseTo(88.7, 12);

    // --- Companies: the mean of their districts per indicator; each company has one district here ---
    const C1 = await ok<ScoreTreeView>(scoreOf('company', pc1.id));
    const C2 = await ok<ScoreTreeView>(scoreOf('company', pc2.id));
    expect(C1.total).toBeCloseTo(80.05, 12);
    expect(C2.total).toBeCloseTo(88.7, 12);
    expect(leaves(C1.tree)['safety.insp'].explanation!.districts).toEqual([{ districtId: P.district.id, name: 'A区', score: 95 }]);
    const ranking = await ok<RankingView>(op.get(`/api/evaluation/periods/${period.id}/ranking`));
    expect(ranking.districts.map((d) => [d.name, Math.round(d.total * 100) / 100, d.rank])).toEqual([
      ['B区', 88.7, 1],
      ['A区', 80.05, 2],
    ]);
    expect(ranking.companies.map((c) => [c.name, Math.round(c.total * 100) / 100, c.rank])).toEqual([
      ['天府物业', 88.7, 1],
      ['锦华物业', 80.05, 2],
    ]);
  });

  test('district A’s explanation names the inspection finding and the spot-check finding with their points', async () => {
    const a = leaves((await ok<ScoreTreeView>(scoreOf('district', P.district.id))).tree);
    expect(a['safety.insp'].explanation!.items).toEqual([expect.objectContaining({ type: 'finding', id: inspectionFindingId, points: 5, severity: 'major', source: 'inspection', label: 'A区消防 · 安全出口畅通' })]);
    expect(a['safety.spot'].explanation!.items).toEqual([expect.objectContaining({ type: 'finding', id: spotFindingId, points: 10, severity: 'critical', source: 'spot_check', label: '消防泵控制柜处于手动状态' })]);
    expect(a['safety.insp'].explanation!.figures).toEqual({ findings: 1, points: 5 });
    expect(a['safety.spot'].explanation!.figures).toEqual({ findings: 1, points: 10 });
    // Property staff of 锦华物业 read the same explanation.
    expect((await ok<ScoreTreeView>(prop1.get(`/api/evaluation/periods/${period.id}/scores/district/${P.district.id}`))).tree).toEqual((await ok<ScoreTreeView>(scoreOf('district', P.district.id))).tree);
  });
});

describe('a closed period', () => {
  test('does not change when new data of its month arrives in every source', async () => {
    expect((await ok<PeriodView>(op.post(`/api/evaluation/periods/${period.id}/close`))).status).toBe('closed');
    const urls = [
      `/api/evaluation/periods/${period.id}/scores/district/${P.district.id}`,
      `/api/evaluation/periods/${period.id}/scores/district/${districtB.id}`,
      `/api/evaluation/periods/${period.id}/scores/company/${pc1.id}`,
      `/api/evaluation/periods/${period.id}/scores/company/${pc2.id}`,
      `/api/evaluation/periods/${period.id}/ranking`,
    ];
    const frozen = await Promise.all(urls.map(async (u) => (await op.get(u)).body));
    const frozenRows = await t.database.query<{ subject_id: string; total: number; tree: unknown; computed_at: Date }>('select subject_id::text, total, tree, computed_at from eval_scores where period_id = $1 order by subject_id', [period.id]);
    expect(frozenRows).toHaveLength(4);

    // New data of the same month in every source.
    const range = { parkId: P.park.id, from: localMidnight(`${MONTH}-01`), to: localMidnight(period.endDate) };
    const before = {
      insp: (await t.services.inspections.deductions(t.database.db, range)).length,
      spot: (await t.services.spotChecks.deductions(t.database.db, range)).length,
      survey: (await t.services.surveys.ratings(t.database.db, range)).length,
      training: (await t.services.training.records(t.database.db, range)).length,
    };
    expect(before).toEqual({ insp: 1, spot: 1, survey: 6, training: 6 });
    await inspectionRun(day(24), true);
    await ok(insp.post('/api/spot-checks', { districtId: P.district.id, area: 'A1栋地下车库', checkedAt: day(26).toISOString(), findings: [{ description: '灭火器过期未更换', severity: 'minor', deadline: dateOf(28) }] }), 201);
    await answer(admins[3], { overall: 1, nps: 1, comment: '物业响应很慢' }, day(27));
    await session(27, [{ propertyCompanyId: pc2.id, staffIds: [staff['周九']] }], [{ staffId: staff['周九'], attended: false }]);
    await order(P.district.id, day(28), { acceptedAfter: 900, resolvedAfter: 9000, rating: 1 });
    // The sources do see it: an open period of that month would score differently.
    expect({
      insp: (await t.services.inspections.deductions(t.database.db, range)).length,
      spot: (await t.services.spotChecks.deductions(t.database.db, range)).length,
      survey: (await t.services.surveys.ratings(t.database.db, range)).length,
      training: (await t.services.training.records(t.database.db, range)).length,
    }).toEqual({ insp: 2, spot: 2, survey: 8, training: 7 });

    // Recomputing is refused, and the nightly job leaves the closed period alone.
    const again = await op.post(`/api/evaluation/periods/${period.id}/compute`);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('period_closed');
    expect((await op.post(`/api/evaluation/periods/${period.id}/close`)).statusCode).toBe(409);
    expect((await op.post(`/api/evaluation/periods/${period.id}/manual`, { indicatorKey: 'people.manual', subjectKind: 'company', subjectId: pc1.id, score: 10, note: '改分' })).statusCode).toBe(409);
    await t.services.evaluation.computeOpenPeriods();

    // Byte-identical scores and explanations.
    expect(await Promise.all(urls.map(async (u) => (await op.get(u)).body))).toEqual(frozen);
    expect(await t.database.query('select subject_id::text, total, tree, computed_at from eval_scores where period_id = $1 order by subject_id', [period.id])).toEqual(frozenRows);
    // 天府物业's staff read the same frozen tree (their view differs only in `canManage`).
    const theirs = await ok<ScoreTreeView>(prop2.get(`/api/evaluation/periods/${period.id}/scores/district/${districtB.id}`));
    expect(JSON.stringify({ total: theirs.total, tree: theirs.tree })).toBe(JSON.stringify({ total: JSON.parse(frozen[1]).total, tree: JSON.parse(frozen[1]).tree }));
  });
});

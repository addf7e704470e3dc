import type { EvalIndicator } from '@parkos/contracts';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SYSTEM, TEST_PASSWORD, buildCreditCode, buildPark, buildUser, type BuiltPark } from '../../testing/builders';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import type { EvalDeduction } from './evaluation.engine';
import type { PeriodView, RankingView, SchemeView, ScoreTreeView, TrendView } from './evaluation.schema';

/** The scheme under test: five first-level indicators as the park uses them, nested leaves of every source kind. */
const TREE: EvalIndicator[] = [
  {
    key: 'safety',
    name: '安全生产',
    weight: 30,
    children: [
      { key: 'safety.insp', name: '现场检查扣分', weight: 40, source: { kind: 'deductions', deductionSources: ['inspection'] } },
      { key: 'safety.spot', name: '第三方抽查扣分', weight: 40, source: { kind: 'deductions', deductionSources: ['spot_check'] } },
      { key: 'safety.alarm', name: '告警确认及时', weight: 20, source: { kind: 'alarm_ack' } },
    ],
  },
  {
    key: 'service',
    name: '企业服务',
    weight: 30,
    children: [
      { key: 'service.response', name: '响应及时率', weight: 25, source: { kind: 'sla_response' } },
      { key: 'service.resolution', name: '解决及时率', weight: 25, source: { kind: 'sla_resolution' } },
      { key: 'service.reopen', name: '返修率', weight: 20, source: { kind: 'reopen_rate' } },
      { key: 'service.rating', name: '工单评价', weight: 15, source: { kind: 'rating' } },
      { key: 'service.survey', name: '满意度调查', weight: 15, source: { kind: 'survey' } },
    ],
  },
  {
    key: 'env',
    name: '环境秩序',
    weight: 15,
    children: [
      { key: 'env.punctual', name: '巡检准时率', weight: 50, source: { kind: 'inspection_punctuality' } },
      { key: 'env.manual', name: '现场评定', weight: 50, source: { kind: 'manual' } },
    ],
  },
  { key: 'facility', name: '设施设备', weight: 15, children: [{ key: 'facility.alarm', name: '设备告警确认', weight: 100, source: { kind: 'alarm_ack' } }] },
  { key: 'training', name: '培训', weight: 10, source: { kind: 'training' } },
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
let scheme: SchemeView;
let period: PeriodView;
let ruleId: string;

const OCT = (day: number, hour = 2) => new Date(Date.UTC(2026, 9, day, hour));
const min = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

/** A work order of a district created at `at` (normal priority, other category: response 120 min, resolution 1440 min). */
async function order(districtId: string, at: Date, o: { acceptedAfter?: number; resolvedAfter?: number; rating?: number; reopened?: boolean }) {
  const [row] = await t.database.query<{ id: string; number: number }>(
    `insert into work_orders (park_id, district_id, source, title, category, priority, status, requester_name, response_due_at, resolution_due_at, accepted_at, resolved_at, rating, created_at)
     values ($1, $2, 'operator', '考核测试工单', 'other', 'normal', $3, '测试', $4, $5, $6, $7, $8, $9) returning id::text as id, number`,
    [A.park.id, districtId, o.resolvedAfter !== undefined ? 'resolved' : 'in_progress', min(at, 120), min(at, 1440), o.acceptedAfter !== undefined ? min(at, o.acceptedAfter) : null, o.resolvedAfter !== undefined ? min(at, o.resolvedAfter) : null, o.rating ?? null, at],
  );
  if (o.reopened) await t.database.query(`insert into work_order_events (work_order_id, kind, from_status, to_status, actor_name, at) values ($1, 'reopened', 'resolved', 'in_progress', '测试', $2)`, [row.id, min(at, 600)]);
  return row;
}

async function alarm(buildingId: string, severity: string, at: Date, ackAfter: number | null) {
  await t.database.query(`insert into alarms (rule_id, park_id, site_id, building_id, location_id, severity, state, message, first_at, last_at, acknowledged_at) values ($1, $2, $3, $4, gen_random_uuid(), $5, $6, '烟感告警', $7, $7, $8)`, [
    ruleId,
    A.park.id,
    A.site.id,
    buildingId,
    severity,
    ackAfter === null ? 'active' : 'acknowledged',
    at,
    ackAfter === null ? null : min(at, ackAfter),
  ]);
}

const finding = (source: EvalDeduction['source'], districtId: string, companyId: string, severity: EvalDeduction['severity'], points: number, label: string): EvalDeduction => ({ source, findingId: `${source}-${label}`, districtId, propertyCompanyId: companyId, severity, points, occurredAt: OCT(12), label });

beforeAll(async () => {
  t = await createTestApp();
  A = await buildPark(t.services);
  B = await buildPark(t.services);
  district2 = await t.services.parks.createDistrict(SYSTEM, { siteId: A.site.id, name: 'B区' });
  const building2 = await t.services.parks.createBuilding(SYSTEM, { districtId: district2.id, name: 'B1栋', floorsAboveGround: 2 });
  pc1 = await t.services.parks.createPropertyCompany(SYSTEM, { name: '锦华物业', creditCode: buildCreditCode() });
  pc2 = await t.services.parks.createPropertyCompany(SYSTEM, { name: '天府物业', creditCode: buildCreditCode() });
  await t.services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: pc1.id, districtId: A.district.id, startDate: '2026-01-01', endDate: '2030-12-31', annualFeeFen: 100 });
  await t.services.parks.createPropertyContract(SYSTEM, { propertyCompanyId: pc2.id, districtId: district2.id, startDate: '2026-01-01', endDate: '2030-12-31', annualFeeFen: 100 });
  await buildUser(t.services, 'eval.op', [{ role: 'operator', scopeType: 'park', scopeId: A.park.id }]);
  await buildUser(t.services, 'eval.opB', [{ role: 'operator', scopeType: 'park', scopeId: B.park.id }]);
  await buildUser(t.services, 'eval.prop1', [{ role: 'property', scopeType: 'property_company', scopeId: pc1.id }]);
  await buildUser(t.services, 'eval.prop2', [{ role: 'property', scopeType: 'property_company', scopeId: pc2.id }]);
  [op, opB, prop1, prop2] = await Promise.all(['eval.op', 'eval.opB', 'eval.prop1', 'eval.prop2'].map((u) => t.login(u, TEST_PASSWORD)));
  const rule = (await op.post('/api/alarm-rules', { parkId: A.park.id, name: '烟感', kind: 'threshold', metric: 'temperature', operator: '>', value: 30, severity: 'major' })).json() as { id: string };
  ruleId = rule.id;

  // District A (锦华物业), October 2026: five orders.
  await order(A.district.id, OCT(3), { acceptedAfter: 30, resolvedAfter: 600, rating: 5 }); // both in time
  await order(A.district.id, OCT(5), { acceptedAfter: 180, resolvedAfter: 2000, rating: 3 }); // both late
  await order(A.district.id, OCT(8), { acceptedAfter: 60, resolvedAfter: 1500, reopened: true }); // response ok, resolution late, reopened
  await order(A.district.id, OCT(15), { acceptedAfter: 10, resolvedAfter: 300, rating: 4 }); // both in time
  await order(A.district.id, OCT(20), { acceptedAfter: 100 }); // response ok, never resolved (overdue)
  // Outside the period or the park: not counted.
  await order(A.district.id, new Date(Date.UTC(2026, 8, 29)), { acceptedAfter: 500, resolvedAfter: 9000 });
  // Alarms of district A's building: major acknowledged after 10 (in time) and 30 minutes (late), minor never.
  await alarm(A.building.id, 'major', OCT(4), 10);
  await alarm(A.building.id, 'major', OCT(9), 30);
  await alarm(A.building.id, 'minor', OCT(18), null);

  // The other modules' inputs, as in-test providers.
  t.services.evaluation.setSources({
    inspections: {
      deductions: async (_q, range) => (range.from.getTime() <= OCT(12).getTime() && OCT(12).getTime() < range.to.getTime() ? [finding('inspection', A.district.id, pc1.id, 'major', 5, '消防通道堆物'), finding('inspection', A.district.id, pc1.id, 'minor', 2, '垃圾未清运'), finding('inspection', district2.id, pc2.id, 'critical', 10, '配电房未上锁')] : []),
      punctuality: async () => [{ districtId: A.district.id, due: 4, onTime: 3 }],
    },
    spotChecks: { deductions: async () => [finding('spot_check', A.district.id, pc1.id, 'critical', 10, '消防泵故障')] },
    surveys: {
      ratings: async () => [
        { surveyId: 's1', responseId: 'r1', districtId: A.district.id, enterpriseId: 'e1', questionId: 'q1', value: 4, scaleMax: 5, answeredAt: OCT(10) },
        { surveyId: 's1', responseId: 'r2', districtId: A.district.id, enterpriseId: 'e2', questionId: 'q1', value: 5, scaleMax: 5, answeredAt: OCT(10) },
      ],
    },
    training: {
      records: async () =>
        [
          [true, true, true],
          [true, true, true],
          [true, false, false],
          [false, false, false],
        ].map(([attended, examined, passed], i) => ({ propertyCompanyId: pc1.id, sessionId: 'ts1', staffKey: `s${i}`, attended, examined, passed, hours: 3, heldAt: OCT(16) })),
    },
  });
  void building2;
}, 60_000);
afterAll(() => t?.close());

describe('schemes', () => {
  test('a level whose weights do not sum to 100 is refused, naming that level', async () => {
    const bad = structuredClone(TREE);
    bad[1].children![0].weight = 15;
    const res = await op.post('/api/evaluation/schemes', { parkId: A.park.id, name: '月度考核', periodKind: 'month', indicators: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields).toEqual([{ field: 'body.indicators[1].children', message: 'weights_not_100' }]);
    const top = structuredClone(TREE);
    top[4].weight = 5;
    expect((await op.post('/api/evaluation/schemes', { parkId: A.park.id, name: '月度考核', periodKind: 'month', indicators: top })).json().details.fields[0].field).toBe('body.indicators');
  });

  test('a tree deeper than four levels is refused', async () => {
    const leaf = (key: string) => ({ key, name: key, weight: 100, source: { kind: 'manual' } });
    const nest = (key: string, child: object) => ({ key, name: key, weight: 100, children: [child] });
    const res = await op.post('/api/evaluation/schemes', { parkId: A.park.id, name: '过深', periodKind: 'month', indicators: [nest('a', nest('b', nest('c', nest('d', leaf('e')))))] });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields[0].field).toMatch(/^body\.indicators/);
  });

  test('an operator creates and activates a scheme; another park’s operator and property staff do not see it', async () => {
    const res = await op.post('/api/evaluation/schemes', { parkId: A.park.id, name: '物业月度考核', periodKind: 'month', indicators: TREE });
    expect(res.statusCode, res.body).toBe(201);
    scheme = res.json();
    expect(scheme).toMatchObject({ status: 'draft', version: 1, isLocked: false });
    expect((await op.post(`/api/evaluation/periods`, { schemeId: scheme.id, label: '2026-10' })).statusCode).toBe(409);
    expect((await op.post(`/api/evaluation/schemes/${scheme.id}/activate`)).json().status).toBe('active');
    for (const c of [opB, prop1]) expect((await c.get(`/api/evaluation/schemes/${scheme.id}`)).statusCode).toBe(404);
    expect((await opB.post('/api/evaluation/schemes', { parkId: A.park.id, name: 'x', periodKind: 'month', indicators: TREE })).statusCode).toBe(404);
    expect((await opB.get('/api/evaluation/schemes')).json()).toEqual([]);
  });
});

describe('a period', () => {
  test('opens with a label of the scheme’s kind', async () => {
    expect((await op.post('/api/evaluation/periods', { schemeId: scheme.id, label: '2026-Q4' })).json().details.fields[0].field).toBe('body.label');
    const res = await op.post('/api/evaluation/periods', { schemeId: scheme.id, label: '2026-10' });
    expect(res.statusCode, res.body).toBe(201);
    period = res.json();
    expect(period).toMatchObject({ startDate: '2026-10-01', endDate: '2026-11-01', status: 'open', rankingPublished: false });
    expect((await op.post('/api/evaluation/periods', { schemeId: scheme.id, label: '2026-10' })).statusCode).toBe(409);
  });

  test('a manual score needs a note', async () => {
    const res = await op.post(`/api/evaluation/periods/${period.id}/manual`, { indicatorKey: 'env.manual', subjectKind: 'company', subjectId: pc1.id, score: 88 });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields[0].field).toBe('body.note');
    expect((await op.post(`/api/evaluation/periods/${period.id}/manual`, { indicatorKey: 'service.rating', subjectKind: 'company', subjectId: pc1.id, score: 88, note: 'x' })).json().details.fields[0].field).toBe('body.indicatorKey');
    const ok = await op.post(`/api/evaluation/periods/${period.id}/manual`, { indicatorKey: 'env.manual', subjectKind: 'company', subjectId: pc1.id, score: 88, note: '园区环境月度巡查：楼道整洁，绿化养护到位' });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  test('scores from the seeded orders, alarms and inputs match the hand-computed figures', async () => {
    const res = await op.post(`/api/evaluation/periods/${period.id}/compute`);
    expect(res.statusCode, res.body).toBe(200);
    const tree = (await op.get(`/api/evaluation/periods/${period.id}/scores/district/${A.district.id}`)).json() as ScoreTreeView;
    const node = (key: string) => tree.tree.flatMap((n) => [n, ...(n.children ?? [])]).find((n) => n.key === key)!;
    // inspection: 100 − (5 + 2) = 93; spot check: 100 − 10 = 90; alarms: 1 of 3 acknowledged in time
    expect(node('safety.insp').score).toBe(93);
    expect(node('safety.spot').score).toBe(90);
    expect(node('safety.alarm').explanation!.figures).toEqual({ within: 1, total: 3 });
    // orders: response 4 of 5 = 80, resolution 2 of 5 = 40, reopened 1 of 5 → 80, ratings 5, 3, 4 → 4 ÷ 5 = 80
    expect(node('service.response').score).toBe(80);
    expect(node('service.response').explanation!.items).toHaveLength(5);
    expect(node('service.resolution').score).toBe(40);
    expect(node('service.reopen').score).toBe(80);
    expect(node('service.rating').score).toBe(80);
    expect(node('service.survey').score).toBe(90);
    expect(node('env.punctual').score).toBe(75);
    expect(node('env.manual')).toMatchObject({ score: 88, explanation: { note: '园区环境月度巡查：楼道整洁，绿化养护到位' } });
    // training: 50 × 3/4 + 50 × 2/2 = 87.5
    expect(node('training').score).toBe(87.5);
    // safety 0.4·93 + 0.4·90 + 0.2·33.33… = 79.866…; service 71.5; env 81.5; facility 33.33…; training 87.5
    // total = 0.3·79.866… + 0.3·71.5 + 0.15·81.5 + 0.15·33.33… + 0.1·87.5 = 23.96 + 21.45 + 12.225 + 5 + 8.75 = 71.385
    expect(tree.total).toBeCloseTo(71.385, 9);
    expect(tree.rank).toBe(2);
    // District B: only the critical inspection finding (90) → safety 96, all else 100 → 98.8
    const ranking = (await op.get(`/api/evaluation/periods/${period.id}/ranking`)).json() as RankingView;
    expect(ranking.districts.map((d) => [d.name, Math.round(d.total * 1000) / 1000, d.rank])).toEqual([
      ['B区', 98.8, 1],
      ['A区', 71.385, 2],
    ]);
    expect(ranking.companies.map((c) => c.name)).toEqual(['天府物业', '锦华物业']);
    expect(ranking.companies[1].firstLevel!.safety).toBeCloseTo(79.8667, 3);
  });

  test('an open period follows new data; a closed one is frozen and refuses recomputation', async () => {
    await order(A.district.id, OCT(25), { acceptedAfter: 500, resolvedAfter: 5000 });
    await op.post(`/api/evaluation/periods/${period.id}/compute`);
    const moved = (await op.get(`/api/evaluation/periods/${period.id}/scores/district/${A.district.id}`)).json() as ScoreTreeView;
    // response now 4 of 6
    expect(moved.tree[1].children![0].explanation!.figures).toEqual({ within: 4, total: 6 });
    const closed = await op.post(`/api/evaluation/periods/${period.id}/close`);
    expect(closed.json().status).toBe('closed');
    const frozen = (await op.get(`/api/evaluation/periods/${period.id}/scores/district/${A.district.id}`)).body;
    // New data after the close.
    await order(A.district.id, OCT(26), { acceptedAfter: 5, resolvedAfter: 50, rating: 5 });
    expect((await op.post(`/api/evaluation/periods/${period.id}/compute`)).statusCode).toBe(409);
    expect((await op.post(`/api/evaluation/periods/${period.id}/close`)).statusCode).toBe(409);
    expect((await op.post(`/api/evaluation/periods/${period.id}/manual`, { indicatorKey: 'env.manual', subjectKind: 'company', subjectId: pc1.id, score: 10, note: '改' })).statusCode).toBe(409);
    await t.services.evaluation.computeOpenPeriods();
    expect((await op.get(`/api/evaluation/periods/${period.id}/scores/district/${A.district.id}`)).body).toBe(frozen);
  });

  test('a scheme a closed period used is not edited; a copy is a new draft version', async () => {
    expect((await op.get(`/api/evaluation/schemes/${scheme.id}`)).json().isLocked).toBe(true);
    expect((await op.patch(`/api/evaluation/schemes/${scheme.id}`, { name: '改名' })).statusCode).toBe(409);
    const copy = await op.post(`/api/evaluation/schemes/${scheme.id}/copy`);
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ version: 2, status: 'draft', basedOnId: scheme.id });
    const bad = structuredClone(TREE);
    bad[0].children![2].weight = 30;
    expect((await op.patch(`/api/evaluation/schemes/${copy.json().id}`, { indicators: bad })).json().details.fields[0].field).toBe('body.indicators[0].children');
  });
});

describe('who sees what', () => {
  test('property staff see their own company’s rows and explanations only; another’s is 404', async () => {
    const r = (await prop1.get(`/api/evaluation/periods/${period.id}/ranking`)).json() as RankingView;
    expect(r.districts.map((d) => d.name)).toEqual(['A区']);
    expect(r.companies.map((d) => d.name)).toEqual(['锦华物业']);
    expect((await prop1.get(`/api/evaluation/periods/${period.id}/scores/district/${A.district.id}`)).statusCode).toBe(200);
    expect((await prop1.get(`/api/evaluation/periods/${period.id}/scores/company/${pc1.id}`)).statusCode).toBe(200);
    expect((await prop1.get(`/api/evaluation/periods/${period.id}/scores/district/${district2.id}`)).statusCode).toBe(404);
    expect((await prop1.get(`/api/evaluation/periods/${period.id}/scores/company/${pc2.id}`)).statusCode).toBe(404);
    expect((await prop1.get(`/api/evaluation/trend?subjectKind=company&subjectId=${pc2.id}`)).statusCode).toBe(404);
    expect((await prop1.post(`/api/evaluation/periods/${period.id}/publish`, { published: true })).statusCode).toBe(403);
    expect((await prop1.get(`/api/evaluation/periods/${period.id}/manual`)).statusCode).toBe(403);
    for (const url of [`/api/evaluation/periods/${period.id}`, `/api/evaluation/periods/${period.id}/ranking`, `/api/evaluation/periods/${period.id}/scores/district/${A.district.id}`]) expect((await opB.get(url)).statusCode, url).toBe(404);
    expect((await opB.get('/api/evaluation/periods')).json()).toEqual([]);
  });

  test('a published ranking shows other companies’ name, rank and total only', async () => {
    expect((await op.post(`/api/evaluation/periods/${period.id}/publish`, { published: true })).json().rankingPublished).toBe(true);
    const r = (await prop1.get(`/api/evaluation/periods/${period.id}/ranking`)).json() as RankingView;
    expect(r.companies.map((c) => [c.name, c.rank, c.firstLevel === null, c.canExplain])).toEqual([
      ['天府物业', 1, true, false],
      ['锦华物业', 2, false, true],
    ]);
    expect(r.districts.find((d) => d.name === 'B区')).toMatchObject({ companyId: null, companyName: null, firstLevel: null });
    expect((await prop1.get(`/api/evaluation/periods/${period.id}/scores/company/${pc2.id}`)).statusCode).toBe(404);
    // The other company's staff see theirs in full.
    const r2 = (await prop2.get(`/api/evaluation/periods/${period.id}/ranking`)).json() as RankingView;
    expect(r2.companies.find((c) => c.name === '天府物业')!.firstLevel).not.toBeNull();
  });

  test('a trend lists the subject’s totals per period', async () => {
    const next = (await op.post('/api/evaluation/periods', { schemeId: scheme.id, label: '2026-11' })).json() as PeriodView;
    await op.post(`/api/evaluation/periods/${next.id}/compute`);
    const trend = (await prop1.get(`/api/evaluation/trend?subjectKind=company&subjectId=${pc1.id}`)).json() as TrendView;
    expect(trend.points.map((p) => p.label)).toEqual(['2026-10', '2026-11']);
    expect(trend.points[0].total).toBeCloseTo((await op.get(`/api/evaluation/periods/${period.id}/scores/company/${pc1.id}`)).json().total, 12);
    expect(trend.indicators.map((i) => i.key)).toEqual(['safety', 'service', 'env', 'facility', 'training']);
  });
});

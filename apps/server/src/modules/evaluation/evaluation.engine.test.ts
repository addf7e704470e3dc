import type { EvalIndicator } from '@parkos/contracts';
import { findTreeIssues } from '@parkos/contracts';
import { describe, expect, test } from 'vitest';
import { computeScores, rankByTotal, type DistrictInputs, type EvalOrder } from './evaluation.engine';
import { monthLabelBefore, periodLabelAt, periodRange } from './evaluation.periods';

const TREE: EvalIndicator[] = [
  {
    key: 'safety',
    name: '安全生产',
    weight: 40,
    children: [
      { key: 'safety.deductions', name: '检查扣分', weight: 50, source: { kind: 'deductions', deductionSources: ['inspection', 'spot_check'] } },
      { key: 'safety.alarm', name: '告警确认', weight: 50, source: { kind: 'alarm_ack' } },
    ],
  },
  {
    key: 'service',
    name: '企业服务',
    weight: 40,
    children: [
      { key: 'service.response', name: '响应及时', weight: 25, source: { kind: 'sla_response' } },
      { key: 'service.resolution', name: '解决及时', weight: 25, source: { kind: 'sla_resolution' } },
      { key: 'service.reopen', name: '返修率', weight: 20, source: { kind: 'reopen_rate' } },
      { key: 'service.rating', name: '工单评价', weight: 15, source: { kind: 'rating' } },
      { key: 'service.survey', name: '满意度', weight: 15, source: { kind: 'survey' } },
    ],
  },
  { key: 'training', name: '培训', weight: 10, source: { kind: 'training' } },
  { key: 'manual', name: '综合评定', weight: 10, source: { kind: 'manual' } },
];

const order = (n: number, o: Partial<EvalOrder>): EvalOrder => ({ id: `o${n}`, number: n, responseWithin: true, resolutionWithin: true, reopened: false, rating: null, ...o });
const at = new Date('2026-11-10T02:00:00Z');

/** District A: 4 orders (3 responded in time, 2 of 3 due resolved in time, 1 reopened, ratings 4 and 5). */
const A: DistrictInputs = {
  districtId: 'dA',
  districtName: 'A区',
  companyId: 'c1',
  companyName: '锦华物业',
  orders: [order(1, { rating: 4 }), order(2, { responseWithin: false, resolutionWithin: false, reopened: true, rating: 5 }), order(3, { resolutionWithin: null }), order(4, { resolutionWithin: false })],
  alarms: [
    { id: 'a1', severity: 'major', message: '烟感告警', within: true },
    { id: 'a2', severity: 'minor', message: '温度过高', within: false },
    { id: 'a3', severity: 'info', message: '提示', within: null },
  ],
  punctuality: null,
  deductions: [
    { source: 'inspection', findingId: 'f1', districtId: 'dA', propertyCompanyId: 'c1', severity: 'major', points: 5, occurredAt: at, label: '消防通道堆物' },
    { source: 'spot_check', findingId: 'f2', districtId: 'dA', propertyCompanyId: 'c1', severity: 'minor', points: 2, occurredAt: at, label: '灭火器过期' },
  ],
  ratings: [
    { surveyId: 's', responseId: 'r1', districtId: 'dA', enterpriseId: 'e1', questionId: 'q1', value: 4, scaleMax: 5, answeredAt: at },
    { surveyId: 's', responseId: 'r2', districtId: 'dA', enterpriseId: 'e2', questionId: 'q1', value: 9, scaleMax: 10, answeredAt: at },
  ],
  training: [
    { propertyCompanyId: 'c1', sessionId: 't1', staffKey: 'p1', attended: true, examined: true, passed: true, hours: 2, heldAt: at },
    { propertyCompanyId: 'c1', sessionId: 't1', staffKey: 'p2', attended: true, examined: true, passed: false, hours: 2, heldAt: at },
    { propertyCompanyId: 'c1', sessionId: 't1', staffKey: 'p3', attended: false, examined: false, passed: false, hours: 2, heldAt: at },
    { propertyCompanyId: 'c1', sessionId: 't1', staffKey: 'p4', attended: true, examined: true, passed: true, hours: 2, heldAt: at },
  ],
  manual: { manual: { score: 90, note: '月度例会表现良好' } },
};

/** District B: no data at all, except a critical spot-check finding of 10 points. */
const B: DistrictInputs = {
  districtId: 'dB',
  districtName: 'B区',
  companyId: 'c1',
  companyName: '锦华物业',
  orders: [],
  alarms: [],
  punctuality: null,
  deductions: [{ source: 'spot_check', findingId: 'f3', districtId: 'dB', propertyCompanyId: 'c1', severity: 'critical', points: 10, occurredAt: at, label: '配电房未上锁' }],
  ratings: [],
  training: [],
  manual: {},
};

describe('the scoring engine', () => {
  const { districts, companies } = computeScores(TREE, [A, B]);
  const [dA, dB] = districts;
  const leaf = (tree: typeof dA.tree, path: number[]) => path.slice(1).reduce((n, i) => n.children![i], tree[path[0]]);

  test('scores each leaf of a district by the default rules, with its inputs', () => {
    // deductions: 100 − (5 + 2) = 93
    expect(leaf(dA.tree, [0, 0]).score).toBe(93);
    expect(leaf(dA.tree, [0, 0]).explanation!.items.map((i) => [i.id, i.points])).toEqual([
      ['f1', 5],
      ['f2', 2],
    ]);
    // alarms: 1 of 2 counted within deadline → 50 (the info alarm has no deadline)
    expect(leaf(dA.tree, [0, 1]).score).toBe(50);
    expect(leaf(dA.tree, [0, 1]).explanation!.figures).toEqual({ within: 1, total: 2 });
    // response: 3 of 4 → 75; resolution: 1 of 3 due → 33.33…
    expect(leaf(dA.tree, [1, 0]).score).toBe(75);
    expect(leaf(dA.tree, [1, 0]).explanation!.items.filter((i) => !i.ok).map((i) => i.label)).toEqual(['2']);
    expect(leaf(dA.tree, [1, 1]).score).toBeCloseTo(100 / 3, 12);
    // reopen: 100 − 1/4 × 100 = 75
    expect(leaf(dA.tree, [1, 2]).score).toBe(75);
    // ratings 4 and 5: mean 4.5 ÷ 5 × 100 = 90
    expect(leaf(dA.tree, [1, 3]).score).toBe(90);
    // survey: mean(4/5, 9/10) × 100 = 85
    expect(leaf(dA.tree, [1, 4]).score).toBeCloseTo(85, 12);
    // training: 50 × 3/4 + 50 × 2/3 = 37.5 + 33.33… = 70.833…
    expect(leaf(dA.tree, [2]).score).toBeCloseTo(37.5 + 100 / 3, 12);
    expect(leaf(dA.tree, [2]).explanation!.figures).toMatchObject({ invited: 4, attended: 3, examined: 3, passed: 2, hours: 6 });
    expect(leaf(dA.tree, [3]).explanation!.note).toBe('月度例会表现良好');
  });

  test('weights the tree up to the district total', () => {
    // safety = 0.5 × 93 + 0.5 × 50 = 71.5
    expect(dA.tree[0].score).toBe(71.5);
    // service = 0.25 × 75 + 0.25 × 33.33… + 0.2 × 75 + 0.15 × 90 + 0.15 × 85 = 18.75 + 8.333… + 15 + 13.5 + 12.75 = 68.333…
    expect(dA.tree[1].score).toBeCloseTo(68 + 1 / 3, 10);
    // total = 0.4 × 71.5 + 0.4 × 68.333… + 0.1 × 70.833… + 0.1 × 90 = 28.6 + 27.333… + 7.0833… + 9 = 72.01666…
    expect(dA.total).toBeCloseTo(28.6 + 27 + 1 / 3 + 7 + 1 / 12 + 9, 10);
  });

  test('a leaf without data scores 100 and says so', () => {
    expect(leaf(dB.tree, [1, 0])).toMatchObject({ score: 100, explanation: { noData: true } });
    expect(leaf(dB.tree, [3])).toMatchObject({ score: 100, explanation: { noData: true, note: null } });
    // B: safety = 0.5 × 90 + 0.5 × 100 = 95; everything else 100 → 0.4 × 95 + 60 = 98
    expect(dB.total).toBe(98);
  });

  test('a company scores the mean of its districts per indicator', () => {
    expect(companies).toHaveLength(1);
    const c = companies[0];
    expect(c.tree[0].children![0].score).toBe((93 + 90) / 2);
    expect(c.tree[0].children![0].explanation!.districts).toEqual([
      { districtId: 'dA', name: 'A区', score: 93 },
      { districtId: 'dB', name: 'B区', score: 90 },
    ]);
    expect(c.total).toBeCloseTo((dA.total + dB.total) / 2, 10);
  });

  test('deduction leaves filter by source and severity and never go below 0', () => {
    const tree: EvalIndicator[] = [
      { key: 'i', name: '巡检', weight: 50, source: { kind: 'deductions', deductionSources: ['inspection'] } },
      { key: 's', name: '抽查重大', weight: 50, source: { kind: 'deductions', deductionSources: ['spot_check'], severities: ['critical'] } },
    ];
    const many = { ...B, deductions: Array.from({ length: 12 }, (_, i) => ({ ...B.deductions[0], findingId: `x${i}` })) };
    const [d] = computeScores(tree, [many]).districts;
    expect(d.tree.map((n) => n.score)).toEqual([100, 0]);
    const [a] = computeScores(tree, [A]).districts;
    expect(a.tree.map((n) => n.score)).toEqual([95, 100]);
  });

  test('ranks by total with shared ranks for ties', () => {
    expect(rankByTotal([{ total: 80 }, { total: 90 }, { total: 80 }, { total: 70 }]).map((r) => r.rank)).toEqual([1, 2, 2, 4]);
  });
});

describe('indicator trees', () => {
  test('every level must sum to 100, naming the level', () => {
    const bad: EvalIndicator[] = [
      { key: 'a', name: 'A', weight: 60, children: [{ key: 'a1', name: 'A1', weight: 50, source: { kind: 'manual' } }, { key: 'a2', name: 'A2', weight: 40, source: { kind: 'manual' } }] },
      { key: 'b', name: 'B', weight: 40, children: [{ key: 'b1', name: 'B1', weight: 100 }] },
    ];
    expect(findTreeIssues(bad)).toEqual([
      { path: 'indicators[0].children', code: 'weights_not_100' },
      { path: 'indicators[1].children[0].source', code: 'source_required' },
    ]);
    expect(findTreeIssues([{ key: 'x', name: 'X', weight: 99.5, source: { kind: 'manual' } }])).toEqual([{ path: 'indicators', code: 'weights_not_100' }]);
    expect(findTreeIssues(TREE)).toEqual([]);
  });
});

describe('periods', () => {
  test.each([
    ['month', '2026-11', '2026-11-01', '2026-12-01'],
    ['month', '2026-12', '2026-12-01', '2027-01-01'],
    ['quarter', '2026-Q4', '2026-10-01', '2027-01-01'],
    ['year', '2026', '2026-01-01', '2027-01-01'],
  ] as const)('%s %s runs from %s to %s', (kind, label, startDate, endDate) => {
    expect(periodRange(kind, label)).toEqual({ startDate, endDate });
  });
  test('a label of the wrong kind is a 400 naming the label', () => {
    expect(() => periodRange('month', '2026-Q4')).toThrow(/body.label/);
  });
  test('labels follow the Shanghai calendar', () => {
    expect(periodLabelAt('month', new Date('2026-11-30T16:30:00Z'))).toBe('2026-12');
    expect(periodLabelAt('quarter', new Date('2026-11-30T00:00:00Z'))).toBe('2026-Q4');
    expect(monthLabelBefore('2026-03', 3)).toBe('2025-12');
  });
});

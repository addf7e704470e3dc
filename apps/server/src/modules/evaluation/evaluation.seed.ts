import type { EvalIndicator } from '@parkos/contracts';
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { createRandom } from '../../seed/random';
import { SYSTEM_ACTOR } from '../identity/actor';
import { alarms } from '../iot/alarms/alarms.table';
import { alarmRules } from '../iot/rules/rules.table';
import { buildings, propertyContracts } from '../parks/parks.table';
import { defaultSla, slaDeadlines } from '../workorders/sla';
import { workOrderEvents, workOrders, type WorkOrderCategory, type WorkOrderPriority } from '../workorders/workorders.table';
import { localMidnight, monthLabelBefore, periodLabelAt, periodRange } from './evaluation.periods';
import type { EvaluationService } from './evaluation.service';
import { evalPeriods } from './evaluation.table';

const system: RequestContext = { actor: SYSTEM_ACTOR };

/** The park's default monthly scheme (物业月度考核方案): five first-level indicators with their leaves. */

const INCIDENT_MESSAGES = { smoke: 'smoke detected', over_temperature: 'temperature too high', water_leak: 'water leak', cabinet_temperature: 'switch cabinet temperature abnormal', elevator_trapped: 'people trapped in a lift' } as const;
/** A seeded past incident's alarm text: English message, code `incident` and its kind. */
const incidentText = (kind: keyof typeof INCIDENT_MESSAGES) => ({ message: INCIDENT_MESSAGES[kind], code: 'incident', params: { kind } });

export const DEFAULT_SCHEME: EvalIndicator[] = [
  {
    key: 'safety',
    name: '安全生产',
    weight: 30,
    children: [
      { key: 'safety.inspection', name: '现场监督检查扣分', weight: 35, source: { kind: 'deductions', deductionSources: ['inspection'] } },
      { key: 'safety.spot_check', name: '第三方安全抽查扣分', weight: 35, source: { kind: 'deductions', deductionSources: ['spot_check'] } },
      { key: 'safety.alarm_ack', name: '消防告警确认及时率', weight: 30, source: { kind: 'alarm_ack' } },
    ],
  },
  {
    key: 'service',
    name: '企业服务',
    weight: 30,
    children: [
      { key: 'service.response', name: '工单响应及时率', weight: 25, source: { kind: 'sla_response' } },
      { key: 'service.resolution', name: '工单解决及时率', weight: 25, source: { kind: 'sla_resolution' } },
      { key: 'service.reopen', name: '返修率', weight: 15, source: { kind: 'reopen_rate' } },
      { key: 'service.rating', name: '报修评价', weight: 15, source: { kind: 'rating' } },
      { key: 'service.survey', name: '企业满意度调查', weight: 20, source: { kind: 'survey' } },
    ],
  },
  {
    key: 'environment',
    name: '环境秩序',
    weight: 15,
    children: [
      { key: 'environment.punctuality', name: '巡检准时率', weight: 50, source: { kind: 'inspection_punctuality' } },
      { key: 'environment.review', name: '环境秩序现场评定', weight: 50, source: { kind: 'manual' } },
    ],
  },
  {
    key: 'facility',
    name: '设施设备',
    weight: 15,
    children: [
      { key: 'facility.alarm_ack', name: '设备告警确认率', weight: 60, source: { kind: 'alarm_ack' } },
      { key: 'facility.repair', name: '设施报修修复及时率', weight: 40, source: { kind: 'sla_resolution' } },
    ],
  },
  { key: 'training', name: '培训', weight: 10, children: [{ key: 'training.records', name: '培训出勤与考试通过', weight: 100, source: { kind: 'training' } }] },
];

const CATEGORIES: [WorkOrderCategory, number][] = [['hvac', 4], ['lighting', 3], ['plumbing', 3], ['elevator', 2], ['cleaning', 3], ['electrical', 2], ['fire', 1], ['network', 1]];
const TITLES: Record<WorkOrderCategory, string[]> = {
  hvac: ['空调不制冷', '新风系统噪音大', '会议室空调漏水'],
  lighting: ['走廊灯不亮', '地库照明闪烁', '楼梯间感应灯失灵'],
  plumbing: ['卫生间水龙头漏水', '茶水间下水堵塞', '消防栓箱渗水'],
  elevator: ['电梯异响', '电梯按钮失灵', '货梯门关不严'],
  cleaning: ['公共区域垃圾未清运', '大堂地面湿滑', '楼道有异味'],
  electrical: ['办公室跳闸', '插座无电', '配电箱异响'],
  fire: ['烟感误报', '灭火器过期', '安全出口指示灯不亮'],
  network: ['公共区域无线网络中断', '门禁网络离线', '监控画面掉线'],
  security: ['门禁卡失效'],
  parking: ['道闸抬杆故障'],
  other: ['其他报修'],
};
const GOOD_NOTES = ['月度联合检查：公共区域整洁，绿化养护到位，标识规范', '月度联合检查：楼道通畅，保洁记录完整', '月度联合检查：外围秩序良好，车辆停放规范'];
const BAD_NOTES = ['月度联合检查：地下车库积水未及时处理，垃圾清运滞后', '月度联合检查：楼道堆物两处，保洁频次不足', '月度联合检查：外卖电动车乱停放，秩序维护不到位'];

/** How well a district's company works: pcs[0] reliably, pcs[1] clearly worse (improving a little over the year). */
function qualityOf(isWeaker: boolean, monthsAgo: number) {
  if (!isWeaker) return { response: 0.95, resolution: 0.92, reopen: 0.03, ack: 0.94, ratings: [[5, 6], [4, 3], [3, 0.6]] as [number, number][] };
  const drift = (12 - monthsAgo) * 0.008;
  return { response: 0.72 + drift, resolution: 0.64 + drift, reopen: 0.13, ack: 0.7 + drift, ratings: [[5, 2], [4, 3], [3, 2], [2, 1]] as [number, number][] };
}

/**
 * A year of work orders and alarms per contracted district of the park (for the evaluation's history), then the
 * default monthly scheme, its periods (12 past and the current one) and the monthly on-site reviews. With
 * `computePeriods` (default) the past periods are computed and closed at once; otherwise call
 * `seedEvaluationPeriods` after the input modules' seeds.
 */
export async function seedEvaluationDemo(db: Db, services: { evaluation: EvaluationService }, place: { parkId: string; weakerCompanyId: string; computePeriods?: boolean; now?: Date }): Promise<{ schemeId: string; orders: number; alarms: number }> {
  const r = createRandom(1313);
  const now = place.now ?? new Date();
  const current = periodLabelAt('month', now);
  const contracts = await db.select({ districtId: propertyContracts.districtId, companyId: propertyContracts.propertyCompanyId }).from(propertyContracts).where(eq(propertyContracts.parkId, place.parkId));
  const buildingRows = await db.select({ id: buildings.id, districtId: buildings.districtId, siteId: buildings.siteId }).from(buildings).where(eq(buildings.parkId, place.parkId)).orderBy(asc(buildings.name));
  const [rule] = await db.select({ id: alarmRules.id }).from(alarmRules).where(eq(alarmRules.parkId, place.parkId)).limit(1);
  const orderValues: (typeof workOrders.$inferInsert)[] = [];
  const reopenedIdx = new Set<number>();
  const alarmValues: (typeof alarms.$inferInsert)[] = [];
  for (let monthsAgo = 12; monthsAgo >= 0; monthsAgo--) {
    const label = monthLabelBefore(current, monthsAgo);
    const { startDate, endDate } = periodRange('month', label);
    const from = localMidnight(startDate).getTime();
    const to = Math.min(localMidnight(endDate).getTime(), now.getTime() - 3 * 86_400_000);
    if (to <= from) continue;
    for (const c of contracts) {
      const q = qualityOf(c.companyId === place.weakerCompanyId, monthsAgo);
      const districtBuildings = buildingRows.filter((b) => b.districtId === c.districtId);
      if (!districtBuildings.length) continue;
      const n = Math.max(2, Math.round((r.int(6, 10) * (to - from)) / (30 * 86_400_000)));
      for (let i = 0; i < n; i++) {
        const b = r.pick(districtBuildings);
        const category = r.weighted(CATEGORIES);
        const priority: WorkOrderPriority = r.weighted([['normal', 6], ['high', 3], ['urgent', 1]] as const);
        const createdAt = new Date(from + r.next() * (to - from));
        const sla = slaDeadlines(createdAt, defaultSla(category, priority));
        const window = { response: sla.responseDueAt.getTime() - createdAt.getTime(), resolution: sla.resolutionDueAt.getTime() - createdAt.getTime() };
        const acceptedAt = new Date(createdAt.getTime() + window.response * (r.next() < q.response ? 0.2 + r.next() * 0.7 : 1.2 + r.next()));
        const resolvedAt = new Date(createdAt.getTime() + window.resolution * (r.next() < q.resolution ? 0.3 + r.next() * 0.6 : 1.1 + r.next() * 1.5));
        if (r.next() < q.reopen) reopenedIdx.add(orderValues.length);
        orderValues.push({
          parkId: place.parkId,
          siteId: b.siteId,
          districtId: c.districtId,
          buildingId: b.id,
          source: r.weighted([['member_request', 5], ['enterprise_request', 3], ['patrol', 2]] as const),
          title: r.pick(TITLES[category]),
          category,
          priority,
          status: 'closed',
          requesterName: '园区职工',
          responseDueAt: sla.responseDueAt,
          resolutionDueAt: sla.resolutionDueAt,
          dispatchedAt: new Date(createdAt.getTime() + 60_000),
          acceptedAt,
          resolvedAt,
          closedAt: new Date(resolvedAt.getTime() + 6 * 3600_000),
          rating: r.next() < 0.7 ? r.weighted(q.ratings) : null,
          createdAt,
          updatedAt: resolvedAt,
        });
      }
      if (!rule) continue;
      for (let i = r.int(2, 4); i > 0; i--) {
        const b = r.pick(districtBuildings);
        const severity = r.weighted([['major', 3], ['minor', 2], ['critical', 1]] as const);
        const firstAt = new Date(from + r.next() * (to - from));
        const minutes = { critical: 5, major: 15, minor: 60 }[severity];
        const acknowledgedAt = new Date(firstAt.getTime() + minutes * 60_000 * (r.next() < q.ack ? 0.2 + r.next() * 0.7 : 1.3 + r.next() * 2));
        alarmValues.push({
          ruleId: rule.id,
          locationId: b.id,
          parkId: place.parkId,
          siteId: b.siteId,
          buildingId: b.id,
          severity,
          state: 'closed',
          // A code + value the web app words in either language (the English message is for logs).
          ...incidentText(r.pick(['smoke', 'over_temperature', 'water_leak', 'cabinet_temperature', 'elevator_trapped'] as const)),
          firstAt,
          lastAt: firstAt,
          activeSince: firstAt,
          acknowledgedAt,
          clearedAt: new Date(acknowledgedAt.getTime() + 20 * 60_000),
          closedAt: new Date(acknowledgedAt.getTime() + 40 * 60_000),
          closeReason: 'resolved',
        });
      }
    }
  }
  for (let i = 0; i < orderValues.length; i += 200) {
    const inserted = await db.insert(workOrders).values(orderValues.slice(i, i + 200)).returning({ id: workOrders.id, createdAt: workOrders.createdAt, resolvedAt: workOrders.resolvedAt });
    const events = inserted.flatMap((o, k) => [
      { workOrderId: o.id, kind: 'created' as const, toStatus: 'new' as const, actorName: 'seed', at: o.createdAt },
      ...(reopenedIdx.has(i + k) ? [{ workOrderId: o.id, kind: 'reopened' as const, fromStatus: 'resolved' as const, toStatus: 'in_progress' as const, actorName: '园区职工', comment: '问题复发', at: new Date(o.resolvedAt!.getTime() + 3600_000) }] : []),
    ]);
    await db.insert(workOrderEvents).values(events);
  }
  for (let i = 0; i < alarmValues.length; i += 200) await db.insert(alarms).values(alarmValues.slice(i, i + 200));

  const scheme = await services.evaluation.createScheme(system, { parkId: place.parkId, name: '物业服务月度考核方案', periodKind: 'month', indicators: DEFAULT_SCHEME });
  await services.evaluation.activateScheme(system, scheme.id);
  await openDemoPeriods(services.evaluation, scheme.id, now);
  // The monthly on-site review (环境秩序现场评定) per company, with its note.
  const companies = [...new Set(contracts.map((c) => c.companyId))];
  const periods = await services.evaluation.findPeriods(system, { schemeId: scheme.id });
  for (const p of periods)
    for (const companyId of companies) {
      const weaker = companyId === place.weakerCompanyId;
      await services.evaluation.setManual(system, p.id, { indicatorKey: 'environment.review', subjectKind: 'company', subjectId: companyId, score: weaker ? r.int(68, 80) : r.int(88, 96), note: r.pick(weaker ? BAD_NOTES : GOOD_NOTES) });
    }
  if (place.computePeriods !== false) await seedEvaluationPeriods(db, services, { schemeId: scheme.id, now });
  return { schemeId: scheme.id, orders: orderValues.length, alarms: alarmValues.length };
}

async function openDemoPeriods(evaluation: EvaluationService, schemeId: string, now: Date) {
  const current = periodLabelAt('month', now);
  const existing = new Set((await evaluation.findPeriods(system, { schemeId })).map((p) => p.label));
  for (let monthsAgo = 12; monthsAgo >= 0; monthsAgo--) {
    const label = monthLabelBefore(current, monthsAgo);
    if (!existing.has(label)) await evaluation.openPeriod(system, { schemeId, label });
  }
}

/**
 * Computes and closes the scheme's 12 past monthly periods (publishing their rankings) and computes the current
 * one. Call it after every input module has seeded (inspections, spot checks, surveys, training), so the
 * frozen scores include their data.
 */
export async function seedEvaluationPeriods(db: Db, services: { evaluation: EvaluationService }, options: { schemeId: string; now?: Date }): Promise<{ closed: number }> {
  const now = options.now ?? new Date();
  await openDemoPeriods(services.evaluation, options.schemeId, now);
  const current = periodLabelAt('month', now);
  const firstPast = monthLabelBefore(current, 12);
  const rows = await db.select().from(evalPeriods).where(and(eq(evalPeriods.schemeId, options.schemeId), gte(evalPeriods.label, firstPast))).orderBy(asc(evalPeriods.startDate));
  let closed = 0;
  for (const p of rows) {
    if (p.label === current) {
      if (p.status === 'open') await services.evaluation.compute(system, p.id);
    } else if (p.status === 'open') {
      await services.evaluation.close(system, p.id);
      await services.evaluation.publishRanking(system, p.id, true);
      closed++;
    }
  }
  // Keep the latest close times in the past month order (cosmetic: the list reads naturally).
  await db.execute(sql`update ${evalPeriods} set closed_at = (end_date::timestamp + interval '3 days') at time zone 'Asia/Shanghai' where scheme_id = ${options.schemeId} and status = 'closed'`);
  return { closed };
}

import crypto from 'node:crypto';
import type { CheckItem, RoleGrant } from '@parkos/contracts';
import { DEFAULT_SEVERITY_POINTS } from '@parkos/contracts';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { roleGrants, users } from '../identity/identity.table';
import { buildings, districts, propertyContracts } from '../parks/parks.table';
import type { WorkOrderCategory } from '../workorders/workorders.table';
import type { InspectionsService } from './inspections.service';
import { parkDate, parkDayStart, shiftDate } from './inspections.service';
import { inspectionResults, inspectionRuns, inspectionSchedules } from './inspections.table';

type ItemInput = Omit<CheckItem, 'maxScore' | 'passScore' | 'category'> & { maxScore?: number; passScore?: number; category?: WorkOrderCategory };

const FIRE: ItemInput[] = [
  { key: 'extinguisher', label: '灭火器压力正常、在有效期内', kind: 'pass_fail', photoRequiredOnFail: true, severity: 'major', category: 'fire' },
  { key: 'hydrant', label: '消火栓箱设施齐全、无遮挡', kind: 'pass_fail', photoRequiredOnFail: true, severity: 'major', category: 'fire' },
  { key: 'exit', label: '安全出口、疏散通道畅通', kind: 'pass_fail', photoRequiredOnFail: true, severity: 'critical', category: 'fire' },
  { key: 'exit_sign', label: '应急照明及疏散指示标志完好', kind: 'pass_fail', photoRequiredOnFail: true, severity: 'minor', category: 'lighting' },
  { key: 'control_room', label: '消防控制室值班记录完整', kind: 'score', maxScore: 10, passScore: 6, photoRequiredOnFail: false, severity: 'minor' },
];
const CLEAN: ItemInput[] = [
  { key: 'lobby', label: '大堂及公共区域地面整洁', kind: 'score', maxScore: 10, passScore: 7, photoRequiredOnFail: true, severity: 'minor', category: 'cleaning' },
  { key: 'toilet', label: '卫生间清洁无异味、耗材充足', kind: 'pass_fail', photoRequiredOnFail: true, severity: 'minor', category: 'cleaning' },
  { key: 'garbage', label: '垃圾分类投放、日产日清', kind: 'pass_fail', photoRequiredOnFail: true, severity: 'major', category: 'cleaning' },
  { key: 'green', label: '绿化带修剪整齐、无枯枝杂物', kind: 'pass_fail', photoRequiredOnFail: false, severity: 'minor', category: 'cleaning' },
];
const EQUIPMENT: ItemInput[] = [
  { key: 'elevator', label: '电梯运行平稳、年检标志在有效期', kind: 'pass_fail', photoRequiredOnFail: true, severity: 'critical', category: 'elevator' },
  { key: 'hvac', label: '空调机组运行正常、无异响', kind: 'pass_fail', photoRequiredOnFail: true, severity: 'major', category: 'hvac' },
  { key: 'power_room', label: '配电房整洁、设备无过热', kind: 'pass_fail', photoRequiredOnFail: true, severity: 'critical', category: 'electrical' },
  { key: 'pump', label: '生活水泵房无渗漏', kind: 'pass_fail', photoRequiredOnFail: true, severity: 'major', category: 'plumbing' },
  { key: 'cctv', label: '监控摄像头在线率', kind: 'score', maxScore: 10, passScore: 8, photoRequiredOnFail: false, severity: 'minor', category: 'security' },
];
const NOTES = ['已现场告知物业项目经理', '要求三日内整改完毕', '现场拍照留存', '物业已安排人员处理', '上月同类问题再次出现'];

/** A small deterministic random source, so the demo looks the same on every first start. */
function random(seed: number) {
  let x = seed >>> 0;
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

async function actorOf(db: Db, username: string): Promise<RequestContext | null> {
  const [u] = await db.select().from(users).where(sql`lower(${users.username}) = ${username}`);
  if (!u) return null;
  const grants = await db.select({ role: roleGrants.role, scopeType: roleGrants.scopeType, scopeId: roleGrants.scopeId }).from(roleGrants).where(eq(roleGrants.userId, u.id));
  return { actor: { userId: u.id, username: u.username, displayName: u.displayName, grants: grants as RoleGrant[], via: 'session', access: 'write' } };
}

/**
 * Demo inspections: three templates (消防安全检查, 环境卫生检查, 设施设备巡检), a monthly route per
 * district (plus one park-wide fire route, recurring monthly), a year of monthly runs per district with
 * findings — the districts of the second company (`pcs[1]`) fail more often, more seriously and later —
 * a few findings voided or turned into work orders, and some overdue schedules.
 */
export async function seedInspections(db: Db, inspections: InspectionsService, place: { parkId: string; propertyCompanyIds: string[]; now?: Date }): Promise<void> {
  const op = await actorOf(db, 'operator');
  if (!op) return;
  const now = place.now ?? new Date();
  const today = parkDate(now);
  const rnd = random(20_261_207);
  const item = (i: ItemInput) => ({ ...i, category: i.category ?? null });
  const fire = await inspections.createTemplate(op, { parkId: place.parkId, purpose: 'inspection', name: '消防安全检查', description: '每月对消防设施、疏散通道和消防控制室进行检查', items: FIRE.map(item) });
  const clean = await inspections.createTemplate(op, { parkId: place.parkId, purpose: 'inspection', name: '环境卫生检查', description: '公共区域保洁、垃圾分类与绿化养护', items: CLEAN.map(item) });
  const equip = await inspections.createTemplate(op, { parkId: place.parkId, purpose: 'equipment_round', name: '设施设备巡检', description: '电梯、空调、配电与给排水设备运行状况', items: EQUIPMENT.map(item) });

  const ds = await db.select().from(districts).where(eq(districts.parkId, place.parkId)).orderBy(asc(districts.name));
  const contracts = await db.select().from(propertyContracts).where(and(eq(propertyContracts.parkId, place.parkId), inArray(propertyContracts.districtId, ds.map((d) => d.id))));
  const companyOf = new Map(contracts.map((c) => [c.districtId, c.propertyCompanyId]));
  const worse = place.propertyCompanyIds[1];

  const routes: { id: string; districtId: string; name: string; checkpoints: { key: string; name: string; districtId: string; buildingId: string | null; locationText: string | null; templateId: string }[] }[] = [];
  for (const d of ds) {
    const [b] = await db.select().from(buildings).where(eq(buildings.districtId, d.id)).orderBy(asc(buildings.name)).limit(1);
    const r = await inspections.createRoute(op, {
      parkId: place.parkId,
      purpose: 'inspection',
      name: `${d.name}月度综合检查`,
      checkpoints: [
        { key: 'fire', name: `${d.name}消防设施`, kind: 'district', districtId: d.id, templateId: fire.id },
        { key: 'clean', name: `${d.name}公共区域`, kind: 'location', districtId: d.id, locationText: `${d.name}中心广场及连廊`, templateId: clean.id },
        ...(b ? [{ key: 'equip', name: `${b.name}设备机房`, kind: 'building' as const, districtId: d.id, buildingId: b.id, templateId: equip.id }] : []),
      ],
    });
    routes.push({ id: r.id, districtId: d.id, name: r.name, checkpoints: r.checkpoints });
  }
  const templates = new Map([fire, clean, equip].map((t) => [t.id, t]));
  const points = DEFAULT_SEVERITY_POINTS;

  // A year of monthly runs per district, due on the 20th; the current month's is still open.
  const month0 = today.slice(0, 7);
  for (const r of routes) {
    const isWorse = companyOf.get(r.districtId) === worse;
    const failRate = isWorse ? 0.2 : 0.07;
    for (let m = 12; m >= 0; m--) {
      const due = shiftDate(`${month0}-20`, { months: -m });
      const dueOver = due < today;
      const id = crypto.randomUUID();
      // Late or missed (overdue) inspections: more in the worse company's districts.
      const missed = m > 0 && m <= 2 && isWorse && rnd() < 0.5;
      if (m === 0 || missed) {
        await db.insert(inspectionSchedules).values({ id, seriesId: id, parkId: place.parkId, routeId: r.id, assigneeId: op.actor.userId, dueDate: due, recurrence: 'none', status: 'open', createdById: op.actor.userId, createdAt: parkDayStart(shiftDate(due, { days: -15 })) });
        if (m === 0 && !dueOver) continue;
        if (m === 0 || missed) continue;
      }
      const late = isWorse ? rnd() < 0.3 : rnd() < 0.05;
      const doneDay = shiftDate(due, { days: late ? 1 + Math.floor(rnd() * 5) : -Math.floor(rnd() * 6) });
      const startedAt = new Date(parkDayStart(doneDay).getTime() + (9 + Math.floor(rnd() * 7)) * 3600_000);
      if (startedAt > now) continue;
      const submittedAt = new Date(startedAt.getTime() + 50 * 60_000);
      const runId = crypto.randomUUID();
      const results: (typeof inspectionResults.$inferInsert)[] = [];
      let seq = 0;
      for (const cp of r.checkpoints) {
        for (const it of templates.get(cp.templateId)!.items) {
          const fails = rnd() < failRate * (it.severity === 'critical' ? 0.5 : 1);
          const score = it.kind === 'score' ? (fails ? Math.max(0, (it.passScore ?? 6) - 1 - Math.floor(rnd() * 3)) : Math.min(it.maxScore ?? 10, (it.passScore ?? 6) + Math.floor(rnd() * 4))) : null;
          const voided = fails && rnd() < 0.08;
          results.push({
            runId,
            parkId: place.parkId,
            seq: seq++,
            checkpointKey: cp.key,
            checkpointName: cp.name,
            districtId: cp.districtId,
            buildingId: cp.buildingId,
            locationText: cp.locationText,
            templateId: cp.templateId,
            itemKey: it.key,
            itemLabel: it.label,
            kind: it.kind,
            passed: !fails,
            score,
            maxScore: it.maxScore,
            note: fails ? NOTES[Math.floor(rnd() * NOTES.length)] : null,
            status: fails ? (voided ? 'voided' : 'open') : 'ok',
            severity: fails ? it.severity : null,
            category: fails ? it.category : null,
            points: fails ? points[it.severity] : 0,
            propertyCompanyId: fails ? (companyOf.get(cp.districtId) ?? null) : null,
            occurredAt: startedAt,
            voidReason: voided ? '复核确认系检查时设备临时检修，非物业责任' : null,
            voidedAt: voided ? submittedAt : null,
            voidedById: voided ? op.actor.userId : null,
            createdAt: submittedAt,
          });
        }
      }
      await db.insert(inspectionSchedules).values({ id, seriesId: id, parkId: place.parkId, routeId: r.id, assigneeId: op.actor.userId, dueDate: due, recurrence: 'none', status: 'done', runId, doneAt: submittedAt, createdById: op.actor.userId, createdAt: parkDayStart(shiftDate(due, { days: -15 })) });
      await db.insert(inspectionRuns).values({
        id: runId,
        clientId: crypto.randomUUID(),
        parkId: place.parkId,
        routeId: r.id,
        routeName: r.name,
        purpose: 'inspection',
        scheduleId: id,
        inspectorId: op.actor.userId,
        inspectorName: op.actor.displayName,
        districtIds: [r.districtId],
        startedAt,
        submittedAt,
        itemCount: results.length,
        findingCount: results.filter((x) => !x.passed).length,
        createdAt: submittedAt,
      });
      await db.insert(inspectionResults).values(results);
    }
  }
  // A park-wide monthly fire round, recurring (the scheduler adds each next month).
  const core = ds.slice(0, 4);
  const fireRoute = await inspections.createRoute(op, {
    parkId: place.parkId,
    purpose: 'inspection',
    name: '核心园区消防联合检查',
    checkpoints: core.map((d, i) => ({ key: `d${i + 1}`, name: `${d.name}消防设施`, kind: 'district' as const, districtId: d.id, templateId: fire.id })),
  });
  await inspections.createSchedule(op, { routeId: fireRoute.id, assigneeId: op.actor.userId, dueDate: shiftDate(today, { days: 5 }), recurrence: 'monthly' });

  // The latest open findings of the worse company become work orders (as an operator would from the run).
  const recent = await db
    .select({ id: inspectionResults.id })
    .from(inspectionResults)
    .where(and(eq(inspectionResults.parkId, place.parkId), eq(inspectionResults.status, 'open'), eq(inspectionResults.propertyCompanyId, worse)))
    .orderBy(desc(inspectionResults.occurredAt))
    .limit(4);
  for (const r of recent) await inspections.openWorkOrder(op, r.id).catch(() => undefined);
}

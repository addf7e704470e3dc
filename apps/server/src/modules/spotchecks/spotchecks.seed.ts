import type { FindingSeverity, FindingStatus } from '@parkos/contracts';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { users } from '../identity/identity.table';
import type { SpotChecksService } from './spotchecks.service';
import { localDay, localMidnight } from './spotchecks.service';
import { spotCheckFindings, spotChecks } from './spotchecks.table';

const AREAS = ['消防通道及安全出口', '配电房', '地下车库', '电梯机房', '厨房燃气管线', '屋顶水箱与避雷设施', '消防控制室', '楼梯间与防火门', '垃圾站', '外墙及广告牌'];

/** Findings by severity, each with what the company later reports it did. */
const FINDINGS: Record<FindingSeverity, [finding: string, fix: string][]> = {
  minor: [
    ['灭火器压力指针接近红区', '已更换 3 具灭火器并更新月检卡'],
    ['安全出口指示灯一处不亮', '已更换指示灯电池模块，测试正常'],
    ['消防栓箱内水带未卷好', '已重新盘卷水带并检查接口'],
    ['设备巡检记录表缺两日签字', '已补巡并对当班人员进行提醒'],
    ['楼梯间堆放少量纸箱', '已清理纸箱并张贴禁止堆放标识'],
    ['垃圾站未及时清运，有异味', '已调整清运频次为每日两次'],
    ['应急照明灯测试按钮失灵', '已更换应急照明灯'],
  ],
  major: [
    ['消防通道被电动车占用', '已清理车辆并设置隔离桩，安排保安巡查'],
    ['配电房门未上锁且无警示标识', '已加装门锁并张贴“高压危险”标识'],
    ['地下车库排风机停运', '已维修排风机控制柜，运行正常'],
    ['消防控制室值班人员无证上岗', '已调配持证人员值班，无证人员参加培训'],
    ['电梯机房温度过高，空调故障', '已维修机房空调，温度恢复至 28℃ 以下'],
    ['防火门闭门器损坏，防火门常开', '已更换闭门器，防火门可自动关闭'],
  ],
  critical: [
    ['消防水泵处于手动状态，火灾时无法自动启动', '已恢复自动状态并进行联动测试'],
    ['配电房内堆放易燃杂物', '已全部清理，并纳入每日巡检'],
    ['喷淋系统主阀被关闭', '已开启主阀并加装锁具，压力测试正常'],
    ['燃气泄漏报警器失效', '已更换报警器并与消防控制室联动'],
  ],
};

const REJECT_NOTES = ['复查时问题仍存在，请彻底整改', '整改照片与现场不符，请重新处理', '仅临时处理，请落实长效措施'];
const DEADLINE_DAYS: Record<FindingSeverity, number> = { minor: 7, major: 5, critical: 2 };
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A small deterministic generator, so the demo looks the same on every first start. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  return { next, int, pick };
}

/**
 * Demo spot checks: the `inspector` user is assigned to the core park's districts (not the satellites), and over the
 * last 12 months checked each every month or two. The districts of the worse company (`worseCompanyId`, pcs[1]) get
 * more findings, more severe as the year goes on, and answer them more slowly: most findings are verified, some are
 * open, some overdue, one was overturned as the inspector's error. Dates are relative to now.
 */
export async function seedSpotChecksDemo(
  db: Db,
  spotChecksService: SpotChecksService,
  ctx: RequestContext,
  place: { parkId: string; districts: { id: string; propertyCompanyId: string }[]; worseCompanyId: string },
): Promise<{ checks: number; findings: number }> {
  const r = random(20_261_207);
  const people = await db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, ['inspector', 'operator', 'property']));
  const idOf = (u: string) => people.find((p) => p.username === u)?.id ?? null;
  const inspectorId = idOf('inspector');
  if (!inspectorId) return { checks: 0, findings: 0 };
  const today = localDay(new Date());
  const start = addDays(today, -372);
  for (const d of place.districts) await spotChecksService.createAssignment(ctx, { parkId: place.parkId, districtId: d.id, inspectorUserId: inspectorId, validFrom: start, validTo: addDays(today, 365) });

  let checks = 0;
  let findings = 0;
  for (const d of place.districts) {
    const worse = d.propertyCompanyId === place.worseCompanyId;
    let day = addDays(start, r.int(3, 20));
    while (day < today) {
      const age = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000;
      const progress = 1 - age / 372; // 0 a year ago → 1 today
      const checkedAt = new Date(localMidnight(day).getTime() + r.int(9 * 60, 16 * 60) * 60_000);
      const [c] = await db
        .insert(spotChecks)
        .values({ parkId: place.parkId, districtId: d.id, propertyCompanyId: d.propertyCompanyId, inspectorUserId: inspectorId, checkedAt, area: `${r.pick(AREAS)}、${r.pick(AREAS)}`, note: r.next() < 0.3 ? '不打招呼、直奔现场的突击检查' : null, createdAt: checkedAt })
        .returning();
      checks++;
      const count = worse ? r.int(1, 2) + Math.round(progress * r.int(0, 2)) : r.int(0, 2);
      for (let i = 0; i < count; i++) {
        const x = r.next();
        const severity: FindingSeverity = worse ? (x < 0.5 - 0.3 * progress ? 'minor' : x < 0.85 - 0.15 * progress ? 'major' : 'critical') : x < 0.8 ? 'minor' : x < 0.97 ? 'major' : 'critical';
        const [description, fix] = r.pick(FINDINGS[severity]);
        const deadline = addDays(day, DEADLINE_DAYS[severity]);
        // How it went: the better company fixes in time; the worse one is late, rejected now and then, and lets recent ones lapse.
        const respondAfter = worse ? r.int(2, 12) : r.int(1, DEADLINE_DAYS[severity]);
        const respondedDay = addDays(day, respondAfter);
        const rejected = worse && r.next() < 0.25;
        const verifiedDay = addDays(respondedDay, rejected ? r.int(5, 9) : r.int(1, 3));
        let status: FindingStatus = 'closed';
        if (verifiedDay >= today) status = respondedDay < today ? 'responded' : 'open';
        if (worse && age < 75 && r.next() < 0.35) status = 'open';
        const at = (dayStr: string) => new Date(localMidnight(dayStr).getTime() + r.int(9 * 60, 18 * 60) * 60_000);
        await db.insert(spotCheckFindings).values({
          checkId: c.id,
          parkId: place.parkId,
          districtId: d.id,
          propertyCompanyId: d.propertyCompanyId,
          position: i,
          description,
          severity,
          deadline,
          status,
          response: status === 'open' ? null : fix,
          respondedAt: status === 'open' ? null : at(respondedDay),
          respondedById: status === 'open' || worse ? null : idOf('property'),
          verifyNote: rejected ? r.pick(REJECT_NOTES) : status === 'closed' ? '复查合格' : null,
          verifiedAt: status === 'closed' ? at(verifiedDay) : null,
          verifiedById: status === 'closed' ? (r.next() < 0.5 ? inspectorId : idOf('operator')) : null,
          rejections: rejected ? 1 : 0,
          createdAt: checkedAt,
        });
        findings++;
      }
      day = addDays(day, r.int(28, 58));
    }
  }

  // One finding of the worse company overturned by the operator: the inspector had misread the pump panel.
  const worseDistrict = place.districts.find((d) => d.propertyCompanyId === place.worseCompanyId);
  const [first] = worseDistrict ? await db.select().from(spotChecks).where(eq(spotChecks.districtId, worseDistrict.id)).orderBy(asc(spotChecks.checkedAt)).limit(1) : [];
  if (first) {
    await db.insert(spotCheckFindings).values({
      checkId: first.id,
      parkId: place.parkId,
      districtId: first.districtId,
      propertyCompanyId: place.worseCompanyId,
      position: 9,
      description: '消防水泵控制柜显示故障',
      severity: 'critical',
      deadline: addDays(localDay(first.checkedAt), 2),
      status: 'overturned',
      overturnReason: '检查员误读控制柜指示灯，经厂家确认设备正常',
      overturnedAt: new Date(first.checkedAt.getTime() + 3 * 86_400_000),
      overturnedById: idOf('operator'),
      createdAt: first.checkedAt,
    });
    findings++;
  }
  return { checks, findings };
}

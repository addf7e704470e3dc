import type { TrainingPost, TrainingTopic } from '@parkos/contracts';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { createRandom } from '../../seed/random';
import { SYSTEM_ACTOR } from '../identity/actor';
import { users } from '../identity/identity.table';
import { addDays, addMonths, localDate, monthOf } from './training.rules';
import type { TrainingService } from './training.service';
import { trainingStaff } from './training.table';

/** Each company's roster: name and post (the first company's a little larger). */
const ROSTERS: [string, TrainingPost][][] = [
  [
    ['张伟', 'supervisor'],
    ['刘建国', 'security'],
    ['陈志强', 'security'],
    ['杨海涛', 'security'],
    ['黄丽娟', 'cleaning'],
    ['周桂英', 'cleaning'],
    ['吴秀兰', 'cleaning'],
    ['徐明', 'engineering'],
    ['孙立军', 'engineering'],
    ['马晓燕', 'customer_service'],
    ['朱静', 'customer_service'],
    ['胡宇航', 'security'],
    ['郭春梅', 'cleaning'],
  ],
  [
    ['李强', 'supervisor'],
    ['赵刚', 'security'],
    ['何勇', 'security'],
    ['林小龙', 'security'],
    ['罗芳', 'cleaning'],
    ['高秀珍', 'cleaning'],
    ['王建华', 'engineering'],
    ['邓超', 'engineering'],
    ['谢娜', 'customer_service'],
    ['宋佳', 'customer_service'],
    ['唐磊', 'security'],
    ['冯玉兰', 'cleaning'],
  ],
];

/** A year of monthly sessions: title, topic, trainer, hours, pass mark (null: no exam). */
const PROGRAMME: [string, TrainingTopic, string, number, number | null][] = [
  ['消防安全知识与灭火器实操', 'fire_safety', '成都市高新消防救援大队 王教官', 2, 60],
  ['物业服务礼仪与投诉处理', 'service_etiquette', '园区运营公司 客服部 刘经理', 1.5, 70],
  ['电梯困人应急处置', 'emergency_drill', '迅达电梯 维保工程师 陈工', 2, 60],
  ['配电房安全操作规程', 'equipment_operation', '园区运营公司 工程部 赵工', 3, 75],
  ['安全生产责任制与隐患排查', 'work_safety', '第三方安全评估机构 孙老师', 2, 60],
  ['消防控制室值班与联动测试', 'fire_safety', '成都市高新消防救援大队 王教官', 2.5, 70],
  ['企业客户走访与沟通技巧', 'service_etiquette', '园区运营公司 企业服务部 马经理', 1.5, null],
  ['防汛防台应急演练', 'emergency_drill', '园区运营公司 安全部 周主管', 2, null],
  ['中央空调与给排水系统巡检', 'equipment_operation', '园区运营公司 工程部 赵工', 3, 70],
  ['有限空间作业安全', 'work_safety', '第三方安全评估机构 孙老师', 2, 75],
  ['微型消防站实战演练', 'fire_safety', '成都市高新消防救援大队 王教官', 2, 60],
  ['年度服务规范考核', 'service_etiquette', '园区运营公司 客服部 刘经理', 2, 80],
];
const PHONES = ['138', '139', '158', '186', '189', '136'];

/**
 * Demo training: rosters for both demo companies, twelve monthly sessions over the past year (this month's included) (the operator
 * trains both companies' rosters together) with attendance and exam results recorded, one session the first
 * company ran for its own engineers, and one upcoming session. The second company turns up less and passes less.
 */
export async function seedTrainingDemo(db: Db, training: TrainingService, place: { parkId: string; propertyCompanyIds: [string, string] }): Promise<void> {
  const r = createRandom(1313);
  const system: RequestContext = { actor: SYSTEM_ACTOR };
  // The demo `property` user (物业主管 张伟) is the first company's supervisor on its roster.
  const [demoUser] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'property'));
  const staffIds: string[][] = [];
  for (const [k, roster] of ROSTERS.entries()) {
    const rows = await db
      .insert(trainingStaff)
      .values(roster.map(([name, post], i) => ({ propertyCompanyId: place.propertyCompanyIds[k], name, post, userId: k === 0 && i === 0 ? (demoUser?.id ?? null) : null, phone: `${r.pick(PHONES)}${String(r.int(0, 99_999_999)).padStart(8, '0')}` })))
      .returning({ id: trainingStaff.id });
    staffIds.push(rows.map((x) => x.id));
  }
  // One who left the second company: inactive, so the roster page shows the filter.
  await db.insert(trainingStaff).values({ propertyCompanyId: place.propertyCompanyIds[1], name: '钟明亮', post: 'security', isActive: false });
  const today = localDate(new Date());
  const thisMonth = monthOf(today);
  // Attendance and pass chances per company: the first company does clearly better.
  const profile = [
    { attend: 0.93, pass: 0.9, mean: 84 },
    { attend: 0.72, pass: 0.62, mean: 66 },
  ];
  for (let i = 0; i < 12; i++) {
    // Months -11 … 0; this month's session on a day already past (on the 1st, the last day of last month).
    const month = addMonths(thisMonth, i - 11);
    const [title, topic, trainer, hours, passMark] = PROGRAMME[i];
    let date = `${month}-${String(r.int(8, 24)).padStart(2, '0')}`;
    if (date >= today) date = today.endsWith('-01') ? addDays(today, -1) : `${month}-${String(r.int(1, Number(today.slice(8)) - 1)).padStart(2, '0')}`;
    const s = await training.createSession(system, {
      parkId: place.parkId,
      title,
      topic,
      date,
      time: r.pick(['09:30', '14:00', '14:30']),
      hours,
      trainer,
      location: r.pick(['园区综合服务中心 3楼培训室', '一期A1栋 报告厅', '园区消防控制中心']),
      hasExam: passMark !== null,
      passMark,
      invite: place.propertyCompanyIds.map((propertyCompanyId) => ({ propertyCompanyId })),
    });
    const results = s.invitations.map((inv) => {
      const p = profile[place.propertyCompanyIds.indexOf(inv.propertyCompanyId)];
      const attended = r.next() < p.attend;
      if (!attended || passMark === null) return { staffId: inv.staffId, attended, score: null };
      // A score that passes with the company's chance: above the mark by up to 25, or below it by up to 20.
      const passes = r.next() < p.pass;
      const score = passes ? Math.min(100, passMark + r.int(0, 25) + (p.mean > 80 ? r.int(0, 5) : 0)) : Math.max(20, passMark - r.int(1, 20));
      const half = r.next() < 0.3 ? 0.5 : 0;
      return { staffId: inv.staffId, attended, score: Math.min(100, score + half) };
    });
    await training.recordResults(system, s.id, { results });
  }
  // The first company's own session for its engineers last month.
  const own = await training.createSession(system, {
    parkId: place.parkId,
    title: '锦华物业 弱电系统维护内训',
    topic: 'equipment_operation',
    date: `${addMonths(thisMonth, -1)}-27`,
    time: '15:00',
    hours: 1.5,
    trainer: '锦华物业 工程主管 徐明',
    hasExam: false,
    invite: [{ propertyCompanyId: place.propertyCompanyIds[0], staffIds: staffIds[0].filter((_, k) => ROSTERS[0][k][1] === 'engineering' || ROSTERS[0][k][1] === 'supervisor') }],
  });
  await training.recordResults(system, own.id, { results: own.invitations.map((inv) => ({ staffId: inv.staffId, attended: true })) });
  // Next week's session, not held yet.
  await training.createSession(system, {
    parkId: place.parkId,
    title: '冬季消防安全专项培训',
    topic: 'fire_safety',
    date: addDays(today, 7),
    time: '14:00',
    hours: 2,
    trainer: '成都市高新消防救援大队 王教官',
    location: '园区综合服务中心 3楼培训室',
    hasExam: true,
    passMark: 70,
    invite: place.propertyCompanyIds.map((propertyCompanyId) => ({ propertyCompanyId })),
  });
}

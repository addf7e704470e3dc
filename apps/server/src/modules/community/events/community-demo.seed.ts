import crypto from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Services } from '../../../services';
import { SYSTEM_ACTOR } from '../../identity/actor';
import { users } from '../../identity/identity.table';
import { passes, passScans } from '../passes/passes.table';
import { eventRegistrations, parkEvents } from './events.table';

const H = 3600_000;

/**
 * Demo data for passes and events: two gate devices, a day of gate scans for the
 * charts, and upcoming events (one nearly full with a waitlist, one with approval).
 */
export async function seedCommunityDemo(db: Db, services: Services, ids: { parkId: string; siteId: string; enterpriseIds: string[] }): Promise<void> {
  const ctx = { actor: SYSTEM_ACTOR };
  const gates = [];
  for (const [code, name] of [
    ['gate-north', '北门人行闸机'],
    ['gate-south', '南门人行闸机'],
  ] as const) {
    gates.push(await services.iot.devices.createDevice(ctx, { code, name, type: 'gate_camera', parkId: ids.parkId, siteId: ids.siteId, tags: ['gate'] }));
  }
  const now = Date.now();
  // The passes the scans are of (the pass list once stayed empty while the chart counted hundreds of
  // scans of passes that did not exist): the demo people's member passes and a day of visitors.
  const holders = await db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, ['ent.member', 'ent.admin', 'ent2.admin']));
  const enterpriseOf = (username: string) => (username === 'ent2.admin' ? ids.enterpriseIds[1] : ids.enterpriseIds[0]);
  const memberPasses = holders.length
    ? await db
        .insert(passes)
        .values(holders.map((h) => ({ kind: 'member' as const, parkId: ids.parkId, enterpriseId: enterpriseOf(h.username), holderUserId: h.id, validFrom: new Date(now - 2 * 24 * H), validTo: new Date(now + 28 * 24 * H) })))
        .returning({ id: passes.id })
    : [];
  const visitors = ['王晓东', '李娜', '张伟', '刘芳', '陈刚', '杨静', '赵敏', '黄磊', '周婷', '吴昊', '徐丽', '孙斌'];
  const visitorPasses = await db
    .insert(passes)
    .values(
      visitors.map((name, i) => ({
        kind: 'visitor' as const,
        parkId: ids.parkId,
        enterpriseId: ids.enterpriseIds[i % ids.enterpriseIds.length],
        visitorName: name,
        purpose: i % 3 === 0 ? '商务洽谈' : i % 3 === 1 ? '面试' : '设备维护',
        invitedById: holders[i % Math.max(1, holders.length)]?.id ?? null,
        // Most were today; the first two came yesterday and their passes have ended.
        validFrom: new Date(now - (i < 2 ? 30 : 6) * H),
        validTo: new Date(now + (i < 2 ? -20 : 6) * H),
        linkTokenHash: crypto.createHash('sha256').update(`demo-visitor-${i}`).digest('hex'),
      })),
    )
    .returning({ id: passes.id });
  // A day of scans of those passes: a morning and an evening peak, a few refusals.
  const rows: (typeof passScans.$inferInsert)[] = [];
  const reasons = ['expired', 'replay', 'bad_signature', 'revoked', 'wrong_gate'] as const;
  let n = 0;
  for (let h = 23; h >= 0; h--) {
    const hourStart = now - h * H;
    const hourOfDay = new Date(hourStart).getUTCHours() + 8; // Asia/Shanghai
    const peak = Math.exp(-((((hourOfDay % 24) - 9) / 1.5) ** 2)) + 0.8 * Math.exp(-((((hourOfDay % 24) - 18) / 1.5) ** 2));
    const count = Math.round(4 + 60 * peak);
    for (let i = 0; i < count; i++) {
      const rejected = i % 17 === 5;
      rows.push({
        gateId: gates[i % 2].id,
        parkId: ids.parkId,
        passId: i % 6 === 0 ? visitorPasses[i % visitorPasses.length].id : (memberPasses[i % Math.max(1, memberPasses.length)]?.id ?? null),
        holderKind: i % 6 === 0 ? 'visitor' : 'member',
        nonce: `demo-${++n}`,
        result: rejected ? 'rejected' : 'accepted',
        reason: rejected ? reasons[i % reasons.length] : 'ok',
        via: i % 3 === 0 ? 'mqtt' : 'http',
        scannedAt: new Date(hourStart - Math.floor((i / count) * H)),
      });
    }
  }
  for (let i = 0; i < rows.length; i += 500) await db.insert(passScans).values(rows.slice(i, i + 500));

  const day = (d: number, hour: number) => {
    const x = new Date(now + d * 24 * H);
    x.setUTCHours(hour - 8, 0, 0, 0);
    return x;
  };
  const defs = [
    { title: 'AI 创业沙龙：大模型落地实践', location: 'A1栋 一楼路演厅', description: '邀请园区三家企业分享大模型在客服、研发与运维中的落地经验。', days: 3, hour: 14, capacity: 2, requiresApproval: false },
    { title: '园区消防安全培训', location: 'B2栋 三楼培训室', description: '物业与消防支队联合开展，含灭火器实操。', days: 5, hour: 10, capacity: 40, requiresApproval: false },
    { title: '高新技术企业认定政策解读会', location: '综合服务中心 201', description: '需企业管理员审核报名。', days: 7, hour: 15, capacity: 30, requiresApproval: true },
    { title: '园区篮球友谊赛', location: '园区运动场', description: '欢迎各企业组队参加。', days: 10, hour: 18, capacity: 60, requiresApproval: false },
  ];
  for (const d of defs) {
    await services.events.createEvent(ctx, {
      parkId: ids.parkId,
      siteId: null,
      title: d.title,
      description: d.description,
      location: d.location,
      startsAt: day(d.days, d.hour),
      endsAt: day(d.days, d.hour + 2),
      capacity: d.capacity,
      registrationOpensAt: new Date(now - 24 * H),
      registrationClosesAt: day(d.days, d.hour - 1),
      requiresApproval: d.requiresApproval,
      reminderMinutes: 60,
    });
  }
  // The small salon is full: the next member to register joins the waitlist.
  const [salon] = await db.select({ id: parkEvents.id }).from(parkEvents).where(eq(parkEvents.title, defs[0].title));
  const people = await db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, ['ent.admin', 'ent2.admin', 'operator']));
  const byName = new Map(people.map((p) => [p.username, p.id]));
  const seat = (username: string, enterpriseId: string | null, status: 'confirmed' | 'waitlisted') =>
    byName.get(username) && db.insert(eventRegistrations).values({ eventId: salon.id, userId: byName.get(username)!, enterpriseId, status, code: crypto.randomBytes(16).toString('base64url'), waitlistedAt: status === 'waitlisted' ? new Date() : null });
  await seat('ent.admin', ids.enterpriseIds[0], 'confirmed');
  await seat('ent2.admin', ids.enterpriseIds[1], 'confirmed');
}

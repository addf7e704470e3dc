import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { bills } from '../billing/billing.table';
import { SYSTEM_ACTOR } from '../identity/actor';
import { users } from '../identity/identity.table';
import type { BookingsService } from './bookings.service';
import { SHANGHAI_OFFSET_MS, shanghaiParts } from './bookings.time';

const DAY = 86_400_000;
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7];

/**
 * Demo data: meeting rooms, a GPU platform, a test lab and an exhibition hall; bookings in the
 * coming days by two enterprises: confirmed and paid, confirmed with an open bill, free, one
 * pending approval and one cancelled. Needs the demo users and the `general.operator` flow.
 */
export async function seedBookingsDemo(db: Db, bookings: BookingsService, ids: { parkId: string; siteId: string; enterpriseIds: string[] }): Promise<void> {
  const sys: RequestContext = { actor: SYSTEM_ACTOR };
  const base = { parkId: ids.parkId, slotMinutes: 30, minMinutes: 30 };
  const room = await bookings.createResource(sys, { ...base, category: 'meeting_room', nameZh: '创新大厦 3F 301 会议室', nameEn: 'Innovation Tower 3F Room 301', location: '创新大厦 3 层 301', capacity: 12, opensAtMinute: 8 * 60, closesAtMinute: 21 * 60, openWeekdays: ALL_WEEK, maxMinutes: 240, feeFenPerHour: 5000, description: '投影、视频会议终端、白板' });
  const small = await bookings.createResource(sys, { ...base, category: 'meeting_room', nameZh: '创新大厦 2F 洽谈室', nameEn: 'Innovation Tower 2F Meeting Nook', location: '创新大厦 2 层东侧', capacity: 6, opensAtMinute: 8 * 60, closesAtMinute: 21 * 60, openWeekdays: ALL_WEEK, maxMinutes: 120, feeFenPerHour: 0 });
  const gpu = await bookings.createResource(sys, { ...base, category: 'tech_platform', nameZh: 'GPU 算力平台（8×A800）', nameEn: 'GPU compute platform (8×A800)', location: '数据中心 B1 机房', capacity: 1, opensAtMinute: 0, closesAtMinute: 1440, openWeekdays: ALL_WEEK, slotMinutes: 60, minMinutes: 60, maxMinutes: 720, feeFenPerHour: 12000, requiresApproval: true, approvalFlowKey: 'general.operator', bookableBy: 'admins' });
  const lab = await bookings.createResource(sys, { ...base, siteId: ids.siteId, category: 'tech_platform', nameZh: '软件测试实验室', nameEn: 'Software testing lab', location: '孵化楼 4 层 402', capacity: 8, opensAtMinute: 9 * 60, closesAtMinute: 18 * 60, openWeekdays: [1, 2, 3, 4, 5], slotMinutes: 60, minMinutes: 60, maxMinutes: 480, feeFenPerHour: 8000 });
  await bookings.createResource(sys, { ...base, category: 'exhibition', nameZh: '园区成果展厅', nameEn: 'Park showcase hall', location: '综合服务中心 1 层', capacity: 200, opensAtMinute: 9 * 60, closesAtMinute: 17 * 60, openWeekdays: [1, 2, 3, 4, 5, 6], minMinutes: 60, maxMinutes: 480, feeFenPerHour: 20000, requiresApproval: true, approvalFlowKey: 'general.operator' });

  const people = await db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users).where(inArray(users.username, ['ent.admin', 'ent.member', 'ent2.admin']));
  const ctxOf = (username: string, role: 'enterprise_admin' | 'member', enterpriseId: string): RequestContext => {
    const u = people.find((p) => p.username === username)!;
    return { actor: { userId: u.id, username, displayName: u.displayName, grants: [{ role, scopeType: 'enterprise', scopeId: enterpriseId }], via: 'session', access: 'write' } };
  };
  if (people.length < 3) return;
  const admin = ctxOf('ent.admin', 'enterprise_admin', ids.enterpriseIds[0]);
  const member = ctxOf('ent.member', 'member', ids.enterpriseIds[0]);
  const admin2 = ctxOf('ent2.admin', 'enterprise_admin', ids.enterpriseIds[1]);
  // Shanghai midnight `days` from today, plus `hour` hours.
  const todayStart = Math.floor((Date.now() + SHANGHAI_OFFSET_MS) / DAY) * DAY - SHANGHAI_OFFSET_MS;
  const at = (days: number, hour: number) => new Date(todayStart + days * DAY + hour * 3_600_000);
  const weekdayIn = (days: number) => shanghaiParts(at(days, 12)).weekday;
  const nextWorkday = (from: number) => {
    let d = from;
    while (weekdayIn(d) > 5) d++;
    return d;
  };

  const paid = await bookings.createBooking(admin, { resourceId: room.id, title: '季度经营分析会', startsAt: at(1, 9), endsAt: at(1, 11) });
  await bookings.createBooking(member, { resourceId: room.id, title: '产品评审会', startsAt: at(1, 14), endsAt: at(1, 15) });
  await bookings.createBooking(admin2, { resourceId: room.id, title: '客户来访接待', startsAt: at(1, 15), endsAt: at(1, 16) });
  await bookings.createBooking(member, { resourceId: small.id, title: '面试', startsAt: at(2, 10), endsAt: at(2, 11) });
  const labDay = nextWorkday(2);
  const paid2 = await bookings.createBooking(admin2, { resourceId: lab.id, title: '兼容性测试', startsAt: at(labDay, 9), endsAt: at(labDay, 12) });
  await bookings.createBooking(admin, { resourceId: gpu.id, title: '大模型微调训练', startsAt: at(3, 0), endsAt: at(3, 8) });
  const cancelled = await bookings.createBooking(admin, { resourceId: room.id, title: '部门周会', startsAt: at(2, 16), endsAt: at(2, 17) });
  await bookings.cancelBooking(admin, cancelled.id, '会议改期');
  // Two bills paid already (the demo's payment history lives in billing; here only their status).
  const paidIds = [paid.billId, paid2.billId].filter((x): x is string => !!x);
  for (const id of paidIds) await db.update(bills).set({ status: 'paid', paidAt: new Date() }).where(eq(bills.id, id));
}

import type { RoleGrant } from '@parkos/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { RequestContext } from '../lib/context';
import { parkEvents } from '../modules/community/events/events.table';
import { roleGrants, users } from '../modules/identity/identity.table';
import type { Services } from '../services';

/**
 * The demo member (ent.member) acts once through the services, so their home screen has
 * something in every card: two event registrations (one awaiting approval) and a repair request.
 */
export async function seedMemberHomeDemo(db: Db, services: Services, place: { parkId: string; buildingId: string }): Promise<void> {
  const [member] = await db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users).where(sql`lower(${users.username}) = 'ent.member'`);
  if (!member) return;
  const grants = await db.select({ role: roleGrants.role, scopeType: roleGrants.scopeType, scopeId: roleGrants.scopeId }).from(roleGrants).where(eq(roleGrants.userId, member.id));
  const ctx: RequestContext = { actor: { userId: member.id, username: member.username, displayName: member.displayName, grants: grants as RoleGrant[], via: 'session', access: 'write' }, requestId: 'seed-member-home' };
  for (const title of ['园区篮球友谊赛', '高新技术企业认定政策解读会']) {
    const [event] = await db.select({ id: parkEvents.id }).from(parkEvents).where(and(eq(parkEvents.parkId, place.parkId), eq(parkEvents.title, title)));
    if (event) await services.events.register(ctx, event.id);
  }
  await services.workorders.workOrders.createWorkOrder(ctx, { title: '工位上方灯管闪烁', description: '3楼东侧开放办公区，已经闪了两天', category: 'lighting', priority: 'normal', buildingId: place.buildingId });
}

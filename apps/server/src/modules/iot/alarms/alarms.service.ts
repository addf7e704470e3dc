import { and, asc, count, desc, eq, ne, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import type { RequestContext } from '../../../lib/context';
import { conflict, forbidden, notFound, validationError } from '../../../lib/errors';
import { offsetOf, type Page } from '../../../lib/pagination';
import { assertCanWrite, isOperator, operatorCovers, type Actor } from '../../identity/actor';
import type { AuditService } from '../../identity/audit.service';
import { roleGrants, users } from '../../identity/identity.table';
import { devices } from '../iot.table';
import { alarmRules } from '../rules/rules.table';
import { areaCovers, areaSql, loadAreaScope, type AreaScope } from './alarms.access';
import type { AlarmDetail, AlarmQuery, AlarmView } from './alarms.schema';
import { alarmEvents, alarms, type AlarmEventKind, type AlarmState } from './alarms.table';

type AlarmRow = typeof alarms.$inferSelect;

const columns = {
  alarm: alarms,
  ruleName: alarmRules.name,
  ruleKind: alarmRules.kind,
  deviceCode: devices.code,
  deviceName: devices.name,
};

function view(r: { alarm: AlarmRow; ruleName: string; ruleKind: AlarmView['ruleKind']; deviceCode: string | null; deviceName: string | null }): AlarmView {
  const a = r.alarm;
  return {
    id: a.id,
    ruleId: a.ruleId,
    ruleName: r.ruleName,
    ruleKind: r.ruleKind,
    deviceId: a.deviceId,
    deviceCode: r.deviceCode,
    deviceName: r.deviceName,
    locationId: a.locationId,
    parkId: a.parkId,
    siteId: a.siteId,
    buildingId: a.buildingId,
    floorId: a.floorId,
    severity: a.severity,
    state: a.state,
    message: a.message,
    code: a.code,
    params: a.params,
    lastValue: a.lastValue,
    firstAt: a.firstAt,
    lastAt: a.lastAt,
    count: a.count,
    assigneeId: a.assigneeId,
    acknowledgedAt: a.acknowledgedAt,
    clearedAt: a.clearedAt,
    closedAt: a.closedAt,
    closeReason: a.closeReason,
    suppressed: a.suppressed,
    shelfId: a.shelfId,
    escalationLevel: a.escalationLevel,
    updatedAt: a.updatedAt,
  };
}

/** The fields a transition changes, for the audit log. */
function auditable(a: AlarmRow) {
  return { state: a.state, assigneeId: a.assigneeId, acknowledgedAt: a.acknowledgedAt, closedAt: a.closedAt, closeReason: a.closeReason };
}

/**
 * Alarms (告警) and the responses to them: acknowledge, assign, comment,
 * close. Operators covering the device's park (or site) only; every response
 * is an `alarm_events` row and an audit entry, in one transaction.
 */
export function createAlarmsService(deps: { db: Db; audit: AuditService; onChange?: (alarmIds: string[]) => void }) {
  const { db, audit } = deps;

  /** Operators and property staff (their buildings) may read; others 403. */
  async function readableArea(actor: Actor): Promise<AreaScope> {
    const area = await loadAreaScope(db, actor);
    if (!area) throw forbidden('Only park operators and property staff may see alarms');
    return area;
  }

  function assertOperator(actor: Actor): void {
    if (!isOperator(actor)) throw forbidden('Only park operators may handle alarms');
  }

  /** Locks an alarm the actor may see; others' alarms are 404. */
  async function lock(tx: Tx, actor: Actor, id: string, area?: AreaScope | null): Promise<AlarmRow> {
    if (!area) assertOperator(actor);
    assertCanWrite(actor);
    const [row] = await tx.select().from(alarms).where(eq(alarms.id, id)).for('update');
    if (!row || !(area ? areaCovers(area, row) : operatorCovers(actor, row))) throw notFound('alarm', id);
    return row;
  }

  async function detail(q: Db | Tx, id: string): Promise<AlarmDetail> {
    const [row] = await q.select(columns).from(alarms).innerJoin(alarmRules, eq(alarmRules.id, alarms.ruleId)).leftJoin(devices, eq(devices.id, alarms.deviceId)).where(eq(alarms.id, id));
    if (!row) throw notFound('alarm', id);
    const events = await q.select().from(alarmEvents).where(eq(alarmEvents.alarmId, id)).orderBy(asc(alarmEvents.id));
    return { ...view(row), events: events.map((e) => ({ id: e.id, kind: e.kind, actorId: e.actorId, actorName: e.actorName, at: e.at, comment: e.comment, details: e.details })) };
  }

  /** One response: the change, its event and its audit entry commit together. */
  /**
   * An alarm goes only to someone who can see it (an operator or property
   * staff of its area): a user of another park would learn of it. Checked
   * only when the actor covers the alarm, so others still get respond's 404.
   */
  async function assertAssigneeSees(actor: Actor, alarmId: string, userId: string): Promise<void> {
    const [alarm] = await db.select({ parkId: alarms.parkId, siteId: alarms.siteId, buildingId: alarms.buildingId }).from(alarms).where(eq(alarms.id, alarmId));
    if (!alarm || !operatorCovers(actor, alarm)) return;
    const grants = await db.select({ role: roleGrants.role, scopeType: roleGrants.scopeType, scopeId: roleGrants.scopeId }).from(roleGrants).where(eq(roleGrants.userId, userId));
    if (!grants.length) return; // no such user (or no roles): the existing check names body.userId
    const assignee: Actor = { userId, username: '', displayName: '', grants: grants as Actor['grants'], via: 'session', access: 'read' };
    const area = await loadAreaScope(db, assignee);
    if (!area || !areaCovers(area, alarm)) throw validationError('body.userId', 'cannot see this alarm: assign it to an operator or property staff of its area');
  }

  async function respond(
    ctx: RequestContext,
    id: string,
    kind: AlarmEventKind,
    change: (before: AlarmRow, tx: Tx) => Promise<{ set?: Partial<typeof alarms.$inferInsert>; comment?: string | null; details?: Record<string, unknown> }>,
    area?: AreaScope | null,
  ): Promise<AlarmDetail> {
    const result = await db.transaction(async (tx) => {
      const before = await lock(tx, ctx.actor, id, area);
      const { set, comment = null, details } = await change(before, tx);
      const after = set ? (await tx.update(alarms).set({ ...set, updatedAt: new Date() }).where(eq(alarms.id, id)).returning())[0] : before;
      await tx.insert(alarmEvents).values({ alarmId: id, kind, actorId: ctx.actor.via === 'system' ? null : ctx.actor.userId, actorName: ctx.actor.username, comment, details: details ?? null });
      await audit.record(tx, ctx, { action: `alarm.${kind}`, entityType: 'alarm', entityId: id, before: auditable(before), after: { ...auditable(after), ...(comment ? { comment } : {}) }, parkId: before.parkId });
      return detail(tx, id);
    });
    deps.onChange?.([id]);
    return result;
  }

  const open: AlarmState[] = ['active', 'acknowledged', 'cleared'];

  return {
    async findAlarms(ctx: RequestContext, query: AlarmQuery): Promise<Page<AlarmView>> {
      const where: SQL[] = [];
      const scope = areaSql(await readableArea(ctx.actor), alarms);
      if (scope) where.push(scope);
      if (query.state === 'open') where.push(ne(alarms.state, 'closed'));
      else if (query.state) where.push(eq(alarms.state, query.state));
      if (query.severity) where.push(eq(alarms.severity, query.severity));
      if (query.parkId) where.push(eq(alarms.parkId, query.parkId));
      if (query.buildingId) where.push(eq(alarms.buildingId, query.buildingId));
      if (query.suppressed) where.push(eq(alarms.suppressed, query.suppressed === 'true'));
      if (query.floorId) where.push(eq(alarms.floorId, query.floorId));
      if (query.deviceId) where.push(eq(alarms.deviceId, query.deviceId));
      if (query.ruleId) where.push(eq(alarms.ruleId, query.ruleId));
      const cond = where.length ? and(...where) : undefined;
      const [rows, [{ n }]] = await Promise.all([
        db
          .select(columns)
          .from(alarms)
          .innerJoin(alarmRules, eq(alarmRules.id, alarms.ruleId))
          .leftJoin(devices, eq(devices.id, alarms.deviceId))
          .where(cond)
          .orderBy(desc(alarms.lastAt), asc(alarms.id))
          .limit(query.pageSize)
          .offset(offsetOf(query)),
        db.select({ n: count() }).from(alarms).where(cond),
      ]);
      return { items: rows.map(view), total: n, page: query.page, pageSize: query.pageSize };
    },

    /** One alarm with every response to it, oldest first. */
    async getAlarm(ctx: RequestContext, id: string): Promise<AlarmDetail> {
      const area = await readableArea(ctx.actor);
      const [row] = await db.select({ parkId: alarms.parkId, siteId: alarms.siteId, buildingId: alarms.buildingId }).from(alarms).where(eq(alarms.id, id));
      if (!row || !areaCovers(area, row)) throw notFound('alarm', id);
      return detail(db, id);
    },

    /** active → acknowledged; property staff may acknowledge in their buildings too. */
    async acknowledge(ctx: RequestContext, id: string, input?: { comment?: string }): Promise<AlarmDetail> {
      const area = await readableArea(ctx.actor);
      return respond(ctx, id, 'acknowledged', async (before) => {
        if (before.state !== 'active') throw conflict(`Only an active alarm can be acknowledged; this one is ${before.state}`, { state: before.state });
        return { set: { state: 'acknowledged', acknowledgedAt: new Date() }, comment: input?.comment ?? null };
      }, area);
    },

    /** Sets or removes the assignee of an open alarm. */
    async assign(ctx: RequestContext, id: string, input: { userId: string | null }): Promise<AlarmDetail> {
      if (input.userId) await assertAssigneeSees(ctx.actor, id, input.userId);
      return respond(ctx, id, 'assigned', async (before, tx) => {
        if (!open.includes(before.state)) throw conflict('A closed alarm cannot be assigned', { state: before.state });
        if (input.userId) {
          const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
          if (!u) throw validationError('body.userId', 'no such user');
        }
        return { set: { assigneeId: input.userId }, details: { from: before.assigneeId, to: input.userId } };
      });
    },

    /** Adds a comment, in any state. */
    async comment(ctx: RequestContext, id: string, input: { text: string }): Promise<AlarmDetail> {
      return respond(ctx, id, 'commented', async () => ({ comment: input.text }));
    },

    /** cleared → closed; an alarm still active or acknowledged closes only with a reason. */
    async close(ctx: RequestContext, id: string, input?: { reason?: string }): Promise<AlarmDetail> {
      return respond(ctx, id, 'closed', async (before) => {
        if (before.state === 'closed') throw conflict('This alarm is already closed', { state: before.state });
        if (before.state !== 'cleared' && !input?.reason) throw conflict(`This alarm is still ${before.state}: give a reason to close it before it clears`, { state: before.state });
        return { set: { state: 'closed', closedAt: new Date(), closeReason: input?.reason ?? null }, comment: input?.reason ?? null, details: { from: before.state } };
      });
    },
  };
}

export type AlarmsService = ReturnType<typeof createAlarmsService>;

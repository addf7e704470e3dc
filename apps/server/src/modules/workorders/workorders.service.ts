import type { NotifyUsers } from '../notifications';
import { and, asc, count, desc, eq, gt, ilike, inArray, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { AppError, ErrorCode, conflict, forbidden, notFound, validationError } from '../../lib/errors';
import { URGE_INTERVAL_MINUTES } from '@parkos/contracts';
import type { Page } from '../../lib/pagination';
import {
  SYSTEM_ACTOR,
  assertCanWrite,
  assertOperatorCovers,
  enterpriseIdsOf,
  isGlobalOperator,
  isOperator,
  operatorCovers,
  operatorParkIds,
  operatorSiteIds,
  propertyCompanyIdsOf,
  type Actor,
} from '../identity/actor';
import type { AuditService } from '../identity/audit.service';
import { attachedFileCount, type FileOwnerPolicy, type FilesService } from '../files';
import { roleGrants, users } from '../identity/identity.table';
import { alarms } from '../iot/alarms/alarms.table';
import { devices } from '../iot/iot.table';
import { alarmRules, type Severity } from '../iot/rules/rules.table';
import { buildings, districts, enterprises, floors, propertyContracts, sites, units } from '../parks/parks.table';
import { dispatchStateOf, readableDecision } from './dispatch-view';
import type { DispatchService } from './dispatch.service';
import { defaultSla, missedDeadline, slaDeadlines, slaStatus, type SlaWindow } from './sla';
import type {
  CreateWorkOrderInput,
  DispatchDecision,
  TeamView,
  WorkOrderAction,
  WorkOrderDetail,
  WorkOrderQuery,
  WorkOrderView,
} from './workorders.schema';
import {
  dispatchRules,
  workOrderEvents,
  workOrders,
  workOrderSlaPolicies,
  workOrderTeamMembers,
  workOrderTeams,
  WORK_ORDER_CATEGORIES,
  WORK_ORDER_PRIORITIES,
  type TeamKind,
  type WorkOrderCategory,
  type WorkOrderEventKind,
  type WorkOrderPriority,
  type WorkOrderStatus,
} from './workorders.table';

type OrderRow = typeof workOrders.$inferSelect;

/** At most 9 photos per order; their types and size are the files module's `image` purpose. */
export const PHOTO_LIMITS = { maxPerOrder: 9 };
/** The files module's owner type for work-order photos. */
export const WORK_ORDER_FILE_OWNER = 'work_order';

const SEVERITY_RANK: Record<Severity, number> = { info: 0, minor: 1, major: 2, critical: 3 };
const OPEN: WorkOrderStatus[] = ['new', 'dispatched', 'accepted', 'in_progress'];
const DONE: WorkOrderStatus[] = ['resolved', 'verified', 'closed'];

export interface WorkOrderSettings {
  /** Minutes past a missed deadline after which the operator is notified too. */
  escalateToOperatorAfterMinutes: number;
}

function auditable(o: OrderRow) {
  return { status: o.status, category: o.category, priority: o.priority, teamId: o.teamId, escalationLevel: o.escalationLevel, rating: o.rating };
}

/**
 * Work orders (工单): created from alarms, patrols, inspections, requests and by operators;
 * routed by smart dispatch; new → dispatched → accepted → in_progress → resolved → verified →
 * closed, with reopen. Every transition is a `work_order_events` row and an audit entry.
 */
/** In-app notifications (the notifications module's `notify`), written in the caller's transaction. */

export function createWorkOrdersService(deps: { db: Db; audit: AuditService; dispatch: DispatchService; files: FilesService; settings: WorkOrderSettings; notify?: NotifyUsers }) {
  const { db, audit, dispatch, files, settings } = deps;

  /** Who hears of an overdue order: level 1 the team lead, level 2 the park's operators. */
  async function escalationRecipients(tx: Tx, level: number, o: { parkId: string }, leadUserId: string | null): Promise<string[]> {
    if (level === 1) return leadUserId ? [leadUserId] : [];
    const rows = await tx
      .selectDistinct({ id: users.id })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(eq(roleGrants.role, 'operator'), eq(users.isActive, true), or(and(eq(roleGrants.scopeType, 'park'), eq(roleGrants.scopeId, o.parkId)), eq(roleGrants.scopeType, 'all'))));
    return rows.map((r) => r.id);
  }

  // ---------- scope ----------

  /** Which orders the actor may see; undefined = all. */
  /** A dispatch rule may name only an alarm rule of its own park: another park's rule ids are not the operator's to use, or to probe. */
  async function assertAlarmRuleOfPark(alarmRuleId: string | null | undefined, parkId: string): Promise<void> {
    if (!alarmRuleId) return;
    const [r] = await db.select({ parkId: alarmRules.parkId }).from(alarmRules).where(eq(alarmRules.id, alarmRuleId));
    if (!r || r.parkId !== parkId) throw validationError('body.alarmRuleId', 'not an alarm rule of this park');
  }

  function scopeOf(actor: Actor): SQL | undefined {
    if (isGlobalOperator(actor)) return undefined;
    const parts: SQL[] = [];
    const parkIds = operatorParkIds(actor);
    const siteIds = operatorSiteIds(actor);
    if (parkIds.length) parts.push(inArray(workOrders.parkId, parkIds));
    if (siteIds.length) parts.push(inArray(workOrders.siteId, siteIds));
    const companies = propertyCompanyIdsOf(actor);
    if (companies.length) {
      parts.push(inArray(workOrders.teamId, db.select({ id: workOrderTeams.id }).from(workOrderTeams).where(inArray(workOrderTeams.propertyCompanyId, companies))));
      parts.push(inArray(workOrders.districtId, db.select({ id: propertyContracts.districtId }).from(propertyContracts).where(inArray(propertyContracts.propertyCompanyId, companies))));
    }
    if (actor.via !== 'system') {
      parts.push(inArray(workOrders.teamId, db.select({ id: workOrderTeamMembers.teamId }).from(workOrderTeamMembers).where(eq(workOrderTeamMembers.userId, actor.userId))));
      parts.push(eq(workOrders.requesterId, actor.userId));
    }
    const ents = enterpriseIdsOf(actor);
    if (ents.length) parts.push(inArray(workOrders.enterpriseId, ents));
    return parts.length ? or(...parts) : sql`false`;
  }

  /** Property staff of the team's company, team members and covering operators work an order. */
  async function isHandler(q: Db | Tx, actor: Actor, o: OrderRow): Promise<boolean> {
    if (operatorCovers(actor, o)) return true;
    if (!o.teamId) return false;
    const [team] = await q.select({ companyId: workOrderTeams.propertyCompanyId, leadUserId: workOrderTeams.leadUserId }).from(workOrderTeams).where(eq(workOrderTeams.id, o.teamId));
    if (!team) return false;
    if (team.companyId && propertyCompanyIdsOf(actor).includes(team.companyId)) return true;
    if (team.leadUserId === actor.userId) return true;
    const [m] = await q.select({ u: workOrderTeamMembers.userId }).from(workOrderTeamMembers).where(and(eq(workOrderTeamMembers.teamId, o.teamId), eq(workOrderTeamMembers.userId, actor.userId)));
    return Boolean(m);
  }

  function isRequester(actor: Actor, o: OrderRow): boolean {
    return (o.requesterId !== null && o.requesterId === actor.userId) || (o.enterpriseId !== null && enterpriseIdsOf(actor, ['enterprise_admin']).includes(o.enterpriseId));
  }

  async function actionsFor(q: Db | Tx, actor: Actor, o: OrderRow, photoCount: number): Promise<WorkOrderAction[]> {
    const isOp = operatorCovers(actor, o);
    const handler = await isHandler(q, actor, o);
    const requester = isRequester(actor, o);
    const out: WorkOrderAction[] = ['comment'];
    if (isOp && (o.status === 'new' || o.status === 'dispatched')) out.push('dispatch');
    if (handler && o.status === 'dispatched') out.push('accept');
    if (handler && o.status === 'accepted') out.push('start');
    if (handler && (o.status === 'accepted' || o.status === 'in_progress')) out.push('resolve');
    if ((requester || isOp) && o.status === 'resolved') out.push('verify');
    if (isOp && o.status !== 'closed') out.push('close');
    if ((requester || isOp) && DONE.includes(o.status)) out.push('reopen');
    if (requester && DONE.includes(o.status) && o.rating === null && o.cancelledAt === null) out.push('rate');
    if (requester && o.status === 'new') out.push('cancel');
    if (requester && OPEN.includes(o.status)) out.push('urge');
    if (o.status !== 'closed' && photoCount < PHOTO_LIMITS.maxPerOrder) out.push('addPhoto');
    return out;
  }

  // ---------- reads ----------

  const listColumns = {
    order: workOrders,
    teamName: workOrderTeams.name,
    districtName: districts.name,
    buildingName: buildings.name,
    photoCount: attachedFileCount(WORK_ORDER_FILE_OWNER, workOrders.id),
  };

  function view(r: { order: OrderRow; teamName: string | null; districtName: string | null; buildingName: string | null; photoCount: number }, now = new Date()): WorkOrderView {
    const o = r.order;
    return {
      id: o.id,
      number: o.number,
      parkId: o.parkId,
      siteId: o.siteId,
      districtId: o.districtId,
      districtName: r.districtName,
      buildingId: o.buildingId,
      buildingName: r.buildingName,
      floorId: o.floorId,
      unitId: o.unitId,
      deviceId: o.deviceId,
      deviceType: o.deviceType,
      locationText: o.locationText,
      enterpriseId: o.enterpriseId,
      source: o.source,
      alarmId: o.alarmId,
      title: o.title,
      description: o.description,
      category: o.category,
      priority: o.priority,
      status: o.status,
      needsTriage: o.needsTriage,
      teamId: o.teamId,
      teamName: r.teamName,
      assigneeId: o.assigneeId,
      requesterId: o.requesterId,
      requesterName: o.requesterName,
      confidence: o.confidence,
      slaStatus: slaStatus(o, now),
      responseDueAt: o.responseDueAt,
      resolutionDueAt: o.resolutionDueAt,
      dispatchedAt: o.dispatchedAt,
      acceptedAt: o.acceptedAt,
      resolvedAt: o.resolvedAt,
      closedAt: o.closedAt,
      escalationLevel: o.escalationLevel,
      rating: o.rating,
      ratingComment: o.ratingComment,
      cancelledAt: o.cancelledAt,
      lastUrgedAt: o.lastUrgedAt,
      photoCount: Number(r.photoCount),
      createdAt: o.createdAt,
      updatedAt: o.updatedAt,
    };
  }

  function selectOrders(q: Db | Tx) {
    return q
      .select(listColumns)
      .from(workOrders)
      .leftJoin(workOrderTeams, eq(workOrderTeams.id, workOrders.teamId))
      .leftJoin(districts, eq(districts.id, workOrders.districtId))
      .leftJoin(buildings, eq(buildings.id, workOrders.buildingId));
  }

  async function detail(q: Db | Tx, actor: Actor, id: string): Promise<WorkOrderDetail> {
    const [row] = await selectOrders(q).where(eq(workOrders.id, id));
    if (!row) throw notFound('work order', id);
    const events = await q.select().from(workOrderEvents).where(eq(workOrderEvents.workOrderId, id)).orderBy(asc(workOrderEvents.id));
    const attachments = (await files.findByOwner(q, WORK_ORDER_FILE_OWNER, id)).map((f) => ({ id: f.id, fileName: f.name, contentType: f.mimeType, size: f.size, hasThumbnail: f.hasThumbnail, uploadedByName: f.uploadedByName, createdAt: f.createdAt }));
    const decision = (row.order.decision as DispatchDecision | null) ?? null;
    const orderView = view(row);
    return {
      ...orderView,
      // Requesters and property staff see the decision's state, not the model's reasons.
      decision: decision && isOperator(actor) ? readableDecision(decision, row.order) : null,
      dispatchState: dispatchStateOf(orderView, events),
      events: events.map((e) => ({ id: e.id, kind: e.kind, fromStatus: e.fromStatus, toStatus: e.toStatus, actorId: e.actorId, actorName: e.actorName, at: e.at, comment: e.comment, details: e.details })),
      attachments,
      actions: await actionsFor(q, actor, row.order, attachments.length),
    };
  }

  /** Loads (and locks) an order the actor may see; others' orders are 404. */
  async function visible(q: Db | Tx, actor: Actor, id: string, lock = false): Promise<OrderRow> {
    const row = await findVisible(q, actor, id, lock);
    if (!row) throw notFound('work order', id);
    return row;
  }

  async function findVisible(q: Db | Tx, actor: Actor, id: string, lock = false): Promise<OrderRow | undefined> {
    const scope = scopeOf(actor);
    const base = q.select().from(workOrders).where(scope ? and(eq(workOrders.id, id), scope) : eq(workOrders.id, id));
    const [row] = lock ? await base.for('update', { of: workOrders }) : await base;
    return row;
  }

  /** Photos: whoever sees an order sees its photos and may add some (the count and status rules are in addPhoto). */
  const fileOwner: FileOwnerPolicy = {
    ownerType: WORK_ORDER_FILE_OWNER,
    purposes: ['image'],
    canRead: async (ctx, ownerId) => Boolean(await findVisible(db, ctx.actor, ownerId)),
    canAttach: async (ctx, ownerId, q) => {
      const o = await findVisible(q, ctx.actor, ownerId);
      return o ? { parkId: o.parkId, enterpriseId: o.enterpriseId } : null;
    },
  };

  async function slaWindow(q: Db | Tx, parkId: string, category: WorkOrderCategory, priority: WorkOrderPriority): Promise<SlaWindow> {
    const [p] = await q
      .select({ responseMinutes: workOrderSlaPolicies.responseMinutes, resolutionMinutes: workOrderSlaPolicies.resolutionMinutes })
      .from(workOrderSlaPolicies)
      .where(and(eq(workOrderSlaPolicies.parkId, parkId), eq(workOrderSlaPolicies.category, category), eq(workOrderSlaPolicies.priority, priority)));
    return p ?? defaultSla(category, priority);
  }

  async function addEvent(tx: Tx, actor: Actor, orderId: string, e: { kind: WorkOrderEventKind; from?: WorkOrderStatus | null; to?: WorkOrderStatus | null; comment?: string | null; details?: Record<string, unknown> | null }) {
    await tx.insert(workOrderEvents).values({
      workOrderId: orderId,
      kind: e.kind,
      fromStatus: e.from ?? null,
      toStatus: e.to ?? null,
      actorId: actor.via === 'system' ? null : actor.userId,
      actorName: actor.username,
      comment: e.comment ?? null,
      details: e.details ?? null,
    });
  }

  /** One change: lock, check, update, event, audit — one transaction. */
  async function change(
    ctx: RequestContext,
    id: string,
    kind: WorkOrderEventKind,
    decide: (o: OrderRow, tx: Tx) => Promise<{ set?: Partial<typeof workOrders.$inferInsert>; comment?: string | null; details?: Record<string, unknown> }>,
  ): Promise<WorkOrderDetail> {
    assertCanWrite(ctx.actor);
    return db.transaction(async (tx) => {
      const before = await visible(tx, ctx.actor, id, true);
      const { set, comment = null, details } = await decide(before, tx);
      const after = set ? (await tx.update(workOrders).set({ ...set, updatedAt: new Date() }).where(eq(workOrders.id, id)).returning())[0] : before;
      await addEvent(tx, ctx.actor, id, { kind, from: before.status, to: after.status !== before.status ? after.status : null, comment, details });
      await audit.record(tx, ctx, {
        action: `work_order.${kind}`,
        entityType: 'work_order',
        entityId: id,
        before: auditable(before),
        after: { ...auditable(after), ...(comment ? { comment } : {}) },
        parkId: before.parkId,
        enterpriseId: before.enterpriseId,
      });
      return detail(tx, ctx.actor, id);
    });
  }

  function requireStatus(o: OrderRow, allowed: WorkOrderStatus[], action: string): void {
    if (!allowed.includes(o.status)) throw conflict(`Cannot ${action} a work order that is ${o.status}`, { status: o.status });
  }

  // ---------- creation ----------

  interface Place {
    parkId: string;
    siteId: string | null;
    districtId: string | null;
    buildingId: string | null;
    floorId: string | null;
    unitId: string | null;
    deviceId: string | null;
    deviceType: string | null;
  }

  /** Completes a location from its most specific part; every part must be in the same park. */
  async function resolvePlace(input: Pick<CreateWorkOrderInput, 'parkId' | 'districtId' | 'buildingId' | 'floorId' | 'unitId' | 'deviceId'>, fallbackParkId: string | null): Promise<Place> {
    const place: Place = { parkId: input.parkId ?? fallbackParkId ?? '', siteId: null, districtId: input.districtId ?? null, buildingId: input.buildingId ?? null, floorId: input.floorId ?? null, unitId: input.unitId ?? null, deviceId: input.deviceId ?? null, deviceType: null };
    const claim = (field: string, parkId: string) => {
      if (place.parkId && place.parkId !== parkId) throw validationError(`body.${field}`, 'is in another park');
      place.parkId = parkId;
    };
    if (place.deviceId) {
      const [d] = await db.select().from(devices).where(eq(devices.id, place.deviceId));
      if (!d) throw validationError('body.deviceId', 'no such device');
      claim('deviceId', d.parkId);
      place.deviceType = d.type;
      place.buildingId ??= d.buildingId;
      place.floorId ??= d.floorId;
      place.siteId = d.siteId;
    }
    if (place.unitId) {
      const [u] = await db.select().from(units).where(eq(units.id, place.unitId));
      if (!u) throw validationError('body.unitId', 'no such unit');
      claim('unitId', u.parkId);
      place.floorId ??= u.floorId;
      place.buildingId ??= u.buildingId;
    }
    if (place.floorId) {
      const [f] = await db.select().from(floors).where(eq(floors.id, place.floorId));
      if (!f) throw validationError('body.floorId', 'no such floor');
      place.buildingId ??= f.buildingId;
    }
    if (place.buildingId) {
      const [b] = await db.select().from(buildings).where(eq(buildings.id, place.buildingId));
      if (!b) throw validationError('body.buildingId', 'no such building');
      claim('buildingId', b.parkId);
      place.districtId ??= b.districtId;
      place.siteId = b.siteId;
    }
    if (place.districtId) {
      const [d] = await db.select().from(districts).where(eq(districts.id, place.districtId));
      if (!d) throw validationError('body.districtId', 'no such district');
      claim('districtId', d.parkId);
      place.siteId ??= d.siteId;
    }
    if (!place.parkId) throw validationError('body.parkId', 'give a park or a place in one');
    return place;
  }

  interface NewOrder {
    place: Place;
    source: OrderRow['source'];
    title: string;
    description: string;
    category?: WorkOrderCategory;
    categorySource?: 'given' | 'rule';
    priority: WorkOrderPriority;
    enterpriseId: string | null;
    locationText: string | null;
    alarmId: string | null;
  }

  /** Decides (outside the transaction), then inserts the order and its first events. */
  async function insertOrder(ctx: RequestContext, n: NewOrder): Promise<OrderRow | null> {
    const decision = await dispatch.decide({ parkId: n.place.parkId, districtId: n.place.districtId, title: n.title, description: n.description, category: n.category, categorySource: n.categorySource, deviceType: n.place.deviceType });
    const window = await slaWindow(db, n.place.parkId, decision.category, n.priority);
    const now = new Date();
    const { responseDueAt, resolutionDueAt } = slaDeadlines(now, window);
    const isAuto = decision.isAutomatic;
    const actor = ctx.actor;
    return db.transaction(async (tx) => {
      const inserted = await tx
        .insert(workOrders)
        .values({
          parkId: n.place.parkId,
          siteId: n.place.siteId,
          districtId: n.place.districtId,
          buildingId: n.place.buildingId,
          floorId: n.place.floorId,
          unitId: n.place.unitId,
          deviceId: n.place.deviceId,
          deviceType: n.place.deviceType,
          locationText: n.locationText,
          enterpriseId: n.enterpriseId,
          source: n.source,
          alarmId: n.alarmId,
          title: n.title,
          description: n.description,
          category: decision.category,
          priority: n.priority,
          status: isAuto ? 'dispatched' : 'new',
          needsTriage: !isAuto,
          teamId: isAuto ? decision.teamId : null,
          requesterId: actor.via === 'system' ? null : actor.userId,
          requesterName: actor.via === 'system' ? 'system' : actor.displayName,
          decision,
          confidence: decision.confidence,
          responseDueAt,
          resolutionDueAt,
          dispatchedAt: isAuto ? now : null,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      const o = inserted[0];
      if (!o) return null;
      await addEvent(tx, actor, o.id, { kind: 'created', to: 'new', details: { source: n.source, ...(n.alarmId ? { alarmId: n.alarmId } : {}) } });
      const reasons = { category: decision.category, teamId: decision.teamId, confidence: decision.confidence, threshold: decision.threshold, locationRule: decision.locationRule?.propertyCompanyName ?? null };
      if (isAuto) await addEvent(tx, SYSTEM_ACTOR, o.id, { kind: 'dispatched', from: 'new', to: 'dispatched', details: { automatic: true, ...reasons } });
      else await addEvent(tx, SYSTEM_ACTOR, o.id, { kind: 'classified', details: { automatic: false, triage: true, ...reasons } });
      await audit.record(tx, ctx, {
        action: 'work_order.created',
        entityType: 'work_order',
        entityId: o.id,
        after: { ...auditable(o), source: o.source, title: o.title, automatic: isAuto },
        parkId: o.parkId,
        enterpriseId: o.enterpriseId,
      });
      return o;
    });
  }

  async function assertTeamInPark(q: Db | Tx, teamId: string, parkId: string, field: string) {
    const [team] = await q.select({ parkId: workOrderTeams.parkId }).from(workOrderTeams).where(eq(workOrderTeams.id, teamId));
    if (!team || team.parkId !== parkId) throw validationError(field, 'no such team in this park');
  }

  async function teamView(q: Db | Tx, ids?: string[], parkIds?: string[] | null): Promise<TeamView[]> {
    const where: SQL[] = [];
    if (ids) where.push(inArray(workOrderTeams.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']));
    if (parkIds) where.push(inArray(workOrderTeams.parkId, parkIds.length ? parkIds : ['00000000-0000-0000-0000-000000000000']));
    const rows = await q.select().from(workOrderTeams).where(where.length ? and(...where) : undefined).orderBy(asc(workOrderTeams.name));
    const members = rows.length ? await q.select().from(workOrderTeamMembers).where(inArray(workOrderTeamMembers.teamId, rows.map((r) => r.id))) : [];
    return rows.map((r) => ({ id: r.id, parkId: r.parkId, name: r.name, kind: r.kind, propertyCompanyId: r.propertyCompanyId, leadUserId: r.leadUserId, categories: r.categories, memberIds: members.filter((m) => m.teamId === r.id).map((m) => m.userId) }));
  }

  async function assertUsers(q: Db | Tx, ids: string[], field: string) {
    if (!ids.length) return;
    const found = await q.select({ id: users.id }).from(users).where(inArray(users.id, ids));
    if (found.length !== new Set(ids).size) throw validationError(field, 'no such user');
  }

  /**
   * A park's team is of people and a company that work in that park: its
   * operators (park, one of its sites, or all parks) and staff of a property
   * company contracted there. Anyone else would be shown the park's orders.
   */
  async function assertWorksInPark(parkId: string, propertyCompanyId: string | null | undefined, people: { field: string; ids: string[] }[]) {
    const contracted = new Set((await db.select({ id: propertyContracts.propertyCompanyId }).from(propertyContracts).where(eq(propertyContracts.parkId, parkId))).map((r) => r.id));
    if (propertyCompanyId && !contracted.has(propertyCompanyId)) throw validationError('body.propertyCompanyId', 'has no contract in this park');
    const all = people.flatMap((p) => p.ids);
    if (!all.length) return;
    const siteIds = new Set((await db.select({ id: sites.id }).from(sites).where(eq(sites.parkId, parkId))).map((r) => r.id));
    const grants = await db.select().from(roleGrants).where(inArray(roleGrants.userId, all));
    const worksHere = (userId: string) =>
      grants.some(
        (g) =>
          g.userId === userId &&
          ((g.role === 'operator' && (g.scopeType === 'all' || (g.scopeType === 'park' && g.scopeId === parkId) || (g.scopeType === 'site' && !!g.scopeId && siteIds.has(g.scopeId)))) ||
            (g.role === 'property' && g.scopeType === 'property_company' && !!g.scopeId && contracted.has(g.scopeId))),
      );
    for (const p of people) if (!p.ids.every(worksHere)) throw validationError(p.field, 'not an operator or property staff of this park');
  }

  return {
    // ---------- orders ----------

    /**
     * Files a work order. Members and enterprise admins file requests for their enterprise,
     * property staff patrol and inspection findings, operators anything but alarms.
     */
    async createWorkOrder(ctx: RequestContext, input: CreateWorkOrderInput): Promise<WorkOrderDetail> {
      const actor = ctx.actor;
      assertCanWrite(actor);
      let source = input.source;
      let enterpriseId: string | null = null;
      let fallbackPark: string | null = null;
      const ents = enterpriseIdsOf(actor);
      if (isOperator(actor) && source !== 'member_request' && source !== 'enterprise_request') {
        source ??= 'operator';
        if (source === 'alarm') throw validationError('body.source', 'alarm orders are created by the alarm hook');
      } else if (propertyCompanyIdsOf(actor).length && !ents.length) {
        source ??= 'patrol';
        if (source !== 'patrol' && source !== 'inspection') throw validationError('body.source', 'property staff file patrol or inspection findings');
      } else if (ents.length) {
        const [ent] = await db.select({ id: enterprises.id, parkId: enterprises.parkId }).from(enterprises).where(eq(enterprises.id, ents[0]));
        if (!ent) throw forbidden('Your enterprise no longer exists');
        enterpriseId = ent.id;
        fallbackPark = ent.parkId;
        source = enterpriseIdsOf(actor, ['enterprise_admin']).includes(ent.id) ? 'enterprise_request' : 'member_request';
        if (input.parkId && input.parkId !== ent.parkId) throw validationError('body.parkId', 'requests are filed in your enterprise’s park');
      } else {
        throw forbidden('Only operators, property staff and enterprise members file work orders');
      }
      const place = await resolvePlace(input, fallbackPark);
      if (source === 'patrol' || source === 'inspection') {
        if (!isOperator(actor)) {
          const [c] = await db
            .select({ id: propertyContracts.id })
            .from(propertyContracts)
            .where(and(eq(propertyContracts.parkId, place.parkId), inArray(propertyContracts.propertyCompanyId, propertyCompanyIdsOf(actor))))
            .limit(1);
          if (!c) throw forbidden('Your company has no contract in this park');
        } else assertOperatorCovers(actor, place);
      } else if (source === 'operator') assertOperatorCovers(actor, place);
      const o = await insertOrder(ctx, {
        place,
        source,
        title: input.title,
        description: input.description ?? '',
        category: input.category,
        priority: input.priority ?? 'normal',
        enterpriseId,
        locationText: input.locationText ?? null,
        alarmId: null,
      });
      return detail(db, actor, o!.id);
    },

    async findWorkOrders(ctx: RequestContext, query: WorkOrderQuery): Promise<Page<WorkOrderView>> {
      const actor = ctx.actor;
      const where: SQL[] = [];
      const scope = scopeOf(actor);
      if (scope) where.push(scope);
      const now = new Date();
      if (query.parkId) where.push(eq(workOrders.parkId, query.parkId));
      if (query.status === 'open') where.push(notInArray(workOrders.status, ['verified', 'closed']));
      else if (query.status) where.push(eq(workOrders.status, query.status));
      if (query.category) where.push(eq(workOrders.category, query.category));
      if (query.priority) where.push(eq(workOrders.priority, query.priority));
      if (query.source) where.push(eq(workOrders.source, query.source));
      if (query.teamId) where.push(eq(workOrders.teamId, query.teamId));
      if (query.districtId) where.push(eq(workOrders.districtId, query.districtId));
      if (query.triage) where.push(eq(workOrders.needsTriage, query.triage === 'true'));
      if (query.escalated === 'true') where.push(gt(workOrders.escalationLevel, 0));
      if (query.q) where.push(or(ilike(workOrders.title, `%${query.q}%`), ilike(workOrders.description, `%${query.q}%`))!);
      if (query.sla === 'overdue') {
        where.push(
          or(
            and(inArray(workOrders.status, ['new', 'dispatched']), lt(workOrders.responseDueAt, now)),
            and(inArray(workOrders.status, ['accepted', 'in_progress']), lt(workOrders.resolutionDueAt, now)),
          )!,
        );
      }
      if (query.sla === 'at_risk') {
        // Inside the last quarter of the window and not yet overdue.
        where.push(
          or(
            and(inArray(workOrders.status, ['new', 'dispatched']), sql`${workOrders.responseDueAt} >= ${now} and ${workOrders.responseDueAt} - ${now}::timestamptz < (${workOrders.responseDueAt} - ${workOrders.createdAt}) / 4`),
            and(inArray(workOrders.status, ['accepted', 'in_progress']), sql`${workOrders.resolutionDueAt} >= ${now} and ${workOrders.resolutionDueAt} - ${now}::timestamptz < (${workOrders.resolutionDueAt} - ${workOrders.createdAt}) / 4`),
          )!,
        );
      }
      if (query.mine === 'true' && actor.via !== 'system') {
        const companies = propertyCompanyIdsOf(actor);
        const mine: SQL[] = [eq(workOrders.requesterId, actor.userId), inArray(workOrders.teamId, db.select({ id: workOrderTeamMembers.teamId }).from(workOrderTeamMembers).where(eq(workOrderTeamMembers.userId, actor.userId)))];
        if (companies.length) mine.push(inArray(workOrders.teamId, db.select({ id: workOrderTeams.id }).from(workOrderTeams).where(inArray(workOrderTeams.propertyCompanyId, companies))));
        where.push(or(...mine)!);
      }
      const cond = where.length ? and(...where) : undefined;
      const rows = await selectOrders(db)
        .where(cond)
        .orderBy(desc(workOrders.createdAt), desc(workOrders.number))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [{ n }] = await db.select({ n: count() }).from(workOrders).where(cond);
      return { items: rows.map((r) => view(r, now)), total: n, page: query.page, pageSize: query.pageSize };
    },

    async getWorkOrder(ctx: RequestContext, id: string): Promise<WorkOrderDetail> {
      await visible(db, ctx.actor, id);
      return detail(db, ctx.actor, id);
    },

    /**
     * Operator dispatches to a team (triage confirm or correct, or re-dispatch). A triage
     * decision that differs from the prediction is recorded as a correction (training data).
     */
    async dispatchWorkOrder(ctx: RequestContext, id: string, input: { teamId: string; category?: WorkOrderCategory; priority?: WorkOrderPriority }) {
      return change(ctx, id, 'dispatched', async (o, tx) => {
        assertOperatorCovers(ctx.actor, o);
        requireStatus(o, ['new', 'dispatched'], 'dispatch');
        await assertTeamInPark(tx, input.teamId, o.parkId, 'body.teamId');
        const category = input.category ?? o.category;
        const priority = input.priority ?? o.priority;
        const set: Partial<typeof workOrders.$inferInsert> = { teamId: input.teamId, category, priority, status: 'dispatched', dispatchedAt: new Date(), needsTriage: false };
        if (category !== o.category || priority !== o.priority) {
          const window = await slaWindow(tx, o.parkId, category, priority);
          Object.assign(set, slaDeadlines(o.createdAt, window));
        }
        const decision = o.decision as DispatchDecision | null;
        const wasTriage = o.needsTriage;
        const corrected = Boolean(decision) && (decision!.category !== category || decision!.teamId !== input.teamId);
        if (wasTriage) {
          // A separate `triaged` event marks the operator's labels as training data.
          await addEvent(tx, ctx.actor, o.id, { kind: 'triaged', details: { corrected, predictedCategory: decision?.category ?? null, predictedTeamId: decision?.teamId ?? null, category, teamId: input.teamId } });
        }
        return { set, details: { automatic: false, teamId: input.teamId, category, priority, fromTeamId: o.teamId, triage: wasTriage, corrected } };
      });
    },

    async acceptWorkOrder(ctx: RequestContext, id: string) {
      return change(ctx, id, 'accepted', async (o, tx) => {
        if (!(await isHandler(tx, ctx.actor, o))) throw forbidden('Only the assigned team may accept this work order');
        requireStatus(o, ['dispatched'], 'accept');
        const now = new Date();
        return { set: { status: 'accepted', acceptedAt: now, assigneeId: ctx.actor.via === 'system' ? null : ctx.actor.userId }, details: { responseMet: now <= o.responseDueAt } };
      });
    },

    async startWorkOrder(ctx: RequestContext, id: string) {
      return change(ctx, id, 'started', async (o, tx) => {
        if (!(await isHandler(tx, ctx.actor, o))) throw forbidden('Only the assigned team may work on this order');
        requireStatus(o, ['accepted'], 'start');
        return { set: { status: 'in_progress' } };
      });
    },

    async resolveWorkOrder(ctx: RequestContext, id: string, input?: { comment?: string }) {
      return change(ctx, id, 'resolved', async (o, tx) => {
        if (!(await isHandler(tx, ctx.actor, o))) throw forbidden('Only the assigned team may resolve this work order');
        requireStatus(o, ['accepted', 'in_progress'], 'resolve');
        const now = new Date();
        return { set: { status: 'resolved', resolvedAt: now }, comment: input?.comment ?? null, details: { resolutionMet: now <= o.resolutionDueAt } };
      });
    },

    async verifyWorkOrder(ctx: RequestContext, id: string, input?: { comment?: string }) {
      return change(ctx, id, 'verified', async (o) => {
        if (!isRequester(ctx.actor, o) && !operatorCovers(ctx.actor, o)) throw forbidden('Only the requester or an operator may verify');
        requireStatus(o, ['resolved'], 'verify');
        return { set: { status: 'verified' }, comment: input?.comment ?? null };
      });
    },

    async closeWorkOrder(ctx: RequestContext, id: string, input?: { comment?: string }) {
      return change(ctx, id, 'closed', async (o) => {
        if (!operatorCovers(ctx.actor, o)) throw forbidden('Only operators may close work orders');
        requireStatus(o, ['new', 'dispatched', 'accepted', 'in_progress', 'resolved', 'verified'], 'close');
        if (!DONE.includes(o.status) && !input?.comment) throw validationError('body.comment', 'give a reason to close an unresolved work order');
        return { set: { status: 'closed', closedAt: new Date(), needsTriage: false }, comment: input?.comment ?? null };
      });
    },

    async reopenWorkOrder(ctx: RequestContext, id: string, input?: { comment?: string }) {
      return change(ctx, id, 'reopened', async (o, tx) => {
        if (!isRequester(ctx.actor, o) && !operatorCovers(ctx.actor, o)) throw forbidden('Only the requester or an operator may reopen');
        requireStatus(o, DONE, 'reopen');
        const now = new Date();
        const window = await slaWindow(tx, o.parkId, o.category, o.priority);
        return {
          set: { status: o.teamId ? 'dispatched' : 'new', needsTriage: !o.teamId, resolvedAt: null, closedAt: null, acceptedAt: null, rating: null, ratingComment: null, ratedAt: null, escalationLevel: 0, ...slaDeadlines(now, window), createdAt: o.createdAt },
          comment: input?.comment ?? null,
        };
      });
    },

    /** The requester withdraws an order nobody has been sent to yet (status new): it is closed as cancelled, never rated. */
    async cancelWorkOrder(ctx: RequestContext, id: string, input?: { comment?: string }) {
      return change(ctx, id, 'cancelled', async (o) => {
        if (!isRequester(ctx.actor, o)) throw forbidden('Only the requester may cancel a work order');
        if (o.status !== 'new') throw conflict(`Cannot cancel a work order that is ${o.status}: it has been dispatched`, { status: o.status, reason: 'already_dispatched' });
        const now = new Date();
        return { set: { status: 'closed', closedAt: now, cancelledAt: now, needsTriage: false }, comment: input?.comment ?? null };
      });
    },

    /**
     * The requester urges (催单) an open order: its team (lead and members) hears of it, or the
     * park's operators while it waits for dispatch. At most once per URGE_INTERVAL_MINUTES (429
     * with `details.reason = 'urge_too_soon'` and `details.nextUrgeAt`).
     */
    async urgeWorkOrder(ctx: RequestContext, id: string) {
      return change(ctx, id, 'urged', async (o, tx) => {
        if (!isRequester(ctx.actor, o)) throw forbidden('Only the requester may urge a work order');
        if (!OPEN.includes(o.status)) throw conflict(`Cannot urge a work order that is ${o.status}`, { status: o.status, reason: 'not_open' });
        const now = new Date();
        const next = o.lastUrgedAt ? new Date(o.lastUrgedAt.getTime() + URGE_INTERVAL_MINUTES * 60_000) : null;
        if (next && next > now) {
          throw new AppError(ErrorCode.RATE_LIMITED, { message: `A work order may be urged once every ${URGE_INTERVAL_MINUTES} minutes`, details: { reason: 'urge_too_soon', nextUrgeAt: next.toISOString(), intervalMinutes: URGE_INTERVAL_MINUTES } });
        }
        const recipients = new Set<string>();
        if (o.teamId) {
          const [team] = await tx.select({ leadUserId: workOrderTeams.leadUserId }).from(workOrderTeams).where(eq(workOrderTeams.id, o.teamId));
          if (team?.leadUserId) recipients.add(team.leadUserId);
          for (const m of await tx.select({ userId: workOrderTeamMembers.userId }).from(workOrderTeamMembers).where(eq(workOrderTeamMembers.teamId, o.teamId))) recipients.add(m.userId);
        } else {
          for (const u of await escalationRecipients(tx, 2, o, null)) recipients.add(u);
        }
        if (o.assigneeId) recipients.add(o.assigneeId);
        if (ctx.actor.via !== 'system') recipients.delete(ctx.actor.userId);
        await deps.notify?.(tx, [...recipients], { kind: 'work_order.urged', params: { number: o.number, title: o.title }, link: `/work-orders/${o.id}`, entityType: 'work_order', entityId: o.id });
        return { set: { lastUrgedAt: now }, details: { notified: recipients.size } };
      });
    },

    async rateWorkOrder(ctx: RequestContext, id: string, input: { rating: number; comment?: string }) {
      return change(ctx, id, 'rated', async (o) => {
        if (!isRequester(ctx.actor, o)) throw forbidden('Only the requester may rate the result');
        requireStatus(o, DONE, 'rate');
        if (o.cancelledAt) throw conflict('A cancelled work order is not rated', { reason: 'cancelled' });
        if (o.rating !== null) throw conflict('This work order is already rated');
        return { set: { rating: input.rating, ratingComment: input.comment ?? null, ratedAt: new Date() }, comment: input.comment ?? null, details: { rating: input.rating } };
      });
    },

    async commentWorkOrder(ctx: RequestContext, id: string, input: { text: string }) {
      return change(ctx, id, 'commented', async () => ({ comment: input.text }));
    },

    /** Attaches a photo the actor uploaded through the files module (at most 9 per order, not to a closed order). */
    async addPhoto(ctx: RequestContext, id: string, input: { fileId: string }) {
      return change(ctx, id, 'photo_added', async (o, tx) => {
        if (o.status === 'closed') throw conflict('A closed work order takes no more photos');
        // The order row is locked, so two uploads at once cannot both take the ninth place.
        const n = (await files.findByOwner(tx, WORK_ORDER_FILE_OWNER, o.id)).length;
        if (n >= PHOTO_LIMITS.maxPerOrder) throw conflict(`A work order has at most ${PHOTO_LIMITS.maxPerOrder} photos`, { limit: PHOTO_LIMITS.maxPerOrder });
        const f = await files.attach(tx, ctx, { fileId: input.fileId, ownerType: WORK_ORDER_FILE_OWNER, ownerId: o.id, field: 'body.fileId' });
        return { details: { attachmentId: f.id, fileName: f.name, size: f.size } };
      });
    },

    /** A photo's bytes at its older address (`/work-orders/{id}/attachments/{fileId}`), for those who may see the order. */
    async getPhoto(ctx: RequestContext, id: string, fileId: string) {
      await visible(db, ctx.actor, id);
      const photos = await files.findByOwner(db, WORK_ORDER_FILE_OWNER, id);
      if (!photos.some((p) => p.id === fileId)) throw notFound('attachment', fileId);
      return files.openFile(ctx, fileId);
    },

    fileOwner,

    // ---------- alarms ----------

    /**
     * Turns newly raised alarms into work orders where an enabled dispatch rule matches
     * (severity at least the rule's, device type and alarm rule if given). At most one
     * order per alarm. Returns the orders created.
     */
    async createFromAlarms(alarmIds: readonly string[]): Promise<OrderRow[]> {
      if (!alarmIds.length) return [];
      const rows = await db
        .select({ alarm: alarms, ruleName: alarmRules.name, deviceName: devices.name, deviceType: devices.type })
        .from(alarms)
        .innerJoin(alarmRules, eq(alarmRules.id, alarms.ruleId))
        .innerJoin(devices, eq(devices.id, alarms.deviceId))
        .where(inArray(alarms.id, [...alarmIds]));
      if (!rows.length) return [];
      const rules = await db.select().from(dispatchRules).where(and(inArray(dispatchRules.parkId, [...new Set(rows.map((r) => r.alarm.parkId))]), eq(dispatchRules.isEnabled, true)));
      const created: OrderRow[] = [];
      for (const r of rows) {
        const candidates = rules
          .filter(
            (d) =>
              d.parkId === r.alarm.parkId &&
              SEVERITY_RANK[r.alarm.severity] >= SEVERITY_RANK[d.minSeverity as Severity] &&
              (!d.deviceType || d.deviceType === r.deviceType) &&
              (!d.alarmRuleId || d.alarmRuleId === r.alarm.ruleId),
          )
          .sort((a, b) => Number(Boolean(b.alarmRuleId)) - Number(Boolean(a.alarmRuleId)) || Number(Boolean(b.deviceType)) - Number(Boolean(a.deviceType)));
        const rule = candidates[0];
        if (!rule) continue;
        const place = await resolvePlace({ parkId: r.alarm.parkId, deviceId: r.alarm.deviceId ?? undefined }, null);
        const o = await insertOrder(
          { actor: SYSTEM_ACTOR },
          {
            place,
            source: 'alarm',
            title: `${r.ruleName}：${r.deviceName}`,
            description: r.alarm.message,
            category: rule.category ?? undefined,
            categorySource: 'rule',
            priority: rule.priority,
            enterpriseId: null,
            locationText: null,
            alarmId: r.alarm.id,
          },
        );
        if (o) created.push(o);
      }
      return created;
    },

    // ---------- escalation ----------

    /**
     * The worker's escalation tick: an order past its response or resolution deadline is
     * escalated to its team lead (level 1), and after `escalateToOperatorAfterMinutes` more to
     * the park's operators (level 2). Each step is an `escalated` event and an audit entry.
     */
    async escalateOverdue(now: Date = new Date()): Promise<number> {
      const rows = await db
        .select({ order: workOrders, leadUserId: workOrderTeams.leadUserId })
        .from(workOrders)
        .leftJoin(workOrderTeams, eq(workOrderTeams.id, workOrders.teamId))
        .where(
          and(
            inArray(workOrders.status, OPEN),
            lt(workOrders.escalationLevel, 2),
            or(
              and(inArray(workOrders.status, ['new', 'dispatched']), lt(workOrders.responseDueAt, now)),
              and(inArray(workOrders.status, ['accepted', 'in_progress']), lt(workOrders.resolutionDueAt, now)),
            ),
          ),
        )
        .limit(500);
      let escalated = 0;
      for (const { order: o, leadUserId } of rows) {
        const missed = missedDeadline(o, now);
        if (!missed) continue;
        const level = now.getTime() - missed.dueAt.getTime() > settings.escalateToOperatorAfterMinutes * 60_000 ? 2 : 1;
        if (level <= o.escalationLevel) continue;
        const ctx = { actor: SYSTEM_ACTOR };
        const done = await db.transaction(async (tx) => {
          // Re-check under the lock: another worker may have escalated it meanwhile.
          const [locked] = await tx.select().from(workOrders).where(eq(workOrders.id, o.id)).for('update');
          if (!locked || locked.escalationLevel >= level || !OPEN.includes(locked.status)) return false;
          for (let l = locked.escalationLevel + 1; l <= level; l++) {
            const recipients = deps.notify ? await escalationRecipients(tx, l, o, leadUserId) : [];
            await addEvent(tx, SYSTEM_ACTOR, o.id, {
              kind: 'escalated',
              details: { level: l, notify: l === 1 ? 'team_lead' : 'operator', leadUserId: l === 1 ? leadUserId : null, deadline: missed.kind, dueAt: missed.dueAt.toISOString(), notified: recipients.length },
            });
            await deps.notify?.(tx, recipients, {
              kind: 'work_order.escalated',
              params: { number: o.number, deadline: missed.kind, title: o.title },
              link: `/work-orders/${o.id}`,
              entityType: 'work_order',
              entityId: o.id,
            });
          }
          await tx.update(workOrders).set({ escalationLevel: level, updatedAt: new Date() }).where(eq(workOrders.id, o.id));
          await audit.record(tx, ctx, { action: 'work_order.escalated', entityType: 'work_order', entityId: o.id, before: { escalationLevel: locked.escalationLevel }, after: { escalationLevel: level, deadline: missed.kind }, parkId: o.parkId, enterpriseId: o.enterpriseId });
          return true;
        });
        if (done) escalated++;
      }
      return escalated;
    },

    // ---------- teams ----------

    async findTeams(ctx: RequestContext, filter: { parkId?: string }): Promise<TeamView[]> {
      const actor = ctx.actor;
      if (isGlobalOperator(actor)) return teamView(db, undefined, filter.parkId ? [filter.parkId] : null);
      const parkIds = new Set(operatorParkIds(actor));
      const companies = propertyCompanyIdsOf(actor);
      if (companies.length) for (const c of await db.selectDistinct({ parkId: propertyContracts.parkId }).from(propertyContracts).where(inArray(propertyContracts.propertyCompanyId, companies))) parkIds.add(c.parkId);
      if (operatorSiteIds(actor).length) for (const d of await db.selectDistinct({ parkId: districts.parkId }).from(districts).where(inArray(districts.siteId, operatorSiteIds(actor)))) parkIds.add(d.parkId);
      if (!parkIds.size) throw forbidden('Only operators and property staff see teams');
      const wanted = filter.parkId ? [...parkIds].filter((p) => p === filter.parkId) : [...parkIds];
      return teamView(db, undefined, wanted);
    },

    async createTeam(ctx: RequestContext, input: { parkId: string; name: string; kind: TeamKind; propertyCompanyId?: string | null; leadUserId?: string | null; categories: WorkOrderCategory[]; memberIds: string[] }): Promise<TeamView> {
      assertOperatorCovers(ctx.actor, { parkId: input.parkId });
      assertCanWrite(ctx.actor);
      if (input.kind === 'property' && !input.propertyCompanyId) throw validationError('body.propertyCompanyId', 'a property team belongs to a property company');
      await assertUsers(db, [...input.memberIds, ...(input.leadUserId ? [input.leadUserId] : [])], 'body.memberIds');
      await assertWorksInPark(input.parkId, input.kind === 'property' ? input.propertyCompanyId : null, [
        { field: 'body.leadUserId', ids: input.leadUserId ? [input.leadUserId] : [] },
        { field: 'body.memberIds', ids: input.memberIds },
      ]);
      return db.transaction(async (tx) => {
        const [team] = await tx
          .insert(workOrderTeams)
          .values({ parkId: input.parkId, name: input.name, kind: input.kind, propertyCompanyId: input.kind === 'property' ? input.propertyCompanyId : null, leadUserId: input.leadUserId ?? null, categories: input.categories })
          .returning();
        if (input.memberIds.length) await tx.insert(workOrderTeamMembers).values([...new Set(input.memberIds)].map((userId) => ({ teamId: team.id, userId })));
        await audit.record(tx, ctx, { action: 'work_order_team.created', entityType: 'work_order_team', entityId: team.id, after: { ...input }, parkId: input.parkId });
        return (await teamView(tx, [team.id]))[0];
      });
    },

    async updateTeam(ctx: RequestContext, id: string, patch: { name?: string; propertyCompanyId?: string | null; leadUserId?: string | null; categories?: WorkOrderCategory[]; memberIds?: string[] }): Promise<TeamView> {
      assertCanWrite(ctx.actor);
      const [team] = await db.select().from(workOrderTeams).where(eq(workOrderTeams.id, id));
      if (!team || !operatorCovers(ctx.actor, { parkId: team.parkId })) throw notFound('team', id);
      await assertUsers(db, [...(patch.memberIds ?? []), ...(patch.leadUserId ? [patch.leadUserId] : [])], 'body.memberIds');
      await assertWorksInPark(team.parkId, patch.propertyCompanyId, [
        { field: 'body.leadUserId', ids: patch.leadUserId ? [patch.leadUserId] : [] },
        { field: 'body.memberIds', ids: patch.memberIds ?? [] },
      ]);
      return db.transaction(async (tx) => {
        const before = (await teamView(tx, [id]))[0];
        const { memberIds, ...fields } = patch;
        if (Object.keys(fields).length) await tx.update(workOrderTeams).set({ ...fields, updatedAt: new Date() }).where(eq(workOrderTeams.id, id));
        if (memberIds) {
          await tx.delete(workOrderTeamMembers).where(eq(workOrderTeamMembers.teamId, id));
          if (memberIds.length) await tx.insert(workOrderTeamMembers).values([...new Set(memberIds)].map((userId) => ({ teamId: id, userId })));
        }
        const after = (await teamView(tx, [id]))[0];
        await audit.record(tx, ctx, { action: 'work_order_team.updated', entityType: 'work_order_team', entityId: id, before, after, parkId: team.parkId });
        return after;
      });
    },

    // ---------- SLA ----------

    /** Every category × priority of a park: its override or the default. */
    async getSlaMatrix(ctx: RequestContext, parkId: string) {
      assertOperatorCovers(ctx.actor, { parkId });
      const overrides = await db.select().from(workOrderSlaPolicies).where(eq(workOrderSlaPolicies.parkId, parkId));
      return WORK_ORDER_CATEGORIES.flatMap((category) =>
        WORK_ORDER_PRIORITIES.map((priority) => {
          const o = overrides.find((p) => p.category === category && p.priority === priority);
          const w = o ?? defaultSla(category, priority);
          return { category, priority, responseMinutes: w.responseMinutes, resolutionMinutes: w.resolutionMinutes, isDefault: !o };
        }),
      );
    },

    async setSla(ctx: RequestContext, input: { parkId: string; category: WorkOrderCategory; priority: WorkOrderPriority; responseMinutes: number; resolutionMinutes: number }) {
      assertOperatorCovers(ctx.actor, { parkId: input.parkId });
      assertCanWrite(ctx.actor);
      if (input.resolutionMinutes < input.responseMinutes) throw validationError('body.resolutionMinutes', 'must not be shorter than the response time');
      await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(workOrderSlaPolicies)
          .values(input)
          .onConflictDoUpdate({ target: [workOrderSlaPolicies.parkId, workOrderSlaPolicies.category, workOrderSlaPolicies.priority], set: { responseMinutes: input.responseMinutes, resolutionMinutes: input.resolutionMinutes, updatedAt: new Date() } })
          .returning();
        await audit.record(tx, ctx, { action: 'work_order_sla.set', entityType: 'work_order_sla', entityId: row.id, after: input, parkId: input.parkId });
      });
      return this.getSlaMatrix(ctx, input.parkId);
    },

    // ---------- dispatch rules ----------

    async findDispatchRules(ctx: RequestContext, parkId: string) {
      assertOperatorCovers(ctx.actor, { parkId });
      return db.select().from(dispatchRules).where(eq(dispatchRules.parkId, parkId)).orderBy(asc(dispatchRules.name));
    },

    async createDispatchRule(ctx: RequestContext, input: typeof dispatchRules.$inferInsert) {
      assertOperatorCovers(ctx.actor, { parkId: input.parkId });
      assertCanWrite(ctx.actor);
      await assertAlarmRuleOfPark(input.alarmRuleId, input.parkId);
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(dispatchRules).values(input).returning();
        await audit.record(tx, ctx, { action: 'dispatch_rule.created', entityType: 'dispatch_rule', entityId: row.id, after: row, parkId: row.parkId });
        return row;
      });
    },

    async updateDispatchRule(ctx: RequestContext, id: string, patch: Partial<typeof dispatchRules.$inferInsert>) {
      assertCanWrite(ctx.actor);
      const [before] = await db.select().from(dispatchRules).where(eq(dispatchRules.id, id));
      if (!before || !operatorCovers(ctx.actor, before)) throw notFound('dispatch rule', id);
      await assertAlarmRuleOfPark(patch.alarmRuleId, before.parkId);
      return db.transaction(async (tx) => {
        const [row] = await tx.update(dispatchRules).set({ ...patch, parkId: before.parkId, updatedAt: new Date() }).where(eq(dispatchRules.id, id)).returning();
        await audit.record(tx, ctx, { action: 'dispatch_rule.updated', entityType: 'dispatch_rule', entityId: id, before, after: row, parkId: row.parkId });
        return row;
      });
    },
  };
}

export type WorkOrdersService = ReturnType<typeof createWorkOrdersService>;

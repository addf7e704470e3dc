import crypto from 'node:crypto';
import { DEFAULT_SEVERITY_POINTS, type CheckItem, type Checkpoint, type EvalDeduction, type FindingSeverity, type InspectionPurpose, type PunctualityRow, type ScheduleStatus } from '@parkos/contracts';
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, lte, notExists, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { conflict, forbidden, notFound, validationError } from '../../lib/errors';
import { offsetOf, type Page } from '../../lib/pagination';
import type { FileOwnerPolicy, FilesService } from '../files';
import { assertCanWrite, isGlobalOperator, operatorCovers, operatorParkIds, propertyCompanyIdsOf, type Actor } from '../identity/actor';
import type { AuditService } from '../identity/audit.service';
import { roleGrants, users } from '../identity/identity.table';
import { buildings, districts, propertyCompanies, propertyContracts } from '../parks/parks.table';
import { WORK_ORDER_FILE_OWNER, type WorkOrdersService } from '../workorders';
import { workOrders } from '../workorders/workorders.table';
import type { CreateRouteBody, CreateTemplateBody, SubmitRunBody, UpdateRouteBody, UpdateTemplateBody } from './inspections.schema';
import { inspectionResults, inspectionRoutes, inspectionRuns, inspectionSchedules, inspectionSettings, inspectionTemplates } from './inspections.table';

/** The files module's owner type for the photos of a marked item. */
export const INSPECTION_RESULT_FILE_OWNER = 'inspection_result';

type TemplateRow = typeof inspectionTemplates.$inferSelect;
type RouteRow = typeof inspectionRoutes.$inferSelect;
type RunRow = typeof inspectionRuns.$inferSelect;
type ResultRow = typeof inspectionResults.$inferSelect;
type ScheduleRow = typeof inspectionSchedules.$inferSelect;

const NONE = '00000000-0000-0000-0000-000000000000';

/** A calendar date in the park's time zone (Asia/Shanghai). */
export function parkDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
/** The instant a park calendar date starts. */
export function parkDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}
/** A date moved by days or months (month ends clamp: 01-31 + 1 month = 02-28). */
export function shiftDate(day: string, by: { days?: number; months?: number }): string {
  const [y, m, d] = day.split('-').map(Number);
  if (by.months) {
    const target = new Date(Date.UTC(y, m - 1 + by.months, 1));
    const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    return new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
  }
  return new Date(Date.UTC(y, m - 1, d + (by.days ?? 0))).toISOString().slice(0, 10);
}

const PRIORITY_OF: Record<FindingSeverity, 'normal' | 'high' | 'urgent'> = { minor: 'normal', major: 'high', critical: 'urgent' };

function pgCode(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code;
}

/**
 * On-site inspections (现场监督检查): checklist templates, routes of checkpoints, schedules, runs
 * submitted from a phone (idempotent by the client's id), findings with deductions, work orders
 * opened from findings with their photos.
 */
export function createInspectionsService(deps: { db: Db; audit: AuditService; files: FilesService; workOrders: Pick<WorkOrdersService, 'createWorkOrder'>; now?: () => Date; log?: { warn(msg: string): void } }) {
  const { db, audit, files, workOrders: orders } = deps;
  const now = deps.now ?? (() => new Date());

  // ---------- visibility ----------

  function isOperatorOf(actor: Actor, parkId: string) {
    return operatorCovers(actor, { parkId });
  }
  function assertOperatorOf(ctx: RequestContext, parkId: string) {
    if (!isOperatorOf(ctx.actor, parkId)) throw forbidden('Only operators of the park manage inspections');
  }
  /** Parks whose inspection setup the actor manages (undefined: all). */
  function operatorParkScope(actor: Actor): string[] | undefined {
    return isGlobalOperator(actor) ? undefined : operatorParkIds(actor);
  }
  /** Districts a property company of the actor is (or was) contracted for. */
  async function companyDistrictIds(q: Db | Tx, actor: Actor): Promise<string[]> {
    const companies = propertyCompanyIdsOf(actor);
    if (!companies.length) return [];
    return (await q.selectDistinct({ id: propertyContracts.districtId }).from(propertyContracts).where(inArray(propertyContracts.propertyCompanyId, companies))).map((r) => r.id);
  }
  /** Which results the actor may see: operators of the park all; property staff those of their companies' districts. */
  async function resultScope(q: Db | Tx, actor: Actor): Promise<SQL | undefined> {
    const parks = operatorParkScope(actor);
    if (!parks) return undefined;
    const parts: SQL[] = [];
    if (parks.length) parts.push(inArray(inspectionResults.parkId, parks));
    const companies = propertyCompanyIdsOf(actor);
    if (companies.length) {
      parts.push(inArray(inspectionResults.propertyCompanyId, companies));
      const ds = await companyDistrictIds(q, actor);
      if (ds.length) parts.push(inArray(inspectionResults.districtId, ds));
    }
    return parts.length ? or(...parts) : sql`false`;
  }
  async function runScope(q: Db | Tx, actor: Actor): Promise<SQL | undefined> {
    const parks = operatorParkScope(actor);
    if (!parks) return undefined;
    const parts: SQL[] = [];
    if (parks.length) parts.push(inArray(inspectionRuns.parkId, parks));
    const ds = await companyDistrictIds(q, actor);
    if (ds.length) parts.push(sql`${inspectionRuns.districtIds} && ${sql.raw('ARRAY[')}${sql.join(ds.map((d) => sql`${d}`), sql`, `)}${sql.raw(']::uuid[]')}`);
    return parts.length ? or(...parts) : sql`false`;
  }

  async function templateRow(ctx: RequestContext, id: string, q: Db | Tx = db): Promise<TemplateRow> {
    const [t] = await q.select().from(inspectionTemplates).where(eq(inspectionTemplates.id, id));
    if (!t || !isOperatorOf(ctx.actor, t.parkId)) throw notFound('inspection template', id);
    return t;
  }
  async function routeRow(ctx: RequestContext, id: string, q: Db | Tx = db): Promise<RouteRow> {
    const [r] = await q.select().from(inspectionRoutes).where(eq(inspectionRoutes.id, id));
    if (!r || !isOperatorOf(ctx.actor, r.parkId)) throw notFound('inspection route', id);
    return r;
  }
  async function visibleResult(q: Db | Tx, actor: Actor, id: string): Promise<ResultRow | undefined> {
    const scope = await resultScope(q, actor);
    const [r] = await q.select().from(inspectionResults).where(scope ? and(eq(inspectionResults.id, id), scope) : eq(inspectionResults.id, id));
    return r;
  }

  /** Photos of a marked item: readable by whoever sees the item; attached only while the operator submits the run. */
  const fileOwner: FileOwnerPolicy = {
    ownerType: INSPECTION_RESULT_FILE_OWNER,
    purposes: ['image'],
    canRead: async (ctx, ownerId) => Boolean(await visibleResult(db, ctx.actor, ownerId)),
    canAttach: async (ctx, ownerId, q) => {
      const [r] = await q.select({ parkId: inspectionResults.parkId }).from(inspectionResults).where(eq(inspectionResults.id, ownerId));
      return r && isOperatorOf(ctx.actor, r.parkId) ? { parkId: r.parkId, enterpriseId: null } : null;
    },
  };
  files.registerOwner(fileOwner);

  // ---------- validation ----------

  function normaliseItems(items: CreateTemplateBody['items']): CheckItem[] {
    const seen = new Set<string>();
    return items.map((it, i) => {
      if (seen.has(it.key)) throw validationError(`body.items.${i}.key`, 'is used by another item of this template');
      seen.add(it.key);
      if (it.kind === 'score') {
        if (!it.maxScore) throw validationError(`body.items.${i}.maxScore`, 'is required for a scored item');
        const passScore = it.passScore ?? Math.ceil(it.maxScore * 0.6);
        if (passScore > it.maxScore) throw validationError(`body.items.${i}.passScore`, 'must not be above maxScore');
        return { key: it.key, label: it.label, kind: it.kind, maxScore: it.maxScore, passScore, photoRequiredOnFail: it.photoRequiredOnFail, severity: it.severity, category: it.category ?? null };
      }
      if (it.maxScore != null) throw validationError(`body.items.${i}.maxScore`, 'only a scored item has one');
      if (it.passScore != null) throw validationError(`body.items.${i}.passScore`, 'only a scored item has one');
      return { key: it.key, label: it.label, kind: it.kind, maxScore: null, passScore: null, photoRequiredOnFail: it.photoRequiredOnFail, severity: it.severity, category: it.category ?? null };
    });
  }

  async function normaliseCheckpoints(q: Db | Tx, parkId: string, input: CreateRouteBody['checkpoints']): Promise<Checkpoint[]> {
    const dIds = [...new Set(input.map((c) => c.districtId))];
    const bIds = [...new Set(input.map((c) => c.buildingId).filter((x): x is string => !!x))];
    const tIds = [...new Set(input.map((c) => c.templateId))];
    const ds = new Map((await q.select().from(districts).where(inArray(districts.id, dIds))).map((d) => [d.id, d]));
    const bs = new Map((bIds.length ? await q.select().from(buildings).where(inArray(buildings.id, bIds)) : []).map((b) => [b.id, b]));
    const ts = new Map((await q.select().from(inspectionTemplates).where(inArray(inspectionTemplates.id, tIds))).map((t) => [t.id, t]));
    const keys = new Set<string>();
    return input.map((c, i) => {
      const f = (name: string) => `body.checkpoints.${i}.${name}`;
      const d = ds.get(c.districtId);
      if (!d || d.parkId !== parkId) throw validationError(f('districtId'), 'no such district in this park');
      if (c.kind === 'building') {
        const b = c.buildingId ? bs.get(c.buildingId) : undefined;
        if (!b || b.districtId !== d.id) throw validationError(f('buildingId'), 'a building checkpoint needs a building of its district');
      } else if (c.buildingId) throw validationError(f('buildingId'), 'only a building checkpoint names a building');
      if (c.kind === 'location' && !c.locationText) throw validationError(f('locationText'), 'a free location needs its description');
      const t = ts.get(c.templateId);
      if (!t || t.parkId !== parkId) throw validationError(f('templateId'), 'no such template in this park');
      if (!t.isActive) throw validationError(f('templateId'), 'the template is retired');
      const k = c.key ?? `cp${i + 1}`;
      if (keys.has(k)) throw validationError(f('key'), 'is used by another checkpoint of this route');
      keys.add(k);
      return { key: k, name: c.name, kind: c.kind, districtId: d.id, buildingId: c.buildingId ?? null, locationText: c.locationText ?? null, templateId: t.id };
    });
  }

  async function pointsOf(q: Db | Tx, parkId: string): Promise<Record<FindingSeverity, number> & { isDefault: boolean }> {
    const [s] = await q.select().from(inspectionSettings).where(eq(inspectionSettings.parkId, parkId));
    return s ? { minor: s.minorPoints, major: s.majorPoints, critical: s.criticalPoints, isDefault: false } : { ...DEFAULT_SEVERITY_POINTS, isDefault: true };
  }

  /** The property company contracted for each district on a date. */
  async function companiesOn(q: Db | Tx, districtIds: string[], day: string): Promise<Map<string, string>> {
    if (!districtIds.length) return new Map();
    const rows = await q
      .select({ districtId: propertyContracts.districtId, companyId: propertyContracts.propertyCompanyId })
      .from(propertyContracts)
      .where(and(inArray(propertyContracts.districtId, districtIds), lte(propertyContracts.startDate, day), gte(propertyContracts.endDate, day)))
      .orderBy(asc(propertyContracts.startDate));
    return new Map(rows.map((r) => [r.districtId, r.companyId]));
  }

  // ---------- views ----------

  async function routeView(q: Db | Tx, r: RouteRow) {
    const dIds = [...new Set(r.checkpoints.map((c) => c.districtId))];
    const bIds = [...new Set(r.checkpoints.map((c) => c.buildingId).filter((x): x is string => !!x))];
    const dn = new Map((dIds.length ? await q.select({ id: districts.id, name: districts.name }).from(districts).where(inArray(districts.id, dIds)) : []).map((d) => [d.id, d.name]));
    const bn = new Map((bIds.length ? await q.select({ id: buildings.id, name: buildings.name }).from(buildings).where(inArray(buildings.id, bIds)) : []).map((b) => [b.id, b.name]));
    return {
      id: r.id,
      parkId: r.parkId,
      purpose: r.purpose,
      name: r.name,
      isActive: r.isActive,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      checkpoints: r.checkpoints.map((c) => ({ ...c, districtName: dn.get(c.districtId) ?? '', buildingName: c.buildingId ? (bn.get(c.buildingId) ?? null) : null })),
    };
  }

  function scheduleView(s: ScheduleRow & { routeName: string; assigneeName: string }, today = parkDate(now())) {
    return {
      id: s.id,
      seriesId: s.seriesId,
      parkId: s.parkId,
      routeId: s.routeId,
      routeName: s.routeName,
      assigneeId: s.assigneeId,
      assigneeName: s.assigneeName,
      dueDate: s.dueDate,
      recurrence: s.recurrence,
      status: s.status,
      isOverdue: s.status === 'open' && s.dueDate < today,
      runId: s.runId,
      doneAt: s.doneAt,
      createdAt: s.createdAt,
    };
  }
  const scheduleColumns = { s: inspectionSchedules, routeName: inspectionRoutes.name, assigneeName: users.displayName };
  const scheduleSelect = (q: Db | Tx) => q.select(scheduleColumns).from(inspectionSchedules).innerJoin(inspectionRoutes, eq(inspectionRoutes.id, inspectionSchedules.routeId)).innerJoin(users, eq(users.id, inspectionSchedules.assigneeId));

  const resultColumns = { r: inspectionResults, districtName: districts.name, companyName: propertyCompanies.name, workOrderNumber: workOrders.number, routeName: inspectionRuns.routeName };
  const resultSelect = (q: Db | Tx) =>
    q
      .select(resultColumns)
      .from(inspectionResults)
      .innerJoin(inspectionRuns, eq(inspectionRuns.id, inspectionResults.runId))
      .innerJoin(districts, eq(districts.id, inspectionResults.districtId))
      .leftJoin(propertyCompanies, eq(propertyCompanies.id, inspectionResults.propertyCompanyId))
      .leftJoin(workOrders, eq(workOrders.id, inspectionResults.workOrderId));
  async function resultViews(q: Db | Tx, rows: { r: ResultRow; districtName: string; companyName: string | null; workOrderNumber: number | null; routeName: string }[]) {
    const photos = new Map<string, string[]>();
    for (const row of rows) photos.set(row.r.id, (await files.findByOwner(q, INSPECTION_RESULT_FILE_OWNER, row.r.id)).map((f) => f.id));
    return rows.map(({ r, districtName, companyName, workOrderNumber, routeName }) => ({
      id: r.id,
      runId: r.runId,
      seq: r.seq,
      checkpointKey: r.checkpointKey,
      checkpointName: r.checkpointName,
      districtId: r.districtId,
      districtName,
      buildingId: r.buildingId,
      locationText: r.locationText,
      itemKey: r.itemKey,
      itemLabel: r.itemLabel,
      kind: r.kind,
      passed: r.passed,
      score: r.score,
      maxScore: r.maxScore,
      note: r.note,
      status: r.status,
      severity: r.severity,
      category: r.category,
      points: r.points,
      propertyCompanyId: r.propertyCompanyId,
      propertyCompanyName: companyName,
      occurredAt: r.occurredAt,
      workOrderId: r.workOrderId,
      workOrderNumber: workOrderNumber === null ? null : Number(workOrderNumber),
      voidReason: r.voidReason,
      voidedAt: r.voidedAt,
      photoIds: photos.get(r.id) ?? [],
      routeName,
    }));
  }
  function runSummary(r: RunRow) {
    return { id: r.id, clientId: r.clientId, parkId: r.parkId, routeId: r.routeId, routeName: r.routeName, purpose: r.purpose, scheduleId: r.scheduleId, inspectorName: r.inspectorName, startedAt: r.startedAt, submittedAt: r.submittedAt, note: r.note, itemCount: r.itemCount, findingCount: r.findingCount };
  }
  async function runDetail(q: Db | Tx, actor: Actor, run: RunRow) {
    const scope = await resultScope(q, actor);
    const rows = await resultSelect(q)
      .where(scope ? and(eq(inspectionResults.runId, run.id), scope) : eq(inspectionResults.runId, run.id))
      .orderBy(asc(inspectionResults.seq));
    return { ...runSummary(run), results: await resultViews(q, rows) };
  }
  async function visibleRun(q: Db | Tx, actor: Actor, id: string): Promise<RunRow> {
    const scope = await runScope(q, actor);
    const [r] = await q.select().from(inspectionRuns).where(scope ? and(eq(inspectionRuns.id, id), scope) : eq(inspectionRuns.id, id));
    if (!r) throw notFound('inspection run', id);
    return r;
  }

  // ---------- work orders from findings ----------

  /**
   * Opens the work order of a finding, once: the finding is claimed first (a concurrent retry finds it
   * claimed), the order is filed as an `inspection` order at the finding's place (smart dispatch routes
   * it to the district's company), and the finding's photos are copied onto it.
   */
  async function openWorkOrderFor(ctx: RequestContext, resultId: string): Promise<string | null> {
    const [claimed] = await db
      .update(inspectionResults)
      .set({ workOrderRequestedAt: now(), updatedAt: now() })
      .where(and(eq(inspectionResults.id, resultId), eq(inspectionResults.status, 'open'), isNull(inspectionResults.workOrderId), isNull(inspectionResults.workOrderRequestedAt)))
      .returning();
    if (!claimed) return null;
    try {
      const [run] = await db.select().from(inspectionRuns).where(eq(inspectionRuns.id, claimed.runId));
      const order = await orders.createWorkOrder(ctx, {
        source: 'inspection',
        parkId: claimed.parkId,
        districtId: claimed.districtId,
        buildingId: claimed.buildingId ?? undefined,
        locationText: claimed.locationText ?? claimed.checkpointName,
        category: (claimed.category ?? undefined) as never,
        priority: PRIORITY_OF[claimed.severity ?? 'minor'],
        title: `${claimed.checkpointName}：${claimed.itemLabel}`.slice(0, 200),
        description: [`${run.routeName} · ${claimed.checkpointName} · ${claimed.itemLabel}`, claimed.note ?? ''].filter(Boolean).join('\n').slice(0, 4000),
      });
      await db.transaction(async (tx) => {
        const photos = await files.findByOwner(tx, INSPECTION_RESULT_FILE_OWNER, claimed.id);
        for (const [i, p] of photos.entries()) await files.attachCopy(tx, ctx, { fileId: p.id, ownerType: WORK_ORDER_FILE_OWNER, ownerId: order.id, field: `photoIds.${i}` });
        await tx.update(inspectionResults).set({ workOrderId: order.id, updatedAt: now() }).where(eq(inspectionResults.id, claimed.id));
        await audit.record(tx, ctx, { action: 'inspection_finding.work_order_opened', entityType: 'inspection_result', entityId: claimed.id, after: { workOrderId: order.id, workOrderNumber: order.number, photos: photos.length }, parkId: claimed.parkId });
      });
      return order.id;
    } catch (err) {
      await db.update(inspectionResults).set({ workOrderRequestedAt: null }).where(and(eq(inspectionResults.id, claimed.id), isNull(inspectionResults.workOrderId)));
      throw err;
    }
  }

  // ---------- schedules ----------

  /** Adds the next occurrence of each recurring series whose latest occurrence is due (today or past). */
  async function rollSchedules(at: Date = now()): Promise<number> {
    const today = parkDate(at);
    const next = alias(inspectionSchedules, 'next_occurrence');
    const ids = await db
      .select({ id: inspectionSchedules.id })
      .from(inspectionSchedules)
      .where(
        and(
          sql`${inspectionSchedules.recurrence} <> 'none'`,
          sql`${inspectionSchedules.status} <> 'cancelled'`,
          lte(inspectionSchedules.dueDate, today),
          notExists(db.select({ x: sql`1` }).from(next).where(and(eq(next.seriesId, inspectionSchedules.seriesId), gt(next.dueDate, inspectionSchedules.dueDate)))),
        ),
      );
    let added = 0;
    for (const { id } of ids) {
      const [s] = await db.select().from(inspectionSchedules).where(eq(inspectionSchedules.id, id));
      let due = s.dueDate;
      // A series left alone for a while catches up to the first occurrence not in the past.
      do due = shiftDate(due, s.recurrence === 'weekly' ? { days: 7 } : { months: 1 });
      while (due < today);
      const inserted = await db
        .insert(inspectionSchedules)
        .values({ seriesId: s.seriesId, parkId: s.parkId, routeId: s.routeId, assigneeId: s.assigneeId, dueDate: due, recurrence: s.recurrence, createdById: s.createdById })
        .onConflictDoNothing()
        .returning();
      added += inserted.length;
    }
    return added;
  }

  return {
    fileOwner,
    rollSchedules,

    // ----- templates -----

    async findTemplates(ctx: RequestContext, query: { parkId?: string; purpose?: InspectionPurpose; page: number; pageSize: number }): Promise<Page<TemplateRow>> {
      const parks = operatorParkScope(ctx.actor);
      const where: SQL[] = [];
      if (parks) where.push(inArray(inspectionTemplates.parkId, parks.length ? parks : [NONE]));
      if (query.parkId) where.push(eq(inspectionTemplates.parkId, query.parkId));
      if (query.purpose) where.push(eq(inspectionTemplates.purpose, query.purpose));
      const [items, [{ n }]] = await Promise.all([
        db.select().from(inspectionTemplates).where(and(...where)).orderBy(desc(inspectionTemplates.isActive), asc(inspectionTemplates.name)).limit(query.pageSize).offset(offsetOf(query)),
        db.select({ n: count() }).from(inspectionTemplates).where(and(...where)),
      ]);
      return { items, total: n, page: query.page, pageSize: query.pageSize };
    },
    getTemplate: (ctx: RequestContext, id: string) => templateRow(ctx, id),
    async createTemplate(ctx: RequestContext, input: CreateTemplateBody): Promise<TemplateRow> {
      assertCanWrite(ctx.actor);
      assertOperatorOf(ctx, input.parkId);
      const items = normaliseItems(input.items);
      return db.transaction(async (tx) => {
        const [t] = await tx.insert(inspectionTemplates).values({ parkId: input.parkId, purpose: input.purpose, name: input.name, description: input.description ?? null, items }).returning();
        await audit.record(tx, ctx, { action: 'inspection_template.created', entityType: 'inspection_template', entityId: t.id, after: t, parkId: t.parkId });
        return t;
      });
    },
    async updateTemplate(ctx: RequestContext, id: string, input: UpdateTemplateBody): Promise<TemplateRow> {
      assertCanWrite(ctx.actor);
      const before = await templateRow(ctx, id);
      const items = input.items ? normaliseItems(input.items) : undefined;
      return db.transaction(async (tx) => {
        const set = Object.fromEntries(Object.entries({ purpose: input.purpose, name: input.name, description: input.description, isActive: input.isActive, items }).filter(([, v]) => v !== undefined));
        const [t] = await tx.update(inspectionTemplates).set({ ...set, updatedAt: now() }).where(eq(inspectionTemplates.id, id)).returning();
        await audit.record(tx, ctx, { action: 'inspection_template.updated', entityType: 'inspection_template', entityId: id, before, after: t, parkId: t.parkId });
        return t;
      });
    },

    // ----- routes -----

    async findRoutes(ctx: RequestContext, query: { parkId?: string; purpose?: InspectionPurpose; page: number; pageSize: number }) {
      const parks = operatorParkScope(ctx.actor);
      const where: SQL[] = [];
      if (parks) where.push(inArray(inspectionRoutes.parkId, parks.length ? parks : [NONE]));
      if (query.parkId) where.push(eq(inspectionRoutes.parkId, query.parkId));
      if (query.purpose) where.push(eq(inspectionRoutes.purpose, query.purpose));
      const [rows, [{ n }]] = await Promise.all([
        db.select().from(inspectionRoutes).where(and(...where)).orderBy(desc(inspectionRoutes.isActive), asc(inspectionRoutes.name)).limit(query.pageSize).offset(offsetOf(query)),
        db.select({ n: count() }).from(inspectionRoutes).where(and(...where)),
      ]);
      const items = [];
      for (const r of rows) items.push(await routeView(db, r));
      return { items, total: n, page: query.page, pageSize: query.pageSize };
    },
    /** A route with its checkpoints' templates: all a phone needs to walk it without a connection. */
    async getRoute(ctx: RequestContext, id: string) {
      const r = await routeRow(ctx, id);
      const tIds = [...new Set(r.checkpoints.map((c) => c.templateId))];
      const templates = await db.select().from(inspectionTemplates).where(inArray(inspectionTemplates.id, tIds));
      return { ...(await routeView(db, r)), templates };
    },
    async createRoute(ctx: RequestContext, input: CreateRouteBody) {
      assertCanWrite(ctx.actor);
      assertOperatorOf(ctx, input.parkId);
      const checkpoints = await normaliseCheckpoints(db, input.parkId, input.checkpoints);
      const r = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(inspectionRoutes)
          .values({ parkId: input.parkId, purpose: input.purpose, name: input.name, checkpoints, districtIds: [...new Set(checkpoints.map((c) => c.districtId))] })
          .returning();
        await audit.record(tx, ctx, { action: 'inspection_route.created', entityType: 'inspection_route', entityId: row.id, after: row, parkId: row.parkId });
        return row;
      });
      return routeView(db, r);
    },
    async updateRoute(ctx: RequestContext, id: string, input: UpdateRouteBody) {
      assertCanWrite(ctx.actor);
      const before = await routeRow(ctx, id);
      const checkpoints = input.checkpoints ? await normaliseCheckpoints(db, before.parkId, input.checkpoints) : undefined;
      const r = await db.transaction(async (tx) => {
        const set = Object.fromEntries(
          Object.entries({ purpose: input.purpose, name: input.name, isActive: input.isActive, checkpoints, districtIds: checkpoints ? [...new Set(checkpoints.map((c) => c.districtId))] : undefined }).filter(([, v]) => v !== undefined),
        );
        const [row] = await tx.update(inspectionRoutes).set({ ...set, updatedAt: now() }).where(eq(inspectionRoutes.id, id)).returning();
        await audit.record(tx, ctx, { action: 'inspection_route.updated', entityType: 'inspection_route', entityId: id, before, after: row, parkId: row.parkId });
        return row;
      });
      return routeView(db, r);
    },

    // ----- schedules -----

    async findSchedules(ctx: RequestContext, query: { parkId?: string; status?: ScheduleStatus; mine?: 'true' | 'false'; overdue?: 'true' | 'false'; page: number; pageSize: number }) {
      const parks = operatorParkScope(ctx.actor);
      const where: SQL[] = [];
      if (parks) where.push(inArray(inspectionSchedules.parkId, parks.length ? parks : [NONE]));
      if (query.parkId) where.push(eq(inspectionSchedules.parkId, query.parkId));
      if (query.status) where.push(eq(inspectionSchedules.status, query.status));
      if (query.mine === 'true') where.push(eq(inspectionSchedules.assigneeId, ctx.actor.userId));
      const today = parkDate(now());
      if (query.overdue === 'true') where.push(and(eq(inspectionSchedules.status, 'open'), lt(inspectionSchedules.dueDate, today))!);
      const [rows, [{ n }]] = await Promise.all([
        scheduleSelect(db).where(and(...where)).orderBy(asc(inspectionSchedules.dueDate)).limit(query.pageSize).offset(offsetOf(query)),
        db.select({ n: count() }).from(inspectionSchedules).where(and(...where)),
      ]);
      return { items: rows.map((r) => scheduleView({ ...r.s, routeName: r.routeName, assigneeName: r.assigneeName }, today)), total: n, page: query.page, pageSize: query.pageSize };
    },
    async createSchedule(ctx: RequestContext, input: { routeId: string; assigneeId: string; dueDate: string; recurrence: 'none' | 'weekly' | 'monthly' }) {
      assertCanWrite(ctx.actor);
      const route = await routeRow(ctx, input.routeId).catch(() => {
        throw validationError('body.routeId', 'no such route');
      });
      const grants = await db.select().from(roleGrants).where(eq(roleGrants.userId, input.assigneeId));
      const assignee = { userId: input.assigneeId, username: '', displayName: '', grants: grants.map((g) => ({ role: g.role, scopeType: g.scopeType, scopeId: g.scopeId })), via: 'session', access: 'write' } as Actor;
      if (!isOperatorOf(assignee, route.parkId)) throw validationError('body.assigneeId', 'not an operator of this park');
      const id = crypto.randomUUID();
      const s = await db.transaction(async (tx) => {
        const [row] = await tx.insert(inspectionSchedules).values({ id, seriesId: id, parkId: route.parkId, routeId: route.id, assigneeId: input.assigneeId, dueDate: input.dueDate, recurrence: input.recurrence, createdById: ctx.actor.userId }).returning();
        await audit.record(tx, ctx, { action: 'inspection_schedule.created', entityType: 'inspection_schedule', entityId: row.id, after: row, parkId: row.parkId });
        return row;
      });
      const [row] = await scheduleSelect(db).where(eq(inspectionSchedules.id, s.id));
      return scheduleView({ ...row.s, routeName: row.routeName, assigneeName: row.assigneeName });
    },
    async updateSchedule(ctx: RequestContext, id: string, input: { status?: 'cancelled'; dueDate?: string; assigneeId?: string }) {
      assertCanWrite(ctx.actor);
      const [before] = await db.select().from(inspectionSchedules).where(eq(inspectionSchedules.id, id));
      if (!before || !isOperatorOf(ctx.actor, before.parkId)) throw notFound('inspection schedule', id);
      if (before.status !== 'open') throw conflict(`The schedule is ${before.status}`, { reason: 'schedule_not_open', status: before.status });
      if (input.assigneeId) {
        const grants = await db.select().from(roleGrants).where(eq(roleGrants.userId, input.assigneeId));
        const a = { grants: grants.map((g) => ({ role: g.role, scopeType: g.scopeType, scopeId: g.scopeId })) } as Actor;
        if (!isOperatorOf(a, before.parkId)) throw validationError('body.assigneeId', 'not an operator of this park');
      }
      await db.transaction(async (tx) => {
        const [after] = await tx
          .update(inspectionSchedules)
          .set({ ...(input.status ? { status: input.status } : {}), ...(input.dueDate ? { dueDate: input.dueDate } : {}), ...(input.assigneeId ? { assigneeId: input.assigneeId } : {}), updatedAt: now() })
          .where(eq(inspectionSchedules.id, id))
          .returning();
        await audit.record(tx, ctx, { action: 'inspection_schedule.updated', entityType: 'inspection_schedule', entityId: id, before, after, parkId: before.parkId });
      });
      const [row] = await scheduleSelect(db).where(eq(inspectionSchedules.id, id));
      return scheduleView({ ...row.s, routeName: row.routeName, assigneeName: row.assigneeName });
    },

    // ----- runs -----

    /**
     * Takes a run walked on a phone. Idempotent by `clientId`: a retry (the phone lost the answer, or
     * sends its saved submission when back online) returns the run already made (`created: false`).
     * Every item of every checkpoint is marked; a failed item whose template wants a photo has one
     * (else 400 naming `body.marks.N.photoIds`). Failed items are findings against the district's
     * company on that date; those marked `openWorkOrder` open a work order with their photos.
     */
    async submitRun(ctx: RequestContext, input: SubmitRunBody): Promise<{ created: boolean; run: Awaited<ReturnType<typeof runDetail>> }> {
      assertCanWrite(ctx.actor);
      const [existing] = await db.select().from(inspectionRuns).where(eq(inspectionRuns.clientId, input.clientId));
      if (existing) {
        if (existing.inspectorId !== ctx.actor.userId) throw conflict('This client id belongs to another run', { reason: 'client_id_taken' });
        return { created: false, run: await runDetail(db, ctx.actor, existing) };
      }
      const route = await routeRow(ctx, input.routeId).catch(() => {
        throw validationError('body.routeId', 'no such route');
      });
      const at = now();
      if (input.startedAt.getTime() > at.getTime() + 5 * 60_000) throw validationError('body.startedAt', 'is in the future');
      const tIds = [...new Set(route.checkpoints.map((c) => c.templateId))];
      const templates = new Map((await db.select().from(inspectionTemplates).where(inArray(inspectionTemplates.id, tIds))).map((t) => [t.id, t]));
      const marks = new Map<string, { i: number; m: SubmitRunBody['marks'][number] }>();
      input.marks.forEach((m, i) => {
        const k = `${m.checkpointKey}/${m.itemKey}`;
        if (marks.has(k)) throw validationError(`body.marks.${i}.itemKey`, 'is marked twice');
        marks.set(k, { i, m });
        const cp = route.checkpoints.find((c) => c.key === m.checkpointKey);
        if (!cp) throw validationError(`body.marks.${i}.checkpointKey`, 'no such checkpoint on this route');
        if (!templates.get(cp.templateId)?.items.some((it) => it.key === m.itemKey)) throw validationError(`body.marks.${i}.itemKey`, 'no such item at this checkpoint');
      });
      type Row = typeof inspectionResults.$inferInsert & { photoIds: string[]; markIndex: number; wantsOrder: boolean };
      const occurredAt = input.startedAt < at ? input.startedAt : at;
      const day = parkDate(occurredAt);
      const companies = await companiesOn(db, route.districtIds, day);
      const points = await pointsOf(db, route.parkId);
      const rows: Row[] = [];
      let seq = 0;
      for (const cp of route.checkpoints) {
        const t = templates.get(cp.templateId)!;
        for (const item of t.items) {
          const found = marks.get(`${cp.key}/${item.key}`);
          if (!found) throw validationError('body.marks', `${cp.key}/${item.key} is not marked`);
          const { i, m } = found;
          let passed: boolean;
          let score: number | null = null;
          if (item.kind === 'score') {
            if (m.score === undefined) throw validationError(`body.marks.${i}.score`, 'a scored item needs a score');
            if (m.score > (item.maxScore ?? 0)) throw validationError(`body.marks.${i}.score`, `must be at most ${item.maxScore}`);
            score = m.score;
            passed = m.score >= (item.passScore ?? 0);
          } else {
            if (m.passed === undefined) throw validationError(`body.marks.${i}.passed`, 'mark the item passed or failed');
            passed = m.passed;
          }
          if (!passed && item.photoRequiredOnFail && !m.photoIds.length) throw validationError(`body.marks.${i}.photoIds`, 'a failed item needs a photo');
          if (passed && m.openWorkOrder) throw validationError(`body.marks.${i}.openWorkOrder`, 'only a failed item opens a work order');
          rows.push({
            runId: '',
            parkId: route.parkId,
            seq: seq++,
            checkpointKey: cp.key,
            checkpointName: cp.name,
            districtId: cp.districtId,
            buildingId: cp.buildingId,
            locationText: cp.locationText,
            templateId: t.id,
            itemKey: item.key,
            itemLabel: item.label,
            kind: item.kind,
            passed,
            score,
            maxScore: item.maxScore,
            note: m.note ?? null,
            status: passed ? 'ok' : 'open',
            severity: passed ? null : item.severity,
            category: passed ? null : item.category,
            points: passed ? 0 : points[item.severity],
            propertyCompanyId: passed ? null : (companies.get(cp.districtId) ?? null),
            occurredAt,
            photoIds: m.photoIds,
            markIndex: i,
            wantsOrder: !passed && m.openWorkOrder,
          });
        }
      }
      let runId: string;
      try {
        runId = await db.transaction(async (tx) => {
          const findings = rows.filter((r) => !r.passed).length;
          const [run] = await tx
            .insert(inspectionRuns)
            .values({
              clientId: input.clientId,
              parkId: route.parkId,
              routeId: route.id,
              routeName: route.name,
              purpose: route.purpose,
              inspectorId: ctx.actor.via === 'system' ? null : ctx.actor.userId,
              inspectorName: ctx.actor.displayName,
              districtIds: route.districtIds,
              startedAt: input.startedAt,
              submittedAt: at,
              note: input.note ?? null,
              itemCount: rows.length,
              findingCount: findings,
            })
            .returning();
          // The run goes in first: a concurrent retry with the same client id waits on its unique index, then finds it.
          let scheduleId: string | null = null;
          if (input.scheduleId) {
            const [s] = await tx.select().from(inspectionSchedules).where(eq(inspectionSchedules.id, input.scheduleId)).for('update');
            if (!s || s.routeId !== route.id) throw validationError('body.scheduleId', 'not a schedule of this route');
            if (s.status !== 'open') throw validationError('body.scheduleId', `the schedule is ${s.status}`);
            scheduleId = s.id;
            await tx.update(inspectionRuns).set({ scheduleId }).where(eq(inspectionRuns.id, run.id));
          }
          for (const r of rows) {
            const { photoIds, markIndex, wantsOrder, ...values } = r;
            const [inserted] = await tx
              .insert(inspectionResults)
              .values({ ...values, runId: run.id, workOrderRequestedAt: null })
              .returning({ id: inspectionResults.id });
            for (const [j, fileId] of photoIds.entries()) await files.attach(tx, ctx, { fileId, ownerType: INSPECTION_RESULT_FILE_OWNER, ownerId: inserted.id, field: `body.marks.${markIndex}.photoIds.${j}` });
            if (wantsOrder) r.id = inserted.id;
          }
          if (scheduleId) await tx.update(inspectionSchedules).set({ status: 'done', runId: run.id, doneAt: at, updatedAt: at }).where(eq(inspectionSchedules.id, scheduleId));
          await audit.record(tx, ctx, { action: 'inspection_run.submitted', entityType: 'inspection_run', entityId: run.id, after: { clientId: run.clientId, routeId: route.id, scheduleId, items: rows.length, findings }, parkId: route.parkId });
          return run.id;
        });
      } catch (err) {
        // The same submission twice at once: the unique client id lets one through; the other answers with it.
        if (pgCode(err) === '23505') {
          const [again] = await db.select().from(inspectionRuns).where(eq(inspectionRuns.clientId, input.clientId));
          if (again && again.inspectorId === ctx.actor.userId) return { created: false, run: await runDetail(db, ctx.actor, again) };
        }
        throw err;
      }
      for (const r of rows.filter((x) => x.wantsOrder && x.id)) {
        try {
          await openWorkOrderFor(ctx, r.id!);
        } catch (err) {
          // The run stands; the operator opens the order from the finding later.
          deps.log?.warn(`inspections: work order for finding ${r.id} failed: ${(err as Error).message}`);
        }
      }
      const [run] = await db.select().from(inspectionRuns).where(eq(inspectionRuns.id, runId));
      return { created: true, run: await runDetail(db, ctx.actor, run) };
    },

    async findRuns(ctx: RequestContext, query: { parkId?: string; routeId?: string; districtId?: string; page: number; pageSize: number }) {
      const scope = await runScope(db, ctx.actor);
      const where: SQL[] = scope ? [scope] : [];
      if (query.parkId) where.push(eq(inspectionRuns.parkId, query.parkId));
      if (query.routeId) where.push(eq(inspectionRuns.routeId, query.routeId));
      if (query.districtId) where.push(sql`${query.districtId}::uuid = any(${inspectionRuns.districtIds})`);
      const [rows, [{ n }]] = await Promise.all([
        db.select().from(inspectionRuns).where(and(...where)).orderBy(desc(inspectionRuns.submittedAt)).limit(query.pageSize).offset(offsetOf(query)),
        db.select({ n: count() }).from(inspectionRuns).where(and(...where)),
      ]);
      // Property staff see the findings of their own districts only, so their counts are of those.
      const isOp = (r: RunRow) => isOperatorOf(ctx.actor, r.parkId);
      const limited = rows.filter((r) => !isOp(r));
      const mine = new Map<string, { items: number; findings: number }>();
      if (limited.length) {
        const rs = await resultScope(db, ctx.actor);
        const counts = await db
          .select({ runId: inspectionResults.runId, items: count(), findings: sql<number>`count(*) filter (where not ${inspectionResults.passed})::int` })
          .from(inspectionResults)
          .where(and(inArray(inspectionResults.runId, limited.map((r) => r.id)), rs))
          .groupBy(inspectionResults.runId);
        for (const c of counts) mine.set(c.runId, { items: Number(c.items), findings: Number(c.findings) });
      }
      const items = rows.map((r) => {
        if (isOp(r)) return runSummary(r);
        const c = mine.get(r.id) ?? { items: 0, findings: 0 };
        return { ...runSummary(r), note: null, itemCount: c.items, findingCount: c.findings };
      });
      return { items, total: n, page: query.page, pageSize: query.pageSize };
    },
    async getRun(ctx: RequestContext, id: string) {
      const run = await visibleRun(db, ctx.actor, id);
      const d = await runDetail(db, ctx.actor, run);
      return isOperatorOf(ctx.actor, run.parkId) ? d : { ...d, note: null, itemCount: d.results.length, findingCount: d.results.filter((r) => !r.passed).length };
    },

    // ----- findings -----

    async findFindings(ctx: RequestContext, query: { parkId?: string; districtId?: string; propertyCompanyId?: string; status?: 'open' | 'voided'; from?: string; to?: string; page: number; pageSize: number }) {
      const scope = await resultScope(db, ctx.actor);
      const where: SQL[] = [eq(inspectionResults.passed, false)];
      if (scope) where.push(scope);
      if (query.parkId) where.push(eq(inspectionResults.parkId, query.parkId));
      if (query.districtId) where.push(eq(inspectionResults.districtId, query.districtId));
      if (query.propertyCompanyId) where.push(eq(inspectionResults.propertyCompanyId, query.propertyCompanyId));
      if (query.status) where.push(eq(inspectionResults.status, query.status));
      if (query.from) where.push(gte(inspectionResults.occurredAt, parkDayStart(query.from)));
      if (query.to) where.push(lt(inspectionResults.occurredAt, parkDayStart(shiftDate(query.to, { days: 1 }))));
      const [rows, [{ n }]] = await Promise.all([
        resultSelect(db).where(and(...where)).orderBy(desc(inspectionResults.occurredAt), asc(inspectionResults.seq)).limit(query.pageSize).offset(offsetOf(query)),
        db.select({ n: count() }).from(inspectionResults).where(and(...where)),
      ]);
      return { items: await resultViews(db, rows), total: n, page: query.page, pageSize: query.pageSize };
    },
    /** Voids a finding (audited, with the reason): it no longer deducts. */
    async voidFinding(ctx: RequestContext, id: string, input: { reason: string }) {
      assertCanWrite(ctx.actor);
      const r = await visibleResult(db, ctx.actor, id);
      if (!r || r.passed) throw notFound('inspection finding', id);
      assertOperatorOf(ctx, r.parkId);
      await db.transaction(async (tx) => {
        const [locked] = await tx.select().from(inspectionResults).where(eq(inspectionResults.id, id)).for('update');
        if (locked.status === 'voided') throw conflict('The finding is voided already', { reason: 'already_voided' });
        const at = now();
        await tx.update(inspectionResults).set({ status: 'voided', voidReason: input.reason, voidedAt: at, voidedById: ctx.actor.via === 'system' ? null : ctx.actor.userId, updatedAt: at }).where(eq(inspectionResults.id, id));
        await audit.record(tx, ctx, { action: 'inspection_finding.voided', entityType: 'inspection_result', entityId: id, before: { status: locked.status, points: locked.points }, after: { status: 'voided', reason: input.reason }, parkId: r.parkId });
      });
      const [row] = await resultSelect(db).where(eq(inspectionResults.id, id));
      return (await resultViews(db, [row]))[0];
    },
    /** Opens the work order of a finding that has none (operators of the park). */
    async openWorkOrder(ctx: RequestContext, id: string) {
      assertCanWrite(ctx.actor);
      const r = await visibleResult(db, ctx.actor, id);
      if (!r || r.passed) throw notFound('inspection finding', id);
      assertOperatorOf(ctx, r.parkId);
      if (r.status !== 'open') throw conflict('A voided finding opens no work order', { reason: 'finding_voided' });
      if (r.workOrderId || r.workOrderRequestedAt) throw conflict('The finding has a work order already', { reason: 'work_order_exists', workOrderId: r.workOrderId });
      const orderId = await openWorkOrderFor(ctx, id);
      if (!orderId) throw conflict('The finding has a work order already', { reason: 'work_order_exists' });
      const [row] = await resultSelect(db).where(eq(inspectionResults.id, id));
      return (await resultViews(db, [row]))[0];
    },

    // ----- settings -----

    async getSettings(ctx: RequestContext, parkId: string) {
      if (!isOperatorOf(ctx.actor, parkId)) throw notFound('park', parkId);
      const p = await pointsOf(db, parkId);
      return { parkId, minorPoints: p.minor, majorPoints: p.major, criticalPoints: p.critical, isDefault: p.isDefault };
    },
    /** Sets the park's points per severity; findings made from now on take them (earlier ones keep theirs). */
    async setSettings(ctx: RequestContext, parkId: string, input: { minorPoints: number; majorPoints: number; criticalPoints: number }) {
      assertCanWrite(ctx.actor);
      if (!isOperatorOf(ctx.actor, parkId)) throw notFound('park', parkId);
      await db.transaction(async (tx) => {
        const before = await pointsOf(tx, parkId);
        await tx
          .insert(inspectionSettings)
          .values({ parkId, ...input })
          .onConflictDoUpdate({ target: inspectionSettings.parkId, set: { ...input, updatedAt: now() } });
        await audit.record(tx, ctx, { action: 'inspection_settings.updated', entityType: 'inspection_settings', entityId: parkId, before, after: input, parkId });
      });
      return { parkId, ...input, isDefault: false };
    },

    // ----- the evaluation data contract -----

    /** Findings of the park in [from, to) that deduct (voided ones do not; a district with no company on the date has no one to deduct from). */
    async deductions(q: Db | Tx, range: { parkId: string; from: Date; to: Date }): Promise<EvalDeduction[]> {
      const rows = await q
        .select({ r: inspectionResults })
        .from(inspectionResults)
        .where(
          and(
            eq(inspectionResults.parkId, range.parkId),
            eq(inspectionResults.status, 'open'),
            sql`${inspectionResults.propertyCompanyId} is not null`,
            gte(inspectionResults.occurredAt, range.from),
            lt(inspectionResults.occurredAt, range.to),
          ),
        )
        .orderBy(asc(inspectionResults.occurredAt), asc(inspectionResults.seq));
      return rows.map(({ r }) => ({
        source: 'inspection' as const,
        findingId: r.id,
        districtId: r.districtId,
        propertyCompanyId: r.propertyCompanyId!,
        severity: r.severity ?? 'minor',
        points: r.points,
        occurredAt: r.occurredAt,
        label: `${r.checkpointName} · ${r.itemLabel}`,
      }));
    },
    /**
     * Scheduled inspections due in [from, to) (by their Asia/Shanghai due date), per district their route
     * covers, and how many were done by the end of their due date. Cancelled ones are not due.
     */
    async punctuality(q: Db | Tx, range: { parkId: string; from: Date; to: Date }): Promise<PunctualityRow[]> {
      const rows = await q
        .select({ s: inspectionSchedules, districtIds: inspectionRoutes.districtIds })
        .from(inspectionSchedules)
        .innerJoin(inspectionRoutes, eq(inspectionRoutes.id, inspectionSchedules.routeId))
        .where(and(eq(inspectionSchedules.parkId, range.parkId), sql`${inspectionSchedules.status} <> 'cancelled'`, gte(inspectionSchedules.dueDate, parkDate(range.from)), lt(inspectionSchedules.dueDate, parkDate(range.to))));
      const out = new Map<string, PunctualityRow>();
      for (const { s, districtIds } of rows) {
        const onTime = s.status === 'done' && s.doneAt !== null && s.doneAt < parkDayStart(shiftDate(s.dueDate, { days: 1 }));
        for (const d of districtIds) {
          const row = out.get(d) ?? { districtId: d, due: 0, onTime: 0 };
          row.due += 1;
          if (onTime) row.onTime += 1;
          out.set(d, row);
        }
      }
      return [...out.values()].sort((a, b) => a.districtId.localeCompare(b.districtId));
    },
  };
}

export type InspectionsService = ReturnType<typeof createInspectionsService>;

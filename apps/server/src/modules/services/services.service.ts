import type { AuditVerbOf } from '@parkos/contracts';
import { formJsonSchema, SERVICE_KIND_LINKS, type FormDefinition, type ServiceRequestStatus } from '@parkos/contracts';
import { and, asc, count, desc, eq, inArray, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { AppError, conflict, forbidden, notFound, validationError } from '../../lib/errors';
import { offsetOf, type Page } from '../../lib/pagination';
import type { ApprovalsService, CaseOutcome } from '../approvals';
import type { NotifyUsers } from '../notifications';
import type { BillingService } from '../billing';
import type { FilesService } from '../files';
import { assertCanWrite, assertOperatorCovers, enterpriseIdsOf, isGlobalOperator, operatorCovers, operatorParkIds, type Actor } from '../identity/actor';
import type { AuditService } from '../identity/audit.service';
import { users } from '../identity/identity.table';
import { assertValidSubmission } from '../forms';
import { enterprises, propertyCompanies, propertyContracts, sites } from '../parks/parks.table';
import type { ApplyBody, BulkBody, CreateServiceBody, RequestQuery, RequestView, ResubmitBody, ServiceQuery, ServiceView, UpdateServiceBody } from './services.schema';
import { serviceHandlers, serviceOfferings, serviceRequests } from './services.table';

/** The approvals subject type and files owner type of a service request. */
export const SERVICE_REQUEST_SUBJECT = 'service_request';

type ServiceRow = typeof serviceOfferings.$inferSelect;
type RequestRow = typeof serviceRequests.$inferSelect;

const HOUR = 3_600_000;
/** A request no longer on anyone's clock. */
const CLOSED: ServiceRequestStatus[] = ['completed', 'rejected', 'withdrawn'];
/** What each approval outcome makes of the request. */
const STATUS_OF_OUTCOME: Record<CaseOutcome, ServiceRequestStatus> = { approved: 'approved', rejected: 'rejected', withdrawn: 'withdrawn', returned: 'returned', resubmitted: 'in_review' };

const fileKeysOf = (form: FormDefinition) => form.fields.filter((f) => f.type === 'file').map((f) => f.key);
const ymd = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Services (企业服务): the catalog operators publish under the eight systems, and enterprises'
 * requests for them — each runs the service's approval flow (subject type `service_request`), then
 * the service's handlers accept and complete it, a fee becomes a bill, and the applicant rates it.
 */
export function createServicesService(deps: { db: Db; audit: AuditService; approvals: ApprovalsService; files: FilesService; billing: BillingService; notify?: NotifyUsers; now?: () => Date }) {
  const { db, audit, approvals, files, billing } = deps;
  const now = deps.now ?? (() => new Date());

  // ---------- who may do what ----------

  /** Users who may handle a park's services: its operators and the staff of its contracted property companies. */
  function handlerEligible(parkId: string): SQL {
    return sql`exists (select 1 from role_grants g where g.user_id = ${users.id} and (
      (g.role = 'operator' and (g.scope_type = 'all' or (g.scope_type = 'park' and g.scope_id = ${parkId})
        or (g.scope_type = 'site' and g.scope_id in (select s.id from ${sites} s where s.park_id = ${parkId}))))
      or (g.role = 'property' and g.scope_id in (select c.property_company_id from ${propertyContracts} c where c.park_id = ${parkId}))))`;
  }

  async function isHandlerOf(q: Db | Tx, actor: Actor, serviceId: string): Promise<boolean> {
    const [row] = await q.select({ id: serviceHandlers.userId }).from(serviceHandlers).where(and(eq(serviceHandlers.serviceId, serviceId), eq(serviceHandlers.userId, actor.userId)));
    return Boolean(row);
  }

  /** May work a request: a handler of its service, or an operator of its park. */
  async function canHandle(q: Db | Tx, actor: Actor, r: Pick<RequestRow, 'parkId' | 'serviceId'>): Promise<boolean> {
    return operatorCovers(actor, { parkId: r.parkId }) || (await isHandlerOf(q, actor, r.serviceId));
  }

  /** May see a request: its applicant, its enterprise's admins, its handlers and the park's operators. */
  async function canSee(q: Db | Tx, actor: Actor, r: Pick<RequestRow, 'parkId' | 'serviceId' | 'enterpriseId' | 'applicantId'>): Promise<boolean> {
    if (r.applicantId === actor.userId) return true;
    if (enterpriseIdsOf(actor, ['enterprise_admin']).includes(r.enterpriseId)) return true;
    return canHandle(q, actor, r);
  }

  /** Parks whose catalog the actor sees as an enterprise. */
  async function enterpriseParks(q: Db | Tx, actor: Actor): Promise<Map<string, string>> {
    const ids = enterpriseIdsOf(actor);
    if (!ids.length) return new Map();
    const rows = await q.select({ id: enterprises.id, parkId: enterprises.parkId }).from(enterprises).where(inArray(enterprises.id, ids));
    return new Map(rows.map((r) => [r.id, r.parkId]));
  }

  // ---------- services ----------

  async function serviceRow(q: Db | Tx, id: string, lock = false): Promise<ServiceRow | undefined> {
    const query = q.select().from(serviceOfferings).where(eq(serviceOfferings.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  }

  /** A service the operator manages (404 for anyone else, including operators of other parks). */
  async function managedService(q: Db | Tx, ctx: RequestContext, id: string, lock = false): Promise<ServiceRow> {
    const row = await serviceRow(q, id, lock);
    if (!row || !operatorCovers(ctx.actor, { parkId: row.parkId })) throw notFound('service', id);
    return row;
  }

  /** Whether the actor (as an enterprise) may apply for the service now, for which enterprise. */
  function applicantEnterprise(actor: Actor, s: ServiceRow, parksOf: Map<string, string>, wanted?: string): string | null {
    if (s.status !== 'published' || s.kind !== 'request') return null;
    const roles = s.applicants === 'members' ? (['enterprise_admin', 'member'] as const) : (['enterprise_admin'] as const);
    const candidates = enterpriseIdsOf(actor, [...roles]).filter((e) => parksOf.get(e) === s.parkId && (!wanted || wanted === e));
    return candidates[0] ?? null;
  }

  async function viewsOf(q: Db | Tx, actor: Actor, rows: ServiceRow[]): Promise<ServiceView[]> {
    const managed = rows.filter((r) => operatorCovers(actor, { parkId: r.parkId })).map((r) => r.id);
    const handlerRows = managed.length
      ? await q.select({ serviceId: serviceHandlers.serviceId, id: users.id, displayName: users.displayName }).from(serviceHandlers).innerJoin(users, eq(users.id, serviceHandlers.userId)).where(inArray(serviceHandlers.serviceId, managed)).orderBy(asc(users.username))
      : [];
    const parksOf = await enterpriseParks(q, actor);
    return rows.map((s) => ({
      id: s.id,
      parkId: s.parkId,
      system: s.system,
      kind: s.kind,
      link: s.kind === 'request' ? null : SERVICE_KIND_LINKS[s.kind],
      nameZh: s.nameZh,
      nameEn: s.nameEn,
      descriptionZh: s.descriptionZh,
      descriptionEn: s.descriptionEn,
      handlerType: s.handlerType,
      handlerName: s.handlerName,
      propertyCompanyId: s.propertyCompanyId,
      handlers: handlerRows.filter((h) => h.serviceId === s.id).map((h) => ({ id: h.id, displayName: h.displayName })),
      applicants: s.applicants,
      form: s.form,
      formVersion: s.formVersion,
      flowKey: s.flowKey,
      slaHours: s.slaHours,
      feeFen: s.feeFen,
      status: s.status,
      canApply: applicantEnterprise(actor, s, parksOf) !== null,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
    }));
  }

  type ServiceFields = Omit<CreateServiceBody, 'parkId'>;

  /** Checks what a service refers to; the field of the first problem is named. */
  async function validateService(tx: Tx, ctx: RequestContext, parkId: string, s: ServiceFields) {
    if (s.handlerType === 'property_company') {
      if (!s.propertyCompanyId) throw validationError('body.propertyCompanyId', 'is required for a property company handler');
      const [c] = await tx.select({ name: propertyCompanies.name }).from(propertyCompanies).innerJoin(propertyContracts, eq(propertyContracts.propertyCompanyId, propertyCompanies.id)).where(and(eq(propertyCompanies.id, s.propertyCompanyId), eq(propertyContracts.parkId, parkId))).limit(1);
      if (!c) throw validationError('body.propertyCompanyId', 'must be a property company contracted by this park');
    } else if (!s.handlerName) throw validationError('body.handlerName', 'is required');
    if (s.handlerUserIds.length) {
      const ok = await tx.select({ id: users.id }).from(users).where(and(inArray(users.id, s.handlerUserIds), eq(users.isActive, true), handlerEligible(parkId)));
      const okIds = new Set(ok.map((u) => u.id));
      const bad = s.handlerUserIds.findIndex((id) => !okIds.has(id));
      if (bad >= 0) throw validationError(`body.handlerUserIds.${bad}`, 'must be an operator or property staff of this park');
    }
  }

  /** A published service to request needs an active flow of the park (checked before the transaction: it reads through the approvals service). */
  async function validateFlow(ctx: RequestContext, parkId: string, s: Pick<ServiceFields, 'kind' | 'status' | 'flowKey' | 'form'>) {
    if (s.kind === 'request' && s.form.fields.length === 0) throw validationError('body.form.fields', 'a request service needs at least one field');
    if (s.kind !== 'request' || s.status !== 'published') return;
    if (!s.flowKey) throw validationError('body.flowKey', 'is required to publish a service');
    const flows = await approvals.findFlows(ctx, { parkId, page: 1, pageSize: 200 });
    if (!flows.items.some((f) => f.key === s.flowKey && f.status === 'active')) throw validationError('body.flowKey', 'no active approval flow with this key in the park');
  }

  async function setHandlers(tx: Tx, serviceId: string, userIds: string[]) {
    await tx.delete(serviceHandlers).where(eq(serviceHandlers.serviceId, serviceId));
    const unique = [...new Set(userIds)];
    if (unique.length) await tx.insert(serviceHandlers).values(unique.map((userId) => ({ serviceId, userId })));
  }

  // ---------- requests ----------

  const requestColumns = { r: serviceRequests, s: { id: serviceOfferings.id, system: serviceOfferings.system, nameZh: serviceOfferings.nameZh, nameEn: serviceOfferings.nameEn, slaHours: serviceOfferings.slaHours }, enterpriseName: enterprises.legalName, applicantName: users.displayName };
  const requestQuery = (q: Db | Tx) =>
    q.select(requestColumns).from(serviceRequests).innerJoin(serviceOfferings, eq(serviceOfferings.id, serviceRequests.serviceId)).innerJoin(enterprises, eq(enterprises.id, serviceRequests.enterpriseId)).innerJoin(users, eq(users.id, serviceRequests.applicantId));
  type JoinedRequest = Awaited<ReturnType<ReturnType<typeof requestQuery>['execute']>>[number];

  const isOverdue = (r: RequestRow, at: Date) => !CLOSED.includes(r.status) && r.dueAt.getTime() < at.getTime();

  async function viewOf(q: Db | Tx, actor: Actor, j: JoinedRequest): Promise<RequestView> {
    const { r } = j;
    const [handler] = r.handlerId ? await q.select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.id, r.handlerId)) : [];
    const attached = await files.findByOwner(q, SERVICE_REQUEST_SUBJECT, r.id);
    const handles = await canHandle(q, actor, r);
    const isApplicant = r.applicantId === actor.userId;
    return {
      id: r.id,
      parkId: r.parkId,
      service: j.s,
      enterprise: { id: r.enterpriseId, name: j.enterpriseName },
      applicant: { id: r.applicantId, displayName: j.applicantName },
      status: r.status,
      form: r.form,
      formVersion: r.formVersion,
      values: r.values,
      caseId: r.caseId,
      submittedAt: r.submittedAt,
      dueAt: r.dueAt,
      isOverdue: isOverdue(r, now()),
      decidedAt: r.decidedAt,
      handler: handler ?? null,
      acceptedAt: r.acceptedAt,
      completedAt: r.completedAt,
      resultNote: r.resultNote,
      feeFen: r.feeFen,
      billId: r.billId,
      rating: r.rating,
      ratingComment: r.ratingComment,
      ratedAt: r.ratedAt,
      files: attached.map((f) => ({ id: f.id, name: f.name })),
      can: {
        resubmit: isApplicant && r.status === 'returned',
        withdraw: isApplicant && (r.status === 'in_review' || r.status === 'returned'),
        accept: handles && r.status === 'approved',
        complete: handles && r.status === 'in_progress',
        rate: (isApplicant || enterpriseIdsOf(actor, ['enterprise_admin']).includes(r.enterpriseId)) && r.status === 'completed' && r.rating === null,
      },
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  }

  async function visibleRequest(q: Db | Tx, ctx: RequestContext, id: string, lock = false): Promise<RequestRow> {
    const query = q.select().from(serviceRequests).where(eq(serviceRequests.id, id));
    const [r] = lock ? await query.for('update') : await query;
    if (!r || !(await canSee(q, ctx.actor, r))) throw notFound('service request', id);
    return r;
  }

  async function getView(q: Db | Tx, actor: Actor, id: string): Promise<RequestView> {
    const [j] = await requestQuery(q).where(eq(serviceRequests.id, id));
    return viewOf(q, actor, j);
  }

  /** Attaches the form's file values not attached to the request yet (400 naming `body.values.<key>`). */
  async function attachFiles(tx: Tx, ctx: RequestContext, r: { id: string; form: FormDefinition }, values: Record<string, unknown>) {
    const already = new Set((await files.findByOwner(tx, SERVICE_REQUEST_SUBJECT, r.id)).map((f) => f.id));
    for (const key of fileKeysOf(r.form)) {
      const fileId = values[key];
      if (typeof fileId === 'string' && !already.has(fileId)) await files.attach(tx, ctx, { fileId, ownerType: SERVICE_REQUEST_SUBJECT, ownerId: r.id, field: `body.values.${key}` });
    }
  }

  async function record(tx: Tx, ctx: RequestContext, r: RequestRow, action: AuditVerbOf<'service_request'>, before: Record<string, unknown> | null, after: Record<string, unknown>) {
    await audit.record(tx, ctx, { action: `service_request.${action}`, entityType: 'service_request', entityId: r.id, before, after, parkId: r.parkId, enterpriseId: r.enterpriseId });
  }

  async function handlerIdsOf(q: Db | Tx, serviceId: string): Promise<string[]> {
    return (await q.select({ id: serviceHandlers.userId }).from(serviceHandlers).where(eq(serviceHandlers.serviceId, serviceId))).map((h) => h.id);
  }

  // The outcome of the request's approval case, in the decision's transaction.
  approvals.registerSubjectType(SERVICE_REQUEST_SUBJECT, {
    async onOutcome(tx, { approvalCase, outcome, ctx }) {
      const [r] = await tx.select().from(serviceRequests).where(eq(serviceRequests.id, approvalCase.subjectId)).for('update');
      if (!r) return;
      const status = STATUS_OF_OUTCOME[outcome];
      const at = now();
      let billId: string | null = null;
      if (outcome === 'approved' && r.feeFen && r.feeFen > 0) {
        const [e] = await tx.select({ id: enterprises.id, parkId: enterprises.parkId, siteId: enterprises.siteId }).from(enterprises).where(eq(enterprises.id, r.enterpriseId));
        const [s] = await tx.select({ nameZh: serviceOfferings.nameZh, nameEn: serviceOfferings.nameEn }).from(serviceOfferings).where(eq(serviceOfferings.id, r.serviceId));
        const bill = await billing.issueBill(tx, ctx, e, { enterpriseId: e.id, kind: 'service', period: ymd(at).slice(0, 7), title: `服务费：${s.nameZh}`, amountFen: r.feeFen, dueDate: ymd(new Date(at.getTime() + 30 * 24 * HOUR)), sourceRef: `service-request:${r.id}`, details: { serviceRequestId: r.id, serviceId: r.serviceId } });
        billId = bill?.id ?? null;
      }
      const [after] = await tx
        .update(serviceRequests)
        .set({ status, updatedAt: at, ...(outcome === 'approved' || outcome === 'rejected' ? { decidedAt: at } : {}), ...(billId ? { billId } : {}) })
        .where(eq(serviceRequests.id, r.id))
        .returning();
      await record(tx, ctx, after, outcome, { status: r.status }, { status, billId });
      if (deps.notify && outcome === 'approved') {
        const [names] = await tx.select({ nameZh: serviceOfferings.nameZh, nameEn: serviceOfferings.nameEn }).from(serviceOfferings).where(eq(serviceOfferings.id, r.serviceId));
        await deps.notify(tx, await handlerIdsOf(tx, r.serviceId), { kind: 'service.request_approved', params: { serviceZh: names.nameZh, serviceEn: names.nameEn }, link: `/services/requests/${r.id}`, entityType: 'service_request', entityId: r.id });
      }
    },
    async canView(actor, approvalCase, q) {
      const [r] = await q.select().from(serviceRequests).where(eq(serviceRequests.id, approvalCase.subjectId));
      return r ? canHandle(q, actor, r) : false;
    },
  });

  files.registerOwner({
    ownerType: SERVICE_REQUEST_SUBJECT,
    purposes: ['document', 'image'],
    async canRead(ctx, ownerId) {
      const [r] = await db.select().from(serviceRequests).where(eq(serviceRequests.id, ownerId));
      return r ? canSee(db, ctx.actor, r) : false;
    },
    async canAttach(ctx, ownerId, q) {
      const [r] = await q.select().from(serviceRequests).where(eq(serviceRequests.id, ownerId));
      return r && r.applicantId === ctx.actor.userId ? { parkId: r.parkId, enterpriseId: r.enterpriseId } : null;
    },
  });

  /** Accepts (approved → in progress) or completes (in progress → completed) one request, in a transaction of its own. */
  async function handle(ctx: RequestContext, id: string, action: 'accept' | 'complete', resultNote?: string): Promise<RequestView> {
    assertCanWrite(ctx.actor);
    return db.transaction(async (tx) => {
      const r = await visibleRequest(tx, ctx, id, true);
      if (!(await canHandle(tx, ctx.actor, r))) throw forbidden('Only the service’s handlers and the park’s operators handle requests');
      const at = now();
      if (action === 'accept') {
        if (r.status !== 'approved') throw conflict(`The request is ${r.status}; only approved requests can be accepted`, { status: r.status });
        const [after] = await tx.update(serviceRequests).set({ status: 'in_progress', handlerId: ctx.actor.userId, acceptedAt: at, updatedAt: at }).where(eq(serviceRequests.id, id)).returning();
        await record(tx, ctx, after, 'accepted', { status: r.status }, { status: after.status, handlerId: ctx.actor.userId });
      } else {
        if (r.status !== 'in_progress') throw conflict(`The request is ${r.status}; only requests in progress can be completed`, { status: r.status });
        if (!resultNote) throw validationError('body.resultNote', 'is required');
        const [after] = await tx.update(serviceRequests).set({ status: 'completed', completedAt: at, resultNote, handlerId: r.handlerId ?? ctx.actor.userId, updatedAt: at }).where(eq(serviceRequests.id, id)).returning();
        await record(tx, ctx, after, 'completed', { status: r.status }, { status: after.status, resultNote });
        if (deps.notify) {
          const [s] = await tx.select({ nameZh: serviceOfferings.nameZh, nameEn: serviceOfferings.nameEn }).from(serviceOfferings).where(eq(serviceOfferings.id, r.serviceId));
          await deps.notify(tx, [r.applicantId], { kind: 'service.request_completed', params: { serviceZh: s.nameZh, serviceEn: s.nameEn }, link: `/services/requests/${r.id}`, entityType: 'service_request', entityId: r.id });
        }
      }
      return getView(tx, ctx.actor, id);
    });
  }

  return {
    // ----- catalog -----

    /** Services: for operators (view=manage) every service of their parks; for enterprises the published ones of their parks. */
    async findServices(ctx: RequestContext, query: ServiceQuery): Promise<Page<ServiceView>> {
      const where: SQL[] = [];
      const isManaging = query.view !== 'catalog' && (isGlobalOperator(ctx.actor) || operatorParkIds(ctx.actor).length > 0);
      if (isManaging) {
        if (!isGlobalOperator(ctx.actor)) where.push(inArray(serviceOfferings.parkId, operatorParkIds(ctx.actor)));
        if (query.status) where.push(eq(serviceOfferings.status, query.status));
      } else {
        const parkIds = [...new Set([...(await enterpriseParks(db, ctx.actor)).values(), ...operatorParkIds(ctx.actor)])];
        where.push(isGlobalOperator(ctx.actor) ? sql`true` : parkIds.length ? inArray(serviceOfferings.parkId, parkIds) : sql`false`, eq(serviceOfferings.status, 'published'));
      }
      if (query.parkId) where.push(eq(serviceOfferings.parkId, query.parkId));
      if (query.system) where.push(eq(serviceOfferings.system, query.system));
      const [rows, [{ n }]] = await Promise.all([
        db.select().from(serviceOfferings).where(and(...where)).orderBy(asc(serviceOfferings.system), asc(serviceOfferings.nameZh), asc(serviceOfferings.id)).limit(query.pageSize).offset(offsetOf(query)),
        db.select({ n: count() }).from(serviceOfferings).where(and(...where)),
      ]);
      return { items: await viewsOf(db, ctx.actor, rows), total: n, page: query.page, pageSize: query.pageSize };
    },

    /** One service: operators of its park; enterprises of its park while it is published. */
    async getService(ctx: RequestContext, id: string): Promise<ServiceView> {
      const row = await serviceRow(db, id);
      if (!row) throw notFound('service', id);
      if (!operatorCovers(ctx.actor, { parkId: row.parkId })) {
        const parksOf = await enterpriseParks(db, ctx.actor);
        if (row.status !== 'published' || ![...parksOf.values()].includes(row.parkId)) throw notFound('service', id);
      }
      return (await viewsOf(db, ctx.actor, [row]))[0];
    },

    async createService(ctx: RequestContext, input: CreateServiceBody): Promise<ServiceView> {
      assertCanWrite(ctx.actor);
      assertOperatorCovers(ctx.actor, { parkId: input.parkId });
      await validateFlow(ctx, input.parkId, input);
      const id = await db.transaction(async (tx) => {
        await validateService(tx, ctx, input.parkId, input);
        const { handlerUserIds, ...fields } = input;
        const [row] = await tx
          .insert(serviceOfferings)
          .values({ ...fields, propertyCompanyId: fields.handlerType === 'property_company' ? (fields.propertyCompanyId ?? null) : null, flowKey: fields.flowKey ?? null, feeFen: fields.feeFen ?? null })
          .returning();
        await setHandlers(tx, row.id, handlerUserIds);
        await audit.record(tx, ctx, { action: 'service.created', entityType: 'service', entityId: row.id, after: { ...fields, handlerUserIds }, parkId: row.parkId });
        return row.id;
      });
      return this.getService(ctx, id);
    },

    /** Changes a service; a changed form gets a new version (requests keep the version they were made with). */
    async updateService(ctx: RequestContext, id: string, input: UpdateServiceBody): Promise<ServiceView> {
      assertCanWrite(ctx.actor);
      const current = await managedService(db, ctx, id);
      await validateFlow(ctx, current.parkId, { kind: input.kind ?? current.kind, status: input.status ?? current.status, flowKey: input.flowKey === undefined ? current.flowKey : input.flowKey, form: input.form ?? current.form });
      await db.transaction(async (tx) => {
        const before = await managedService(tx, ctx, id, true);
        const handlerUserIds = input.handlerUserIds ?? (await handlerIdsOf(tx, id));
        const merged = {
          system: input.system ?? before.system,
          kind: input.kind ?? before.kind,
          nameZh: input.nameZh ?? before.nameZh,
          nameEn: input.nameEn ?? before.nameEn,
          descriptionZh: input.descriptionZh ?? before.descriptionZh,
          descriptionEn: input.descriptionEn ?? before.descriptionEn,
          handlerType: input.handlerType ?? before.handlerType,
          handlerName: input.handlerName ?? before.handlerName,
          propertyCompanyId: input.propertyCompanyId === undefined ? before.propertyCompanyId : input.propertyCompanyId,
          applicants: input.applicants ?? before.applicants,
          form: input.form ?? before.form,
          flowKey: input.flowKey === undefined ? before.flowKey : input.flowKey,
          slaHours: input.slaHours ?? before.slaHours,
          feeFen: input.feeFen === undefined ? before.feeFen : input.feeFen,
          status: input.status ?? before.status,
        };
        await validateService(tx, ctx, before.parkId, { ...merged, handlerUserIds });
        const formChanged = input.form !== undefined && JSON.stringify(input.form) !== JSON.stringify(before.form);
        await tx
          .update(serviceOfferings)
          .set({ ...merged, propertyCompanyId: merged.handlerType === 'property_company' ? merged.propertyCompanyId : null, formVersion: before.formVersion + (formChanged ? 1 : 0), updatedAt: now() })
          .where(eq(serviceOfferings.id, id));
        if (input.handlerUserIds) await setHandlers(tx, id, input.handlerUserIds);
        const { createdAt: _c, updatedAt: _u, ...was } = before;
        await audit.record(tx, ctx, { action: 'service.updated', entityType: 'service', entityId: id, before: was, after: { ...merged, handlerUserIds, formVersion: before.formVersion + (formChanged ? 1 : 0) }, parkId: before.parkId });
      });
      return this.getService(ctx, id);
    },

    /** Users who may handle the park's services (operators of the park, staff of its contracted property companies). */
    async findHandlerCandidates(ctx: RequestContext, parkId: string) {
      assertOperatorCovers(ctx.actor, { parkId });
      return db.select({ id: users.id, displayName: users.displayName, username: users.username }).from(users).where(and(eq(users.isActive, true), handlerEligible(parkId))).orderBy(asc(users.username)).limit(200);
    },

    // ----- requests -----

    /** Applies for a service: validates the values against its form, attaches files and starts the approval, in one transaction. */
    async apply(ctx: RequestContext, input: ApplyBody): Promise<RequestView> {
      assertCanWrite(ctx.actor);
      const s = await serviceRow(db, input.serviceId);
      const parksOf = await enterpriseParks(db, ctx.actor);
      if (!s || (s.status !== 'published' && !operatorCovers(ctx.actor, { parkId: s.parkId })) || ![...parksOf.values()].includes(s.parkId)) throw notFound('service', input.serviceId);
      if (s.kind !== 'request') throw conflict(`This catalog entry is a ${s.kind} link, not a service to request`, { kind: s.kind });
      if (s.status !== 'published') throw conflict('The service is not published', { status: s.status });
      const enterpriseId = applicantEnterprise(ctx.actor, s, parksOf, input.enterpriseId);
      if (!enterpriseId) throw forbidden(s.applicants === 'admins' ? 'Only enterprise admins may apply for this service' : 'Only members of an enterprise in this park may apply');
      const values = assertValidSubmission(formJsonSchema(s.form), input.values);
      if (!s.flowKey) throw conflict('The service has no approval flow');
      const id = await db.transaction(async (tx) => {
        const at = now();
        const [r] = await tx
          .insert(serviceRequests)
          .values({ parkId: s.parkId, serviceId: s.id, enterpriseId, applicantId: ctx.actor.userId, status: 'in_review', form: s.form, formVersion: s.formVersion, values, submittedAt: at, dueAt: new Date(at.getTime() + s.slaHours * HOUR), feeFen: s.feeFen })
          .returning();
        await attachFiles(tx, ctx, r, values);
        const c = await approvals.startCase(ctx, { parkId: s.parkId, enterpriseId, subjectType: SERVICE_REQUEST_SUBJECT, subjectId: r.id, title: s.nameZh, flowKey: s.flowKey!, formValues: values }, tx);
        const [after] = await tx.update(serviceRequests).set({ caseId: c.id }).where(eq(serviceRequests.id, r.id)).returning();
        // The flow may have decided at once (no step applies): the hook has set the status already.
        await record(tx, ctx, after, 'submitted', null, { serviceId: s.id, formVersion: s.formVersion, values, caseId: c.id });
        return r.id;
      });
      return getView(db, ctx.actor, id);
    },

    /** Resubmits a returned request with corrected values and added materials (its applicant). */
    async resubmit(ctx: RequestContext, id: string, input: ResubmitBody): Promise<RequestView> {
      assertCanWrite(ctx.actor);
      const r0 = await visibleRequest(db, ctx, id);
      if (r0.applicantId !== ctx.actor.userId) throw forbidden('Only the applicant resubmits a request');
      const values = assertValidSubmission(formJsonSchema(r0.form), input.values);
      await db.transaction(async (tx) => {
        const r = await visibleRequest(tx, ctx, id, true);
        if (r.status !== 'returned' || !r.caseId) throw conflict(`The request is ${r.status}; only returned requests can be resubmitted`, { status: r.status });
        await attachFiles(tx, ctx, r, values);
        await tx.update(serviceRequests).set({ values, updatedAt: now() }).where(eq(serviceRequests.id, id));
        await record(tx, ctx, r, 'corrected', { values: r.values }, { values });
        await approvals.resubmitCase(ctx, r.caseId, { formValues: values, comment: input.comment ?? null }, tx);
      });
      return getView(db, ctx.actor, id);
    },

    /** Withdraws a request under review or returned (its applicant); the approval case is withdrawn with it. */
    async withdraw(ctx: RequestContext, id: string, reason?: string | null): Promise<RequestView> {
      assertCanWrite(ctx.actor);
      const r = await visibleRequest(db, ctx, id);
      if (r.applicantId !== ctx.actor.userId) throw forbidden('Only the applicant withdraws a request');
      if ((r.status !== 'in_review' && r.status !== 'returned') || !r.caseId) throw conflict(`The request is ${r.status}; it can no longer be withdrawn`, { status: r.status });
      await approvals.act(ctx, r.caseId, { type: 'withdraw', reason: reason ?? undefined });
      return getView(db, ctx.actor, id);
    },

    async getRequest(ctx: RequestContext, id: string): Promise<RequestView> {
      await visibleRequest(db, ctx, id);
      return getView(db, ctx.actor, id);
    },

    /** `mine`: my enterprise's requests (admins all of it, members their own); `queue`: those I handle or whose park I operate. */
    async findRequests(ctx: RequestContext, query: RequestQuery): Promise<Page<RequestView>> {
      const { actor } = ctx;
      const where: SQL[] = [];
      if (query.scope === 'mine') {
        const admin = enterpriseIdsOf(actor, ['enterprise_admin']);
        where.push(or(eq(serviceRequests.applicantId, actor.userId), admin.length ? inArray(serviceRequests.enterpriseId, admin) : sql`false`)!);
      } else {
        const parkIds = operatorParkIds(actor);
        const handled = sql`${serviceRequests.serviceId} in (select h.service_id from service_handlers h where h.user_id = ${actor.userId})`;
        where.push(isGlobalOperator(actor) ? sql`true` : parkIds.length ? or(inArray(serviceRequests.parkId, parkIds), handled)! : handled);
      }
      if (query.parkId) where.push(eq(serviceRequests.parkId, query.parkId));
      if (query.serviceId) where.push(eq(serviceRequests.serviceId, query.serviceId));
      if (query.system) where.push(eq(serviceOfferings.system, query.system));
      if (query.status) where.push(eq(serviceRequests.status, query.status));
      if (query.enterpriseId) where.push(eq(serviceRequests.enterpriseId, query.enterpriseId));
      if (query.overdue === 'true') where.push(notInArray(serviceRequests.status, CLOSED), lt(serviceRequests.dueAt, now()));
      if (query.overdue === 'false') where.push(or(inArray(serviceRequests.status, CLOSED), sql`${serviceRequests.dueAt} >= ${now()}`)!);
      const [rows, [{ n }]] = await Promise.all([
        requestQuery(db).where(and(...where)).orderBy(query.scope === 'queue' ? asc(serviceRequests.dueAt) : desc(serviceRequests.createdAt), desc(serviceRequests.id)).limit(query.pageSize).offset(offsetOf(query)),
        db.select({ n: count() }).from(serviceRequests).innerJoin(serviceOfferings, eq(serviceOfferings.id, serviceRequests.serviceId)).where(and(...where)),
      ]);
      const items: RequestView[] = [];
      for (const j of rows) items.push(await viewOf(db, actor, j));
      return { items, total: n, page: query.page, pageSize: query.pageSize };
    },

    accept: (ctx: RequestContext, id: string) => handle(ctx, id, 'accept'),
    complete: (ctx: RequestContext, id: string, resultNote: string) => handle(ctx, id, 'complete', resultNote),

    /**
     * Bulk accept or complete: each request in a transaction of its own, the result of each reported
     * (a request in the wrong state fails alone). A request the caller may not see makes the whole call a 404, before anything changes.
     */
    async bulk(ctx: RequestContext, input: BulkBody) {
      assertCanWrite(ctx.actor);
      if (input.action === 'complete' && !input.resultNote) throw validationError('body.resultNote', 'is required to complete');
      const ids = [...new Set(input.ids)];
      for (const id of ids) await visibleRequest(db, ctx, id);
      const results = [];
      for (const id of ids) {
        try {
          const v = await handle(ctx, id, input.action, input.resultNote);
          results.push({ id, ok: true, status: v.status, code: null, message: null });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          results.push({ id, ok: false, status: null, code: err.code, message: err.message });
        }
      }
      return { results, succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length };
    },

    /** Rates a completed request once (its applicant or the enterprise's admins); 409 the second time. */
    async rate(ctx: RequestContext, id: string, input: { rating: number; comment?: string | null }): Promise<RequestView> {
      assertCanWrite(ctx.actor);
      await db.transaction(async (tx) => {
        const r = await visibleRequest(tx, ctx, id, true);
        if (r.applicantId !== ctx.actor.userId && !enterpriseIdsOf(ctx.actor, ['enterprise_admin']).includes(r.enterpriseId)) throw forbidden('Only the applicant’s enterprise rates a request');
        if (r.status !== 'completed') throw conflict(`The request is ${r.status}; only completed requests can be rated`, { status: r.status });
        if (r.rating !== null) throw conflict('The request has been rated already');
        const [after] = await tx.update(serviceRequests).set({ rating: input.rating, ratingComment: input.comment ?? null, ratedAt: now(), updatedAt: now() }).where(eq(serviceRequests.id, id)).returning();
        await record(tx, ctx, after, 'rated', null, { rating: input.rating, comment: input.comment ?? null });
      });
      return getView(db, ctx.actor, id);
    },
  };
}

export type ServicesService = ReturnType<typeof createServicesService>;

import type { NotifyUsers } from '../notifications';
import { DEFAULT_SEVERITY_POINTS, type EvalDeduction, type FindingStatus, type SeverityPoints } from '@parkos/contracts';
import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db, Queryable, Tx } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { conflict, forbidden, notFound, validationError } from '../../lib/errors';
import type { FilesService } from '../files';
import { assertCanWrite, hasRole, isGlobalOperator, operatorCovers, operatorParkIds, operatorSiteIds, propertyCompanyIdsOf, type Actor } from '../identity/actor';
import type { AuditService } from '../identity/audit.service';
import { roleGrants, users } from '../identity/identity.table';
import { districts, propertyCompanies, propertyContracts } from '../parks/parks.table';
import type { AssignmentView, CheckView, CreateAssignmentBody, CreateCheckBody, DistrictOption, FindingQuery, FindingView, OverviewRow, SettingsView } from './spotchecks.schema';
import { spotCheckAssignments, spotCheckFindings, spotChecks, spotCheckSettings } from './spotchecks.table';

type FindingRow = typeof spotCheckFindings.$inferSelect;
type CheckRow = typeof spotChecks.$inferSelect;


/** Files of a finding as the inspector recorded them, and those of the company's response. */
export const FINDING_FILE_OWNER = 'spot_check_finding';
export const RESPONSE_FILE_OWNER = 'spot_check_response';

const LOCAL_OFFSET_MS = 8 * 3_600_000;
/** The Asia/Shanghai calendar day of an instant. */
export const localDay = (at: Date) => new Date(at.getTime() + LOCAL_OFFSET_MS).toISOString().slice(0, 10);
/** The instant a Shanghai calendar day begins. */
export const localMidnight = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - LOCAL_OFFSET_MS);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** How the caller sees a district's records: as an operator in scope, the assigned inspector, or the contracted company. */
type Access = 'operator' | 'inspector' | 'property';

/**
 * Third-party spot checks (第三方安全机构不定期抽查): inspectors' assignments to districts, their unannounced checks
 * and findings, the property companies' responses, verification by operators (or the inspector), and the
 * deductions the findings feed into the evaluation.
 */
export function createSpotChecksService(deps: { db: Db; audit: AuditService; files: FilesService; notify: NotifyUsers; now?: () => Date }) {
  const { db, audit, files, notify } = deps;
  const now = deps.now ?? (() => new Date());
  const today = () => localDay(now());
  /** The acting user for `*_by_id` columns (none for the system actor of seeds and the CLI). */
  const byOf = (ctx: RequestContext) => (ctx.actor.via === 'system' ? null : ctx.actor.userId);

  /** Parks an inspector grant lets the actor work in: null = every park. */
  function inspectorParks(actor: Actor): string[] | null {
    const grants = actor.grants.filter((g) => g.role === 'inspector');
    if (grants.some((g) => g.scopeType === 'all')) return null;
    return grants.filter((g) => g.scopeType === 'park' && g.scopeId).map((g) => g.scopeId!);
  }

  /** Districts the actor, as an inspector, is assigned to on a day (empty for anyone else). */
  async function assignedDistrictIds(q: Queryable, actor: Actor, day = today()): Promise<string[]> {
    if (!hasRole(actor, 'inspector')) return [];
    const parks = inspectorParks(actor);
    if (parks && !parks.length) return [];
    const rows = await q
      .select({ districtId: spotCheckAssignments.districtId })
      .from(spotCheckAssignments)
      .where(
        and(
          eq(spotCheckAssignments.inspectorUserId, actor.userId),
          lte(spotCheckAssignments.validFrom, day),
          or(isNull(spotCheckAssignments.validTo), gte(spotCheckAssignments.validTo, day)),
          parks ? inArray(spotCheckAssignments.parkId, parks) : undefined,
        ),
      );
    return [...new Set(rows.map((r) => r.districtId))];
  }

  /** A SQL condition on a record's park, district (with the district's site) and company: what the actor may see. */
  async function visibleWhere(actor: Actor, cols: { parkId: AnyPgColumn; districtId: AnyPgColumn; propertyCompanyId: AnyPgColumn }): Promise<SQL> {
    if (isGlobalOperator(actor)) return sql`true`;
    const parts: SQL[] = [];
    const opParks = operatorParkIds(actor);
    const opSites = operatorSiteIds(actor);
    if (opParks.length) parts.push(inArray(cols.parkId, opParks));
    if (opSites.length) parts.push(inArray(cols.districtId, db.select({ id: districts.id }).from(districts).where(inArray(districts.siteId, opSites))));
    const assigned = await assignedDistrictIds(db, actor);
    if (assigned.length) parts.push(inArray(cols.districtId, assigned));
    const companies = propertyCompanyIdsOf(actor);
    if (companies.length) parts.push(inArray(cols.propertyCompanyId, companies));
    return parts.length ? or(...parts)! : sql`false`;
  }

  /** How the actor sees a record of a district; null when it may not (the caller answers 404). */
  async function accessTo(q: Queryable, actor: Actor, rec: { parkId: string; districtId: string; propertyCompanyId: string | null }): Promise<Access | null> {
    const [d] = await q.select({ siteId: districts.siteId }).from(districts).where(eq(districts.id, rec.districtId));
    if (operatorCovers(actor, { parkId: rec.parkId, siteId: d?.siteId ?? null })) return 'operator';
    if ((await assignedDistrictIds(q, actor)).includes(rec.districtId)) return 'inspector';
    if (rec.propertyCompanyId && propertyCompanyIdsOf(actor).includes(rec.propertyCompanyId)) return 'property';
    return null;
  }

  async function pointsOf(q: Queryable, parkId: string): Promise<SeverityPoints & { isDefault: boolean }> {
    const [s] = await q.select().from(spotCheckSettings).where(eq(spotCheckSettings.parkId, parkId));
    return s ? { minor: s.pointsMinor, major: s.pointsMajor, critical: s.pointsCritical, isDefault: false } : { ...DEFAULT_SEVERITY_POINTS, isDefault: true };
  }

  /** The company contracted for a district on a day (the latest-starting contract covering it). */
  async function companyOn(q: Queryable, districtId: string, day: string): Promise<string | null> {
    const [c] = await q
      .select({ id: propertyContracts.propertyCompanyId })
      .from(propertyContracts)
      .where(and(eq(propertyContracts.districtId, districtId), lte(propertyContracts.startDate, day), gte(propertyContracts.endDate, day)))
      .orderBy(desc(propertyContracts.startDate))
      .limit(1);
    return c?.id ?? null;
  }

  async function companyStaff(q: Queryable, companyId: string | null): Promise<string[]> {
    if (!companyId) return [];
    const rows = await q.select({ userId: roleGrants.userId }).from(roleGrants).where(and(eq(roleGrants.role, 'property'), eq(roleGrants.scopeType, 'property_company'), eq(roleGrants.scopeId, companyId)));
    return rows.map((r) => r.userId);
  }

  const isOverdue = (f: Pick<FindingRow, 'status' | 'deadline'>, day = today()) => (f.status === 'open' || f.status === 'responded') && f.deadline < day;

  async function namesOf(q: Queryable, districtIds: string[], companyIds: string[]) {
    const ds = districtIds.length ? await q.select({ id: districts.id, name: districts.name }).from(districts).where(inArray(districts.id, districtIds)) : [];
    const cs = companyIds.length ? await q.select({ id: propertyCompanies.id, name: propertyCompanies.name }).from(propertyCompanies).where(inArray(propertyCompanies.id, companyIds)) : [];
    return { district: new Map(ds.map((d) => [d.id, d.name])), company: new Map(cs.map((c) => [c.id, c.name])) };
  }

  const fileRef = (f: { id: string; name: string; mimeType: string }) => ({ id: f.id, name: f.name, mimeType: f.mimeType });

  async function findingViews(q: Queryable, rows: { f: FindingRow; c: CheckRow }[]): Promise<FindingView[]> {
    const names = await namesOf(q, [...new Set(rows.map((r) => r.f.districtId))], [...new Set(rows.flatMap((r) => (r.f.propertyCompanyId ? [r.f.propertyCompanyId] : [])))]);
    const day = today();
    const out: FindingView[] = [];
    for (const { f, c } of rows) {
      out.push({
        id: f.id,
        checkId: f.checkId,
        parkId: f.parkId,
        districtId: f.districtId,
        districtName: names.district.get(f.districtId) ?? '',
        propertyCompanyId: f.propertyCompanyId,
        propertyCompanyName: f.propertyCompanyId ? (names.company.get(f.propertyCompanyId) ?? null) : null,
        checkedAt: c.checkedAt.toISOString(),
        area: c.area,
        description: f.description,
        severity: f.severity,
        deadline: f.deadline,
        status: f.status,
        isOverdue: isOverdue(f, day),
        response: f.response,
        respondedAt: f.respondedAt?.toISOString() ?? null,
        verifyNote: f.verifyNote,
        verifiedAt: f.verifiedAt?.toISOString() ?? null,
        rejections: f.rejections,
        overturnReason: f.overturnReason,
        overturnedAt: f.overturnedAt?.toISOString() ?? null,
        photos: (await files.findByOwner(q, FINDING_FILE_OWNER, f.id)).map(fileRef),
        responsePhotos: (await files.findByOwner(q, RESPONSE_FILE_OWNER, f.id)).map(fileRef),
      });
    }
    return out;
  }

  async function checkView(q: Queryable, c: CheckRow, access: Access): Promise<CheckView> {
    const rows = await q.select().from(spotCheckFindings).where(eq(spotCheckFindings.checkId, c.id)).orderBy(asc(spotCheckFindings.position), asc(spotCheckFindings.id));
    const names = await namesOf(q, [c.districtId], c.propertyCompanyId ? [c.propertyCompanyId] : []);
    const [inspector] = c.inspectorUserId ? await q.select({ name: users.displayName }).from(users).where(eq(users.id, c.inspectorUserId)) : [];
    // Property staff never see an overturned finding: it is not theirs to answer and does not count.
    const shown = access === 'property' ? rows.filter((f) => f.status !== 'overturned') : rows;
    return {
      id: c.id,
      parkId: c.parkId,
      districtId: c.districtId,
      districtName: names.district.get(c.districtId) ?? '',
      propertyCompanyId: c.propertyCompanyId,
      propertyCompanyName: c.propertyCompanyId ? (names.company.get(c.propertyCompanyId) ?? null) : null,
      inspectorName: inspector?.name ?? null,
      checkedAt: c.checkedAt.toISOString(),
      area: c.area,
      note: c.note,
      findings: await findingViews(q, shown.map((f) => ({ f, c }))),
    };
  }

  async function loadFinding(q: Queryable, ctx: RequestContext, id: string): Promise<{ f: FindingRow; c: CheckRow; access: Access }> {
    const [row] = await q.select({ f: spotCheckFindings, c: spotChecks }).from(spotCheckFindings).innerJoin(spotChecks, eq(spotChecks.id, spotCheckFindings.checkId)).where(eq(spotCheckFindings.id, id));
    if (!row) throw notFound('spot_check_finding', id);
    const access = await accessTo(q, ctx.actor, row.f);
    if (!access || (access === 'property' && row.f.status === 'overturned')) throw notFound('spot_check_finding', id);
    return { ...row, access };
  }

  async function lockFinding(tx: Tx, ctx: RequestContext, id: string) {
    const loaded = await loadFinding(tx, ctx, id);
    const [f] = await tx.select().from(spotCheckFindings).where(eq(spotCheckFindings.id, id)).for('update');
    return { ...loaded, f };
  }

  async function findingViewOf(q: Queryable, id: string): Promise<FindingView> {
    const [row] = await q.select({ f: spotCheckFindings, c: spotChecks }).from(spotCheckFindings).innerJoin(spotChecks, eq(spotChecks.id, spotCheckFindings.checkId)).where(eq(spotCheckFindings.id, id));
    return (await findingViews(q, [row]))[0];
  }

  files.registerOwner({
    ownerType: FINDING_FILE_OWNER,
    purposes: ['image'],
    async canRead(ctx, ownerId) {
      return !!(await loadFinding(db, ctx, ownerId).catch(() => null));
    },
    async canAttach(ctx, ownerId, q) {
      const [f] = await q.select().from(spotCheckFindings).where(eq(spotCheckFindings.id, ownerId));
      if (!f || f.status !== 'open' || !(await assignedDistrictIds(q, ctx.actor)).includes(f.districtId)) return null;
      return { parkId: f.parkId, enterpriseId: null };
    },
  });
  files.registerOwner({
    ownerType: RESPONSE_FILE_OWNER,
    purposes: ['image'],
    async canRead(ctx, ownerId) {
      return !!(await loadFinding(db, ctx, ownerId).catch(() => null));
    },
    async canAttach(ctx, ownerId, q) {
      const [f] = await q.select().from(spotCheckFindings).where(eq(spotCheckFindings.id, ownerId));
      if (!f || f.status !== 'open' || !f.propertyCompanyId || !propertyCompanyIdsOf(ctx.actor).includes(f.propertyCompanyId)) return null;
      return { parkId: f.parkId, enterpriseId: null };
    },
  });

  async function loadDistrict(q: Queryable, id: string) {
    const [d] = await q.select().from(districts).where(eq(districts.id, id));
    return d ?? null;
  }

  async function assignmentViews(q: Queryable, where: SQL): Promise<AssignmentView[]> {
    const rows = await q
      .select({ a: spotCheckAssignments, districtName: districts.name, inspectorName: users.displayName })
      .from(spotCheckAssignments)
      .innerJoin(districts, eq(districts.id, spotCheckAssignments.districtId))
      .innerJoin(users, eq(users.id, spotCheckAssignments.inspectorUserId))
      .where(where)
      .orderBy(asc(districts.name), asc(users.displayName), desc(spotCheckAssignments.validFrom));
    const day = today();
    return rows.map(({ a, districtName, inspectorName }) => ({
      id: a.id,
      parkId: a.parkId,
      districtId: a.districtId,
      districtName,
      inspectorUserId: a.inspectorUserId,
      inspectorName,
      validFrom: a.validFrom,
      validTo: a.validTo,
      isActive: a.validFrom <= day && (a.validTo === null || a.validTo >= day),
    }));
  }

  /** Where a list of districts' records may be shown to an operator: the park and, for site operators, their sites. */
  async function operatorDistrictIds(actor: Actor, parkId: string): Promise<string[]> {
    const rows = await db.select({ id: districts.id, siteId: districts.siteId }).from(districts).where(eq(districts.parkId, parkId));
    return rows.filter((d) => operatorCovers(actor, { parkId, siteId: d.siteId })).map((d) => d.id);
  }

  return {
    /** The files owner types (for tests). */
    fileOwners: { finding: FINDING_FILE_OWNER, response: RESPONSE_FILE_OWNER },

    // ----- assignments -----

    /** Assignments: operators see their parks' (site operators their sites'), an inspector its own; anyone else none. */
    async findAssignments(ctx: RequestContext, query: { parkId?: string }): Promise<AssignmentView[]> {
      const actor = ctx.actor;
      const parts: SQL[] = [];
      if (isGlobalOperator(actor)) parts.push(sql`true`);
      else {
        const opParks = operatorParkIds(actor);
        if (opParks.length) parts.push(inArray(spotCheckAssignments.parkId, opParks));
        const opSites = operatorSiteIds(actor);
        if (opSites.length) parts.push(inArray(districts.siteId, opSites));
      }
      if (hasRole(actor, 'inspector')) parts.push(eq(spotCheckAssignments.inspectorUserId, actor.userId));
      if (!parts.length) return [];
      return assignmentViews(db, and(or(...parts), query.parkId ? eq(spotCheckAssignments.parkId, query.parkId) : undefined)!);
    },

    /** Assigns an inspector of the park to one of its districts for a period (operators of the district). */
    async createAssignment(ctx: RequestContext, body: CreateAssignmentBody): Promise<AssignmentView> {
      assertCanWrite(ctx.actor);
      const d = await loadDistrict(db, body.districtId);
      if (!operatorCovers(ctx.actor, { parkId: body.parkId, siteId: d?.parkId === body.parkId ? d.siteId : null })) throw forbidden('Only operators of this park may do this');
      if (!d || d.parkId !== body.parkId) throw validationError('body.districtId', 'is not a district of this park');
      if (body.validTo && body.validTo < body.validFrom) throw validationError('body.validTo', 'must not be before the first day');
      const grants = await db.select().from(roleGrants).where(and(eq(roleGrants.userId, body.inspectorUserId), eq(roleGrants.role, 'inspector')));
      if (!grants.some((g) => g.scopeType === 'all' || (g.scopeType === 'park' && g.scopeId === body.parkId))) throw validationError('body.inspectorUserId', 'is not an inspector of this park');
      return db.transaction(async (tx) => {
        const [a] = await tx.insert(spotCheckAssignments).values({ parkId: body.parkId, districtId: d.id, inspectorUserId: body.inspectorUserId, validFrom: body.validFrom, validTo: body.validTo ?? null, createdById: byOf(ctx) }).returning();
        await audit.record(tx, ctx, { action: 'spot_check_assignment.created', entityType: 'spot_check_assignment', entityId: a.id, after: { districtId: a.districtId, inspectorUserId: a.inspectorUserId, validFrom: a.validFrom, validTo: a.validTo }, parkId: a.parkId });
        return (await assignmentViews(tx, eq(spotCheckAssignments.id, a.id)))[0];
      });
    },

    /** Ends an assignment by removing it (operators of the district; audited). Its checks stay. */
    async deleteAssignment(ctx: RequestContext, id: string): Promise<void> {
      assertCanWrite(ctx.actor);
      const [a] = await db.select().from(spotCheckAssignments).where(eq(spotCheckAssignments.id, id));
      const d = a ? await loadDistrict(db, a.districtId) : null;
      if (!a || !operatorCovers(ctx.actor, { parkId: a.parkId, siteId: d?.siteId ?? null })) throw notFound('spot_check_assignment', id);
      await db.transaction(async (tx) => {
        await tx.delete(spotCheckAssignments).where(eq(spotCheckAssignments.id, id));
        await audit.record(tx, ctx, { action: 'spot_check_assignment.deleted', entityType: 'spot_check_assignment', entityId: a.id, before: { districtId: a.districtId, inspectorUserId: a.inspectorUserId, validFrom: a.validFrom, validTo: a.validTo }, parkId: a.parkId });
      });
    },

    /** Users who may be assigned in a park: those with an inspector grant for every park or this one (operators of the park). */
    async findInspectors(ctx: RequestContext, parkId: string) {
      if (!operatorCovers(ctx.actor, { parkId }) && !(await operatorDistrictIds(ctx.actor, parkId)).length) throw forbidden('Only operators of this park may do this');
      return db
        .selectDistinct({ id: users.id, username: users.username, displayName: users.displayName })
        .from(users)
        .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
        .where(and(eq(roleGrants.role, 'inspector'), or(eq(roleGrants.scopeType, 'all'), and(eq(roleGrants.scopeType, 'park'), eq(roleGrants.scopeId, parkId)))))
        .orderBy(asc(users.displayName));
    },

    /** Districts the caller may record or review checks in: an inspector its assigned ones today, operators those in scope. */
    async findDistricts(ctx: RequestContext, query: { parkId?: string }): Promise<DistrictOption[]> {
      const actor = ctx.actor;
      const assigned = await assignedDistrictIds(db, actor);
      const rows = await db.select({ id: districts.id, parkId: districts.parkId, siteId: districts.siteId, name: districts.name }).from(districts).where(query.parkId ? eq(districts.parkId, query.parkId) : undefined).orderBy(asc(districts.name));
      const shown = rows.filter((d) => assigned.includes(d.id) || operatorCovers(actor, { parkId: d.parkId, siteId: d.siteId }));
      const day = today();
      const out: DistrictOption[] = [];
      for (const d of shown) {
        const companyId = await companyOn(db, d.id, day);
        const names = await namesOf(db, [], companyId ? [companyId] : []);
        out.push({ id: d.id, parkId: d.parkId, name: d.name, propertyCompanyId: companyId, propertyCompanyName: companyId ? (names.company.get(companyId) ?? null) : null });
      }
      return out;
    },

    // ----- checks and findings -----

    /**
     * Records an unannounced check with its findings (an inspector assigned to the district on the day of the check).
     * The district's contracted company of that day answers the findings and is notified. Other districts are 404.
     */
    async createCheck(ctx: RequestContext, body: CreateCheckBody): Promise<CheckView> {
      assertCanWrite(ctx.actor);
      if (!hasRole(ctx.actor, 'inspector')) throw forbidden('Only inspectors record spot checks');
      const at = body.checkedAt ?? now();
      if (at.getTime() > now().getTime() + 5 * 60_000) throw validationError('body.checkedAt', 'must not be in the future');
      const day = localDay(at);
      const d = await loadDistrict(db, body.districtId);
      if (!d || !(await assignedDistrictIds(db, ctx.actor, day)).includes(d.id) || !(await assignedDistrictIds(db, ctx.actor)).includes(d.id)) throw notFound('district', body.districtId);
      body.findings.forEach((f, i) => {
        if (f.deadline < day) throw validationError(`body.findings.${i}.deadline`, 'must not be before the day of the check');
      });
      const companyId = await companyOn(db, d.id, day);
      return db.transaction(async (tx) => {
        const [c] = await tx.insert(spotChecks).values({ parkId: d.parkId, districtId: d.id, propertyCompanyId: companyId, inspectorUserId: ctx.actor.userId, checkedAt: at, area: body.area, note: body.note ?? null }).returning();
        await audit.record(tx, ctx, { action: 'spot_check.recorded', entityType: 'spot_check', entityId: c.id, after: { districtId: c.districtId, propertyCompanyId: c.propertyCompanyId, checkedAt: c.checkedAt.toISOString(), area: c.area, findings: body.findings.length }, parkId: c.parkId });
        for (const [i, input] of body.findings.entries()) {
          const [f] = await tx.insert(spotCheckFindings).values({ checkId: c.id, parkId: c.parkId, districtId: c.districtId, propertyCompanyId: companyId, position: i, description: input.description, severity: input.severity, deadline: input.deadline }).returning();
          for (const [k, fileId] of input.fileIds.entries()) await files.attach(tx, ctx, { fileId, ownerType: FINDING_FILE_OWNER, ownerId: f.id, field: `body.findings.${i}.fileIds.${k}` });
          await audit.record(tx, ctx, { action: 'spot_check_finding.created', entityType: 'spot_check_finding', entityId: f.id, after: { checkId: c.id, severity: f.severity, deadline: f.deadline, description: f.description, photos: input.fileIds.length }, parkId: c.parkId });
        }
        if (body.findings.length) {
          await notify(tx, await companyStaff(tx, companyId), { kind: 'spot_check.recorded', params: { district: d.name, findings: body.findings.length }, link: '/spot-checks/findings', entityType: 'spot_check', entityId: c.id });
        }
        return checkView(tx, c, 'inspector');
      });
    },

    /** Checks the caller may see, newest first (at most 500). */
    async findChecks(ctx: RequestContext, query: { parkId?: string; districtId?: string }): Promise<CheckView[]> {
      const where = await visibleWhere(ctx.actor, spotChecks);
      const rows = await db
        .select()
        .from(spotChecks)
        .where(and(where, query.parkId ? eq(spotChecks.parkId, query.parkId) : undefined, query.districtId ? eq(spotChecks.districtId, query.districtId) : undefined))
        .orderBy(desc(spotChecks.checkedAt))
        .limit(500);
      const out: CheckView[] = [];
      for (const c of rows) out.push(await checkView(db, c, (await accessTo(db, ctx.actor, c))!));
      return out;
    },

    async getCheck(ctx: RequestContext, id: string): Promise<CheckView> {
      const [c] = await db.select().from(spotChecks).where(eq(spotChecks.id, id));
      const access = c ? await accessTo(db, ctx.actor, c) : null;
      if (!c || !access) throw notFound('spot_check', id);
      return checkView(db, c, access);
    },

    /** Findings the caller may see (property staff: their company's, never overturned ones), by deadline. */
    async findFindings(ctx: RequestContext, query: FindingQuery): Promise<FindingView[]> {
      const where = await visibleWhere(ctx.actor, spotCheckFindings);
      const day = today();
      const onlyProperty = !isGlobalOperator(ctx.actor) && !operatorParkIds(ctx.actor).length && !operatorSiteIds(ctx.actor).length && !(await assignedDistrictIds(db, ctx.actor)).length;
      const rows = await db
        .select({ f: spotCheckFindings, c: spotChecks })
        .from(spotCheckFindings)
        .innerJoin(spotChecks, eq(spotChecks.id, spotCheckFindings.checkId))
        .where(
          and(
            where,
            query.parkId ? eq(spotCheckFindings.parkId, query.parkId) : undefined,
            query.districtId ? eq(spotCheckFindings.districtId, query.districtId) : undefined,
            query.status ? eq(spotCheckFindings.status, query.status) : undefined,
            query.overdue === 'true' ? and(inArray(spotCheckFindings.status, ['open', 'responded']), lt(spotCheckFindings.deadline, day)) : undefined,
            onlyProperty ? ne(spotCheckFindings.status, 'overturned') : undefined,
          ),
        )
        .orderBy(asc(spotCheckFindings.deadline), desc(spotChecks.checkedAt))
        .limit(500);
      // Someone both property staff and operator/inspector sees each row by the access it has to it.
      const shown: typeof rows = [];
      for (const r of rows) {
        const access = await accessTo(db, ctx.actor, r.f);
        if (access && !(access === 'property' && r.f.status === 'overturned')) shown.push(r);
      }
      return findingViews(db, shown);
    },

    async getFinding(ctx: RequestContext, id: string): Promise<FindingView> {
      const { f, c } = await loadFinding(db, ctx, id);
      return (await findingViews(db, [{ f, c }]))[0];
    },

    /** The company says what it did (with photos): open → responded (staff of the finding's company). */
    async respond(ctx: RequestContext, id: string, body: { response: string; fileIds: string[] }): Promise<FindingView> {
      assertCanWrite(ctx.actor);
      return db.transaction(async (tx) => {
        const { f, c } = await lockFinding(tx, ctx, id);
        if (!f.propertyCompanyId || !propertyCompanyIdsOf(ctx.actor).includes(f.propertyCompanyId)) throw forbidden('Only staff of the responsible property company may respond');
        if (f.status !== 'open') throw conflict(`The finding is ${f.status}`, { reason: f.status });
        for (const [k, fileId] of body.fileIds.entries()) await files.attach(tx, ctx, { fileId, ownerType: RESPONSE_FILE_OWNER, ownerId: f.id, field: `body.fileIds.${k}` });
        const [u] = await tx.update(spotCheckFindings).set({ status: 'responded', response: body.response, respondedAt: now(), respondedById: byOf(ctx) }).where(eq(spotCheckFindings.id, id)).returning();
        await audit.record(tx, ctx, { action: 'spot_check_finding.responded', entityType: 'spot_check_finding', entityId: f.id, before: { status: f.status }, after: { status: u.status, response: u.response, photos: body.fileIds.length }, parkId: f.parkId });
        if (c.inspectorUserId) await notify(tx, [c.inspectorUserId], { kind: 'spot_check.responded', params: { finding: f.description }, link: '/spot-checks', entityType: 'spot_check_finding', entityId: f.id });
        return findingViewOf(tx, id);
      });
    },

    /**
     * Verifies a responded fix (operators of the district, or an inspector assigned to it): accepted → closed;
     * rejected → back to the company (open) with a required note.
     */
    async verify(ctx: RequestContext, id: string, body: { accepted: boolean; note?: string | null }): Promise<FindingView> {
      assertCanWrite(ctx.actor);
      return db.transaction(async (tx) => {
        const { f, access } = await lockFinding(tx, ctx, id);
        if (access === 'property') throw forbidden('Only operators or the inspector verify a fix');
        if (f.status !== 'responded') throw conflict(`The finding is ${f.status}`, { reason: f.status });
        const note = body.note?.trim() || null;
        if (!body.accepted && !note) throw validationError('body.note', 'is required when the fix is rejected');
        const at = now();
        const [u] = await tx
          .update(spotCheckFindings)
          .set(body.accepted ? { status: 'closed' as FindingStatus, verifyNote: note, verifiedAt: at, verifiedById: byOf(ctx) } : { status: 'open' as FindingStatus, verifyNote: note, rejections: f.rejections + 1 })
          .where(eq(spotCheckFindings.id, id))
          .returning();
        await audit.record(tx, ctx, { action: body.accepted ? 'spot_check_finding.accepted' : 'spot_check_finding.rejected', entityType: 'spot_check_finding', entityId: f.id, before: { status: f.status }, after: { status: u.status, note }, parkId: f.parkId });
        if (!body.accepted) await notify(tx, await companyStaff(tx, f.propertyCompanyId), { kind: 'spot_check.rejected', params: { finding: f.description }, link: '/spot-checks/findings', entityType: 'spot_check_finding', entityId: f.id });
        return findingViewOf(tx, id);
      });
    },

    /** Voids a finding (e.g. inspector error) with a reason (operators of the district): it no longer counts. */
    async overturn(ctx: RequestContext, id: string, reason: string): Promise<FindingView> {
      assertCanWrite(ctx.actor);
      return db.transaction(async (tx) => {
        const { f, access } = await lockFinding(tx, ctx, id);
        if (access !== 'operator') throw forbidden('Only operators of this park may overturn a finding');
        if (f.status === 'overturned') throw conflict('The finding is overturned', { reason: 'overturned' });
        const [u] = await tx.update(spotCheckFindings).set({ status: 'overturned', overturnReason: reason, overturnedAt: now(), overturnedById: byOf(ctx) }).where(eq(spotCheckFindings.id, id)).returning();
        await audit.record(tx, ctx, { action: 'spot_check_finding.overturned', entityType: 'spot_check_finding', entityId: f.id, before: { status: f.status }, after: { status: u.status, reason }, parkId: f.parkId });
        return findingViewOf(tx, id);
      });
    },

    // ----- settings, overview, evaluation -----

    /** Deduction points per severity of a park (operators of the park; defaults until set). */
    async getSettings(ctx: RequestContext, parkId: string): Promise<SettingsView> {
      if (!operatorCovers(ctx.actor, { parkId }) && !(await operatorDistrictIds(ctx.actor, parkId)).length) throw forbidden('Only operators of this park may do this');
      return { parkId, ...(await pointsOf(db, parkId)) };
    },

    async updateSettings(ctx: RequestContext, body: { parkId: string } & SeverityPoints): Promise<SettingsView> {
      assertCanWrite(ctx.actor);
      if (!operatorCovers(ctx.actor, { parkId: body.parkId })) throw forbidden('Only operators of this park may do this');
      return db.transaction(async (tx) => {
        const before = await pointsOf(tx, body.parkId);
        const values = { pointsMinor: body.minor, pointsMajor: body.major, pointsCritical: body.critical, updatedAt: now() };
        await tx.insert(spotCheckSettings).values({ parkId: body.parkId, ...values }).onConflictDoUpdate({ target: spotCheckSettings.parkId, set: values });
        await audit.record(tx, ctx, { action: 'spot_check_settings.updated', entityType: 'park', entityId: body.parkId, before: { minor: before.minor, major: before.major, critical: before.critical }, after: { minor: body.minor, major: body.major, critical: body.critical }, parkId: body.parkId });
        return { parkId: body.parkId, ...(await pointsOf(tx, body.parkId)) };
      });
    },

    /** Per district of the park in the operator's scope: checks, findings by state, overdue and points, for checks in [from, to] (default the last 12 months). */
    async getOverview(ctx: RequestContext, query: { parkId: string; from?: string; to?: string }): Promise<OverviewRow[]> {
      const ids = await operatorDistrictIds(ctx.actor, query.parkId);
      if (!ids.length) throw forbidden('Only operators of this park may do this');
      const to = query.to ?? today();
      const from = query.from ?? addDays(to, -365);
      const range = and(inArray(spotChecks.districtId, ids), gte(spotChecks.checkedAt, localMidnight(from)), lt(spotChecks.checkedAt, localMidnight(addDays(to, 1))));
      const checks = await db.select().from(spotChecks).where(range);
      const findings = await db.select({ f: spotCheckFindings }).from(spotCheckFindings).innerJoin(spotChecks, eq(spotChecks.id, spotCheckFindings.checkId)).where(range);
      const points = await pointsOf(db, query.parkId);
      const ds = await db.select({ id: districts.id, name: districts.name }).from(districts).where(inArray(districts.id, ids)).orderBy(asc(districts.name));
      const day = today();
      const out: OverviewRow[] = [];
      for (const d of ds) {
        const mine = findings.map((r) => r.f).filter((f) => f.districtId === d.id);
        const ch = checks.filter((c) => c.districtId === d.id);
        const companyId = await companyOn(db, d.id, day);
        const names = await namesOf(db, [], companyId ? [companyId] : []);
        const count = (s: FindingStatus) => mine.filter((f) => f.status === s).length;
        out.push({
          districtId: d.id,
          districtName: d.name,
          propertyCompanyName: companyId ? (names.company.get(companyId) ?? null) : null,
          checks: ch.length,
          findings: mine.length,
          open: count('open'),
          responded: count('responded'),
          overdue: mine.filter((f) => isOverdue(f, day)).length,
          closed: count('closed'),
          overturned: count('overturned'),
          points: mine.filter((f) => f.status !== 'overturned').reduce((s, f) => s + points[f.severity], 0),
          lastCheckedAt: ch.length ? new Date(Math.max(...ch.map((c) => c.checkedAt.getTime()))).toISOString() : null,
        });
      }
      return out;
    },

    /**
     * The evaluation data contract: one deduction per finding of the park's checks in [from, to) that still counts
     * (not overturned) and has a responsible company, at the park's points for its severity.
     */
    async deductions(q: Db | Tx, range: { parkId: string; from: Date; to: Date }): Promise<EvalDeduction[]> {
      const points = await pointsOf(q, range.parkId);
      const rows = await q
        .select({ f: spotCheckFindings, checkedAt: spotChecks.checkedAt, area: spotChecks.area })
        .from(spotCheckFindings)
        .innerJoin(spotChecks, eq(spotChecks.id, spotCheckFindings.checkId))
        .where(and(eq(spotChecks.parkId, range.parkId), gte(spotChecks.checkedAt, range.from), lt(spotChecks.checkedAt, range.to), ne(spotCheckFindings.status, 'overturned'), sql`${spotCheckFindings.propertyCompanyId} is not null`))
        .orderBy(asc(spotChecks.checkedAt), asc(spotCheckFindings.position), asc(spotCheckFindings.id));
      return rows.map(({ f, checkedAt }) => ({
        source: 'spot_check' as const,
        findingId: f.id,
        districtId: f.districtId,
        propertyCompanyId: f.propertyCompanyId!,
        severity: f.severity,
        points: points[f.severity],
        occurredAt: checkedAt,
        label: f.description,
      }));
    },
  };
}

export type SpotChecksService = ReturnType<typeof createSpotChecksService>;

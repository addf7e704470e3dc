import type { TrainingRecord } from '@parkos/contracts';
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Db, Queryable } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { AppError, ErrorCode, forbidden, notFound, validationError } from '../../lib/errors';
import { maskPhone } from '../../lib/mask';
import { assertCanWrite, isGlobalOperator, isOperator, operatorCovers, propertyCompanyIdsOf, type Actor } from '../identity/actor';
import type { AuditService } from '../identity/audit.service';
import { roleGrants } from '../identity/identity.table';
import { districts, parks, propertyCompanies, propertyContracts } from '../parks/parks.table';
import { addDays, addMonths, localDate, localInstant, localTime, monthOf, parseResultsSheet, RESULT_COLUMNS } from './training.rules';
import type { CompanyView, CreateSessionBody, CreateStaffBody, FiguresView, ImportRowError, InvitationView, ResultsBody, SessionDetailView, SessionView, StaffDetailView, StaffView, UpdateStaffBody } from './training.schema';
import { trainingInvitations, trainingSessions, trainingStaff } from './training.table';

type StaffRow = typeof trainingStaff.$inferSelect;
type SessionRow = typeof trainingSessions.$inferSelect;
type InvitationRow = typeof trainingInvitations.$inferSelect;

/** What the caller may see: every company (global operators), or these companies and the parks they operate. */
interface Scope {
  all: boolean;
  /** Companies whose roster and training the caller sees. */
  companyIds: Set<string>;
  /** Companies the caller belongs to as property staff. */
  ownCompanyIds: Set<string>;
}

/** A figure row per invitation, as `records` returns it plus the month it falls in. */
interface FigureRow extends TrainingRecord {
  parkId: string;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/**
 * Training (纵向延伸培训): rosters of property companies' staff, sessions with invitations, attendance and
 * exam results (entered in bulk or imported from a sheet), and the figures per company and month.
 */
export function createTrainingService(deps: { db: Db; audit: AuditService; now?: () => Date }) {
  const { db, audit } = deps;
  const now = deps.now ?? (() => new Date());

  /** Contracts (company, park, site) the scope is computed from. */
  async function contracts(q: Queryable) {
    return q.select({ companyId: propertyContracts.propertyCompanyId, parkId: propertyContracts.parkId, siteId: districts.siteId }).from(propertyContracts).innerJoin(districts, eq(districts.id, propertyContracts.districtId));
  }

  async function scopeOf(actor: Actor): Promise<Scope> {
    const own = new Set(propertyCompanyIdsOf(actor));
    if (isGlobalOperator(actor)) return { all: true, companyIds: new Set(), ownCompanyIds: own };
    const companyIds = new Set(own);
    if (isOperator(actor)) for (const c of await contracts(db)) if (operatorCovers(actor, { parkId: c.parkId, siteId: c.siteId })) companyIds.add(c.companyId);
    return { all: false, companyIds, ownCompanyIds: own };
  }

  const sees = (s: Scope, companyId: string) => s.all || s.companyIds.has(companyId);

  function assertAnyRole(actor: Actor) {
    if (!isOperator(actor) && propertyCompanyIdsOf(actor).length === 0) throw forbidden('Only operators and property staff see training');
  }

  async function companyNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await db.select({ id: propertyCompanies.id, name: propertyCompanies.name }).from(propertyCompanies).where(inArray(propertyCompanies.id, [...new Set(ids)]));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** A staff member as the caller sees them: their phone in full only to their own company's property staff. */
  function staffView(s: StaffRow, companyName: string, own: ReadonlySet<string>): StaffView {
    return { id: s.id, propertyCompanyId: s.propertyCompanyId, propertyCompanyName: companyName, name: s.name, post: s.post, phone: own.has(s.propertyCompanyId) ? s.phone : maskPhone(s.phone), userId: s.userId, isActive: s.isActive, createdAt: s.createdAt.toISOString() };
  }

  /** The staff member if the caller sees their company; 404 otherwise (also for a guessed id). */
  async function loadStaff(ctx: RequestContext, id: string): Promise<StaffRow> {
    const [s] = await db.select().from(trainingStaff).where(eq(trainingStaff.id, id));
    if (!s || !sees(await scopeOf(ctx.actor), s.propertyCompanyId)) throw notFound('Staff member', id);
    return s;
  }

  /** A linked ParkOS account must be one of the company's own property staff; 400 naming the field otherwise. */
  async function assertCompanyUser(userId: string | null | undefined, companyId: string) {
    if (!userId) return;
    const [g] = await db
      .select({ id: roleGrants.id })
      .from(roleGrants)
      .where(and(eq(roleGrants.userId, userId), eq(roleGrants.role, 'property'), eq(roleGrants.scopeType, 'property_company'), eq(roleGrants.scopeId, companyId)));
    if (!g) throw validationError('body.userId', 'is not a ParkOS user of this property company');
  }

  /** Operators covering the park may act on any session of it; property staff on their own company's sessions. */
  function canRecord(actor: Actor, scope: Scope, s: SessionRow) {
    return operatorCovers(actor, { parkId: s.parkId }) || (s.organizerCompanyId !== null && scope.ownCompanyIds.has(s.organizerCompanyId));
  }

  /** The invitations of a session the caller may see: all for operators of its park, their own company's otherwise. */
  function visibleInvitations(actor: Actor, scope: Scope, s: SessionRow, rows: InvitationRow[]) {
    if (operatorCovers(actor, { parkId: s.parkId })) return rows;
    return rows.filter((r) => scope.ownCompanyIds.has(r.propertyCompanyId));
  }

  /** The session if the caller operates its park or their company is invited or organised it; 404 otherwise. */
  async function loadSession(ctx: RequestContext, id: string): Promise<{ s: SessionRow; scope: Scope; invitations: InvitationRow[] }> {
    const [s] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, id));
    if (!s) throw notFound('Training session', id);
    const scope = await scopeOf(ctx.actor);
    const all = await db.select().from(trainingInvitations).where(eq(trainingInvitations.sessionId, id));
    const invitations = visibleInvitations(ctx.actor, scope, s, all);
    const mine = operatorCovers(ctx.actor, { parkId: s.parkId }) || invitations.length > 0 || (s.organizerCompanyId !== null && scope.ownCompanyIds.has(s.organizerCompanyId));
    if (!mine) throw notFound('Training session', id);
    return { s, scope, invitations };
  }

  const passedOf = (s: SessionRow, i: InvitationRow) => (s.hasExam && i.attended === true && i.score !== null && s.passMark !== null ? i.score >= s.passMark : null);

  function sessionView(actor: Actor, scope: Scope, s: SessionRow, invitations: InvitationRow[], names: Map<string, string>): SessionView {
    const attended = invitations.filter((i) => i.attended === true);
    const examined = attended.filter((i) => s.hasExam && i.score !== null);
    const companies = [...new Set(invitations.map((i) => i.propertyCompanyId))].map((id) => ({ id, name: names.get(id) ?? '' })).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    return {
      id: s.id,
      parkId: s.parkId,
      organizerCompanyId: s.organizerCompanyId,
      title: s.title,
      topic: s.topic,
      startsAt: s.startsAt.toISOString(),
      date: localDate(s.startsAt),
      time: localTime(s.startsAt),
      hours: s.hours,
      trainer: s.trainer,
      location: s.location,
      hasExam: s.hasExam,
      passMark: s.passMark,
      isRecorded: s.recordedAt !== null,
      hasStarted: s.startsAt <= now(),
      invited: invitations.length,
      attended: attended.length,
      examined: examined.length,
      passed: examined.filter((i) => passedOf(s, i) === true).length,
      companies,
      canRecord: canRecord(actor, scope, s),
    };
  }

  async function detailOf(actor: Actor, scope: Scope, s: SessionRow, invitations: InvitationRow[]): Promise<SessionDetailView> {
    const names = await companyNames(invitations.map((i) => i.propertyCompanyId));
    const staff = invitations.length ? await db.select().from(trainingStaff).where(inArray(trainingStaff.id, invitations.map((i) => i.staffId))) : [];
    const byId = new Map(staff.map((x) => [x.id, x]));
    const rows: InvitationView[] = invitations.map((i) => ({
      id: i.id,
      staffId: i.staffId,
      staffName: byId.get(i.staffId)?.name ?? '',
      post: byId.get(i.staffId)?.post ?? 'other',
      propertyCompanyId: i.propertyCompanyId,
      propertyCompanyName: names.get(i.propertyCompanyId) ?? '',
      attended: i.attended,
      score: i.score,
      passed: passedOf(s, i),
    }));
    rows.sort((a, b) => a.propertyCompanyName.localeCompare(b.propertyCompanyName, 'zh') || a.staffName.localeCompare(b.staffName, 'zh'));
    return { ...sessionView(actor, scope, s, invitations, names), invitations: rows };
  }

  /** One row per invitation of recorded sessions, filtered by park(s), companies and time. */
  async function figureRows(q: Queryable, filter: { parkId?: string; companyIds?: string[] | null; from: Date; to: Date }): Promise<FigureRow[]> {
    const where: SQL[] = [isNotNull(trainingSessions.recordedAt), gte(trainingSessions.startsAt, filter.from), lt(trainingSessions.startsAt, filter.to)];
    if (filter.parkId) where.push(eq(trainingSessions.parkId, filter.parkId));
    if (filter.companyIds) {
      if (!filter.companyIds.length) return [];
      where.push(inArray(trainingInvitations.propertyCompanyId, filter.companyIds));
    }
    const rows = await q
      .select({ i: trainingInvitations, s: trainingSessions })
      .from(trainingInvitations)
      .innerJoin(trainingSessions, eq(trainingSessions.id, trainingInvitations.sessionId))
      .where(and(...where))
      .orderBy(asc(trainingSessions.startsAt), asc(trainingInvitations.id));
    return rows.map(({ i, s }) => {
      const attended = i.attended === true;
      const examined = attended && s.hasExam && i.score !== null && s.passMark !== null;
      return { parkId: s.parkId, propertyCompanyId: i.propertyCompanyId, sessionId: s.id, staffKey: i.staffId, attended, examined, passed: examined && i.score! >= s.passMark!, hours: s.hours, heldAt: s.startsAt };
    });
  }

  /** Checks and normalises a results list against a session's invitations; throws a 400 naming the row's field. */
  function checkResults(s: SessionRow, invited: Set<string>, results: ResultsBody['results']) {
    const seen = new Set<string>();
    results.forEach((r, i) => {
      if (!invited.has(r.staffId)) throw validationError(`body.results.${i}.staffId`, 'is not invited to this session');
      if (seen.has(r.staffId)) throw validationError(`body.results.${i}.staffId`, 'appears twice');
      seen.add(r.staffId);
      if (r.score !== null && r.score !== undefined) {
        if (!s.hasExam) throw validationError(`body.results.${i}.score`, 'the session has no exam');
        if (!r.attended) throw validationError(`body.results.${i}.score`, 'only attendees have a score');
      }
    });
  }

  async function saveResults(ctx: RequestContext, s: SessionRow, results: { staffId: string; attended: boolean; score: number | null }[], via: 'entry' | 'import') {
    const at = now();
    if (s.startsAt > at) throw new AppError(ErrorCode.CONFLICT, { message: 'The session has not started yet', details: { reason: 'not_started' } });
    await db.transaction(async (tx) => {
      const before = await tx.select().from(trainingInvitations).where(eq(trainingInvitations.sessionId, s.id));
      const old = new Map(before.map((b) => [b.staffId, b]));
      for (const r of results) {
        await tx.update(trainingInvitations).set({ attended: r.attended, score: r.attended ? r.score : null, recordedById: ctx.actor.userId === '00000000-0000-0000-0000-000000000000' ? null : ctx.actor.userId, recordedAt: at }).where(and(eq(trainingInvitations.sessionId, s.id), eq(trainingInvitations.staffId, r.staffId)));
      }
      if (!s.recordedAt) await tx.update(trainingSessions).set({ recordedAt: at, updatedAt: at }).where(eq(trainingSessions.id, s.id));
      await audit.record(tx, ctx, {
        action: 'training_session.results_recorded',
        entityType: 'training_session',
        entityId: s.id,
        before: results.map((r) => ({ staffId: r.staffId, attended: old.get(r.staffId)?.attended ?? null, score: old.get(r.staffId)?.score ?? null })),
        after: { via, results },
        parkId: s.parkId,
      });
    });
  }

  async function reload(ctx: RequestContext, id: string): Promise<SessionDetailView> {
    const { s, scope, invitations } = await loadSession(ctx, id);
    return detailOf(ctx.actor, scope, s, invitations);
  }

  return {
    /** Property companies the caller sees (operators: contracted in their parks; staff: their own), with their parks. */
    async findCompanies(ctx: RequestContext, query: { parkId?: string }): Promise<CompanyView[]> {
      assertAnyRole(ctx.actor);
      const scope = await scopeOf(ctx.actor);
      const all = await contracts(db);
      const ids = [...new Set(all.filter((c) => sees(scope, c.companyId) && (!query.parkId || c.parkId === query.parkId)).map((c) => c.companyId))];
      if (scope.all && !query.parkId) for (const r of await db.select({ id: propertyCompanies.id }).from(propertyCompanies)) if (!ids.includes(r.id)) ids.push(r.id);
      for (const own of scope.ownCompanyIds) if (!query.parkId && !ids.includes(own)) ids.push(own);
      if (!ids.length) return [];
      const names = await companyNames(ids);
      const counts = await db.select({ id: trainingStaff.propertyCompanyId, n: sql<number>`count(*)::int` }).from(trainingStaff).where(and(inArray(trainingStaff.propertyCompanyId, ids), eq(trainingStaff.isActive, true))).groupBy(trainingStaff.propertyCompanyId);
      return ids
        .map((id) => ({
          id,
          name: names.get(id) ?? '',
          // Parks shown only where the caller may see them.
          parkIds: [...new Set(all.filter((c) => c.companyId === id && (scope.all || scope.ownCompanyIds.has(id) || operatorCovers(ctx.actor, { parkId: c.parkId, siteId: c.siteId }))).map((c) => c.parkId))],
          activeStaff: Number(counts.find((c) => c.id === id)?.n ?? 0),
        }))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    },

    /** The roster of the companies the caller sees (active only unless asked). */
    async findStaff(ctx: RequestContext, query: { propertyCompanyId?: string; includeInactive?: 'true' | 'false' }): Promise<StaffView[]> {
      assertAnyRole(ctx.actor);
      const scope = await scopeOf(ctx.actor);
      if (query.propertyCompanyId && !sees(scope, query.propertyCompanyId)) return [];
      const where: SQL[] = [];
      if (query.propertyCompanyId) where.push(eq(trainingStaff.propertyCompanyId, query.propertyCompanyId));
      else if (!scope.all) {
        if (!scope.companyIds.size) return [];
        where.push(inArray(trainingStaff.propertyCompanyId, [...scope.companyIds]));
      }
      if (query.includeInactive !== 'true') where.push(eq(trainingStaff.isActive, true));
      const rows = await db.select().from(trainingStaff).where(and(...where));
      const names = await companyNames(rows.map((r) => r.propertyCompanyId));
      return rows
        .map((r) => staffView(r, names.get(r.propertyCompanyId) ?? '', scope.ownCompanyIds))
        .sort((a, b) => a.propertyCompanyName.localeCompare(b.propertyCompanyName, 'zh') || a.name.localeCompare(b.name, 'zh'));
    },

    /** Adds a staff member to the caller's own company's roster (its property staff only). */
    async createStaff(ctx: RequestContext, body: CreateStaffBody): Promise<StaffView> {
      assertCanWrite(ctx.actor);
      const scope = await scopeOf(ctx.actor);
      if (!scope.ownCompanyIds.has(body.propertyCompanyId)) {
        if (sees(scope, body.propertyCompanyId)) throw forbidden('Only the company’s own staff manage its roster');
        throw notFound('Property company', body.propertyCompanyId);
      }
      await assertCompanyUser(body.userId, body.propertyCompanyId);
      const s = await db.transaction(async (tx) => {
        const [row] = await tx.insert(trainingStaff).values({ propertyCompanyId: body.propertyCompanyId, name: body.name, post: body.post, phone: body.phone ?? null, userId: body.userId ?? null }).returning();
        await audit.record(tx, ctx, { action: 'training_staff.created', entityType: 'training_staff', entityId: row.id, after: { propertyCompanyId: row.propertyCompanyId, name: row.name, post: row.post, phone: row.phone, userId: row.userId } });
        return row;
      });
      return staffView(s, (await companyNames([s.propertyCompanyId])).get(s.propertyCompanyId) ?? '', scope.ownCompanyIds);
    },

    /** A staff member with their training record. */
    async getStaff(ctx: RequestContext, id: string): Promise<StaffDetailView> {
      const s = await loadStaff(ctx, id);
      const rows = await db.select({ i: trainingInvitations, s: trainingSessions }).from(trainingInvitations).innerJoin(trainingSessions, eq(trainingSessions.id, trainingInvitations.sessionId)).where(eq(trainingInvitations.staffId, id)).orderBy(desc(trainingSessions.startsAt));
      const record = rows.map(({ i, s: x }) => ({ sessionId: x.id, title: x.title, topic: x.topic, startsAt: x.startsAt.toISOString(), hours: x.hours, hasExam: x.hasExam, passMark: x.passMark, isRecorded: x.recordedAt !== null, attended: i.attended, score: i.score, passed: passedOf(x, i) }));
      const counted = record.filter((r) => r.isRecorded);
      const attended = counted.filter((r) => r.attended === true);
      return {
        ...staffView(s, (await companyNames([s.propertyCompanyId])).get(s.propertyCompanyId) ?? '', new Set(propertyCompanyIdsOf(ctx.actor))),
        record,
        totals: { invited: counted.length, attended: attended.length, hours: round2(attended.reduce((a, r) => a + r.hours, 0)), examined: attended.filter((r) => r.score !== null && r.hasExam).length, passed: attended.filter((r) => r.passed === true).length },
      };
    },

    /** Changes a staff member (their company's property staff only); audited with before and after. */
    async updateStaff(ctx: RequestContext, id: string, body: UpdateStaffBody): Promise<StaffView> {
      assertCanWrite(ctx.actor);
      const s = await loadStaff(ctx, id);
      if (!propertyCompanyIdsOf(ctx.actor).includes(s.propertyCompanyId)) throw forbidden('Only the company’s own staff manage its roster');
      await assertCompanyUser(body.userId, s.propertyCompanyId);
      const patch = { name: body.name, post: body.post, phone: body.phone === undefined ? undefined : body.phone, userId: body.userId === undefined ? undefined : body.userId, isActive: body.isActive };
      const u = await db.transaction(async (tx) => {
        const [row] = await tx.update(trainingStaff).set({ ...patch, updatedAt: now() }).where(eq(trainingStaff.id, id)).returning();
        await audit.record(tx, ctx, { action: 'training_staff.updated', entityType: 'training_staff', entityId: id, before: { name: s.name, post: s.post, phone: s.phone, userId: s.userId, isActive: s.isActive }, after: { name: row.name, post: row.post, phone: row.phone, userId: row.userId, isActive: row.isActive } });
        return row;
      });
      return staffView(u, (await companyNames([u.propertyCompanyId])).get(u.propertyCompanyId) ?? '', new Set(propertyCompanyIdsOf(ctx.actor)));
    },

    /** Sessions the caller sees, newest first, with counts over the invitations they may see. */
    async findSessions(ctx: RequestContext, query: { parkId?: string; propertyCompanyId?: string; from?: string; to?: string }): Promise<SessionView[]> {
      assertAnyRole(ctx.actor);
      const scope = await scopeOf(ctx.actor);
      const where: SQL[] = [];
      if (query.parkId) where.push(eq(trainingSessions.parkId, query.parkId));
      if (query.from) where.push(gte(trainingSessions.startsAt, localInstant(query.from)));
      if (query.to) where.push(lt(trainingSessions.startsAt, localInstant(addDays(query.to, 1))));
      const sessions = await db.select().from(trainingSessions).where(and(...where)).orderBy(desc(trainingSessions.startsAt)).limit(1000);
      if (!sessions.length) return [];
      const invitations = await db.select().from(trainingInvitations).where(inArray(trainingInvitations.sessionId, sessions.map((s) => s.id)));
      const names = await companyNames(invitations.map((i) => i.propertyCompanyId));
      const out: SessionView[] = [];
      for (const s of sessions) {
        let own = visibleInvitations(ctx.actor, scope, s, invitations.filter((i) => i.sessionId === s.id));
        const organiser = s.organizerCompanyId !== null && scope.ownCompanyIds.has(s.organizerCompanyId);
        if (!operatorCovers(ctx.actor, { parkId: s.parkId }) && !own.length && !organiser) continue;
        if (query.propertyCompanyId) {
          own = own.filter((i) => i.propertyCompanyId === query.propertyCompanyId);
          if (!own.length) continue;
        }
        out.push(sessionView(ctx.actor, scope, s, own, names));
      }
      return out;
    },

    /**
     * Schedules a session and invites chosen staff or whole rosters: operators of the park invite any company
     * contracted in it; property staff only their own company's staff (the company then organises it).
     */
    async createSession(ctx: RequestContext, body: CreateSessionBody): Promise<SessionDetailView> {
      assertCanWrite(ctx.actor);
      const scope = await scopeOf(ctx.actor);
      const [park] = await db.select({ id: parks.id }).from(parks).where(eq(parks.id, body.parkId));
      const asOperator = operatorCovers(ctx.actor, { parkId: body.parkId });
      if (!park) throw notFound('Park', body.parkId);
      const contracted = new Set((await contracts(db)).filter((c) => c.parkId === body.parkId).map((c) => c.companyId));
      if (!asOperator) {
        const own = body.invite.every((v) => scope.ownCompanyIds.has(v.propertyCompanyId)) && new Set(body.invite.map((v) => v.propertyCompanyId)).size === 1;
        if (!own || !contracted.has(body.invite[0].propertyCompanyId)) {
          if (!scope.ownCompanyIds.size) throw notFound('Park', body.parkId);
          throw forbidden('Property staff schedule sessions for their own company in a park it works in');
        }
      }
      if (body.hasExam && (body.passMark === null || body.passMark === undefined)) throw validationError('body.passMark', 'is required with an exam');
      if (!body.hasExam && body.passMark !== null && body.passMark !== undefined) throw validationError('body.passMark', 'is set only with an exam');
      if (Math.round(body.hours * 4) !== body.hours * 4) throw validationError('body.hours', 'in quarter hours');
      const seenCompanies = new Set<string>();
      const staffIds: { staffId: string; companyId: string }[] = [];
      for (const [i, v] of body.invite.entries()) {
        if (seenCompanies.has(v.propertyCompanyId)) throw validationError(`body.invite.${i}.propertyCompanyId`, 'appears twice');
        seenCompanies.add(v.propertyCompanyId);
        if (!contracted.has(v.propertyCompanyId) || !sees(scope, v.propertyCompanyId)) throw validationError(`body.invite.${i}.propertyCompanyId`, 'is not a property company of this park');
        const roster = await db.select().from(trainingStaff).where(and(eq(trainingStaff.propertyCompanyId, v.propertyCompanyId), eq(trainingStaff.isActive, true)));
        const ids = new Set(roster.map((r) => r.id));
        if (v.staffIds) {
          v.staffIds.forEach((id, k) => {
            if (!ids.has(id)) throw validationError(`body.invite.${i}.staffIds.${k}`, 'is not an active staff member of this company');
          });
          for (const id of new Set(v.staffIds)) staffIds.push({ staffId: id, companyId: v.propertyCompanyId });
        } else for (const r of roster) staffIds.push({ staffId: r.id, companyId: v.propertyCompanyId });
      }
      if (!staffIds.length) throw validationError('body.invite', 'invites nobody: the rosters are empty');
      const startsAt = localInstant(body.date, body.time);
      const s = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(trainingSessions)
          .values({
            parkId: body.parkId,
            organizerCompanyId: asOperator ? null : body.invite[0].propertyCompanyId,
            title: body.title,
            topic: body.topic,
            startsAt,
            hours: body.hours,
            trainer: body.trainer,
            location: body.location ?? null,
            hasExam: body.hasExam,
            passMark: body.hasExam ? body.passMark! : null,
            createdById: ctx.actor.via === 'system' ? null : ctx.actor.userId,
          })
          .returning();
        await tx.insert(trainingInvitations).values(staffIds.map((x) => ({ sessionId: row.id, staffId: x.staffId, propertyCompanyId: x.companyId })));
        await audit.record(tx, ctx, { action: 'training_session.created', entityType: 'training_session', entityId: row.id, after: { title: row.title, topic: row.topic, startsAt: row.startsAt, hours: row.hours, hasExam: row.hasExam, passMark: row.passMark, invited: staffIds.length }, parkId: row.parkId });
        return row;
      });
      const invitations = await db.select().from(trainingInvitations).where(eq(trainingInvitations.sessionId, s.id));
      return detailOf(ctx.actor, scope, s, visibleInvitations(ctx.actor, scope, s, invitations));
    },

    /** A session with the invitations the caller may see. */
    async getSession(ctx: RequestContext, id: string): Promise<SessionDetailView> {
      return reload(ctx, id);
    },

    /** Records attendance and exam scores for invited staff (all rows or none); passed = score ≥ pass mark. */
    async recordResults(ctx: RequestContext, id: string, body: ResultsBody): Promise<SessionDetailView> {
      assertCanWrite(ctx.actor);
      const { s, scope, invitations } = await loadSession(ctx, id);
      if (!canRecord(ctx.actor, scope, s)) throw forbidden('Only operators of the park or the organising company record results');
      checkResults(s, new Set(invitations.map((i) => i.staffId)), body.results);
      await saveResults(ctx, s, body.results.map((r) => ({ staffId: r.staffId, attended: r.attended, score: r.score ?? null })), 'entry');
      return reload(ctx, id);
    },

    /** The results sheet to fill in: one row per invitation, with the staff id to match rows on import. */
    async resultsTemplate(ctx: RequestContext, id: string): Promise<{ fileName: string; data: Buffer }> {
      const { s, scope, invitations } = await loadSession(ctx, id);
      if (!canRecord(ctx.actor, scope, s)) throw forbidden('Only operators of the park or the organising company record results');
      const detail = await detailOf(ctx.actor, scope, s, invitations);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('results');
      ws.columns = RESULT_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
      for (const i of detail.invitations) ws.addRow({ staffId: i.staffId, name: i.staffName, company: i.propertyCompanyName, attended: i.attended === null ? '' : i.attended ? '是' : '否', score: i.score ?? '' });
      return { fileName: `training-${localDate(s.startsAt)}.xlsx`, data: Buffer.from(await wb.xlsx.writeBuffer()) };
    },

    /**
     * Imports a filled-in results sheet: every row is checked first; when any row is bad nothing is saved and the
     * 400 lists each bad row with its row number, column and a code.
     */
    async importResults(ctx: RequestContext, id: string, xlsxBase64: string): Promise<SessionDetailView> {
      assertCanWrite(ctx.actor);
      const { s, scope, invitations } = await loadSession(ctx, id);
      if (!canRecord(ctx.actor, scope, s)) throw forbidden('Only operators of the park or the organising company record results');
      const detail = await detailOf(ctx.actor, scope, s, invitations);
      const parsed = await parseResultsSheet(Buffer.from(xlsxBase64, 'base64'), { hasExam: s.hasExam, invitations: detail.invitations.map((i) => ({ staffId: i.staffId, name: i.staffName })) });
      if (parsed.errors.length) throw importError(parsed.errors);
      if (!parsed.results.length) throw validationError('body.xlsxBase64', 'the sheet has no rows');
      await saveResults(ctx, s, parsed.results, 'import');
      return reload(ctx, id);
    },

    /**
     * Figures per company over a period (local dates, both inclusive; default the last 12 months):
     * sessions, invited, attendance rate, hours per active staff member, pass rate, and the same per month.
     */
    async getFigures(ctx: RequestContext, query: { parkId?: string; propertyCompanyId?: string; from?: string; to?: string }): Promise<FiguresView> {
      assertAnyRole(ctx.actor);
      const scope = await scopeOf(ctx.actor);
      const today = localDate(now());
      const to = query.to ?? today;
      const from = query.from ?? `${addMonths(monthOf(to), -11)}-01`;
      if (from > to) throw validationError('query.from', 'must not be after to', 'must_not_be_after', { other: 'to' });
      const all = await contracts(db);
      // The park: the one asked (which the caller must see), else the first one the caller sees.
      const visibleParks = [...new Set(all.filter((c) => scope.all || operatorCovers(ctx.actor, { parkId: c.parkId, siteId: c.siteId }) || scope.ownCompanyIds.has(c.companyId)).map((c) => c.parkId))];
      let parkId = query.parkId;
      if (parkId && !visibleParks.includes(parkId) && !operatorCovers(ctx.actor, { parkId })) throw notFound('Park', parkId);
      parkId ??= visibleParks.sort()[0];
      if (!parkId) return { parkId: '', from, to, companies: [] };
      const parkCompanies = [...new Set(all.filter((c) => c.parkId === parkId).map((c) => c.companyId))];
      // Operators of the park see every company working in it; property staff their own.
      let companyIds = operatorCovers(ctx.actor, { parkId }) ? parkCompanies : parkCompanies.filter((c) => scope.ownCompanyIds.has(c));
      if (query.propertyCompanyId) companyIds = companyIds.filter((c) => c === query.propertyCompanyId);
      const rows = await figureRows(db, { parkId, companyIds, from: localInstant(from), to: localInstant(addDays(to, 1)) });
      const names = await companyNames(companyIds);
      const active = companyIds.length ? await db.select({ id: trainingStaff.propertyCompanyId, n: sql<number>`count(*)::int` }).from(trainingStaff).where(and(inArray(trainingStaff.propertyCompanyId, companyIds), eq(trainingStaff.isActive, true))).groupBy(trainingStaff.propertyCompanyId) : [];
      const months: string[] = [];
      for (let m = monthOf(from); m <= monthOf(to); m = addMonths(m, 1)) months.push(m);
      const sum = (list: FigureRow[]) => ({ invited: list.length, attended: list.filter((r) => r.attended).length, examined: list.filter((r) => r.examined).length, passed: list.filter((r) => r.passed).length });
      return {
        parkId,
        from,
        to,
        companies: companyIds
          .map((id) => {
            const own = rows.filter((r) => r.propertyCompanyId === id);
            const c = sum(own);
            const hours = round2(own.filter((r) => r.attended).reduce((a, r) => a + r.hours, 0));
            const staff = Number(active.find((a) => a.id === id)?.n ?? 0);
            return {
              propertyCompanyId: id,
              name: names.get(id) ?? '',
              sessions: new Set(own.map((r) => r.sessionId)).size,
              ...c,
              attendanceRate: ratio(c.attended, c.invited),
              passRate: ratio(c.passed, c.examined),
              hours,
              activeStaff: staff,
              hoursPerStaff: staff ? hours / staff : null,
              months: months.map((m) => {
                const x = sum(own.filter((r) => localDate(r.heldAt).startsWith(m)));
                return { month: m, ...x, attendanceRate: ratio(x.attended, x.invited), passRate: ratio(x.passed, x.examined) };
              }),
            };
          })
          .sort((a, b) => a.name.localeCompare(b.name, 'zh')),
      };
    },

    /**
     * The evaluation data contract: one row per invited staff member of each session of the park held in
     * [from, to) whose attendance has been recorded.
     */
    async records(q: Queryable, range: { parkId: string; from: Date; to: Date }): Promise<TrainingRecord[]> {
      const rows = await figureRows(q, { parkId: range.parkId, from: range.from, to: range.to });
      return rows.map(({ parkId: _park, ...r }) => r);
    },
  };
}

/** A 400 listing every bad row of an imported sheet; the first names the field. */
function importError(errors: ImportRowError[]): AppError {
  return new AppError(ErrorCode.VALIDATION, {
    message: `body.xlsxBase64: ${errors.length} row(s) of the sheet have errors; nothing was saved`,
    details: { fields: errors.map((e) => ({ field: 'body.xlsxBase64', message: `row ${e.row}, column ${e.column} (${e.header}): ${e.code}` })), rows: errors },
  });
}

export type TrainingService = ReturnType<typeof createTrainingService>;

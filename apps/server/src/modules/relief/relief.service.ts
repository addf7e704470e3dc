import ExcelJS from 'exceljs';
import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { conflict, forbidden, notFound, validationError } from '../../lib/errors';
import { offsetOf, type Page } from '../../lib/pagination';
import type { ApprovalsService } from '../approvals';
import { addMonths, amountDueOf, periodBounds, type BillingService } from '../billing';
import { bills } from '../billing/billing.table';
import type { FilesService, FileView } from '../files';
import { assertCanWrite, enterpriseIdsOf, isGlobalOperator, operatorCovers, operatorParkIds, type Actor } from '../identity/actor';
import type { AuditService } from '../identity/audit.service';
import { enterprises, leases, sites, units } from '../parks/parks.table';
import type { CreateProgrammeBody, Reason, UpdateProgrammeBody } from './relief.schema';
import { ACTIVE_RELIEF_STATUSES, RELIEF_APPLICATION_STATUSES, reliefApplications, reliefProgrammes, type ReliefApplicationStatus, type ReliefLine } from './relief.table';

export const RELIEF_SUBJECT = 'relief_application';
export const RELIEF_FILE_OWNER = 'relief_application';
/** The approval flow the demo park seeds for relief (property check → park finance → leadership 会签). */
export const RELIEF_FLOW_KEY = 'rent_relief.review';

type ProgrammeRow = typeof reliefProgrammes.$inferSelect;
type ApplicationRow = typeof reliefApplications.$inferSelect;

export interface LeaseFacts {
  leaseId: string;
  unitCode: string;
  areaM2: number;
  startDate: string;
  endDate: string;
  monthlyRentFen: number;
}

/** The months of a programme, `YYYY-MM`, in order. */
export function programmeMonths(p: { fromPeriod: string; toPeriod: string }): string[] {
  const out: string[] = [];
  for (let m = p.fromPeriod; m <= p.toPeriod && out.length < 120; m = addMonths(m, 1)) out.push(m);
  return out;
}

/**
 * The relief of one enterprise's qualifying leases, month by month (integer fen): months free
 * (the programme's first N months at full rent), a percentage off (rounded down), or a fixed
 * amount per m² per month (never more than the rent); then cut to the cap per enterprise from
 * the last month backwards.
 */
export function computeRelief(p: Pick<ProgrammeRow, 'fromPeriod' | 'toPeriod' | 'reliefKind' | 'reliefValue' | 'capPerEnterpriseFen'>, leaseFacts: LeaseFacts[]): { lines: ReliefLine[]; totalFen: number; capped: boolean } {
  const months = programmeMonths(p);
  const lines: ReliefLine[] = [];
  months.forEach((period, index) => {
    const { startDate, endDate } = periodBounds(period);
    for (const l of leaseFacts) {
      // The lease covers (part of) the month.
      if (!(l.startDate < endDate && l.endDate >= startDate)) continue;
      const rent = l.monthlyRentFen;
      const amount =
        p.reliefKind === 'months_free' ? (index < p.reliefValue ? rent : 0) : p.reliefKind === 'percent' ? Math.floor((rent * Math.min(100, p.reliefValue)) / 100) : Math.min(rent, Math.round(l.areaM2 * p.reliefValue));
      if (amount > 0) lines.push({ leaseId: l.leaseId, unitCode: l.unitCode, period, rentFen: rent, amountFen: amount });
    }
  });
  let total = lines.reduce((a, l) => a + l.amountFen, 0);
  let capped = false;
  if (p.capPerEnterpriseFen !== null && total > p.capPerEnterpriseFen) {
    capped = true;
    let over = total - p.capPerEnterpriseFen;
    for (let i = lines.length - 1; i >= 0 && over > 0; i--) {
      const cut = Math.min(over, lines[i].amountFen);
      lines[i] = { ...lines[i], amountFen: lines[i].amountFen - cut };
      over -= cut;
    }
    total = p.capPerEnterpriseFen;
  }
  return { lines: lines.filter((l) => l.amountFen > 0), totalFen: total, capped };
}

/** Today in the park's calendar (Asia/Shanghai). */
function todayInPark(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

function pgCode(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code;
}

/**
 * Rent relief (疫情减租): programmes per park, eligibility from the park's own data, applications
 * reviewed through an approval case, and on the final approval credits on the enterprise's rent
 * bills (billing's credit notes) within the programme's budget.
 */
export function createReliefService(deps: { db: Db; audit: AuditService; approvals: ApprovalsService; files: FilesService; billing: BillingService; now?: () => Date }) {
  const { db, audit, approvals, files, billing } = deps;
  const now = deps.now ?? (() => new Date());

  // ---------- visibility ----------

  async function parkIdsOfEnterprises(q: Db | Tx, actor: Actor): Promise<string[]> {
    const ids = enterpriseIdsOf(actor);
    if (!ids.length) return [];
    return (await q.selectDistinct({ parkId: enterprises.parkId }).from(enterprises).where(inArray(enterprises.id, ids))).map((r) => r.parkId);
  }

  /** Operators of the park see every programme; its enterprises' people see open and closed ones. */
  async function programmeRow(ctx: RequestContext, id: string, q: Db | Tx = db, lock = false): Promise<ProgrammeRow> {
    const query = q.select().from(reliefProgrammes).where(eq(reliefProgrammes.id, id));
    const [p] = lock ? await query.for('update') : await query;
    if (!p) throw notFound('relief programme', id);
    if (operatorCovers(ctx.actor, { parkId: p.parkId })) return p;
    if (p.status !== 'draft' && (await parkIdsOfEnterprises(q, ctx.actor)).includes(p.parkId)) return p;
    throw notFound('relief programme', id);
  }

  function assertOperatorOf(ctx: RequestContext, p: { parkId: string }) {
    if (!operatorCovers(ctx.actor, { parkId: p.parkId })) throw forbidden('Only operators of the park manage relief programmes');
  }

  async function canSeeCase(ctx: RequestContext, caseId: string | null): Promise<boolean> {
    if (!caseId) return false;
    try {
      await approvals.getCase(ctx, caseId);
      return true;
    } catch {
      return false;
    }
  }

  /** Operators of the park, the enterprise's admins, and whoever may see its approval case (its approvers). */
  async function canReadApplication(ctx: RequestContext, a: ApplicationRow): Promise<boolean> {
    if (operatorCovers(ctx.actor, { parkId: a.parkId })) return true;
    if (enterpriseIdsOf(ctx.actor, ['enterprise_admin']).includes(a.enterpriseId)) return true;
    return canSeeCase(ctx, a.caseId);
  }

  async function applicationRow(ctx: RequestContext, id: string, q: Db | Tx = db): Promise<ApplicationRow> {
    const [a] = await q.select().from(reliefApplications).where(eq(reliefApplications.id, id));
    if (!a || !(await canReadApplication(ctx, a))) throw notFound('relief application', id);
    return a;
  }

  // ---------- eligibility ----------

  async function evaluate(q: Db | Tx, p: ProgrammeRow, enterpriseId: string) {
    const [e] = await q.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
    if (!e || e.parkId !== p.parkId) throw notFound('enterprise', enterpriseId);
    const reasons: Reason[] = [];
    if (p.status !== 'open') reasons.push({ code: 'programme_not_open', params: { status: p.status } });
    if (e.status !== 'active') reasons.push({ code: 'enterprise_moved_out', params: {} });
    const rows = await q
      .select({ l: leases, unitCode: units.code, area: units.area })
      .from(leases)
      .innerJoin(units, eq(units.id, leases.unitId))
      .where(and(eq(leases.enterpriseId, e.id), eq(leases.status, 'active'), sql`${leases.startDate} <= ${p.leaseActiveOn}`, sql`${leases.endDate} >= ${p.leaseActiveOn}`))
      .orderBy(asc(units.code));
    if (!rows.length) reasons.push({ code: 'no_active_lease', params: { date: p.leaseActiveOn } });
    if (p.sizes.length && !p.sizes.includes(e.size)) reasons.push({ code: 'size_not_eligible', params: { size: e.size, allowed: p.sizes } });
    if (p.industries.length && !p.industries.includes(e.industry)) reasons.push({ code: 'industry_not_eligible', params: { industry: e.industry, allowed: p.industries } });
    const [debt] = await q
      .select({ fen: sql<number>`coalesce(sum(${bills.amountFen} - ${bills.creditedFen}), 0)::bigint` })
      .from(bills)
      .where(and(eq(bills.enterpriseId, e.id), isNull(bills.userId), eq(bills.status, 'open'), lt(bills.dueDate, todayInPark(now()))));
    const arrearsFen = Number(debt.fen);
    if (p.arrearsLimitFen !== null && arrearsFen > p.arrearsLimitFen) reasons.push({ code: 'arrears_over_limit', params: { arrearsFen, limitFen: p.arrearsLimitFen } });
    const areaM2 = Math.round(rows.reduce((a, r) => a + r.area, 0) * 100) / 100;
    if (p.maxAreaM2 !== null && areaM2 > p.maxAreaM2) reasons.push({ code: 'area_over_limit', params: { areaM2, limitM2: p.maxAreaM2 } });
    const relief = computeRelief(p, rows.map((r) => ({ leaseId: r.l.id, unitCode: r.unitCode, areaM2: r.area, startDate: r.l.startDate, endDate: r.l.endDate, monthlyRentFen: r.l.monthlyRentFen })));
    if (rows.length && relief.totalFen === 0) reasons.push({ code: 'no_rent_in_period', params: { from: p.fromPeriod, to: p.toPeriod } });
    const eligible = reasons.length === 0;
    return { enterprise: e, eligible, reasons, reliefFen: eligible ? relief.totalFen : 0, capped: relief.capped, areaM2, arrearsFen, lines: eligible ? relief.lines : [] };
  }

  /** The enterprise the caller acts for: the one asked (admins of it, or operators of the park), or the caller's only enterprise in the park. */
  async function enterpriseFor(ctx: RequestContext, p: ProgrammeRow, asked: string | undefined, q: Db | Tx = db): Promise<string> {
    if (asked) {
      if (operatorCovers(ctx.actor, { parkId: p.parkId }) || enterpriseIdsOf(ctx.actor, ['enterprise_admin']).includes(asked)) return asked;
      throw notFound('enterprise', asked);
    }
    const admins = enterpriseIdsOf(ctx.actor, ['enterprise_admin']);
    const inPark = admins.length ? (await q.select({ id: enterprises.id }).from(enterprises).where(and(inArray(enterprises.id, admins), eq(enterprises.parkId, p.parkId)))).map((r) => r.id) : [];
    if (inPark.length === 1) return inPark[0];
    if (!inPark.length) throw forbidden('Only an enterprise admin applies for rent relief');
    throw validationError('query.enterpriseId', 'is required when you administer several enterprises');
  }

  // ---------- views ----------

  const summaryColumns = { a: reliefApplications, programmeName: reliefProgrammes.name, enterpriseName: enterprises.legalName };
  const summaryQuery = (q: Db | Tx) =>
    q.select(summaryColumns).from(reliefApplications).innerJoin(reliefProgrammes, eq(reliefProgrammes.id, reliefApplications.programmeId)).innerJoin(enterprises, eq(enterprises.id, reliefApplications.enterpriseId));
  function summaryOf(r: { a: ApplicationRow; programmeName: string; enterpriseName: string }) {
    const { a } = r;
    return { id: a.id, programmeId: a.programmeId, programmeName: r.programmeName, enterpriseId: a.enterpriseId, enterpriseName: r.enterpriseName, caseId: a.caseId, status: a.status, reliefFen: a.reliefFen, grantedFen: a.grantedFen, note: a.note, createdAt: a.createdAt, updatedAt: a.updatedAt, decidedAt: a.decidedAt };
  }

  async function creditsOf(q: Db | Tx, applicationIds: string[]) {
    const rows = await billing.findCreditsBySources(q, applicationIds.map((id) => `${RELIEF_SUBJECT}:${id}`));
    return rows.map((r) => ({
      ...r.credit,
      billTitle: r.billTitle,
      billAmountFen: r.billAmountFen,
      billAmountDueFen: r.billAmountFen === null ? null : amountDueOf({ amountFen: r.billAmountFen, creditedFen: r.billCreditedFen ?? 0 }),
    }));
  }

  async function detailOf(q: Db | Tx, id: string) {
    const [row] = await summaryQuery(q).where(eq(reliefApplications.id, id));
    const materials: FileView[] = await files.findByOwner(q, RELIEF_FILE_OWNER, id);
    return { ...summaryOf(row), lines: row.a.lines, materials, credits: await creditsOf(q, [id]) };
  }

  async function attachAll(tx: Tx, ctx: RequestContext, applicationId: string, fileIds: string[]) {
    for (const [i, fileId] of fileIds.entries()) await files.attach(tx, ctx, { fileId, ownerType: RELIEF_FILE_OWNER, ownerId: applicationId, field: `body.fileIds.${i}` });
  }

  function checkProgramme(values: Partial<ProgrammeRow>) {
    if (values.fromPeriod && values.toPeriod && values.fromPeriod > values.toPeriod) throw validationError('body.toPeriod', 'must not be before fromPeriod');
    if (values.fromPeriod && values.toPeriod && programmeMonths({ fromPeriod: values.fromPeriod, toPeriod: values.toPeriod }).length > 24) throw validationError('body.toPeriod', 'a programme covers at most 24 months');
    if (values.reliefKind === 'percent' && (values.reliefValue ?? 0) > 100) throw validationError('body.reliefValue', 'a percentage is at most 100');
    if (values.reliefKind === 'months_free' && values.fromPeriod && values.toPeriod && (values.reliefValue ?? 0) > programmeMonths({ fromPeriod: values.fromPeriod, toPeriod: values.toPeriod }).length)
      throw validationError('body.reliefValue', 'more months free than the programme covers');
  }

  // ---------- the approval's outcome ----------

  approvals.registerSubjectType(RELIEF_SUBJECT, {
    async onOutcome(tx, { approvalCase, outcome, ctx }) {
      const [a] = await tx.select().from(reliefApplications).where(eq(reliefApplications.id, approvalCase.subjectId)).for('update');
      if (!a) return;
      const at = new Date();
      const place = { parkId: a.parkId, enterpriseId: a.enterpriseId };
      const setStatus = async (status: ReliefApplicationStatus, extra: Partial<ApplicationRow> = {}) => {
        await tx.update(reliefApplications).set({ status, updatedAt: at, ...extra }).where(eq(reliefApplications.id, a.id));
        await audit.record(tx, ctx, { action: `relief_application.${outcome}`, entityType: 'relief_application', entityId: a.id, before: { status: a.status }, after: { status, caseId: approvalCase.id, ...extra }, ...place });
      };
      if (outcome === 'approved') {
        // The programme row lock orders approvals of the same programme: the budget is checked against what is really granted.
        const [p] = await tx.select().from(reliefProgrammes).where(eq(reliefProgrammes.id, a.programmeId)).for('update');
        if (p.grantedFen + a.reliefFen > p.budgetFen) {
          throw conflict('Approving this application would take the relief granted past the programme’s budget', {
            reason: 'budget_exceeded',
            budgetFen: p.budgetFen,
            grantedFen: p.grantedFen,
            reliefFen: a.reliefFen,
          });
        }
        const grantedFen = p.grantedFen + a.reliefFen;
        await tx.update(reliefProgrammes).set({ grantedFen, updatedAt: at }).where(eq(reliefProgrammes.id, p.id));
        await audit.record(tx, ctx, { action: 'relief_programme.granted', entityType: 'relief_programme', entityId: p.id, before: { grantedFen: p.grantedFen }, after: { grantedFen, applicationId: a.id, reliefFen: a.reliefFen }, parkId: p.parkId });
        await setStatus('approved', { grantedFen: a.reliefFen, decidedAt: at });
        await billing.applyCredits(tx, ctx, {
          parkId: a.parkId,
          enterpriseId: a.enterpriseId,
          source: `${RELIEF_SUBJECT}:${a.id}`,
          details: { programmeId: p.id, programmeName: p.name, applicationId: a.id },
          lines: a.lines.map((l) => ({ leaseId: l.leaseId, period: l.period, amountFen: l.amountFen })),
        });
      } else if (outcome === 'rejected' || outcome === 'withdrawn') await setStatus(outcome, { decidedAt: at });
      else if (outcome === 'returned') await setStatus('returned');
      else if (outcome === 'resubmitted') await setStatus('in_review');
    },
  });

  files.registerOwner({
    ownerType: RELIEF_FILE_OWNER,
    purposes: ['document', 'image'],
    async canRead(ctx, ownerId) {
      const [a] = await db.select().from(reliefApplications).where(eq(reliefApplications.id, ownerId));
      return !!a && (await canReadApplication(ctx, a));
    },
    async canAttach(ctx, ownerId, q) {
      const [a] = await q.select().from(reliefApplications).where(eq(reliefApplications.id, ownerId));
      if (!a || !enterpriseIdsOf(ctx.actor, ['enterprise_admin']).includes(a.enterpriseId)) return null;
      if (a.status !== 'in_review' && a.status !== 'returned') return null;
      return { parkId: a.parkId, enterpriseId: a.enterpriseId };
    },
  });

  return {
    // ----- programmes -----

    async findProgrammes(ctx: RequestContext, query: { parkId?: string; status?: ProgrammeRow['status']; page: number; pageSize: number }): Promise<Page<ProgrammeRow>> {
      const where: SQL[] = [];
      if (!isGlobalOperator(ctx.actor)) {
        const opParks = operatorParkIds(ctx.actor);
        const entParks = await parkIdsOfEnterprises(db, ctx.actor);
        const parts: SQL[] = [];
        if (opParks.length) parts.push(inArray(reliefProgrammes.parkId, opParks));
        if (entParks.length) parts.push(and(inArray(reliefProgrammes.parkId, entParks), sql`${reliefProgrammes.status} <> 'draft'`)!);
        where.push(parts.length ? or(...parts)! : sql`false`);
      }
      if (query.parkId) where.push(eq(reliefProgrammes.parkId, query.parkId));
      if (query.status) where.push(eq(reliefProgrammes.status, query.status));
      const [items, [{ n }]] = await Promise.all([
        db.select().from(reliefProgrammes).where(and(...where)).orderBy(desc(reliefProgrammes.createdAt)).limit(query.pageSize).offset(offsetOf(query)),
        db.select({ n: count() }).from(reliefProgrammes).where(and(...where)),
      ]);
      return { items, total: n, page: query.page, pageSize: query.pageSize };
    },

    async getProgramme(ctx: RequestContext, id: string): Promise<ProgrammeRow> {
      return programmeRow(ctx, id);
    },

    async createProgramme(ctx: RequestContext, input: CreateProgrammeBody): Promise<ProgrammeRow> {
      assertCanWrite(ctx.actor);
      assertOperatorOf(ctx, input);
      checkProgramme(input as Partial<ProgrammeRow>);
      return db.transaction(async (tx) => {
        const [p] = await tx
          .insert(reliefProgrammes)
          .values({ ...input, description: input.description ?? null, arrearsLimitFen: input.arrearsLimitFen ?? null, maxAreaM2: input.maxAreaM2 ?? null, capPerEnterpriseFen: input.capPerEnterpriseFen ?? null })
          .returning();
        await audit.record(tx, ctx, { action: 'relief_programme.created', entityType: 'relief_programme', entityId: p.id, after: p, parkId: p.parkId });
        return p;
      });
    },

    /** Changes a programme; its rules and relief only while it is a draft, its name, budget and status any time (the budget never below what is granted). */
    async updateProgramme(ctx: RequestContext, id: string, input: UpdateProgrammeBody): Promise<ProgrammeRow> {
      assertCanWrite(ctx.actor);
      return db.transaction(async (tx) => {
        const p = await programmeRow(ctx, id, tx, true);
        assertOperatorOf(ctx, p);
        const rules = ['fromPeriod', 'toPeriod', 'leaseActiveOn', 'sizes', 'industries', 'arrearsLimitFen', 'maxAreaM2', 'reliefKind', 'reliefValue', 'capPerEnterpriseFen', 'flowKey'] as const;
        const changedRule = rules.find((k) => input[k] !== undefined && JSON.stringify(input[k]) !== JSON.stringify(p[k]));
        if (changedRule && p.status !== 'draft') throw conflict('The rules of an opened programme no longer change', { fields: [{ field: `body.${changedRule}`, message: 'is fixed once the programme is open' }] });
        if (input.budgetFen !== undefined && input.budgetFen < p.grantedFen) throw validationError('body.budgetFen', `must be at least the ${p.grantedFen} fen already granted`);
        if (input.status === 'draft' && p.status !== 'draft') throw validationError('body.status', 'an opened programme cannot become a draft again');
        const next = { ...p, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as ProgrammeRow;
        checkProgramme(next);
        const [after] = await tx
          .update(reliefProgrammes)
          .set({ ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)), updatedAt: new Date() })
          .where(eq(reliefProgrammes.id, id))
          .returning();
        await audit.record(tx, ctx, { action: 'relief_programme.updated', entityType: 'relief_programme', entityId: id, before: p, after, parkId: p.parkId });
        return after;
      });
    },

    /** Whether an enterprise is eligible, with the relief computed now or the reasons why not. */
    async getEligibility(ctx: RequestContext, programmeId: string, input: { enterpriseId?: string }) {
      const p = await programmeRow(ctx, programmeId);
      const enterpriseId = await enterpriseFor(ctx, p, input.enterpriseId);
      const r = await evaluate(db, p, enterpriseId);
      const [active] = await summaryQuery(db).where(and(eq(reliefApplications.programmeId, p.id), eq(reliefApplications.enterpriseId, enterpriseId), inArray(reliefApplications.status, [...ACTIVE_RELIEF_STATUSES])));
      const [latest] = active ? [active] : await summaryQuery(db).where(and(eq(reliefApplications.programmeId, p.id), eq(reliefApplications.enterpriseId, enterpriseId))).orderBy(desc(reliefApplications.createdAt)).limit(1);
      return { programmeId: p.id, enterpriseId, enterpriseName: r.enterprise.legalName, eligible: r.eligible, reasons: r.reasons, reliefFen: r.reliefFen, capped: r.capped, areaM2: r.areaM2, arrearsFen: r.arrearsFen, lines: r.lines, application: latest ? summaryOf(latest) : null };
    },

    // ----- applications -----

    /**
     * The enterprise admin applies: eligible now, no other active application (409 otherwise,
     * nothing written), materials attached, and the approval case started, all in one transaction.
     */
    async apply(ctx: RequestContext, programmeId: string, input: { enterpriseId?: string; note?: string | null; fileIds: string[] }) {
      assertCanWrite(ctx.actor);
      const p0 = await programmeRow(ctx, programmeId);
      const enterpriseId = await enterpriseFor(ctx, p0, input.enterpriseId);
      if (!enterpriseIdsOf(ctx.actor, ['enterprise_admin']).includes(enterpriseId)) throw forbidden('Only the enterprise’s admin applies for its rent relief');
      try {
        const id = await db.transaction(async (tx) => {
          const [p] = await tx.select().from(reliefProgrammes).where(eq(reliefProgrammes.id, programmeId)).for('share');
          const [active] = await tx
            .select({ id: reliefApplications.id })
            .from(reliefApplications)
            .where(and(eq(reliefApplications.programmeId, p.id), eq(reliefApplications.enterpriseId, enterpriseId), inArray(reliefApplications.status, [...ACTIVE_RELIEF_STATUSES])));
          if (active) throw conflict('The enterprise already has an application to this programme', { reason: 'already_applied', applicationId: active.id });
          const r = await evaluate(tx, p, enterpriseId);
          if (!r.eligible) throw conflict('The enterprise is not eligible for this programme', { reason: 'not_eligible', reasons: r.reasons });
          const [a] = await tx
            .insert(reliefApplications)
            .values({ programmeId: p.id, parkId: p.parkId, siteId: r.enterprise.siteId, enterpriseId, applicantId: ctx.actor.userId, status: 'in_review', note: input.note ?? null, lines: r.lines, reliefFen: r.reliefFen })
            .returning();
          await attachAll(tx, ctx, a.id, input.fileIds);
          const c = await approvals.startCase(
            ctx,
            { parkId: p.parkId, enterpriseId, subjectType: RELIEF_SUBJECT, subjectId: a.id, title: `${p.name} · ${r.enterprise.legalName}`, flowKey: p.flowKey, formValues: { programmeId: p.id, amountFen: r.reliefFen, reliefFen: r.reliefFen, note: input.note ?? null } },
            tx,
          );
          await tx.update(reliefApplications).set({ caseId: c.id }).where(eq(reliefApplications.id, a.id));
          await audit.record(tx, ctx, { action: 'relief_application.submitted', entityType: 'relief_application', entityId: a.id, after: { programmeId: p.id, reliefFen: r.reliefFen, lines: r.lines, caseId: c.id, files: input.fileIds }, parkId: p.parkId, enterpriseId });
          return a.id;
        });
        return detailOf(db, id);
      } catch (err) {
        // Two submissions at once: the partial unique index lets one through.
        if (pgCode(err) === '23505') throw conflict('The enterprise already has an application to this programme', { reason: 'already_applied' });
        throw err;
      }
    },

    /** A returned application sent again: the relief recomputed from today's data, more materials attached, the case resubmitted. */
    async resubmit(ctx: RequestContext, id: string, input: { note?: string | null; fileIds: string[] }) {
      assertCanWrite(ctx.actor);
      const a0 = await applicationRow(ctx, id);
      if (!enterpriseIdsOf(ctx.actor, ['enterprise_admin']).includes(a0.enterpriseId)) throw forbidden('Only the enterprise’s admin resubmits its application');
      await db.transaction(async (tx) => {
        const [a] = await tx.select().from(reliefApplications).where(eq(reliefApplications.id, id)).for('update');
        if (a.status !== 'returned' || !a.caseId) throw conflict(`Only a returned application is resubmitted (this one is ${a.status})`);
        const [p] = await tx.select().from(reliefProgrammes).where(eq(reliefProgrammes.id, a.programmeId));
        const r = await evaluate(tx, p, a.enterpriseId);
        if (!r.eligible) throw conflict('The enterprise is not eligible for this programme any more', { reason: 'not_eligible', reasons: r.reasons });
        await tx.update(reliefApplications).set({ lines: r.lines, reliefFen: r.reliefFen, note: input.note ?? a.note, updatedAt: new Date() }).where(eq(reliefApplications.id, id));
        await attachAll(tx, ctx, id, input.fileIds);
        await approvals.resubmitCase(ctx, a.caseId, { formValues: { programmeId: p.id, amountFen: r.reliefFen, reliefFen: r.reliefFen, note: input.note ?? a.note }, comment: input.note ?? null }, tx);
      });
      return detailOf(db, id);
    },

    async findApplications(ctx: RequestContext, query: { programmeId?: string; status?: ReliefApplicationStatus; enterpriseId?: string; page: number; pageSize: number }) {
      const where: SQL[] = [];
      if (!isGlobalOperator(ctx.actor)) {
        const parts: SQL[] = [];
        const opParks = operatorParkIds(ctx.actor);
        if (opParks.length) parts.push(inArray(reliefApplications.parkId, opParks));
        const admins = enterpriseIdsOf(ctx.actor, ['enterprise_admin']);
        if (admins.length) parts.push(inArray(reliefApplications.enterpriseId, admins));
        where.push(parts.length ? or(...parts)! : sql`false`);
      }
      if (query.programmeId) where.push(eq(reliefApplications.programmeId, query.programmeId));
      if (query.status) where.push(eq(reliefApplications.status, query.status));
      if (query.enterpriseId) where.push(eq(reliefApplications.enterpriseId, query.enterpriseId));
      const [rows, [{ n }]] = await Promise.all([
        summaryQuery(db).where(and(...where)).orderBy(desc(reliefApplications.createdAt)).limit(query.pageSize).offset(offsetOf(query)),
        db.select({ n: count() }).from(reliefApplications).where(and(...where)),
      ]);
      return { items: rows.map(summaryOf), total: n, page: query.page, pageSize: query.pageSize };
    },

    async getApplication(ctx: RequestContext, id: string) {
      await applicationRow(ctx, id);
      return detailOf(db, id);
    },

    // ----- dashboard and export (operators) -----

    async getDashboard(ctx: RequestContext, programmeId: string) {
      const p = await programmeRow(ctx, programmeId);
      assertOperatorOf(ctx, p);
      const statusRows = await db
        .select({ status: reliefApplications.status, n: count(), fen: sql<number>`coalesce(sum(${reliefApplications.reliefFen}), 0)::bigint` })
        .from(reliefApplications)
        .where(eq(reliefApplications.programmeId, p.id))
        .groupBy(reliefApplications.status);
      const byStatus = RELIEF_APPLICATION_STATUSES.map((status) => {
        const r = statusRows.find((x) => x.status === status);
        return { status, count: r ? Number(r.n) : 0, reliefFen: r ? Number(r.fen) : 0 };
      });
      const bucketCols = { n: count(), approved: sql<number>`count(*) filter (where ${reliefApplications.status} = 'approved')::int`, granted: sql<number>`coalesce(sum(${reliefApplications.grantedFen}), 0)::bigint` };
      const siteRows = await db
        .select({ key: sql<string>`coalesce(${sites.id}::text, '')`, label: sql<string>`coalesce(${sites.name}, '')`, ...bucketCols })
        .from(reliefApplications)
        .leftJoin(sites, eq(sites.id, reliefApplications.siteId))
        .where(eq(reliefApplications.programmeId, p.id))
        .groupBy(sites.id, sites.name);
      const industryRows = await db
        .select({ key: enterprises.industry, label: enterprises.industry, ...bucketCols })
        .from(reliefApplications)
        .innerJoin(enterprises, eq(enterprises.id, reliefApplications.enterpriseId))
        .where(eq(reliefApplications.programmeId, p.id))
        .groupBy(enterprises.industry);
      const bucket = (r: { key: string; label: string; n: number; approved: number; granted: number }) => ({ key: r.key, label: r.label, applications: Number(r.n), approved: Number(r.approved), grantedFen: Number(r.granted) });
      const pendingFen = byStatus.filter((s) => s.status === 'in_review' || s.status === 'returned').reduce((a, s) => a + s.reliefFen, 0);
      return {
        programme: p,
        byStatus,
        budgetFen: p.budgetFen,
        grantedFen: p.grantedFen,
        pendingFen,
        bySite: siteRows.map(bucket).sort((a, b) => b.grantedFen - a.grantedFen || a.label.localeCompare(b.label)),
        byIndustry: industryRows.map(bucket).sort((a, b) => b.grantedFen - a.grantedFen || a.key.localeCompare(b.key)),
      };
    },

    /** The programme's applications and the credits granted, as an Excel workbook (amounts in yuan, two decimals). */
    async exportWorkbook(ctx: RequestContext, programmeId: string, lang: 'zh' | 'en' = 'zh'): Promise<{ fileName: string; data: Buffer }> {
      const p = await programmeRow(ctx, programmeId);
      assertOperatorOf(ctx, p);
      const rows = await db
        .select({ ...summaryColumns, creditCode: enterprises.creditCode, industry: enterprises.industry, size: enterprises.size, siteName: sites.name })
        .from(reliefApplications)
        .innerJoin(reliefProgrammes, eq(reliefProgrammes.id, reliefApplications.programmeId))
        .innerJoin(enterprises, eq(enterprises.id, reliefApplications.enterpriseId))
        .leftJoin(sites, eq(sites.id, reliefApplications.siteId))
        .where(eq(reliefApplications.programmeId, p.id))
        .orderBy(asc(reliefApplications.createdAt));
      const credits = await creditsOf(db, rows.map((r) => r.a.id));
      const zh = lang === 'zh';
      const yuan = (fen: number | null) => (fen === null ? null : Math.round(fen) / 100);
      const wb = new ExcelJS.Workbook();
      wb.creator = 'ParkOS';
      wb.created = now();
      const apps = wb.addWorksheet(zh ? '申请' : 'Applications');
      apps.columns = [
        { header: zh ? '企业' : 'Enterprise', key: 'enterprise', width: 30 },
        { header: zh ? '统一社会信用代码' : 'Credit code', key: 'creditCode', width: 22 },
        { header: zh ? '园区' : 'Site', key: 'site', width: 16 },
        { header: zh ? '行业' : 'Industry', key: 'industry', width: 12 },
        { header: zh ? '规模' : 'Size', key: 'size', width: 10 },
        { header: zh ? '状态' : 'Status', key: 'status', width: 12 },
        { header: zh ? '申请减免（元）' : 'Relief asked (CNY)', key: 'relief', width: 16, style: { numFmt: '#,##0.00' } },
        { header: zh ? '已批减免（元）' : 'Relief granted (CNY)', key: 'granted', width: 16, style: { numFmt: '#,##0.00' } },
        { header: zh ? '提交时间' : 'Submitted', key: 'createdAt', width: 20 },
        { header: zh ? '决定时间' : 'Decided', key: 'decidedAt', width: 20 },
      ];
      for (const r of rows) {
        apps.addRow({ enterprise: r.enterpriseName, creditCode: r.creditCode, site: r.siteName ?? '', industry: r.industry, size: r.size, status: r.a.status, relief: yuan(r.a.reliefFen), granted: yuan(r.a.grantedFen), createdAt: r.a.createdAt, decidedAt: r.a.decidedAt });
      }
      apps.getRow(1).font = { bold: true };
      const names = new Map(rows.map((r) => [r.a.id, r.enterpriseName]));
      const cs = wb.addWorksheet(zh ? '减免明细' : 'Credits');
      cs.columns = [
        { header: zh ? '企业' : 'Enterprise', key: 'enterprise', width: 30 },
        { header: zh ? '账单' : 'Bill', key: 'bill', width: 28 },
        { header: zh ? '账期' : 'Period', key: 'period', width: 10 },
        { header: zh ? '状态' : 'Status', key: 'status', width: 10 },
        { header: zh ? '减免（元）' : 'Credit (CNY)', key: 'amount', width: 14, style: { numFmt: '#,##0.00' } },
        { header: zh ? '账单金额（元）' : 'Bill amount (CNY)', key: 'billAmount', width: 16, style: { numFmt: '#,##0.00' } },
        { header: zh ? '应付（元）' : 'Amount due (CNY)', key: 'due', width: 14, style: { numFmt: '#,##0.00' } },
      ];
      for (const c of credits) {
        const appId = c.source.slice(RELIEF_SUBJECT.length + 1);
        cs.addRow({ enterprise: names.get(appId) ?? '', bill: c.billTitle ?? '', period: c.period, status: c.status, amount: yuan(c.amountFen), billAmount: yuan(c.billAmountFen), due: yuan(c.billAmountDueFen) });
      }
      cs.getRow(1).font = { bold: true };
      const data = Buffer.from(await wb.xlsx.writeBuffer());
      return { fileName: `relief-${p.fromPeriod}-${p.toPeriod}.xlsx`, data };
    },
  };
}

export type ReliefService = ReturnType<typeof createReliefService>;

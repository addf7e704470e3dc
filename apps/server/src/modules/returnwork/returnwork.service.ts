import type { NotifyUsers } from '../notifications';
import { formJsonSchema } from '@parkos/contracts';
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Db, Queryable, Tx } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { AppError, ErrorCode, forbidden, notFound, validationError } from '../../lib/errors';
import { countGatePeople } from '../community/passes';
import { assertCanWrite, assertOperatorCovers, enterpriseIdsOf, operatorCovers, SYSTEM_ACTOR } from '../identity/actor';
import type { AuditService } from '../identity/audit.service';
import { roleGrants } from '../identity/identity.table';
import { countEnterpriseVehicleEntries } from '../parking';
import { buildings, enterprises, sites } from '../parks/parks.table';
import { assertValidSubmission } from '../forms';
import { addDays, campaignForm, compareSubmission, currentPeriod, DEFAULT_THRESHOLDS, localInstant, periodsOf, STANDARD_KEYS, type Period } from './returnwork.rules';
import type { CampaignView, CreateCampaignBody, FlagView, OverviewView, SubmissionView, SubmitBody, UpdateCampaignBody } from './returnwork.schema';
import { rtwCampaigns, rtwFlags, rtwReminders, rtwSubmissions } from './returnwork.table';

type CampaignRow = typeof rtwCampaigns.$inferSelect;
type SubmissionRow = typeof rtwSubmissions.$inferSelect;
type FlagRow = typeof rtwFlags.$inferSelect;

/** In-app notifications (the notifications module's `notify`), written in the caller's transaction. */

/** An enterprise a campaign asks to report, with the building of its (first) active lease. */
interface Target {
  id: string;
  legalName: string;
  siteId: string | null;
  buildingId: string | null;
  buildingName: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const timeOf = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
const periodView = (p: Period) => ({ start: p.start, end: p.end, deadline: p.deadline.toISOString() });

/**
 * Return-to-work ledger (复工台账): campaigns of a park, one submission per enterprise and period,
 * comparison (比对) of each submission with the park's own counts, reminders and the overview.
 */
export function createReturnWorkService(deps: { db: Db; audit: AuditService; notify: NotifyUsers; now?: () => Date }) {
  const { db, audit } = deps;
  const now = deps.now ?? (() => new Date());

  async function targetsOf(q: Queryable, c: CampaignRow): Promise<Target[]> {
    const buildingOf = sql<string | null>`(select u.building_id from leases l join units u on u.id = l.unit_id where l.enterprise_id = "enterprises"."id" and l.status = 'active' order by l.start_date, l.id limit 1)`;
    const rows = await q
      .select({ id: enterprises.id, legalName: enterprises.legalName, siteId: enterprises.siteId, buildingId: buildingOf })
      .from(enterprises)
      .where(and(eq(enterprises.parkId, c.parkId), eq(enterprises.status, 'active')))
      .orderBy(asc(enterprises.legalName));
    const names = new Map((await q.select({ id: buildings.id, name: buildings.name }).from(buildings).where(eq(buildings.parkId, c.parkId))).map((b) => [b.id, b.name]));
    return rows
      .map((r) => ({ ...r, buildingId: r.buildingId ? String(r.buildingId) : null, buildingName: r.buildingId ? (names.get(String(r.buildingId)) ?? null) : null }))
      .filter((r) => (c.target === 'site' ? r.siteId === c.siteId : c.target === 'building' ? r.buildingId === c.buildingId : true));
  }

  /** Enterprises of the caller (as admin) that the campaign asks. */
  async function ownTargets(ctx: RequestContext, c: CampaignRow): Promise<Target[]> {
    const mine = new Set(enterpriseIdsOf(ctx.actor, ['enterprise_admin']));
    if (!mine.size) return [];
    return (await targetsOf(db, c)).filter((t) => mine.has(t.id));
  }

  function isOperatorOf(ctx: RequestContext, c: CampaignRow) {
    return operatorCovers(ctx.actor, { parkId: c.parkId, siteId: c.siteId });
  }

  /** The campaign if the caller operates its park or is an admin of an enterprise it asks; 404 otherwise. */
  async function loadVisible(ctx: RequestContext, id: string): Promise<{ c: CampaignRow; isOperator: boolean; own: Target[] }> {
    const [c] = await db.select().from(rtwCampaigns).where(eq(rtwCampaigns.id, id));
    if (!c) throw notFound('Campaign', id);
    if (isOperatorOf(ctx, c)) return { c, isOperator: true, own: [] };
    const own = await ownTargets(ctx, c);
    if (!own.length) throw notFound('Campaign', id);
    return { c, isOperator: false, own };
  }

  async function loadOperated(ctx: RequestContext, id: string): Promise<CampaignRow> {
    const { c, isOperator } = await loadVisible(ctx, id);
    if (!isOperator) throw forbidden('Only operators of this park may do this');
    return c;
  }

  async function viewOf(c: CampaignRow, own: Target[] | null): Promise<CampaignView> {
    const periods = periodsOf(c);
    const cur = currentPeriod(periods, now());
    let mySubmittedCurrent: boolean | null = null;
    if (own && cur) {
      const rows = own.length ? await db.select({ id: rtwSubmissions.id }).from(rtwSubmissions).where(and(eq(rtwSubmissions.campaignId, c.id), eq(rtwSubmissions.periodStart, cur.start), inArray(rtwSubmissions.enterpriseId, own.map((t) => t.id)))) : [];
      mySubmittedCurrent = rows.length === own.length && own.length > 0;
    }
    return {
      id: c.id,
      parkId: c.parkId,
      name: c.name,
      cadence: c.cadence,
      startDate: c.startDate,
      endDate: c.endDate,
      deadlineTime: timeOf(c.deadlineMinutes),
      target: c.target,
      siteId: c.siteId,
      buildingId: c.buildingId,
      form: c.form,
      thresholds: c.thresholds,
      status: c.status,
      createdAt: c.createdAt.toISOString(),
      periods: periods.map(periodView),
      currentPeriod: cur ? periodView(cur) : null,
      mySubmittedCurrent,
    };
  }

  async function flagsOf(q: Queryable, where: ReturnType<typeof eq>): Promise<FlagView[]> {
    const rows = await q.select({ f: rtwFlags, name: enterprises.legalName }).from(rtwFlags).innerJoin(enterprises, eq(enterprises.id, rtwFlags.enterpriseId)).where(where).orderBy(desc(rtwFlags.periodStart), asc(enterprises.legalName), asc(rtwFlags.code));
    return rows.map(({ f, name }) => flagView(f, name));
  }

  function flagView(f: FlagRow, enterpriseName: string): FlagView {
    return { id: f.id, submissionId: f.submissionId, enterpriseId: f.enterpriseId, enterpriseName, periodStart: f.periodStart, code: f.code, params: f.params, status: f.status, note: f.note, followedUpAt: f.followedUpAt?.toISOString() ?? null };
  }

  async function submissionViews(q: Queryable, c: CampaignRow, rows: SubmissionRow[]): Promise<SubmissionView[]> {
    if (!rows.length) return [];
    const targets = new Map((await targetsOf(q, c)).map((t) => [t.id, t]));
    const names = new Map((await q.select({ id: enterprises.id, name: enterprises.legalName }).from(enterprises).where(inArray(enterprises.id, [...new Set(rows.map((r) => r.enterpriseId))]))).map((e) => [e.id, e.name]));
    const flags = await q.select().from(rtwFlags).where(inArray(rtwFlags.submissionId, rows.map((r) => r.id))).orderBy(asc(rtwFlags.code));
    const deadlines = new Map(periodsOf(c).map((p) => [p.start, p.deadline]));
    return rows.map((r) => ({
      id: r.id,
      campaignId: r.campaignId,
      enterpriseId: r.enterpriseId,
      enterpriseName: names.get(r.enterpriseId) ?? '',
      buildingName: targets.get(r.enterpriseId)?.buildingName ?? null,
      periodStart: r.periodStart,
      values: r.values,
      peopleOnSite: r.peopleOnSite,
      peopleReturned: r.peopleReturned,
      revision: r.revision,
      submittedAt: r.submittedAt.toISOString(),
      isLate: r.submittedAt > (deadlines.get(r.periodStart) ?? r.submittedAt),
      flags: flags.filter((f) => f.submissionId === r.id).map((f) => flagView(f, names.get(r.enterpriseId) ?? '')),
    }));
  }

  /** Compares a saved submission and stores its flags: findings still present keep their follow-up; gone open ones are removed. */
  async function compare(tx: Tx, c: CampaignRow, s: SubmissionRow, period: Period): Promise<void> {
    const [prev] = await tx
      .select({ onSite: rtwSubmissions.peopleOnSite })
      .from(rtwSubmissions)
      .where(and(eq(rtwSubmissions.campaignId, c.id), eq(rtwSubmissions.enterpriseId, s.enterpriseId), lt(rtwSubmissions.periodStart, s.periodStart)))
      .orderBy(desc(rtwSubmissions.periodStart))
      .limit(1);
    const [members] = await tx
      .select({ n: sql<number>`count(distinct ${roleGrants.userId})::int` })
      .from(roleGrants)
      .where(and(eq(roleGrants.scopeType, 'enterprise'), eq(roleGrants.scopeId, s.enterpriseId), inArray(roleGrants.role, ['member', 'enterprise_admin'])));
    const [profile] = await tx.select({ employeeCount: enterprises.employeeCount }).from(enterprises).where(eq(enterprises.id, s.enterpriseId));
    // Registered members: the member accounts, or the headcount the enterprise's profile registers, whichever is larger.
    const registered = Math.max(Number(members?.n ?? 0), profile?.employeeCount ?? 0);
    const window = { parkId: c.parkId, enterpriseId: s.enterpriseId, from: localInstant(period.start), to: localInstant(addDays(period.end, 1)) };
    const findings = compareSubmission(
      { peopleOnSite: s.peopleOnSite, previousOnSite: prev?.onSite ?? null, members: registered, gatePeople: await countGatePeople(tx, window), vehicleEntries: await countEnterpriseVehicleEntries(tx, window) },
      c.thresholds,
    );
    const existing = await tx.select().from(rtwFlags).where(eq(rtwFlags.submissionId, s.id));
    for (const f of findings) {
      const old = existing.find((e) => e.code === f.code);
      if (old) await tx.update(rtwFlags).set({ params: f.params }).where(eq(rtwFlags.id, old.id));
      else await tx.insert(rtwFlags).values({ submissionId: s.id, campaignId: c.id, enterpriseId: s.enterpriseId, periodStart: s.periodStart, code: f.code, params: f.params });
    }
    const gone = existing.filter((e) => e.status === 'open' && !findings.some((f) => f.code === e.code)).map((e) => e.id);
    if (gone.length) await tx.delete(rtwFlags).where(inArray(rtwFlags.id, gone));
  }

  return {
    /** Opens a campaign with the standard form plus the operator's fields (operators of the park). */
    async createCampaign(ctx: RequestContext, body: CreateCampaignBody): Promise<CampaignView> {
      assertCanWrite(ctx.actor);
      assertOperatorCovers(ctx.actor, { parkId: body.parkId, siteId: body.target === 'site' ? body.siteId : null });
      if (body.endDate < body.startDate) throw validationError('body.endDate', 'must not be before the start date');
      if (Date.parse(`${body.endDate}T00:00:00Z`) - Date.parse(`${body.startDate}T00:00:00Z`) > 366 * 86_400_000) throw validationError('body.endDate', 'a campaign runs at most a year');
      (body.extraForm?.fields ?? []).forEach((f, i) => {
        if (STANDARD_KEYS.has(f.key)) throw validationError(`body.extraForm.fields.${i}.key`, 'is a standard field');
      });
      let siteId: string | null = null;
      let buildingId: string | null = null;
      if (body.target === 'site') {
        if (!body.siteId) throw validationError('body.siteId', 'is required for target site');
        const [site] = await db.select({ id: sites.id }).from(sites).where(and(eq(sites.id, body.siteId), eq(sites.parkId, body.parkId)));
        if (!site) throw validationError('body.siteId', 'is not a site of this park');
        siteId = body.siteId;
      }
      if (body.target === 'building') {
        if (!body.buildingId) throw validationError('body.buildingId', 'is required for target building');
        const [b] = await db.select({ id: buildings.id }).from(buildings).where(and(eq(buildings.id, body.buildingId), eq(buildings.parkId, body.parkId)));
        if (!b) throw validationError('body.buildingId', 'is not a building of this park');
        buildingId = b.id;
      }
      const [h, m] = body.deadlineTime.split(':').map(Number);
      return db.transaction(async (tx) => {
        const [c] = await tx
          .insert(rtwCampaigns)
          .values({
            parkId: body.parkId,
            name: body.name,
            cadence: body.cadence,
            startDate: body.startDate,
            endDate: body.endDate,
            deadlineMinutes: h * 60 + m,
            target: body.target,
            siteId,
            buildingId,
            form: campaignForm(body.extraForm),
            thresholds: { ...DEFAULT_THRESHOLDS, ...body.thresholds },
            createdById: ctx.actor.via === 'system' ? null : ctx.actor.userId,
          })
          .returning();
        await audit.record(tx, ctx, { action: 'rtw_campaign.created', entityType: 'rtw_campaign', entityId: c.id, after: { name: c.name, cadence: c.cadence, startDate: c.startDate, endDate: c.endDate, target: c.target, form: c.form, thresholds: c.thresholds }, parkId: c.parkId });
        return viewOf(c, null);
      });
    },

    /**
     * Renames an open campaign or moves its end date (operators of the park). The end date may not move
     * before the start, past a year, or before a period someone has already reported for (400 naming the field);
     * a closed campaign is a 409 with reason `closed`.
     */
    async updateCampaign(ctx: RequestContext, id: string, body: UpdateCampaignBody): Promise<CampaignView> {
      assertCanWrite(ctx.actor);
      await loadOperated(ctx, id);
      return db.transaction(async (tx) => {
        const [c] = await tx.select().from(rtwCampaigns).where(eq(rtwCampaigns.id, id)).for('update');
        if (c.status !== 'open') throw new AppError(ErrorCode.CONFLICT, { message: 'The campaign is closed', details: { reason: 'closed' } });
        const endDate = body.endDate ?? c.endDate;
        if (endDate < c.startDate) throw validationError('body.endDate', 'must not be before the start date');
        if (Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${c.startDate}T00:00:00Z`) > 366 * 86_400_000) throw validationError('body.endDate', 'a campaign runs at most a year');
        if (endDate < c.endDate) {
          const [late] = await tx.select({ p: rtwSubmissions.periodStart }).from(rtwSubmissions).where(and(eq(rtwSubmissions.campaignId, c.id), sql`${rtwSubmissions.periodStart} > ${endDate}`)).orderBy(desc(rtwSubmissions.periodStart)).limit(1);
          if (late) throw validationError('body.endDate', `must not be before ${late.p}, a period already reported for`);
        }
        const name = body.name ?? c.name;
        const [u] = await tx.update(rtwCampaigns).set({ name, endDate, updatedAt: now() }).where(eq(rtwCampaigns.id, c.id)).returning();
        await audit.record(tx, ctx, { action: 'rtw_campaign.updated', entityType: 'rtw_campaign', entityId: c.id, before: { name: c.name, endDate: c.endDate }, after: { name, endDate }, parkId: c.parkId });
        return viewOf(u, null);
      });
    },

    /**
     * Closes a campaign (operators of the park): no more reports (409 `closed`) and no more reminders.
     * Closing a closed campaign is a 409 with reason `closed`.
     */
    async closeCampaign(ctx: RequestContext, id: string): Promise<CampaignView> {
      assertCanWrite(ctx.actor);
      await loadOperated(ctx, id);
      return db.transaction(async (tx) => {
        const [c] = await tx.select().from(rtwCampaigns).where(eq(rtwCampaigns.id, id)).for('update');
        if (c.status !== 'open') throw new AppError(ErrorCode.CONFLICT, { message: 'The campaign is already closed', details: { reason: 'closed' } });
        const [u] = await tx.update(rtwCampaigns).set({ status: 'closed', updatedAt: now() }).where(eq(rtwCampaigns.id, c.id)).returning();
        await audit.record(tx, ctx, { action: 'rtw_campaign.closed', entityType: 'rtw_campaign', entityId: c.id, before: { status: c.status }, after: { status: u.status }, parkId: c.parkId });
        return viewOf(u, null);
      });
    },

    /** Campaigns of the parks I operate, or that ask my enterprise (admins), newest first. */
    async findCampaigns(ctx: RequestContext): Promise<CampaignView[]> {
      const mine = enterpriseIdsOf(ctx.actor, ['enterprise_admin']);
      const rows = await db.select().from(rtwCampaigns).orderBy(desc(rtwCampaigns.startDate), desc(rtwCampaigns.createdAt)).limit(500);
      const out: CampaignView[] = [];
      for (const c of rows) {
        if (isOperatorOf(ctx, c)) out.push(await viewOf(c, null));
        else if (mine.length) {
          const own = await ownTargets(ctx, c);
          if (own.length) out.push(await viewOf(c, own));
        }
      }
      return out;
    },

    async getCampaign(ctx: RequestContext, id: string): Promise<CampaignView> {
      const { c, isOperator, own } = await loadVisible(ctx, id);
      return viewOf(c, isOperator ? null : own);
    },

    /**
     * Submits (or, before the deadline, corrects) an enterprise's report for a period. Values are checked
     * against the campaign's form (400 per field); the submission is compared and flagged in the same transaction.
     */
    async submit(ctx: RequestContext, campaignId: string, body: SubmitBody): Promise<SubmissionView> {
      assertCanWrite(ctx.actor);
      const { c, own } = await loadVisible(ctx, campaignId);
      const mine = own.length ? own : await ownTargets(ctx, c);
      if (!mine.length) throw forbidden('Only the admins of an enterprise this campaign asks may report');
      const enterpriseId = body.enterpriseId ?? (mine.length === 1 ? mine[0].id : null);
      if (!enterpriseId) throw validationError('body.enterpriseId', 'is required when you administer several enterprises');
      if (!mine.some((t) => t.id === enterpriseId)) throw notFound('Enterprise', enterpriseId);
      if (c.status !== 'open') throw new AppError(ErrorCode.CONFLICT, { message: 'The campaign is closed', details: { reason: 'closed' } });
      const at = now();
      const period = periodsOf(c).find((p) => p.start === body.periodStart);
      if (!period) throw validationError('body.periodStart', 'is not a period of this campaign');
      if (localInstant(period.start) > at) throw validationError('body.periodStart', 'has not begun yet');
      const values = assertValidSubmission(formJsonSchema(c.form, 'zh'), body.values);
      const onSite = Number(values.peopleOnSite);
      const returned = Number(values.peopleReturned);
      return db.transaction(async (tx) => {
        // A close that committed after the check above wins: the campaign row is read under a share lock.
        const [locked] = await tx.select({ status: rtwCampaigns.status }).from(rtwCampaigns).where(eq(rtwCampaigns.id, c.id)).for('share');
        if (locked.status !== 'open') throw new AppError(ErrorCode.CONFLICT, { message: 'The campaign is closed', details: { reason: 'closed' } });
        const fresh = { campaignId: c.id, parkId: c.parkId, enterpriseId, periodStart: period.start, values, peopleOnSite: onSite, peopleReturned: returned, submittedById: ctx.actor.via === 'system' ? null : ctx.actor.userId, submittedAt: at };
        let [s] = await tx.insert(rtwSubmissions).values(fresh).onConflictDoNothing().returning();
        if (s) {
          await audit.record(tx, ctx, { action: 'rtw_submission.created', entityType: 'rtw_submission', entityId: s.id, after: { campaignId: c.id, periodStart: s.periodStart, values }, parkId: c.parkId, enterpriseId });
        } else {
          const [old] = await tx.select().from(rtwSubmissions).where(and(eq(rtwSubmissions.campaignId, c.id), eq(rtwSubmissions.enterpriseId, enterpriseId), eq(rtwSubmissions.periodStart, period.start))).for('update');
          if (at > period.deadline) throw new AppError(ErrorCode.CONFLICT, { message: 'The deadline of this period has passed; the submission can no longer be corrected', details: { reason: 'deadline_passed' } });
          [s] = await tx.update(rtwSubmissions).set({ ...fresh, revision: old.revision + 1 }).where(eq(rtwSubmissions.id, old.id)).returning();
          await audit.record(tx, ctx, { action: 'rtw_submission.revised', entityType: 'rtw_submission', entityId: s.id, before: { revision: old.revision, values: old.values }, after: { revision: s.revision, values }, parkId: c.parkId, enterpriseId });
        }
        await compare(tx, c, s, period);
        return (await submissionViews(tx, c, [s]))[0];
      });
    },

    /** Submissions of a campaign: all for operators, their own enterprises' for admins. */
    async findSubmissions(ctx: RequestContext, campaignId: string, query: { periodStart?: string; enterpriseId?: string }): Promise<SubmissionView[]> {
      const { c, isOperator, own } = await loadVisible(ctx, campaignId);
      const conds = [eq(rtwSubmissions.campaignId, c.id)];
      if (query.periodStart) conds.push(eq(rtwSubmissions.periodStart, query.periodStart));
      if (query.enterpriseId) conds.push(eq(rtwSubmissions.enterpriseId, query.enterpriseId));
      if (!isOperator) conds.push(inArray(rtwSubmissions.enterpriseId, own.map((t) => t.id)));
      const rows = await db.select().from(rtwSubmissions).where(and(...conds)).orderBy(desc(rtwSubmissions.periodStart), asc(rtwSubmissions.enterpriseId)).limit(5000);
      return submissionViews(db, c, rows);
    },

    async getSubmission(ctx: RequestContext, id: string): Promise<SubmissionView> {
      const [s] = await db.select().from(rtwSubmissions).where(eq(rtwSubmissions.id, id));
      if (!s) throw notFound('Submission', id);
      const [c] = await db.select().from(rtwCampaigns).where(eq(rtwCampaigns.id, s.campaignId));
      if (!isOperatorOf(ctx, c) && !enterpriseIdsOf(ctx.actor, ['enterprise_admin']).includes(s.enterpriseId)) throw notFound('Submission', id);
      return (await submissionViews(db, c, [s]))[0];
    },

    /** Marks a flag followed up with a note (operators of the park). */
    async followUpFlag(ctx: RequestContext, flagId: string, note: string): Promise<FlagView> {
      assertCanWrite(ctx.actor);
      return db.transaction(async (tx) => {
        const [f] = await tx.select().from(rtwFlags).where(eq(rtwFlags.id, flagId)).for('update');
        if (!f) throw notFound('Flag', flagId);
        const [c] = await tx.select().from(rtwCampaigns).where(eq(rtwCampaigns.id, f.campaignId));
        if (!isOperatorOf(ctx, c)) throw notFound('Flag', flagId);
        const [u] = await tx.update(rtwFlags).set({ status: 'followed_up', note, followedUpById: ctx.actor.via === 'system' ? null : ctx.actor.userId, followedUpAt: now() }).where(eq(rtwFlags.id, f.id)).returning();
        await audit.record(tx, ctx, { action: 'rtw_flag.followed_up', entityType: 'rtw_flag', entityId: f.id, before: { status: f.status, note: f.note }, after: { status: u.status, note }, parkId: c.parkId, enterpriseId: f.enterpriseId });
        const [e] = await tx.select({ name: enterprises.legalName }).from(enterprises).where(eq(enterprises.id, f.enterpriseId));
        return flagView(u, e?.name ?? '');
      });
    },

    /** Submission rate and flags per period, trends per building, who is missing (operators). */
    async getOverview(ctx: RequestContext, campaignId: string): Promise<OverviewView> {
      const c = await loadOperated(ctx, campaignId);
      return overviewOf(c);
    },

    /** The campaign's submissions as an Excel workbook for the authorities (operators). */
    async exportWorkbook(ctx: RequestContext, campaignId: string): Promise<{ fileName: string; data: Buffer }> {
      const c = await loadOperated(ctx, campaignId);
      const overview = await overviewOf(c);
      const subs = await submissionViews(db, c, await db.select().from(rtwSubmissions).where(eq(rtwSubmissions.campaignId, c.id)).orderBy(asc(rtwSubmissions.periodStart)));
      const wb = new ExcelJS.Workbook();
      wb.creator = 'ParkOS';
      const ws = wb.addWorksheet('复工台账 Submissions');
      const fields = c.form.fields;
      ws.columns = [
        { header: '报告期 Period', key: 'period', width: 14 },
        { header: '企业 Enterprise', key: 'enterprise', width: 30 },
        { header: '楼栋 Building', key: 'building', width: 14 },
        ...fields.map((f) => ({ header: `${f.label.zh} ${f.label.en}`, key: `v_${f.key}`, width: 18 })),
        { header: '提交时间 Submitted at', key: 'submittedAt', width: 22 },
        { header: '修订 Revision', key: 'revision', width: 10 },
        { header: '比对标记 Flags', key: 'flags', width: 40 },
      ];
      ws.getRow(1).font = { bold: true };
      for (const s of subs) {
        const row: Record<string, unknown> = { period: s.periodStart, enterprise: s.enterpriseName, building: s.buildingName ?? '', submittedAt: s.submittedAt, revision: s.revision, flags: s.flags.map((f) => `${FLAG_LABELS[f.code]} ${JSON.stringify(f.params)}`).join('; ') };
        for (const f of fields) {
          const v = s.values[f.key];
          row[`v_${f.key}`] = Array.isArray(v) ? v.join(', ') : typeof v === 'boolean' ? (v ? '是 yes' : '否 no') : (v ?? '');
        }
        ws.addRow(row);
      }
      const summary = wb.addWorksheet('填报率 Submission rate');
      summary.columns = [
        { header: '报告期 Period', key: 'start', width: 14 },
        { header: '应报 Expected', key: 'expected', width: 12 },
        { header: '已报 Submitted', key: 'submitted', width: 12 },
        { header: '填报率 Rate', key: 'rate', width: 12 },
        { header: '比对标记 Flags', key: 'flags', width: 12 },
      ];
      summary.getRow(1).font = { bold: true };
      for (const p of overview.periods) summary.addRow({ ...p, rate: `${Math.round(p.rate * 1000) / 10}%` });
      const missing = wb.addWorksheet('未报 Missing');
      missing.columns = [
        { header: '报告期 Period', key: 'periodStart', width: 14 },
        { header: '企业 Enterprise', key: 'enterpriseName', width: 30 },
      ];
      missing.getRow(1).font = { bold: true };
      for (const m of overview.missing) missing.addRow(m);
      const data = Buffer.from(await wb.xlsx.writeBuffer());
      await db.transaction((tx) => audit.record(tx, ctx, { action: 'rtw_campaign.exported', entityType: 'rtw_campaign', entityId: c.id, after: { rows: subs.length }, parkId: c.parkId }));
      return { fileName: `return-to-work-${c.startDate}-${c.endDate}.xlsx`, data };
    },

    /**
     * The worker's reminder run: every enterprise that has not reported by the deadline of the current
     * period is notified once (a unique reminder row per enterprise and period; a second run sends nothing).
     * Returns the number of reminders sent.
     */
    async remindOverdue(): Promise<number> {
      const at = now();
      const campaigns = await db.select().from(rtwCampaigns).where(eq(rtwCampaigns.status, 'open'));
      let sent = 0;
      for (const c of campaigns) {
        const p = currentPeriod(periodsOf(c), at);
        if (!p || p.deadline > at || localInstant(addDays(p.end, 1)) <= at) continue;
        const targets = await targetsOf(db, c);
        if (!targets.length) continue;
        const done = new Set((await db.select({ e: rtwSubmissions.enterpriseId }).from(rtwSubmissions).where(and(eq(rtwSubmissions.campaignId, c.id), eq(rtwSubmissions.periodStart, p.start)))).map((r) => r.e));
        for (const t of targets.filter((x) => !done.has(x.id))) {
          sent += await db.transaction(async (tx) => {
            const admins = (await tx.selectDistinct({ userId: roleGrants.userId }).from(roleGrants).where(and(eq(roleGrants.role, 'enterprise_admin'), eq(roleGrants.scopeType, 'enterprise'), eq(roleGrants.scopeId, t.id)))).map((r) => r.userId);
            const [r] = await tx.insert(rtwReminders).values({ campaignId: c.id, enterpriseId: t.id, periodStart: p.start, recipients: admins.length }).onConflictDoNothing().returning();
            if (!r) return 0;
            await deps.notify(tx, admins, { kind: 'rtw.reminder', params: { campaign: c.name, period: p.start, deadline: p.deadline.toISOString() }, link: `/return-to-work/${c.id}`, entityType: 'rtw_campaign', entityId: c.id });
            await audit.record(tx, { actor: SYSTEM_ACTOR }, { action: 'rtw_reminder.sent', entityType: 'rtw_campaign', entityId: c.id, after: { periodStart: p.start, enterpriseId: t.id, recipients: admins.length }, parkId: c.parkId, enterpriseId: t.id });
            return 1;
          });
        }
      }
      return sent;
    },
  };

  async function overviewOf(c: CampaignRow): Promise<OverviewView> {
    const at = now();
    const periods = periodsOf(c).filter((p) => localInstant(p.start) <= at);
    const targets = await targetsOf(db, c);
    const subs = await db.select({ e: rtwSubmissions.enterpriseId, p: rtwSubmissions.periodStart, onSite: rtwSubmissions.peopleOnSite }).from(rtwSubmissions).where(eq(rtwSubmissions.campaignId, c.id));
    const flags = await flagsOf(db, eq(rtwFlags.campaignId, c.id));
    const reminders = new Set((await db.select({ e: rtwReminders.enterpriseId, p: rtwReminders.periodStart }).from(rtwReminders).where(eq(rtwReminders.campaignId, c.id))).map((r) => `${r.e}|${r.p}`));
    const targetIds = new Set(targets.map((t) => t.id));
    const subKey = new Map(subs.map((s) => [`${s.e}|${s.p}`, s]));
    const byBuilding = new Map<string, { buildingId: string | null; buildingName: string | null; ids: string[] }>();
    for (const t of targets) {
      const k = t.buildingId ?? '';
      const b = byBuilding.get(k) ?? { buildingId: t.buildingId, buildingName: t.buildingName, ids: [] };
      b.ids.push(t.id);
      byBuilding.set(k, b);
    }
    return {
      periods: periods.map((p) => {
        const submitted = subs.filter((s) => s.p === p.start && targetIds.has(s.e)).length;
        const pf = flags.filter((f) => f.periodStart === p.start);
        return { start: p.start, expected: targets.length, submitted, rate: targets.length ? submitted / targets.length : 0, flags: pf.length, openFlags: pf.filter((f) => f.status === 'open').length };
      }),
      buildings: [...byBuilding.values()]
        .sort((a, b) => (a.buildingName ?? '\uffff').localeCompare(b.buildingName ?? '\uffff'))
        .map((b) => ({
          buildingId: b.buildingId,
          buildingName: b.buildingName,
          series: periods.map((p) => {
            const rows = b.ids.map((id) => subKey.get(`${id}|${p.start}`)).filter((x) => x !== undefined);
            return { start: p.start, expected: b.ids.length, submitted: rows.length, peopleOnSite: rows.reduce((n, r) => n + r.onSite, 0) };
          }),
        })),
      missing: periods
        .filter((p) => p.deadline <= at)
        .flatMap((p) => targets.filter((t) => !subKey.has(`${t.id}|${p.start}`)).map((t) => ({ enterpriseId: t.id, enterpriseName: t.legalName, periodStart: p.start, reminded: reminders.has(`${t.id}|${p.start}`) })))
        .reverse(),
      flags,
    };
  }
}

/** Flag reasons as the authorities' export names them. */
const FLAG_LABELS: Record<FlagView['code'], string> = {
  previous_period_change: '较上期变化大 change vs previous period',
  exceeds_members: '超过登记人数 exceeds registered members',
  gate_scans_low: '门禁通行人数偏少 few gate pass scans',
  parking_entries_high: '车辆入场偏多 many vehicle entries',
};

export type ReturnWorkService = ReturnType<typeof createReturnWorkService>;

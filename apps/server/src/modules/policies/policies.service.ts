import type { AuditAction } from '@parkos/contracts';
import { and, asc, count, desc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { conflict, forbidden, notFound, validationError } from '../../lib/errors';
import { offsetOf, type Page } from '../../lib/pagination';
import { assertCanWrite, assertOperatorCovers, enterpriseIdsOf, isGlobalOperator, operatorCovers, operatorParkIds, SYSTEM_ACTOR, type Actor } from '../identity/actor';
import type { AuditService } from '../identity/audit.service';
import { roleGrants, users } from '../identity/identity.table';
import { enterprises } from '../parks/parks.table';
import type { ApprovalsService, CaseOutcome } from '../approvals';
import type { NotifyUsers } from '../notifications';
import type { NotificationKind, NotificationParams } from '@parkos/contracts';
import type { FileOwnerPolicy, FilesService, FileView } from '../files';
import { evaluateEligibility } from './eligibility';
import type { ApplicationQuery, ApplicationSummary, ApplicationView, ApplyBody, CommentView, CreatePolicyBody, EligibilityView, PolicyQuery, PolicyView, ResubmitBody, UpdatePolicyBody } from './policies.schema';
import { ACTIVE_APPLICATION_STATUSES, policies, policyApplicationComments, policyApplications, policyReminders, type ApplicationStatus, type MaterialFile } from './policies.table';

type PolicyRow = typeof policies.$inferSelect;
type AppRow = typeof policyApplications.$inferSelect;
type EnterpriseRow = typeof enterprises.$inferSelect;

/** The approvals subject type and the files owner type of an application. */
export const POLICY_APPLICATION = 'policy_application';
/** Days before a deadline when eligible enterprises that have not applied are reminded. */
export const REMINDER_DAYS = [7, 1] as const;
const DAY = 86_400_000;

/** Statuses that count as "has applied" (an enquiry has not). */
const APPLIED: ApplicationStatus[] = ['submitted', 'returned', 'approved'];

const OUTCOME_STATUS: Record<CaseOutcome, ApplicationStatus> = { approved: 'approved', rejected: 'rejected', withdrawn: 'withdrawn', returned: 'returned', resubmitted: 'submitted' };

function auditablePolicy(p: PolicyRow) {
  return { title: p.title, issuer: p.issuer, documentNo: p.documentNo, deadline: p.deadline, industries: p.industries, sizes: p.sizes, minAgeYears: p.minAgeYears, maxAgeYears: p.maxAgeYears, amountKind: p.amountKind, amountFen: p.amountFen, materials: p.materials, flowKey: p.flowKey, status: p.status };
}

/**
 * Policy applications (政策申报): a park's policy library, eligibility from the enterprise profile,
 * applications through the shared approval flow with one file per required material, one-to-one
 * guidance by an advisor in a comment thread, and deadline reminders sent once per enterprise.
 * Every write locks what it decides on (the enterprise row for applying, the application row for
 * changes) and is audited in the same transaction.
 */
export function createPoliciesService(deps: { db: Db; audit: AuditService; approvals: ApprovalsService; files: FilesService; notify: NotifyUsers; now?: () => Date }) {
  const { db, audit, approvals, files, notify } = deps;
  const now = deps.now ?? (() => new Date());

  // ---------- who sees what ----------

  async function memberEnterprises(q: Db | Tx, actor: Actor, roles: ('enterprise_admin' | 'member')[] = ['enterprise_admin', 'member']): Promise<EnterpriseRow[]> {
    const ids = enterpriseIdsOf(actor, roles);
    return ids.length ? q.select().from(enterprises).where(inArray(enterprises.id, ids)).orderBy(asc(enterprises.legalName)) : [];
  }

  /** Policies the actor may see: operators all of their parks', enterprise people the published and closed ones of their parks. */
  async function policyVisibility(q: Db | Tx, actor: Actor): Promise<SQL> {
    if (isGlobalOperator(actor)) return sql`true`;
    const parts: SQL[] = [];
    const opParks = operatorParkIds(actor);
    if (opParks.length) parts.push(inArray(policies.parkId, opParks));
    const memberParks = [...new Set((await memberEnterprises(q, actor)).map((e) => e.parkId))];
    if (memberParks.length) parts.push(and(inArray(policies.parkId, memberParks), ne(policies.status, 'draft'))!);
    return parts.length ? or(...parts)! : sql`false`;
  }

  async function visiblePolicy(q: Db | Tx, actor: Actor, id: string, lock = false): Promise<PolicyRow> {
    const query = q.select().from(policies).where(and(eq(policies.id, id), await policyVisibility(q, actor)));
    const [row] = lock ? await query.for('update') : await query;
    if (!row) throw notFound('policy', id);
    return row;
  }

  function eligibilityOf(p: PolicyRow, e: EnterpriseRow, at = now()): EligibilityView {
    const r = evaluateEligibility(p, { industry: e.industry, size: e.size, status: e.status, movedInAt: e.movedInAt }, at);
    return { enterpriseId: e.id, isEligible: r.isEligible, ageYears: r.ageYears, reasons: r.reasons as EligibilityView['reasons'] };
  }

  /** Applications the actor may see: operators their parks', enterprise admins their enterprises', advisors those assigned to them. */
  function applicationVisibility(actor: Actor): SQL {
    if (isGlobalOperator(actor)) return sql`true`;
    const parts: SQL[] = [eq(policyApplications.advisorId, actor.userId)];
    const opParks = operatorParkIds(actor);
    if (opParks.length) parts.push(inArray(policyApplications.parkId, opParks));
    const admins = enterpriseIdsOf(actor, ['enterprise_admin']);
    if (admins.length) parts.push(inArray(policyApplications.enterpriseId, admins));
    return or(...parts)!;
  }

  async function visibleApplication(q: Db | Tx, actor: Actor, id: string, lock = false): Promise<AppRow> {
    const query = q.select().from(policyApplications).where(and(eq(policyApplications.id, id), applicationVisibility(actor)));
    const [row] = lock ? await query.for('update') : await query;
    if (!row) throw notFound('policy application', id);
    return row;
  }

  const isEnterpriseSide = (actor: Actor, a: AppRow) => enterpriseIdsOf(actor, ['enterprise_admin']).includes(a.enterpriseId);

  async function enterpriseAdminIds(q: Db | Tx, enterpriseId: string): Promise<string[]> {
    const rows = await q
      .select({ id: roleGrants.userId })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(eq(roleGrants.role, 'enterprise_admin'), eq(roleGrants.scopeType, 'enterprise'), eq(roleGrants.scopeId, enterpriseId), eq(users.isActive, true)));
    return [...new Set(rows.map((r) => r.id))];
  }

  /** Operators of a park (park-scoped grants), the advisors one may assign. */
  async function parkOperators(q: Db | Tx, parkId: string): Promise<{ id: string; displayName: string }[]> {
    return q
      .selectDistinct({ id: users.id, displayName: users.displayName })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(and(eq(roleGrants.role, 'operator'), eq(users.isActive, true), or(eq(roleGrants.scopeType, 'all'), and(eq(roleGrants.scopeType, 'park'), eq(roleGrants.scopeId, parkId)))))
      .orderBy(asc(users.displayName));
  }

  // ---------- views ----------

  async function policyViews(q: Db | Tx, actor: Actor, rows: PolicyRow[]): Promise<PolicyView[]> {
    if (!rows.length) return [];
    const mine = await memberEnterprises(q, actor);
    const ids = rows.map((r) => r.id);
    const counts = operatorParkIds(actor).length || isGlobalOperator(actor) ? await q.select({ policyId: policyApplications.policyId, n: count() }).from(policyApplications).where(and(inArray(policyApplications.policyId, ids), inArray(policyApplications.status, APPLIED))).groupBy(policyApplications.policyId) : [];
    const countOf = new Map(counts.map((c) => [c.policyId, Number(c.n)]));
    const mineIds = mine.map((e) => e.id);
    const active = mineIds.length
      ? await q
          .select({ id: policyApplications.id, policyId: policyApplications.policyId, enterpriseId: policyApplications.enterpriseId })
          .from(policyApplications)
          .where(and(inArray(policyApplications.policyId, ids), inArray(policyApplications.enterpriseId, mineIds), inArray(policyApplications.status, [...ACTIVE_APPLICATION_STATUSES])))
      : [];
    return rows.map((p) => {
      const e = mine.find((m) => m.parkId === p.parkId);
      const operatorView = operatorCovers(actor, { parkId: p.parkId });
      return {
        id: p.id,
        parkId: p.parkId,
        title: p.title,
        issuer: p.issuer,
        documentNo: p.documentNo,
        summary: p.summary,
        description: p.description,
        deadline: p.deadline,
        industries: p.industries,
        sizes: p.sizes,
        minAgeYears: p.minAgeYears,
        maxAgeYears: p.maxAgeYears,
        amountKind: p.amountKind,
        amountFen: p.amountFen,
        materials: p.materials,
        flowKey: operatorView ? p.flowKey : '',
        status: p.status,
        applicationCount: operatorView ? (countOf.get(p.id) ?? 0) : 0,
        eligibility: e ? eligibilityOf(p, e) : null,
        myApplicationId: e ? (active.find((a) => a.policyId === p.id && a.enterpriseId === e.id)?.id ?? null) : null,
        createdAt: p.createdAt,
        updatedAt: p.updatedAt,
      };
    });
  }

  const summaryColumns = { a: policyApplications, policyTitle: policies.title, enterpriseName: enterprises.legalName, applicantName: users.displayName };
  const summaryQuery = (q: Db | Tx) =>
    q
      .select(summaryColumns)
      .from(policyApplications)
      .innerJoin(policies, eq(policies.id, policyApplications.policyId))
      .innerJoin(enterprises, eq(enterprises.id, policyApplications.enterpriseId))
      .innerJoin(users, eq(users.id, policyApplications.applicantId));

  async function summariesOf(q: Db | Tx, rows: { a: AppRow; policyTitle: string; enterpriseName: string; applicantName: string }[]): Promise<ApplicationSummary[]> {
    const advisorIds = [...new Set(rows.map((r) => r.a.advisorId).filter((i): i is string => i !== null))];
    const advisors = advisorIds.length ? await q.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, advisorIds)) : [];
    return rows.map(({ a, policyTitle, enterpriseName, applicantName }) => ({
      id: a.id,
      policyId: a.policyId,
      policyTitle,
      parkId: a.parkId,
      enterpriseId: a.enterpriseId,
      enterpriseName,
      applicant: { id: a.applicantId, displayName: applicantName },
      advisor: a.advisorId ? (advisors.find((u) => u.id === a.advisorId) ?? { id: a.advisorId, displayName: '' }) : null,
      status: a.status,
      requestedAmountFen: a.requestedAmountFen,
      grantedAmountFen: a.grantedAmountFen,
      caseId: a.caseId,
      submittedAt: a.submittedAt,
      decidedAt: a.decidedAt,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    }));
  }

  async function applicationView(q: Db | Tx, actor: Actor, id: string): Promise<ApplicationView> {
    const [row] = await summaryQuery(q).where(and(eq(policyApplications.id, id), applicationVisibility(actor)));
    if (!row) throw notFound('policy application', id);
    const [summary] = await summariesOf(q, [row]);
    const a = row.a;
    const [policy] = await q.select().from(policies).where(eq(policies.id, a.policyId));
    const attached = await files.findByOwner(q, POLICY_APPLICATION, a.id);
    const byId = new Map<string, FileView>(attached.map((f) => [f.id, f]));
    const names = [...new Set([...policy.materials, ...a.materials.map((m) => m.name)])];
    const commentRows = await q
      .select({ c: policyApplicationComments, name: users.displayName })
      .from(policyApplicationComments)
      .innerJoin(users, eq(users.id, policyApplicationComments.authorId))
      .where(eq(policyApplicationComments.applicationId, a.id))
      .orderBy(asc(policyApplicationComments.createdAt), asc(policyApplicationComments.id));
    const comments: CommentView[] = commentRows.map(({ c, name }) => ({ id: c.id, author: { id: c.authorId, displayName: name }, isAdvisor: c.authorId === a.advisorId, text: c.body, createdAt: c.createdAt }));
    const own = isEnterpriseSide(actor, a);
    const isApplicant = a.applicantId === actor.userId;
    const operator = operatorCovers(actor, { parkId: a.parkId });
    return {
      ...summary,
      notes: a.notes,
      materials: names.map((name) => {
        const m = a.materials.find((x) => x.name === name);
        return { name, file: m ? (byId.get(m.fileId) ?? null) : null };
      }),
      comments,
      can: {
        apply: own && a.status === 'enquiry',
        resubmit: isApplicant && a.status === 'returned',
        withdraw: (isApplicant && (a.status === 'submitted' || a.status === 'returned')) || (own && a.status === 'enquiry'),
        comment: own || operator || a.advisorId === actor.userId,
        assignAdvisor: operator && a.status !== 'withdrawn',
      },
    };
  }

  // ---------- materials ----------

  /** Checks the named materials against the policy's list; with `complete`, every listed one must come. */
  function checkMaterials(policy: PolicyRow, given: readonly MaterialFile[], complete: boolean) {
    const seen = new Set<string>();
    for (const [i, m] of given.entries()) {
      if (!policy.materials.includes(m.name)) throw validationError(`body.materials.${i}.name`, `is not a material of this policy (${policy.materials.join(', ')})`);
      if (seen.has(m.name)) throw validationError(`body.materials.${i}.name`, 'is given twice');
      seen.add(m.name);
    }
    const missing = policy.materials.filter((n) => !seen.has(n));
    if (complete && missing.length) throw validationError('body.materials', `missing: ${missing.join(', ')}`);
  }

  async function attachMaterials(tx: Tx, ctx: RequestContext, appId: string, given: readonly MaterialFile[]) {
    for (const [i, m] of given.entries()) await files.attach(tx, ctx, { fileId: m.fileId, ownerType: POLICY_APPLICATION, ownerId: appId, field: `body.materials.${i}.fileId` });
  }

  const fileOwner: FileOwnerPolicy = {
    ownerType: POLICY_APPLICATION,
    purposes: ['document', 'image'],
    canRead: async (ctx, ownerId) => {
      const [row] = await db.select({ id: policyApplications.id }).from(policyApplications).where(and(eq(policyApplications.id, ownerId), applicationVisibility(ctx.actor)));
      return Boolean(row);
    },
    canAttach: async (ctx, ownerId, q) => {
      const [a] = await q.select().from(policyApplications).where(eq(policyApplications.id, ownerId));
      return a && isEnterpriseSide(ctx.actor, a) ? { parkId: a.parkId, enterpriseId: a.enterpriseId } : null;
    },
  };

  // ---------- enterprise for a policy ----------

  /** The enterprise the actor acts for (as its admin) in the policy's park; locked when writing. */
  async function actingEnterprise(tx: Tx, actor: Actor, policy: PolicyRow, enterpriseId: string | undefined): Promise<EnterpriseRow> {
    const admin = enterpriseIdsOf(actor, ['enterprise_admin']);
    const candidates = enterpriseId ? admin.filter((i) => i === enterpriseId) : admin;
    if (!candidates.length) {
      if (enterpriseId) throw notFound('enterprise', enterpriseId);
      throw forbidden('Only an enterprise admin may apply for a policy');
    }
    const [e] = await tx
      .select()
      .from(enterprises)
      .where(and(inArray(enterprises.id, candidates), eq(enterprises.parkId, policy.parkId)))
      .orderBy(asc(enterprises.legalName))
      .limit(1)
      .for('update');
    if (!e) throw forbidden('Only an enterprise admin of this park may apply for its policies');
    return e;
  }

  async function activeApplication(tx: Tx, policyId: string, enterpriseId: string): Promise<AppRow | undefined> {
    const [row] = await tx
      .select()
      .from(policyApplications)
      .where(and(eq(policyApplications.policyId, policyId), eq(policyApplications.enterpriseId, enterpriseId), inArray(policyApplications.status, [...ACTIVE_APPLICATION_STATUSES])))
      .for('update');
    return row;
  }

  function requestedAmountOf(policy: PolicyRow, body: ApplyBody): number | null {
    if (policy.amountKind === 'fixed') return policy.amountFen;
    if (policy.amountKind === 'none') return body.requestedAmountFen ?? null;
    const asked = body.requestedAmountFen ?? policy.amountFen;
    if (asked !== null && policy.amountFen !== null && asked > policy.amountFen) throw validationError('body.requestedAmountFen', `must be at most ${policy.amountFen} fen`);
    return asked;
  }

  async function notifyThread(tx: Tx, a: AppRow, authorId: string, toEnterprise: boolean, input: { kind: NotificationKind; params: NotificationParams }) {
    const to = toEnterprise ? [...(await enterpriseAdminIds(tx, a.enterpriseId)), a.applicantId] : a.advisorId ? [a.advisorId] : (await parkOperators(tx, a.parkId)).map((u) => u.id);
    await notify(
      tx,
      to.filter((id) => id !== authorId),
      { ...input, link: toEnterprise ? `/policies/applications/${a.id}` : `/policies/applications/${a.id}`, entityType: POLICY_APPLICATION, entityId: a.id },
    );
  }

  async function getPolicyView(ctx: RequestContext, id: string): Promise<PolicyView> {
    const [v] = await policyViews(db, ctx.actor, [await visiblePolicy(db, ctx.actor, id)]);
    return v;
  }

  return {
    fileOwner,

    /** Registers the approvals subject type and the files owner (once, by the composition root). */
    register(): void {
      files.registerOwner(fileOwner);
      approvals.registerSubjectType(POLICY_APPLICATION, {
        async onOutcome(tx, { approvalCase, outcome, ctx }) {
          const [a] = await tx.select().from(policyApplications).where(eq(policyApplications.id, approvalCase.subjectId)).for('update');
          if (!a) return;
          const status = OUTCOME_STATUS[outcome];
          const decided = outcome === 'approved' || outcome === 'rejected' || outcome === 'withdrawn';
          const [after] = await tx
            .update(policyApplications)
            .set({ status, grantedAmountFen: outcome === 'approved' ? a.requestedAmountFen : a.grantedAmountFen, decidedAt: decided ? now() : null, submittedAt: outcome === 'resubmitted' ? now() : a.submittedAt, updatedAt: now() })
            .where(eq(policyApplications.id, a.id))
            .returning();
          await audit.record(tx, ctx, { action: `policy_application.${outcome}`, entityType: POLICY_APPLICATION, entityId: a.id, before: { status: a.status }, after: { status: after.status, grantedAmountFen: after.grantedAmountFen, caseId: approvalCase.id }, parkId: a.parkId, enterpriseId: a.enterpriseId });
        },
        // No canView: advisors are operators of the park, who see its cases already.
      });
    },

    // ----- the library (operators manage) -----

    async findPolicies(ctx: RequestContext, query: PolicyQuery): Promise<Page<PolicyView>> {
      const where: SQL[] = [await policyVisibility(db, ctx.actor)];
      if (query.parkId) where.push(eq(policies.parkId, query.parkId));
      if (query.status) where.push(eq(policies.status, query.status));
      if (query.q) where.push(or(ilike(policies.title, `%${query.q}%`), ilike(policies.issuer, `%${query.q}%`))!);
      const [rows, [{ n }]] = await Promise.all([
        db.select().from(policies).where(and(...where)).orderBy(sql`case ${policies.status} when 'published' then 0 when 'draft' then 1 else 2 end`, asc(policies.deadline), asc(policies.id)).limit(query.pageSize).offset(offsetOf(query)),
        db.select({ n: count() }).from(policies).where(and(...where)),
      ]);
      return { items: await policyViews(db, ctx.actor, rows), total: Number(n), page: query.page, pageSize: query.pageSize };
    },

    getPolicy: getPolicyView,

    async createPolicy(ctx: RequestContext, body: CreatePolicyBody): Promise<PolicyView> {
      assertCanWrite(ctx.actor);
      assertOperatorCovers(ctx.actor, { parkId: body.parkId });
      const values = normalise(body);
      const row = await db.transaction(async (tx) => {
        const [p] = await tx
          .insert(policies)
          .values({ ...values, parkId: body.parkId, title: body.title, issuer: body.issuer, deadline: body.deadline, flowKey: body.flowKey, status: 'draft', createdById: ctx.actor.via === 'system' ? null : ctx.actor.userId })
          .returning();
        await audit.record(tx, ctx, { action: 'policy.created', entityType: 'policy', entityId: p.id, after: auditablePolicy(p), parkId: p.parkId });
        return p;
      });
      return getPolicyView(ctx, row.id);
    },

    /** Changes a policy; `status` publishes (draft → published) or closes it. */
    async updatePolicy(ctx: RequestContext, id: string, body: UpdatePolicyBody): Promise<PolicyView> {
      assertCanWrite(ctx.actor);
      // Publishing needs the park's flow to exist, else every application would fail (checked before the write transaction).
      const current = await visiblePolicy(db, ctx.actor, id);
      assertOperatorCovers(ctx.actor, { parkId: current.parkId });
      const flowKey = body.flowKey ?? current.flowKey;
      if ((body.status ?? current.status) === 'published') {
        const flows = await approvals.findFlows(ctx, { parkId: current.parkId, page: 1, pageSize: 200 });
        if (!flows.items.some((f) => f.key === flowKey && f.status === 'active')) throw validationError(body.flowKey ? 'body.flowKey' : 'body.status', `the park has no active approval flow ${flowKey}`);
      }
      await db.transaction(async (tx) => {
        const before = await visiblePolicy(tx, ctx.actor, id, true);
        assertOperatorCovers(ctx.actor, { parkId: before.parkId });
        const merged = { ...before, ...stripUndefined(body) };
        const values = normalise(merged);
        const [after] = await tx
          .update(policies)
          .set({ ...values, title: merged.title, issuer: merged.issuer, deadline: merged.deadline, flowKey: merged.flowKey, status: merged.status, updatedAt: now() })
          .where(eq(policies.id, id))
          .returning();
        const action: AuditAction = before.status !== after.status ? `policy.${after.status === 'published' ? 'published' : after.status === 'closed' ? 'closed' : 'updated'}` : 'policy.updated';
        await audit.record(tx, ctx, { action, entityType: 'policy', entityId: id, before: auditablePolicy(before), after: auditablePolicy(after), parkId: after.parkId });
      });
      return getPolicyView(ctx, id);
    },

    // ----- applying -----

    /**
     * The enterprise admin applies: eligible, before the deadline, one file per listed material,
     * and no other active application of the enterprise for this policy (else 409, nothing
     * written). Starts the approval case with the policy's flow.
     */
    async apply(ctx: RequestContext, policyId: string, body: ApplyBody & { enterpriseId?: string }): Promise<ApplicationView> {
      assertCanWrite(ctx.actor);
      const id = await db.transaction(async (tx) => {
        const policy = await visiblePolicy(tx, ctx.actor, policyId);
        const e = await actingEnterprise(tx, ctx.actor, policy, body.enterpriseId);
        const existing = await activeApplication(tx, policy.id, e.id);
        if (existing && existing.status !== 'enquiry') throw conflict('Your enterprise has already applied for this policy', { reason: 'already_applied', applicationId: existing.id });
        const at = now();
        if (at > policy.deadline) throw conflict('The deadline of this policy has passed', { reason: 'deadline_passed', deadline: policy.deadline.toISOString() });
        const eligibility = eligibilityOf(policy, e, at);
        if (!eligibility.isEligible) throw conflict('Your enterprise does not meet this policy’s criteria', { reason: 'not_eligible', reasons: eligibility.reasons });
        const materials = body.materials.map((m) => ({ name: m.name, fileId: m.fileId }));
        checkMaterials(policy, materials, true);
        const requestedAmountFen = requestedAmountOf(policy, body);
        const values = { status: 'submitted' as const, notes: body.notes ?? '', materials, requestedAmountFen, applicantId: ctx.actor.userId, submittedAt: at, updatedAt: at };
        const [a] = existing
          ? await tx.update(policyApplications).set(values).where(eq(policyApplications.id, existing.id)).returning()
          : await tx.insert(policyApplications).values({ ...values, policyId: policy.id, parkId: policy.parkId, enterpriseId: e.id }).returning();
        await attachMaterials(tx, ctx, a.id, materials);
        const c = await approvals.startCase(ctx, { parkId: policy.parkId, enterpriseId: e.id, subjectType: POLICY_APPLICATION, subjectId: a.id, title: `${policy.title} · ${e.legalName}`, flowKey: policy.flowKey, formValues: { policyId: policy.id, amountFen: requestedAmountFen ?? 0, materials: materials.map((m) => m.name), notes: values.notes } }, tx);
        await tx.update(policyApplications).set({ caseId: c.id }).where(eq(policyApplications.id, a.id));
        await audit.record(tx, ctx, { action: 'policy_application.submitted', entityType: POLICY_APPLICATION, entityId: a.id, after: { policyId: policy.id, materials, requestedAmountFen, caseId: c.id }, parkId: a.parkId, enterpriseId: a.enterpriseId });
        return a.id;
      });
      return applicationView(db, ctx.actor, id);
    },

    /** The enterprise asks for guidance before applying (an enquiry with its first message). */
    async enquire(ctx: RequestContext, policyId: string, body: { text: string; enterpriseId?: string }): Promise<ApplicationView> {
      assertCanWrite(ctx.actor);
      const id = await db.transaction(async (tx) => {
        const policy = await visiblePolicy(tx, ctx.actor, policyId);
        if (policy.status !== 'published') throw conflict('This policy is not open', { reason: 'policy_not_open' });
        const e = await actingEnterprise(tx, ctx.actor, policy, body.enterpriseId);
        const existing = await activeApplication(tx, policy.id, e.id);
        const a = existing ?? (await tx.insert(policyApplications).values({ policyId: policy.id, parkId: policy.parkId, enterpriseId: e.id, applicantId: ctx.actor.userId, status: 'enquiry' }).returning())[0];
        if (!existing) await audit.record(tx, ctx, { action: 'policy_application.enquired', entityType: POLICY_APPLICATION, entityId: a.id, after: { policyId: policy.id }, parkId: a.parkId, enterpriseId: a.enterpriseId });
        await tx.insert(policyApplicationComments).values({ applicationId: a.id, authorId: ctx.actor.userId, body: body.text });
        await notifyThread(tx, a, ctx.actor.userId, false, { kind: 'policy.enquiry', params: { policy: policy.title } });
        return a.id;
      });
      return applicationView(db, ctx.actor, id);
    },

    /** A returned application goes back with replacement files for the materials named. */
    async resubmit(ctx: RequestContext, id: string, body: ResubmitBody): Promise<ApplicationView> {
      assertCanWrite(ctx.actor);
      await db.transaction(async (tx) => {
        const a = await visibleApplication(tx, ctx.actor, id, true);
        if (a.applicantId !== ctx.actor.userId) throw forbidden('Only the applicant may resubmit');
        if (a.status !== 'returned' || !a.caseId) throw conflict(`The application is ${a.status}`, { reason: 'not_returned', status: a.status });
        const [policy] = await tx.select().from(policies).where(eq(policies.id, a.policyId));
        const given = body.materials.map((m) => ({ name: m.name, fileId: m.fileId }));
        checkMaterials(policy, given, false);
        const materials = [...a.materials.filter((m) => !given.some((g) => g.name === m.name)), ...given];
        await attachMaterials(tx, ctx, a.id, given);
        const notes = body.notes ?? a.notes;
        await tx.update(policyApplications).set({ materials, notes, updatedAt: now() }).where(eq(policyApplications.id, a.id));
        await audit.record(tx, ctx, { action: 'policy_application.materials_changed', entityType: POLICY_APPLICATION, entityId: a.id, before: { materials: a.materials }, after: { materials }, parkId: a.parkId, enterpriseId: a.enterpriseId });
        await approvals.resubmitCase(ctx, a.caseId, { formValues: { policyId: policy.id, amountFen: a.requestedAmountFen ?? 0, materials: materials.map((m) => m.name), notes }, comment: body.comment ?? null }, tx);
      });
      return applicationView(db, ctx.actor, id);
    },

    /** The applicant withdraws (through the approval case), or the enterprise drops its enquiry. */
    async withdraw(ctx: RequestContext, id: string): Promise<ApplicationView> {
      assertCanWrite(ctx.actor);
      const a = await visibleApplication(db, ctx.actor, id);
      if (!isEnterpriseSide(ctx.actor, a)) throw forbidden('Only the applying enterprise may withdraw');
      if (a.status === 'enquiry') {
        await db.transaction(async (tx) => {
          const locked = await visibleApplication(tx, ctx.actor, id, true);
          if (locked.status !== 'enquiry') throw conflict(`The application is ${locked.status}`, { reason: 'changed', status: locked.status });
          await tx.update(policyApplications).set({ status: 'withdrawn', decidedAt: now(), updatedAt: now() }).where(eq(policyApplications.id, id));
          await audit.record(tx, ctx, { action: 'policy_application.withdrawn', entityType: POLICY_APPLICATION, entityId: id, before: { status: 'enquiry' }, after: { status: 'withdrawn' }, parkId: a.parkId, enterpriseId: a.enterpriseId });
        });
      } else {
        if ((a.status !== 'submitted' && a.status !== 'returned') || !a.caseId) throw conflict(`The application is ${a.status}`, { reason: 'not_open', status: a.status });
        if (a.applicantId !== ctx.actor.userId) throw forbidden('Only the applicant may withdraw');
        await approvals.act(ctx, a.caseId, { type: 'withdraw' });
      }
      return applicationView(db, ctx.actor, id);
    },

    async findApplications(ctx: RequestContext, query: ApplicationQuery): Promise<Page<ApplicationSummary>> {
      const where: SQL[] = [applicationVisibility(ctx.actor)];
      if (query.parkId) where.push(eq(policyApplications.parkId, query.parkId));
      if (query.policyId) where.push(eq(policyApplications.policyId, query.policyId));
      if (query.enterpriseId) where.push(eq(policyApplications.enterpriseId, query.enterpriseId));
      if (query.status) where.push(eq(policyApplications.status, query.status));
      const [rows, [{ n }]] = await Promise.all([
        summaryQuery(db).where(and(...where)).orderBy(desc(policyApplications.updatedAt), desc(policyApplications.id)).limit(query.pageSize).offset(offsetOf(query)),
        db.select({ n: count() }).from(policyApplications).where(and(...where)),
      ]);
      return { items: await summariesOf(db, rows), total: Number(n), page: query.page, pageSize: query.pageSize };
    },

    async getApplication(ctx: RequestContext, id: string): Promise<ApplicationView> {
      return applicationView(db, ctx.actor, id);
    },

    // ----- one-to-one guidance -----

    async findAdvisorCandidates(ctx: RequestContext, id: string) {
      const a = await visibleApplication(db, ctx.actor, id);
      assertOperatorCovers(ctx.actor, { parkId: a.parkId });
      return parkOperators(db, a.parkId);
    },

    /** An operator of the park assigns an advisor (an operator of the park); both sides are told. */
    async assignAdvisor(ctx: RequestContext, id: string, advisorId: string): Promise<ApplicationView> {
      assertCanWrite(ctx.actor);
      await db.transaction(async (tx) => {
        const a = await visibleApplication(tx, ctx.actor, id, true);
        assertOperatorCovers(ctx.actor, { parkId: a.parkId });
        if (!(await parkOperators(tx, a.parkId)).some((u) => u.id === advisorId)) throw validationError('body.advisorId', 'must be an operator of this park');
        await tx.update(policyApplications).set({ advisorId, updatedAt: now() }).where(eq(policyApplications.id, id));
        await audit.record(tx, ctx, { action: 'policy_application.advisor_assigned', entityType: POLICY_APPLICATION, entityId: id, before: { advisorId: a.advisorId }, after: { advisorId }, parkId: a.parkId, enterpriseId: a.enterpriseId });
        const [policy] = await tx.select({ title: policies.title }).from(policies).where(eq(policies.id, a.policyId));
        await notify(tx, [advisorId].filter((u) => u !== ctx.actor.userId), { kind: 'policy.advisor_assigned', params: { policy: policy.title, to: 'advisor' }, link: `/policies/applications/${id}`, entityType: POLICY_APPLICATION, entityId: id });
        await notifyThread(tx, { ...a, advisorId }, ctx.actor.userId, true, { kind: 'policy.advisor_assigned', params: { policy: policy.title, to: 'applicant' } });
      });
      return applicationView(db, ctx.actor, id);
    },

    /** A message in the guidance thread; the other side is notified. */
    async addComment(ctx: RequestContext, id: string, text: string): Promise<ApplicationView> {
      assertCanWrite(ctx.actor);
      await db.transaction(async (tx) => {
        const a = await visibleApplication(tx, ctx.actor, id);
        const own = isEnterpriseSide(ctx.actor, a);
        if (!own && !operatorCovers(ctx.actor, { parkId: a.parkId }) && a.advisorId !== ctx.actor.userId) throw notFound('policy application', id);
        const [c] = await tx.insert(policyApplicationComments).values({ applicationId: a.id, authorId: ctx.actor.userId, body: text }).returning();
        await audit.record(tx, ctx, { action: 'policy_application.commented', entityType: POLICY_APPLICATION, entityId: a.id, after: { commentId: c.id }, parkId: a.parkId, enterpriseId: a.enterpriseId });
        const [policy] = await tx.select({ title: policies.title }).from(policies).where(eq(policies.id, a.policyId));
        await notifyThread(tx, a, ctx.actor.userId, !own, { kind: 'policy.comment', params: { policy: policy.title } });
      });
      return applicationView(db, ctx.actor, id);
    },

    // ----- deadline reminders (the worker) -----

    /**
     * Reminds the admins of eligible enterprises that have not applied, REMINDER_DAYS before each
     * published policy's deadline. Each (policy, enterprise, lead) is recorded with a unique key in
     * the notification's transaction, so a reminder goes out once however often this runs; an
     * enterprise first seen inside a shorter lead gets that reminder only. Returns reminders sent.
     */
    async sendDeadlineReminders(at = now()): Promise<number> {
      const horizon = new Date(at.getTime() + Math.max(...REMINDER_DAYS) * DAY);
      const due = await db
        .select()
        .from(policies)
        .where(and(eq(policies.status, 'published'), sql`${policies.deadline} > ${at.toISOString()}::timestamptz`, sql`${policies.deadline} <= ${horizon.toISOString()}::timestamptz`));
      let sent = 0;
      for (const p of due) {
        const left = p.deadline.getTime() - at.getTime();
        const lead = Math.min(...REMINDER_DAYS.filter((d) => left <= d * DAY));
        const covered = REMINDER_DAYS.filter((d) => d >= lead);
        const candidates = await db.select().from(enterprises).where(and(eq(enterprises.parkId, p.parkId), eq(enterprises.status, 'active')));
        const applied = new Set(
          (await db.select({ enterpriseId: policyApplications.enterpriseId }).from(policyApplications).where(and(eq(policyApplications.policyId, p.id), inArray(policyApplications.status, APPLIED)))).map((r) => r.enterpriseId),
        );
        for (const e of candidates) {
          if (applied.has(e.id) || !eligibilityOf(p, e, at).isEligible) continue;
          const n = await db.transaction(async (tx) => {
            const inserted = await tx
              .insert(policyReminders)
              .values(covered.map((d) => ({ policyId: p.id, enterpriseId: e.id, daysBefore: d })))
              .onConflictDoNothing()
              .returning({ daysBefore: policyReminders.daysBefore });
            if (!inserted.some((r) => r.daysBefore === lead)) return 0;
            const admins = await enterpriseAdminIds(tx, e.id);
            const days = Math.max(1, Math.ceil(left / DAY));
            const recipients = await notify(tx, admins, { kind: 'policy.deadline', params: { policy: p.title, days, deadline: p.deadline.toISOString() }, link: `/policies/${p.id}`, entityType: 'policy', entityId: p.id });
            await tx.update(policyReminders).set({ recipients }).where(and(eq(policyReminders.policyId, p.id), eq(policyReminders.enterpriseId, e.id), eq(policyReminders.daysBefore, lead)));
            await audit.record(tx, { actor: SYSTEM_ACTOR }, { action: 'policy.reminder_sent', entityType: 'policy', entityId: p.id, after: { enterpriseId: e.id, daysBefore: lead, recipients }, parkId: p.parkId, enterpriseId: e.id });
            return 1;
          });
          sent += n;
        }
      }
      return sent;
    },
  };
}

/** Drops keys whose value is undefined (a PATCH leaves them as they are). */
function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Cross-field rules of a policy's fields, and their stored form. */
function normalise(b: { documentNo?: string | null; summary?: string; description?: string; industries?: string[]; sizes?: string[]; minAgeYears?: number | null; maxAgeYears?: number | null; amountKind?: 'none' | 'fixed' | 'up_to'; amountFen?: number | null; materials?: string[] }) {
  const amountKind = b.amountKind ?? 'none';
  if (amountKind !== 'none' && (b.amountFen === null || b.amountFen === undefined)) throw validationError('body.amountFen', `is required for a ${amountKind} amount`);
  const min = b.minAgeYears ?? null;
  const max = b.maxAgeYears ?? null;
  if (min !== null && max !== null && max < min) throw validationError('body.maxAgeYears', 'must not be below minAgeYears');
  const materials = b.materials ?? [];
  if (new Set(materials).size !== materials.length) throw validationError('body.materials', 'names must be distinct');
  return {
    documentNo: b.documentNo?.trim() || null,
    summary: b.summary ?? '',
    description: b.description ?? '',
    industries: [...new Set(b.industries ?? [])],
    sizes: [...new Set(b.sizes ?? [])],
    minAgeYears: min,
    maxAgeYears: max,
    amountKind,
    amountFen: amountKind === 'none' ? null : (b.amountFen ?? null),
    materials,
  };
}

export type PoliciesService = ReturnType<typeof createPoliciesService>;

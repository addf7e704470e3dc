import type { NotifyUsers } from '../notifications';
import { ROLE_SCOPES } from '@parkos/contracts';
import { and, asc, count, desc, eq, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { conflict, forbidden, notFound, validationError } from '../../lib/errors';
import { offsetOf, type Page } from '../../lib/pagination';
import { assertCanWrite, assertOperatorCovers, enterpriseIdsOf, isGlobalOperator, operatorCovers, operatorParkIds, SYSTEM_ACTOR, type Actor } from '../identity/actor';
import type { AuditService } from '../identity/audit.service';
import { users } from '../identity/identity.table';
import { enterprises } from '../parks/parks.table';
import type { StepDefinition } from './approval-flow';
import { decide, type ApprovalAction, type CaseOutcome, type CaseState, type Effect } from './approval-machine';
import * as repo from './approvals.repository';
import type { ActBody, CaseDetail, CaseQuery, CaseSummary, CreateFlowBody, FlowQuery, FlowVersionView, FlowView, InboxItem, UpdateFlowBody } from './approvals.schema';
import { approvalActions, approvalCases, approvalFlows, approvalFlowVersions, approvalTasks } from './approvals.table';

/** A case as a feature module sees it in its hooks. */
export type ApprovalCase = repo.CaseRow;

/** What a feature module registers for its subject type. */
export interface SubjectTypeHandler {
  /**
   * Called inside the transaction of the decision (approved, rejected, withdrawn, returned to
   * the applicant, resubmitted). Throwing an AppError refuses the decision: nothing is written.
   */
  onOutcome?(tx: Tx, event: { approvalCase: ApprovalCase; outcome: CaseOutcome; ctx: RequestContext }): Promise<void>;
  /**
   * Who else may see and comment on a case of this type, beyond its applicant, its approvers,
   * the park's operators and the applicant's enterprise admins. Query through `q`: it is the
   * transaction the check runs in when there is one (the embedded database has one connection).
   */
  canView?(actor: Actor, approvalCase: ApprovalCase, q: Db | Tx): boolean | Promise<boolean>;
}

/** In-app notifications (the notifications module's `notify`), written in the caller's transaction. */

export interface StartCaseInput {
  parkId: string;
  /** The applicant's enterprise (its admins can be approvers, and see the case). */
  enterpriseId?: string | null;
  subjectType: string;
  subjectId: string;
  /** Shown in inboxes and notifications. */
  title: string;
  /** The key of the park's flow to run. */
  flowKey: string;
  formValues: Record<string, unknown>;
}

const HOUR = 3_600_000;

/**
 * Approvals (审批): flows as data per park, cases about any feature's record, decided by the
 * pure state machine in `approval-machine.ts`. Every action locks the case row first
 * (`SELECT … FOR UPDATE`), so approvers acting at once are decided one after the other, and is
 * audited in the same transaction (so each decision is on the ledger).
 */
export function createApprovalsService(deps: { db: Db; audit: AuditService; notify?: NotifyUsers; remindIntervalMs?: number; now?: () => Date }) {
  const { db, audit } = deps;
  const now = deps.now ?? (() => new Date());
  const remindIntervalMs = deps.remindIntervalMs ?? HOUR;
  const handlers = new Map<string, SubjectTypeHandler>();

  // ---------- flows ----------

  async function validateSteps(q: Db | Tx, parkId: string, steps: readonly StepDefinition[]): Promise<void> {
    for (const [i, step] of steps.entries()) {
      const roleSpecs = [...step.approvers.flatMap((a, j) => (a.kind === 'role' ? [{ spec: a, field: `body.steps.${i}.approvers.${j}` }] : [])), ...(step.escalation?.to ? [{ spec: step.escalation.to, field: `body.steps.${i}.escalation.to` }] : [])];
      for (const { spec, field } of roleSpecs) {
        if (!ROLE_SCOPES[spec.role].includes(spec.scopeType)) throw validationError(`${field}.scopeType`, `${spec.role} is not granted in ${spec.scopeType} scope`);
        if (!(await repo.isScopeInPark(q, spec, parkId))) throw validationError(`${field}.scopeId`, 'must be a scope of this park');
      }
      const named = step.approvers.flatMap((a, j) => (a.kind === 'user' ? [{ id: a.userId, field: `body.steps.${i}.approvers.${j}.userId` }] : []));
      const eligible = await repo.findEligibleUsers(q, { parkId, enterpriseId: null }, named.map((n) => n.id));
      const bad = named.find((n) => !eligible.has(n.id));
      if (bad) throw validationError(bad.field, 'must be an operator or property staff of this park');
      if (step.escalation?.reassign && !step.escalation.to) throw validationError(`body.steps.${i}.escalation.to`, 'is required to reassign');
    }
  }

  async function flowRow(ctx: RequestContext, id: string, q: Db | Tx = db, lock = false) {
    const query = q.select().from(approvalFlows).where(eq(approvalFlows.id, id));
    const [row] = lock ? await query.for('update') : await query;
    if (!row || !operatorCovers(ctx.actor, { parkId: row.parkId })) throw notFound('approval flow', id);
    return row;
  }

  async function latestVersionOf(q: Db | Tx, flow: typeof approvalFlows.$inferSelect) {
    const [v] = await q.select().from(approvalFlowVersions).where(and(eq(approvalFlowVersions.flowId, flow.id), eq(approvalFlowVersions.version, flow.latestVersion)));
    return v;
  }

  async function flowView(q: Db | Tx, flow: typeof approvalFlows.$inferSelect): Promise<FlowView> {
    const v = await latestVersionOf(q, flow);
    return { id: flow.id, parkId: flow.parkId, key: flow.key, nameZh: flow.nameZh, nameEn: flow.nameEn, status: flow.status, latestVersion: flow.latestVersion, steps: v.steps, updatedAt: flow.updatedAt };
  }

  // ---------- cases: visibility and views ----------

  async function canView(q: Db | Tx, actor: Actor, c: repo.CaseRow, taskHolders: readonly string[]): Promise<boolean> {
    if (c.applicantId === actor.userId || taskHolders.includes(actor.userId)) return true;
    if (operatorCovers(actor, { parkId: c.parkId })) return true;
    if (c.enterpriseId && enterpriseIdsOf(actor, ['enterprise_admin']).includes(c.enterpriseId)) return true;
    const handler = handlers.get(c.subjectType);
    return handler?.canView ? Boolean(await handler.canView(actor, c, q)) : false;
  }

  /** Cases the actor may list beyond their own: those of the parks they operate. */
  function parkScope(actor: Actor): SQL {
    if (isGlobalOperator(actor)) return sql`true`;
    const parkIds = operatorParkIds(actor);
    return parkIds.length ? inArray(approvalCases.parkId, parkIds) : sql`false`;
  }

  const summaryColumns = {
    c: approvalCases,
    applicantName: users.displayName,
    flowKey: approvalFlows.key,
    flowNameZh: approvalFlows.nameZh,
    flowNameEn: approvalFlows.nameEn,
    version: approvalFlowVersions.version,
  };
  type SummaryRow = { c: repo.CaseRow; applicantName: string; flowKey: string; flowNameZh: string; flowNameEn: string; version: number };
  const summaryQuery = (q: Db | Tx) =>
    q
      .select(summaryColumns)
      .from(approvalCases)
      .innerJoin(users, eq(users.id, approvalCases.applicantId))
      .innerJoin(approvalFlows, eq(approvalFlows.id, approvalCases.flowId))
      .innerJoin(approvalFlowVersions, eq(approvalFlowVersions.id, approvalCases.flowVersionId));

  function summaryOf(r: SummaryRow): CaseSummary {
    const { c } = r;
    return {
      id: c.id,
      parkId: c.parkId,
      enterpriseId: c.enterpriseId,
      subjectType: c.subjectType,
      subjectId: c.subjectId,
      title: c.title,
      applicant: { id: c.applicantId, displayName: r.applicantName },
      flow: { id: c.flowId, key: r.flowKey, nameZh: r.flowNameZh, nameEn: r.flowNameEn, version: r.version },
      status: c.status,
      currentStep: c.currentStep,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      completedAt: c.completedAt,
    };
  }

  async function namesOf(q: Db | Tx, ids: (string | null)[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids.filter((i): i is string => i !== null))];
    if (!unique.length) return new Map();
    const rows = await q.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, unique));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async function detail(q: Db | Tx, actor: Actor, id: string): Promise<CaseDetail> {
    const [row] = await summaryQuery(q).where(eq(approvalCases.id, id));
    if (!row) throw notFound('approval case', id);
    const tasks = await repo.findTasks(q, id);
    if (!(await canView(q, actor, row.c, tasks.map((t) => t.assigneeId)))) throw notFound('approval case', id);
    const [version] = await q.select().from(approvalFlowVersions).where(eq(approvalFlowVersions.id, row.c.flowVersionId));
    const actions = await q.select().from(approvalActions).where(eq(approvalActions.caseId, id)).orderBy(asc(approvalActions.id));
    const names = await namesOf(q, [...tasks.map((t) => t.assigneeId), ...actions.flatMap((a) => [a.actorId, a.targetUserId])]);
    const ref = (userId: string | null) => (userId ? { id: userId, displayName: names.get(userId) ?? '' } : null);
    const c = row.c;
    const isApplicant = c.applicantId === actor.userId;
    return {
      ...summaryOf(row),
      formValues: c.formValues,
      steps: version.steps,
      tasks: tasks.map((t) => ({ id: t.id, stepIndex: t.stepIndex, round: t.round, slot: t.slot, assignee: ref(t.assigneeId)!, status: t.status, origin: t.origin, dueAt: t.dueAt, escalatedAt: t.escalatedAt, decidedAt: t.decidedAt, comment: t.comment })),
      actions: actions.map((a) => ({ id: a.id, type: a.type, actor: ref(a.actorId), actorName: a.actorName, stepIndex: a.stepIndex, comment: a.comment, targetUser: ref(a.targetUserId), toStep: a.toStep, statusAfter: a.statusAfter, auditId: a.auditId, createdAt: a.createdAt })),
      can: {
        approve: c.status === 'in_progress' && tasks.some((t) => t.round === c.round && t.status === 'pending' && t.assigneeId === actor.userId),
        withdraw: isApplicant && (c.status === 'in_progress' || c.status === 'returned'),
        resubmit: isApplicant && c.status === 'returned',
        remind: c.status === 'in_progress' && (isApplicant || operatorCovers(actor, { parkId: c.parkId })),
        comment: true,
      },
    };
  }

  // ---------- deciding ----------

  /** The machine's environment for one case: every step's approvers resolved now. */
  async function envFor(q: Tx, c: repo.CaseRow, steps: readonly StepDefinition[], at: Date) {
    const place = { parkId: c.parkId, enterpriseId: c.enterpriseId };
    const assignees = await Promise.all(steps.map((s) => repo.resolveApprovers(q, s.approvers, place)));
    const escalation = await Promise.all(steps.map((s) => (s.escalation?.to ? repo.findRoleHolders(q, s.escalation.to, place) : Promise.resolve([]))));
    return { now: at, steps, assigneesOf: (i: number) => assignees[i] ?? [], escalationUsersOf: (i: number) => escalation[i] ?? [], remindIntervalMs };
  }

  /** Locks the case, decides, writes state, history, audit entry and notifications, and calls the feature's hook: one transaction. */
  async function apply(tx: Tx, ctx: RequestContext, c: repo.CaseRow, action: ApprovalAction, extra: { comment?: string | null; targetUserId?: string | null; toStep?: number | null } = {}, at = now()) {
    const [version] = await tx.select().from(approvalFlowVersions).where(eq(approvalFlowVersions.id, c.flowVersionId));
    const tasks = await repo.findTasks(tx, c.id);
    const before: CaseState = repo.caseStateOf(c, tasks);
    const env = await envFor(tx, c, version.steps, at);
    const { state, effects } = decide(before, action, env);
    if (action.type === 'escalate' && state === before) return false;
    await repo.saveCaseState(tx, c.id, before, state, at);
    const auditEntry = await audit.record(tx, ctx, {
      action: `approval_case.${action.type}`,
      entityType: 'approval_case',
      entityId: c.id,
      before: { status: before.status, currentStep: before.stepIndex },
      after: { status: state.status, currentStep: state.stepIndex, subjectType: c.subjectType, subjectId: c.subjectId, flowVersionId: c.flowVersionId, stepIndex: before.stepIndex ?? state.stepIndex, ...extra },
      parkId: c.parkId,
      enterpriseId: c.enterpriseId,
    });
    const isSystem = ctx.actor.via === 'system';
    await tx.insert(approvalActions).values({
      caseId: c.id,
      type: action.type,
      actorId: isSystem ? null : ctx.actor.userId,
      actorName: isSystem ? ctx.actor.displayName : ctx.actor.displayName || ctx.actor.username,
      stepIndex: action.type === 'submit' || action.type === 'resubmit' ? state.stepIndex : before.stepIndex,
      comment: extra.comment ?? null,
      targetUserId: extra.targetUserId ?? null,
      toStep: extra.toStep ?? null,
      statusAfter: state.status,
      auditId: auditEntry.id,
      createdAt: at,
    });
    const updated: repo.CaseRow = { ...c, status: state.status, currentStep: state.stepIndex, round: state.round, formValues: state.formValues, lastRemindedAt: state.lastRemindedAt, updatedAt: at };
    await carryOut(tx, ctx, updated, effects);
    return true;
  }

  async function carryOut(tx: Tx, ctx: RequestContext, c: repo.CaseRow, effects: Effect[]) {
    for (const effect of effects) {
      if (effect.type === 'outcome') {
        await handlers.get(c.subjectType)?.onOutcome?.(tx, { approvalCase: c, outcome: effect.outcome, ctx });
      } else if (deps.notify && effect.userIds.length) {
        await deps.notify(tx, effect.userIds, { kind: `approval.${effect.kind}`, params: { subject: c.title, status: c.status }, link: `/approvals/cases/${c.id}`, entityType: 'approval_case', entityId: c.id });
      }
    }
  }

  async function lockedCase(tx: Tx, id: string): Promise<repo.CaseRow | undefined> {
    const [c] = await tx.select().from(approvalCases).where(eq(approvalCases.id, id)).for('update');
    return c;
  }

  /** The case row, locked for this transaction; 404 unless the caller may see it. */
  async function lockedVisibleCase(tx: Tx, ctx: RequestContext, id: string): Promise<repo.CaseRow> {
    const c = await lockedCase(tx, id);
    if (!c) throw notFound('approval case', id);
    const tasks = await repo.findTasks(tx, id);
    if (!(await canView(tx, ctx.actor, c, tasks.map((t) => t.assigneeId)))) throw notFound('approval case', id);
    return c;
  }

  /** 400 naming the field unless the user may be an approver of this case. */
  async function assertEligible(tx: Tx, c: repo.CaseRow, userId: string, field: string) {
    const ok = await repo.findEligibleUsers(tx, { parkId: c.parkId, enterpriseId: c.enterpriseId }, [userId]);
    if (!ok.has(userId)) throw validationError(field, 'must be an operator or property staff of this park, or of the applicant’s enterprise');
  }

  function actionOf(actorId: string, body: ActBody): ApprovalAction {
    switch (body.type) {
      case 'approve':
        return { type: 'approve', actorId, comment: body.comment };
      case 'reject':
        return { type: 'reject', actorId, reason: body.reason };
      case 'return':
        return { type: 'return', actorId, reason: body.reason, toStep: body.toStep };
      case 'resubmit':
        return { type: 'resubmit', actorId, comment: body.comment };
      case 'withdraw':
        return { type: 'withdraw', actorId, reason: body.reason };
      case 'transfer':
        return { type: 'transfer', actorId, toUserId: body.toUserId, comment: body.comment };
      case 'add_approver':
        return { type: 'add_approver', actorId, userId: body.userId, comment: body.comment };
      case 'comment':
        return { type: 'comment', actorId, comment: body.comment };
      case 'remind':
        return { type: 'remind', actorId };
    }
  }

  function extraOf(body: ActBody) {
    switch (body.type) {
      case 'reject':
        return { comment: body.reason };
      case 'return':
        return { comment: body.reason, toStep: body.toStep };
      case 'withdraw':
        return { comment: body.reason ?? null };
      case 'transfer':
        return { comment: body.comment ?? null, targetUserId: body.toUserId };
      case 'add_approver':
        return { comment: body.comment ?? null, targetUserId: body.userId };
      case 'remind':
        return {};
      case 'approve':
      case 'comment':
      case 'resubmit':
        return { comment: body.comment ?? null };
    }
  }

  return {
    /**
     * Registers a feature's subject type: its outcome hook and extra viewers. A case can only be
     * started for a registered type. Call once at start-up.
     */
    registerSubjectType(subjectType: string, handler: SubjectTypeHandler): void {
      if (handlers.has(subjectType)) throw new Error(`approval subject type ${subjectType} is already registered`);
      handlers.set(subjectType, handler);
    },

    // ----- flows (operators of the park) -----

    async findFlows(ctx: RequestContext, query: FlowQuery): Promise<Page<FlowView>> {
      const where: SQL[] = [];
      if (!isGlobalOperator(ctx.actor)) {
        const parkIds = operatorParkIds(ctx.actor);
        if (!parkIds.length) throw forbidden('Only operators of a park manage approval flows');
        where.push(inArray(approvalFlows.parkId, parkIds));
      }
      if (query.parkId) where.push(eq(approvalFlows.parkId, query.parkId));
      const [rows, [{ n }]] = await Promise.all([
        db.select().from(approvalFlows).where(and(...where)).orderBy(asc(approvalFlows.key)).limit(query.pageSize).offset(offsetOf(query)),
        db.select({ n: count() }).from(approvalFlows).where(and(...where)),
      ]);
      return { items: await Promise.all(rows.map((r) => flowView(db, r))), total: n, page: query.page, pageSize: query.pageSize };
    },

    async getFlow(ctx: RequestContext, id: string): Promise<FlowView> {
      return flowView(db, await flowRow(ctx, id));
    },

    async createFlow(ctx: RequestContext, input: CreateFlowBody): Promise<FlowView> {
      assertCanWrite(ctx.actor);
      assertOperatorCovers(ctx.actor, { parkId: input.parkId });
      return db.transaction(async (tx) => {
        await validateSteps(tx, input.parkId, input.steps);
        const [dup] = await tx.select({ id: approvalFlows.id }).from(approvalFlows).where(and(eq(approvalFlows.parkId, input.parkId), eq(approvalFlows.key, input.key)));
        if (dup) throw conflict(`The park already has a flow with key ${input.key}`, { fields: [{ field: 'body.key', message: 'is taken in this park', code: 'already_taken' }] });
        const [flow] = await tx.insert(approvalFlows).values({ parkId: input.parkId, key: input.key, nameZh: input.nameZh, nameEn: input.nameEn }).returning();
        await tx.insert(approvalFlowVersions).values({ flowId: flow.id, version: 1, steps: input.steps, createdById: ctx.actor.via === 'system' ? null : ctx.actor.userId });
        await audit.record(tx, ctx, { action: 'approval_flow.created', entityType: 'approval_flow', entityId: flow.id, after: { key: flow.key, nameZh: flow.nameZh, nameEn: flow.nameEn, version: 1, steps: input.steps }, parkId: flow.parkId });
        return flowView(tx, flow);
      });
    },

    /** Changes a flow; new steps replace the latest version if no case uses it, else become a new version. */
    async updateFlow(ctx: RequestContext, id: string, input: UpdateFlowBody): Promise<FlowView> {
      assertCanWrite(ctx.actor);
      return db.transaction(async (tx) => {
        // The flow row lock orders this edit against cases starting (they hold it FOR SHARE).
        const flow = await flowRow(ctx, id, tx, true);
        const latest = await latestVersionOf(tx, flow);
        let version = flow.latestVersion;
        if (input.steps) {
          await validateSteps(tx, flow.parkId, input.steps);
          const [{ n }] = await tx.select({ n: count() }).from(approvalCases).where(eq(approvalCases.flowVersionId, latest.id));
          if (n === 0) await tx.update(approvalFlowVersions).set({ steps: input.steps }).where(eq(approvalFlowVersions.id, latest.id));
          else {
            version += 1;
            await tx.insert(approvalFlowVersions).values({ flowId: flow.id, version, steps: input.steps, createdById: ctx.actor.via === 'system' ? null : ctx.actor.userId });
          }
        }
        const [updated] = await tx
          .update(approvalFlows)
          .set({ nameZh: input.nameZh ?? flow.nameZh, nameEn: input.nameEn ?? flow.nameEn, status: input.status ?? flow.status, latestVersion: version, updatedAt: new Date() })
          .where(eq(approvalFlows.id, id))
          .returning();
        await audit.record(tx, ctx, {
          action: 'approval_flow.updated',
          entityType: 'approval_flow',
          entityId: id,
          before: { nameZh: flow.nameZh, nameEn: flow.nameEn, status: flow.status, version: flow.latestVersion, steps: latest.steps },
          after: { nameZh: updated.nameZh, nameEn: updated.nameEn, status: updated.status, version, steps: input.steps ?? latest.steps },
          parkId: flow.parkId,
        });
        return flowView(tx, updated);
      });
    },

    async findFlowVersions(ctx: RequestContext, id: string): Promise<FlowVersionView[]> {
      await flowRow(ctx, id);
      const rows = await db
        .select({ v: approvalFlowVersions, caseCount: sql<number>`(select count(*)::int from approval_cases c where c.flow_version_id = approval_flow_versions.id)` })
        .from(approvalFlowVersions)
        .where(eq(approvalFlowVersions.flowId, id))
        .orderBy(desc(approvalFlowVersions.version));
      return rows.map(({ v, caseCount }) => ({ id: v.id, version: v.version, steps: v.steps, caseCount: Number(caseCount), createdAt: v.createdAt }));
    },

    /** Users that may be named as approvers in a park (operators, contracted property staff), by name. */
    async findCandidates(ctx: RequestContext, input: { parkId?: string; caseId?: string; q?: string }) {
      let place: repo.CasePlace;
      if (input.caseId) {
        const d = await detail(db, ctx.actor, input.caseId);
        place = { parkId: d.parkId, enterpriseId: d.enterpriseId };
      } else {
        if (!input.parkId) throw validationError('query.parkId', 'is required');
        assertOperatorCovers(ctx.actor, { parkId: input.parkId });
        place = { parkId: input.parkId, enterpriseId: null };
      }
      const where: SQL[] = [eq(users.isActive, true), repo.eligibleUserCondition(place)];
      if (input.q) where.push(or(ilike(users.displayName, `%${input.q}%`), ilike(users.username, `%${input.q}%`))!);
      return db.select({ id: users.id, displayName: users.displayName, username: users.username }).from(users).where(and(...where)).orderBy(asc(users.username)).limit(50);
    },

    // ----- cases -----

    /**
     * Starts a case for a feature's record with the park's flow `flowKey` (its latest version),
     * applied for by the caller. Pass the feature's transaction to start it with the record.
     * 404 if the flow does not exist, 409 if the subject already has an open case or a step has
     * no approvers.
     */
    async startCase(ctx: RequestContext, input: StartCaseInput, outer?: Tx): Promise<CaseDetail> {
      assertCanWrite(ctx.actor);
      if (!handlers.has(input.subjectType)) throw new Error(`approval subject type ${input.subjectType} is not registered`);
      const run = async (tx: Tx) => {
        const [flow] = await tx
          .select()
          .from(approvalFlows)
          .where(and(eq(approvalFlows.parkId, input.parkId), eq(approvalFlows.key, input.flowKey), eq(approvalFlows.status, 'active')))
          .for('share');
        if (!flow) throw notFound('approval flow', input.flowKey);
        if (input.enterpriseId) {
          const [e] = await tx.select({ parkId: enterprises.parkId }).from(enterprises).where(eq(enterprises.id, input.enterpriseId));
          if (!e || e.parkId !== input.parkId) throw validationError('body.enterpriseId', 'must be an enterprise of this park');
        }
        const [open] = await tx
          .select({ id: approvalCases.id })
          .from(approvalCases)
          .where(and(eq(approvalCases.subjectType, input.subjectType), eq(approvalCases.subjectId, input.subjectId), inArray(approvalCases.status, ['in_progress', 'returned'])));
        if (open) throw conflict('This record already has an open approval', { caseId: open.id });
        const version = await latestVersionOf(tx, flow);
        const [c] = await tx
          .insert(approvalCases)
          .values({ parkId: input.parkId, enterpriseId: input.enterpriseId ?? null, subjectType: input.subjectType, subjectId: input.subjectId, title: input.title, applicantId: ctx.actor.userId, flowId: flow.id, flowVersionId: version.id, formValues: input.formValues, status: 'in_progress', currentStep: 0, round: 0 })
          .returning();
        await apply(tx, ctx, c, { type: 'submit', actorId: ctx.actor.userId });
        return c.id;
      };
      const id = outer ? await run(outer) : await db.transaction(run);
      return detail(outer ?? db, ctx.actor, id);
    },

    /** One action on a case by the caller (approve, reject, return, resubmit, withdraw, transfer, add approver, comment, remind). */
    async act(ctx: RequestContext, id: string, body: ActBody): Promise<CaseDetail> {
      assertCanWrite(ctx.actor);
      await db.transaction(async (tx) => {
        const c = await lockedVisibleCase(tx, ctx, id);
        if (body.type === 'transfer') await assertEligible(tx, c, body.toUserId, 'body.toUserId');
        if (body.type === 'add_approver') await assertEligible(tx, c, body.userId, 'body.userId');
        if (body.type === 'remind' && c.applicantId !== ctx.actor.userId && !operatorCovers(ctx.actor, { parkId: c.parkId })) throw forbidden('Only the applicant or the park’s operators may send reminders');
        await apply(tx, ctx, c, actionOf(ctx.actor.userId, body), extraOf(body));
      });
      return detail(db, ctx.actor, id);
    },

    /**
     * Resubmits a returned case with the feature's corrected form values (the feature validates
     * its form first). Conditions are evaluated afresh from the first step. Pass the feature's
     * transaction to save its record and resubmit together.
     */
    async resubmitCase(ctx: RequestContext, id: string, input: { formValues: Record<string, unknown>; comment?: string | null }, outer?: Tx): Promise<CaseDetail> {
      assertCanWrite(ctx.actor);
      const run = async (tx: Tx) => {
        const c = await lockedVisibleCase(tx, ctx, id);
        await apply(tx, ctx, c, { type: 'resubmit', actorId: ctx.actor.userId, formValues: input.formValues, comment: input.comment }, { comment: input.comment ?? null });
      };
      if (outer) await run(outer);
      else await db.transaction(run);
      return detail(outer ?? db, ctx.actor, id);
    },

    /**
     * Withdraws the open case (in progress or returned) of a feature's record because the feature
     * ended the record itself (a booking cancelled by its booker or the park's operator). The
     * feature has already checked that the caller may do so; the case is withdrawn on the
     * applicant's behalf, its pending tasks are cancelled (they leave the approvers' inboxes), the
     * approvers are told, and the action is audited with the caller as actor. The outcome hook
     * hears `withdrawn` in this transaction. Returns the case id, or null when the record has no
     * open case.
     */
    async withdrawForSubject(ctx: RequestContext, input: { subjectType: string; subjectId: string; reason?: string | null }, tx: Tx): Promise<string | null> {
      assertCanWrite(ctx.actor);
      const [open] = await tx
        .select()
        .from(approvalCases)
        .where(and(eq(approvalCases.subjectType, input.subjectType), eq(approvalCases.subjectId, input.subjectId), inArray(approvalCases.status, ['in_progress', 'returned'])))
        .for('update');
      if (!open) return null;
      const reason = input.reason?.trim() || null;
      await apply(tx, ctx, open, { type: 'withdraw', actorId: open.applicantId, reason }, { comment: reason });
      return open.id;
    },

    /** A case with its steps, tasks and history; 404 unless the caller may see it. */
    async getCase(ctx: RequestContext, id: string): Promise<CaseDetail> {
      return detail(db, ctx.actor, id);
    },

    /** Cases I applied for (`mine`), or of the parks I operate (`park`). */
    async findCases(ctx: RequestContext, query: CaseQuery): Promise<Page<CaseSummary>> {
      const where: SQL[] = [query.scope === 'mine' ? eq(approvalCases.applicantId, ctx.actor.userId) : parkScope(ctx.actor)];
      if (query.status) where.push(eq(approvalCases.status, query.status));
      if (query.parkId) where.push(eq(approvalCases.parkId, query.parkId));
      const [rows, [{ n }]] = await Promise.all([
        summaryQuery(db).where(and(...where)).orderBy(desc(approvalCases.createdAt), desc(approvalCases.id)).limit(query.pageSize).offset(offsetOf(query)),
        db.select({ n: count() }).from(approvalCases).where(and(...where)),
      ]);
      return { items: rows.map(summaryOf), total: n, page: query.page, pageSize: query.pageSize };
    },

    /** My inbox (待办): pending tasks of cases in progress, oldest due first. */
    async findTasksFor(ctx: RequestContext): Promise<InboxItem[]> {
      const rows = await db
        .select({ ...summaryColumns, task: approvalTasks })
        .from(approvalCases)
        .innerJoin(users, eq(users.id, approvalCases.applicantId))
        .innerJoin(approvalFlows, eq(approvalFlows.id, approvalCases.flowId))
        .innerJoin(approvalFlowVersions, eq(approvalFlowVersions.id, approvalCases.flowVersionId))
        .innerJoin(approvalTasks, and(eq(approvalTasks.caseId, approvalCases.id), eq(approvalTasks.round, approvalCases.round)))
        .where(and(eq(approvalTasks.assigneeId, ctx.actor.userId), eq(approvalTasks.status, 'pending'), eq(approvalCases.status, 'in_progress')))
        .orderBy(sql`${approvalTasks.dueAt} asc nulls last`, asc(approvalTasks.createdAt))
        .limit(500);
      const versions = new Map<string, StepDefinition[]>();
      const out: InboxItem[] = [];
      for (const r of rows) {
        const { task } = r;
        let steps = versions.get(r.c.flowVersionId);
        if (!steps) {
          steps = (await db.select({ steps: approvalFlowVersions.steps }).from(approvalFlowVersions).where(eq(approvalFlowVersions.id, r.c.flowVersionId)))[0].steps;
          versions.set(r.c.flowVersionId, steps);
        }
        const step = steps[task.stepIndex];
        out.push({ taskId: task.id, dueAt: task.dueAt, stepIndex: task.stepIndex, stepNameZh: step.nameZh, stepNameEn: step.nameEn, mode: step.mode, case: summaryOf(r) });
      }
      return out;
    },

    /**
     * Escalates overdue tasks (the worker calls this): notifies the approvers and the step's
     * escalation role, and hands the tasks over when the step says so. Each case is locked and
     * escalated once per step. Returns the number of cases escalated.
     */
    async escalateOverdue(at: Date = now()): Promise<number> {
      const due = await db
        .selectDistinct({ caseId: approvalTasks.caseId })
        .from(approvalTasks)
        .where(and(eq(approvalTasks.status, 'pending'), sql`${approvalTasks.escalatedAt} is null`, lte(approvalTasks.dueAt, at)))
        .limit(200);
      let escalated = 0;
      for (const { caseId } of due) {
        const done = await db.transaction(async (tx) => {
          const c = await lockedCase(tx, caseId);
          if (!c || c.status !== 'in_progress') return false;
          return apply(tx, { actor: SYSTEM_ACTOR }, c, { type: 'escalate' }, {}, at);
        });
        if (done) escalated++;
      }
      return escalated;
    },
  };
}

export type ApprovalsService = ReturnType<typeof createApprovalsService>;

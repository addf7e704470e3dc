import type { EvalWarningRule, EvalWarningView } from '@parkos/contracts';
import { and, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Db, Queryable, Tx } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { conflict, notFound, validationError } from '../../lib/errors';
import { assertCanWrite, isGlobalOperator, operatorCovers, operatorParkIds, propertyCompanyIdsOf } from '../identity/actor';
import type { AuditService } from '../identity/audit.service';
import type { NotifyUsers } from '../notifications';
import { roleGrants } from '../identity/identity.table';
import { rankByTotal } from './evaluation.engine';
import { evalReviewTasks, evalWarningRules, evalWarnings, type EvalReviewDecision, type EvalWarningMode } from './evaluation.outcomes.table';
import type { EvaluationService } from './evaluation.service';
import { evalPeriods, evalScores } from './evaluation.table';

/** In-app notifications: a kind and values, never sentences (the web app words them). */
export type OutcomeNotify = NotifyUsers;

export type WarningRule = EvalWarningRule;
export const DEFAULT_WARNING_RULE = { mode: 'last_place' as EvalWarningMode, threshold: null, consecutive: 2 };

type WarningRow = typeof evalWarnings.$inferSelect;
type TaskRow = typeof evalReviewTasks.$inferSelect;

export type WarningView = EvalWarningView;

/** User ids of a park's operators and of a property company's staff (for notifications). */
async function usersWith(q: Queryable, role: string, scopeType: string, scopeId: string): Promise<string[]> {
  const rows = await q.selectDistinct({ userId: roleGrants.userId }).from(roleGrants).where(and(eq(roleGrants.role, role), eq(roleGrants.scopeType, scopeType), eq(roleGrants.scopeId, scopeId)));
  return rows.map((r) => r.userId);
}

/**
 * Bottom warnings (末位预警): when a period closes, a company that met the park's rule (last place, or a total below a
 * threshold) in N consecutive closed periods of the scheme gets a warning, and the park's operators a contract-review
 * task (notified) that they close with a decision and a note.
 */
export function createEvaluationWarnings(deps: { db: Db; audit: AuditService; evaluation: EvaluationService; notify: OutcomeNotify }) {
  const { db, audit, evaluation, notify } = deps;

  async function ruleOf(q: Queryable, parkId: string): Promise<WarningRule> {
    const [r] = await q.select().from(evalWarningRules).where(eq(evalWarningRules.parkId, parkId));
    return r ? { parkId, mode: r.mode, threshold: r.threshold, consecutive: r.consecutive } : { parkId, ...DEFAULT_WARNING_RULE };
  }

  /** Runs in the closing transaction: checks the rule over the scheme's last N closed periods. */
  async function onClosed(tx: Tx, ctx: RequestContext, p: typeof evalPeriods.$inferSelect): Promise<void> {
    const rule = await ruleOf(tx, p.parkId);
    const last = await tx
      .select()
      .from(evalPeriods)
      .where(and(eq(evalPeriods.schemeId, p.schemeId), eq(evalPeriods.status, 'closed')))
      .orderBy(desc(evalPeriods.startDate))
      .limit(rule.consecutive);
    if (last.length < rule.consecutive || last[0].id !== p.id) return;
    const scores = await tx.select().from(evalScores).where(and(inArray(evalScores.periodId, last.map((x) => x.id)), eq(evalScores.subjectKind, 'company')));
    let flagged: Map<string, WarningRow['periods']> | null = null;
    for (const period of [...last].reverse()) {
      const ranked = rankByTotal(scores.filter((s) => s.periodId === period.id));
      const worst = ranked.length ? ranked[ranked.length - 1].rank : 0;
      const hits = ranked.filter((r) => (rule.mode === 'last_place' ? ranked.length > 1 && r.rank === worst : rule.threshold !== null && r.total < rule.threshold));
      const next = new Map<string, WarningRow['periods']>();
      for (const h of hits) {
        const before: WarningRow['periods'] | undefined = flagged ? flagged.get(h.subjectId) : [];
        if (before) next.set(h.subjectId, [...before, { periodId: period.id, label: period.label, total: h.total, rank: h.rank, of: ranked.length }]);
      }
      flagged = next;
    }
    const names = new Map(scores.filter((s) => s.periodId === p.id).map((s) => [s.subjectId, s.name]));
    for (const [companyId, periods] of flagged ?? []) {
      // One contract review at a time: a company whose review task is still open is not warned again.
      const [pending] = await tx.select({ id: evalReviewTasks.id }).from(evalReviewTasks).where(and(eq(evalReviewTasks.parkId, p.parkId), eq(evalReviewTasks.propertyCompanyId, companyId), eq(evalReviewTasks.status, 'open'))).limit(1);
      if (pending) continue;
      const [w] = await tx
        .insert(evalWarnings)
        .values({ parkId: p.parkId, periodId: p.id, propertyCompanyId: companyId, companyName: names.get(companyId) ?? '', mode: rule.mode, threshold: rule.threshold, consecutive: rule.consecutive, periods })
        .onConflictDoNothing()
        .returning();
      if (!w) continue;
      const [task] = await tx.insert(evalReviewTasks).values({ warningId: w.id, parkId: p.parkId, propertyCompanyId: companyId }).returning();
      await audit.record(tx, ctx, { action: 'evaluation.warning.raised', entityType: 'eval_warning', entityId: w.id, after: { propertyCompanyId: companyId, mode: rule.mode, periods: periods.map((x) => x.label), taskId: task.id }, parkId: p.parkId });
      const params = { company: w.companyName, period: p.label, consecutive: rule.consecutive };
      await notify(tx, await usersWith(tx, 'operator', 'park', p.parkId), { kind: 'evaluation.review_task', params, link: '/evaluation/review-tasks', entityType: 'eval_review_task', entityId: task.id });
      await notify(tx, await usersWith(tx, 'property', 'property_company', companyId), { kind: 'evaluation.warning', params, link: '/evaluation/warnings', entityType: 'eval_warning', entityId: w.id });
    }
  }
  evaluation.onPeriodClosed(onClosed);

  async function taskViews(rows: WarningRow[]): Promise<WarningView[]> {
    if (!rows.length) return [];
    const tasks = await db.select().from(evalReviewTasks).where(inArray(evalReviewTasks.warningId, rows.map((r) => r.id)));
    const byWarning = new Map(tasks.map((t) => [t.warningId, t]));
    return rows.map((w) => {
      const t = byWarning.get(w.id);
      return {
        id: w.id,
        parkId: w.parkId,
        periodId: w.periodId,
        propertyCompanyId: w.propertyCompanyId,
        companyName: w.companyName,
        mode: w.mode,
        threshold: w.threshold,
        consecutive: w.consecutive,
        periods: w.periods,
        createdAt: w.createdAt.toISOString(),
        task: t ? { id: t.id, status: t.status, decision: t.decision, note: t.note, closedAt: t.closedAt?.toISOString() ?? null } : null,
      };
    });
  }

  const taskView = (t: TaskRow, w: WarningRow) => ({ id: t.id, warningId: t.warningId, parkId: t.parkId, propertyCompanyId: t.propertyCompanyId, companyName: w.companyName, periods: w.periods, status: t.status, decision: t.decision, note: t.note, closedAt: t.closedAt?.toISOString() ?? null, createdAt: t.createdAt.toISOString() });
  type TaskView = ReturnType<typeof taskView>;

  return {
    onClosed,
    ruleOf,
    async getRule(ctx: RequestContext, parkId: string): Promise<WarningRule> {
      if (!operatorCovers(ctx.actor, { parkId })) throw notFound('Park', parkId);
      return ruleOf(db, parkId);
    },
    async setRule(ctx: RequestContext, parkId: string, body: { mode: EvalWarningMode; threshold?: number | null; consecutive: number }): Promise<WarningRule> {
      assertCanWrite(ctx.actor);
      if (!operatorCovers(ctx.actor, { parkId })) throw notFound('Park', parkId);
      if (body.mode === 'below_threshold' && (body.threshold === null || body.threshold === undefined)) throw validationError('body.threshold', 'required');
      const before = await ruleOf(db, parkId);
      const values = { parkId, mode: body.mode, threshold: body.mode === 'below_threshold' ? body.threshold! : null, consecutive: body.consecutive, updatedAt: new Date() };
      await db.transaction(async (tx) => {
        await tx.insert(evalWarningRules).values(values).onConflictDoUpdate({ target: evalWarningRules.parkId, set: { mode: values.mode, threshold: values.threshold, consecutive: values.consecutive, updatedAt: values.updatedAt } });
        await audit.record(tx, ctx, { action: 'evaluation.warning_rule.set', entityType: 'park', entityId: parkId, before: { ...before }, after: { mode: values.mode, threshold: values.threshold, consecutive: values.consecutive }, parkId });
      });
      return ruleOf(db, parkId);
    },
    /** Warnings the caller may see: operators of the park (with the task), property staff their own company's. */
    async listWarnings(ctx: RequestContext, query: { parkId?: string; periodId?: string }): Promise<WarningView[]> {
      const where: SQL[] = [];
      let isOperatorOnly = true;
      if (!isGlobalOperator(ctx.actor)) {
        const parks = operatorParkIds(ctx.actor);
        const mine = propertyCompanyIdsOf(ctx.actor);
        const parts: SQL[] = [];
        if (parks.length) parts.push(inArray(evalWarnings.parkId, parks));
        if (mine.length) parts.push(inArray(evalWarnings.propertyCompanyId, mine));
        if (!parts.length) return [];
        where.push(or(...parts)!);
        isOperatorOnly = parks.length > 0;
      }
      if (query.parkId) where.push(eq(evalWarnings.parkId, query.parkId));
      if (query.periodId) where.push(eq(evalWarnings.periodId, query.periodId));
      const rows = await db.select().from(evalWarnings).where(and(...where)).orderBy(desc(evalWarnings.createdAt)).limit(500);
      const list = await taskViews(rows);
      // Property staff see their warning, not the operators' contract deliberations.
      return list.map((w) => (isOperatorOnly && operatorCovers(ctx.actor, { parkId: w.parkId }) ? w : { ...w, task: null }));
    },
    /** Contract-review tasks of the parks the caller operates. */
    async listTasks(ctx: RequestContext, query: { status?: 'open' | 'closed'; parkId?: string }): Promise<TaskView[]> {
      const where: SQL[] = [];
      if (!isGlobalOperator(ctx.actor)) {
        const parks = operatorParkIds(ctx.actor);
        if (!parks.length) return [];
        where.push(inArray(evalReviewTasks.parkId, parks));
      }
      if (query.status) where.push(eq(evalReviewTasks.status, query.status));
      if (query.parkId) where.push(eq(evalReviewTasks.parkId, query.parkId));
      const rows = await db.select({ t: evalReviewTasks, w: evalWarnings }).from(evalReviewTasks).innerJoin(evalWarnings, eq(evalWarnings.id, evalReviewTasks.warningId)).where(and(...where)).orderBy(desc(evalReviewTasks.createdAt)).limit(500);
      return rows.map((r) => taskView(r.t, r.w));
    },
    /** Closes a review task with a decision and a note (operators of the park; audited). */
    async closeTask(ctx: RequestContext, id: string, body: { decision: EvalReviewDecision; note: string }): Promise<TaskView> {
      assertCanWrite(ctx.actor);
      const [row] = await db.select({ t: evalReviewTasks, w: evalWarnings }).from(evalReviewTasks).innerJoin(evalWarnings, eq(evalWarnings.id, evalReviewTasks.warningId)).where(eq(evalReviewTasks.id, id));
      if (!row || !operatorCovers(ctx.actor, { parkId: row.t.parkId })) throw notFound('Review task', id);
      if (!body.note?.trim()) throw validationError('body.note', 'required');
      const t = await db.transaction(async (tx) => {
        const [locked] = await tx.select().from(evalReviewTasks).where(eq(evalReviewTasks.id, id)).for('update');
        if (locked.status !== 'open') throw conflict('task_closed');
        const [u] = await tx.update(evalReviewTasks).set({ status: 'closed', decision: body.decision, note: body.note.trim(), closedAt: new Date(), closedById: ctx.actor.userId }).where(eq(evalReviewTasks.id, id)).returning();
        await audit.record(tx, ctx, { action: 'evaluation.review_task.closed', entityType: 'eval_review_task', entityId: id, before: { status: 'open' }, after: { status: 'closed', decision: body.decision, note: u.note }, parkId: u.parkId });
        return u;
      });
      return taskView(t, row.w);
    },
  };
}

export type EvaluationWarnings = ReturnType<typeof createEvaluationWarnings>;

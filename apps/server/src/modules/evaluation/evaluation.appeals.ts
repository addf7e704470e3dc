import type { EvalAppealInput, EvalAppealView, EvalScoreNode } from '@parkos/contracts';
import { and, desc, eq, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { conflict, forbidden, notFound, validationError } from '../../lib/errors';
import type { ApprovalsService } from '../approvals';
import type { FilesService, FileView } from '../files';
import { assertCanWrite, isGlobalOperator, operatorCovers, operatorParkIds, propertyCompanyIdsOf } from '../identity/actor';
import type { AuditService } from '../identity/audit.service';
import type { SubjectScore } from './evaluation.engine';
import { evalAppeals, evalCorrections, type EvalAppealStatus } from './evaluation.outcomes.table';
import type { CorrectionsProvider, EvaluationService } from './evaluation.service';
import { evalPeriods, evalScores } from './evaluation.table';

export const EVAL_APPEAL_SUBJECT = 'evaluation_appeal';
export const EVAL_APPEAL_FLOW_KEY = 'assessment.appeal';
export const EVAL_APPEAL_FILE_OWNER = 'evaluation_appeal';
/** The key of the node a period's tree gets for the corrections added to it. */
export const CORRECTION_NODE_KEY = 'appeal_corrections';

export type AppealRow = typeof evalAppeals.$inferSelect;

export type FileAppealBody = EvalAppealInput;
export type AppealView = EvalAppealView<FileView>;

/** Product of the weights (percent) from the root to a node: how much one point of the node moves the total. */
function findLeaf(tree: readonly EvalScoreNode[], match: (n: EvalScoreNode) => boolean, factor = 1): { node: EvalScoreNode; factor: number } | null {
  for (const n of tree) {
    const f = (factor * n.weight) / 100;
    if (n.children?.length) {
      const hit = findLeaf(n.children, match, f);
      if (hit) return hit;
    } else if (match(n)) return { node: n, factor: f };
  }
  return null;
}

/** Adds corrections to computed scores: a zero-weight node listing them, and their points on the total (at most 100). */
export function applyCorrectionRows(scores: SubjectScore[], kind: 'district' | 'company', rows: { subjectKind: string; subjectId: string; points: number; caseId: string | null; sourcePeriodLabel: string; appealId: string }[]): SubjectScore[] {
  return scores.map((s) => {
    const mine = rows.filter((r) => r.subjectKind === kind && r.subjectId === s.subjectId);
    if (!mine.length) return s;
    const points = mine.reduce((sum, r) => sum + r.points, 0);
    const node: EvalScoreNode = {
      key: CORRECTION_NODE_KEY,
      name: CORRECTION_NODE_KEY,
      weight: 0,
      score: points,
      explanation: { kind: 'manual', noData: false, figures: { points, appeals: mine.length }, items: mine.map((r) => ({ type: 'appeal' as const, id: r.caseId ?? r.appealId, label: r.sourcePeriodLabel, points: r.points })) },
    };
    return { ...s, total: Math.min(100, s.total + points), tree: [...s.tree, node] };
  });
}

/**
 * Appeals (申诉) of property companies against an item of a closed period's frozen score, decided through the
 * approvals module (`evaluation_appeal`, flow `assessment.appeal`). An approved appeal records corrections that the
 * next period of the park computed while open adds to the district's and company's totals.
 */
export function createEvaluationAppeals(deps: { db: Db; audit: AuditService; approvals: ApprovalsService; files: FilesService; evaluation: EvaluationService }) {
  const { db, audit, approvals, files, evaluation } = deps;

  const canSee = (ctx: RequestContext, a: { parkId: string; propertyCompanyId: string }) => operatorCovers(ctx.actor, { parkId: a.parkId }) || propertyCompanyIdsOf(ctx.actor).includes(a.propertyCompanyId);

  async function views(q: Queryable, rows: AppealRow[]): Promise<AppealView[]> {
    if (!rows.length) return [];
    const periodIds = [...new Set(rows.map((r) => r.periodId))];
    const corr = await q.select({ appealId: evalCorrections.appealId, appliedPeriodId: evalCorrections.appliedPeriodId }).from(evalCorrections).where(inArray(evalCorrections.appealId, rows.map((r) => r.id)));
    const applied = new Map(corr.filter((c) => c.appliedPeriodId).map((c) => [c.appealId, c.appliedPeriodId!]));
    const allPeriodIds = [...new Set([...periodIds, ...applied.values()])];
    const labels = new Map((await q.select({ id: evalPeriods.id, label: evalPeriods.label }).from(evalPeriods).where(inArray(evalPeriods.id, allPeriodIds))).map((p) => [p.id, p.label]));
    return rows.map((r) => ({
      id: r.id,
      parkId: r.parkId,
      periodId: r.periodId,
      periodLabel: labels.get(r.periodId) ?? '',
      propertyCompanyId: r.propertyCompanyId,
      districtId: r.districtId,
      itemKind: r.itemKind,
      itemRef: r.itemRef,
      indicatorKey: r.indicatorKey,
      findingId: r.findingId,
      findingSource: r.findingSource,
      itemLabel: r.itemLabel,
      claimedScore: r.claimedScore,
      reason: r.reason,
      districtPoints: r.districtPoints,
      companyPoints: r.companyPoints,
      status: r.status,
      caseId: r.caseId,
      appliedPeriodId: applied.get(r.id) ?? null,
      appliedPeriodLabel: applied.has(r.id) ? (labels.get(applied.get(r.id)!) ?? null) : null,
      createdAt: r.createdAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
    }));
  }

  async function load(ctx: RequestContext, id: string): Promise<AppealRow> {
    const [a] = await db.select().from(evalAppeals).where(eq(evalAppeals.id, id));
    if (!a || !canSee(ctx, a)) throw notFound('Appeal', id);
    return a;
  }

  approvals.registerSubjectType(EVAL_APPEAL_SUBJECT, {
    async onOutcome(tx, { approvalCase, outcome, ctx }) {
      const [a] = await tx.select().from(evalAppeals).where(eq(evalAppeals.id, approvalCase.subjectId)).for('update');
      if (!a) return;
      const at = new Date();
      const next: EvalAppealStatus | null = outcome === 'approved' ? 'approved' : outcome === 'rejected' ? 'rejected' : outcome === 'withdrawn' ? 'withdrawn' : outcome === 'returned' ? 'returned' : outcome === 'resubmitted' ? 'in_review' : null;
      if (!next) return;
      const final = next === 'approved' || next === 'rejected' || next === 'withdrawn';
      await tx.update(evalAppeals).set({ status: next, ...(final ? { decidedAt: at } : {}) }).where(eq(evalAppeals.id, a.id));
      if (next === 'approved') {
        const [p] = await tx.select({ label: evalPeriods.label }).from(evalPeriods).where(eq(evalPeriods.id, a.periodId));
        await tx.insert(evalCorrections).values([
          { appealId: a.id, parkId: a.parkId, sourcePeriodId: a.periodId, sourcePeriodLabel: p.label, subjectKind: 'district', subjectId: a.districtId, points: a.districtPoints, caseId: approvalCase.id },
          { appealId: a.id, parkId: a.parkId, sourcePeriodId: a.periodId, sourcePeriodLabel: p.label, subjectKind: 'company', subjectId: a.propertyCompanyId, points: a.companyPoints, caseId: approvalCase.id },
        ]);
      }
      await audit.record(tx, ctx, { action: `evaluation.appeal.${next}`, entityType: 'eval_appeal', entityId: a.id, before: { status: a.status }, after: { status: next, caseId: approvalCase.id, ...(next === 'approved' ? { districtPoints: a.districtPoints, companyPoints: a.companyPoints } : {}) }, parkId: a.parkId });
    },
    async canView(actor, approvalCase, q) {
      const [a] = await q.select({ propertyCompanyId: evalAppeals.propertyCompanyId }).from(evalAppeals).where(eq(evalAppeals.id, approvalCase.subjectId));
      return !!a && propertyCompanyIdsOf(actor).includes(a.propertyCompanyId);
    },
  });

  files.registerOwner({
    ownerType: EVAL_APPEAL_FILE_OWNER,
    purposes: ['document', 'image'],
    async canRead(ctx, ownerId) {
      const [a] = await db.select().from(evalAppeals).where(eq(evalAppeals.id, ownerId));
      return !!a && canSee(ctx, a);
    },
    async canAttach(ctx, ownerId, q) {
      const [a] = await q.select().from(evalAppeals).where(eq(evalAppeals.id, ownerId));
      if (!a || !propertyCompanyIdsOf(ctx.actor).includes(a.propertyCompanyId)) return null;
      if (a.status !== 'in_review' && a.status !== 'returned') return null;
      return { parkId: a.parkId, enterpriseId: null };
    },
  });

  async function getAppeal(ctx: RequestContext, id: string): Promise<AppealView> {
    const a = await load(ctx, id);
    const [v] = await views(db, [a]);
    return { ...v, materials: await files.findByOwner(db, EVAL_APPEAL_FILE_OWNER, a.id) };
  }

  /** The corrections provider the evaluation engine calls when it computes an open period. */
  const correctionsProvider: CorrectionsProvider = async (tx, p, scores) => {
    // Bind the park's unbound corrections of periods that ended by this one's start to this period; keep those bound to it.
    const candidates = await tx
      .select({ c: evalCorrections, sourceEnd: evalPeriods.endDate })
      .from(evalCorrections)
      .innerJoin(evalPeriods, eq(evalPeriods.id, evalCorrections.sourcePeriodId))
      .where(and(eq(evalCorrections.parkId, p.parkId), or(eq(evalCorrections.appliedPeriodId, p.id), and(isNull(evalCorrections.appliedPeriodId), lte(evalPeriods.endDate, p.startDate)))));
    const unbound = candidates.filter((r) => !r.c.appliedPeriodId).map((r) => r.c.id);
    if (unbound.length) await tx.update(evalCorrections).set({ appliedPeriodId: p.id }).where(inArray(evalCorrections.id, unbound));
    const rows = candidates.map((r) => r.c);
    if (!rows.length) return scores;
    return { districts: applyCorrectionRows(scores.districts, 'district', rows), companies: applyCorrectionRows(scores.companies, 'company', rows) };
  };
  evaluation.setCorrectionsProvider(correctionsProvider);

  return {
    /** Files an appeal (property staff of the company, closed periods only) and starts its approval case. */
    async file(ctx: RequestContext, body: FileAppealBody): Promise<AppealView> {
      assertCanWrite(ctx.actor);
      const mine = propertyCompanyIdsOf(ctx.actor);
      const [p] = await db.select().from(evalPeriods).where(eq(evalPeriods.id, body.periodId));
      if (!p) throw notFound('Period', body.periodId);
      const [district] = await db
        .select()
        .from(evalScores)
        .where(and(eq(evalScores.periodId, p.id), eq(evalScores.subjectKind, 'district'), eq(evalScores.subjectId, body.districtId)));
      if (!district || !district.propertyCompanyId || !mine.includes(district.propertyCompanyId)) {
        if (operatorCovers(ctx.actor, { parkId: p.parkId })) throw forbidden('Only the property company appeals its score');
        throw notFound('Score', body.districtId);
      }
      if (p.status !== 'closed') throw conflict('period_not_closed');
      const companyId = district.propertyCompanyId;
      if (!body.reason?.trim()) throw validationError('body.reason', 'required');
      let hit: { node: EvalScoreNode; factor: number } | null;
      let delta: number;
      let itemRef: string;
      let itemLabel: string;
      if (body.itemKind === 'finding') {
        hit = findLeaf(district.tree, (n) => !!n.explanation?.items.some((i) => i.type === 'finding' && i.id === body.findingId && i.source === body.source));
        if (!hit) throw validationError('body.findingId', 'not_in_score');
        const item = hit.node.explanation!.items.find((i) => i.type === 'finding' && i.id === body.findingId && i.source === body.source)!;
        const sum = hit.node.explanation!.figures.points ?? 0;
        delta = Math.max(0, Math.min(100, 100 - (sum - (item.points ?? 0))) - hit.node.score);
        itemRef = `finding:${body.source}:${body.findingId}`;
        itemLabel = item.label;
      } else {
        hit = findLeaf(district.tree, (n) => n.key === body.indicatorKey);
        if (!hit || hit.node.key === CORRECTION_NODE_KEY) throw validationError('body.indicatorKey', 'not_in_score');
        if (body.claimedScore <= hit.node.score) throw validationError('body.claimedScore', 'not_above_score');
        delta = body.claimedScore - hit.node.score;
        itemRef = `indicator:${body.districtId}:${body.indicatorKey}`;
        itemLabel = hit.node.name;
      }
      const districtPoints = delta * hit.factor;
      const [{ n }] = await db.select({ n: evalScores.id }).from(evalScores).where(and(eq(evalScores.periodId, p.id), eq(evalScores.subjectKind, 'district'), eq(evalScores.propertyCompanyId, companyId))).then((rows) => [{ n: rows.length }]);
      const companyPoints = districtPoints / Math.max(1, n);
      const id = await db.transaction(async (tx) => {
        const [open] = await tx.select({ id: evalAppeals.id }).from(evalAppeals).where(and(eq(evalAppeals.periodId, p.id), eq(evalAppeals.itemRef, itemRef), inArray(evalAppeals.status, ['in_review', 'returned'])));
        if (open) throw conflict('appeal_open', { appealId: open.id });
        const [a] = await tx
          .insert(evalAppeals)
          .values({
            parkId: p.parkId,
            periodId: p.id,
            propertyCompanyId: companyId,
            districtId: body.districtId,
            itemKind: body.itemKind,
            itemRef,
            indicatorKey: hit.node.key,
            findingId: body.itemKind === 'finding' ? body.findingId : null,
            findingSource: body.itemKind === 'finding' ? body.source : null,
            itemLabel,
            claimedScore: body.itemKind === 'indicator' ? body.claimedScore : null,
            reason: body.reason.trim(),
            districtPoints,
            companyPoints,
            createdById: ctx.actor.userId,
          })
          .returning();
        for (const [i, fileId] of (body.fileIds ?? []).entries()) await files.attach(tx, ctx, { fileId, ownerType: EVAL_APPEAL_FILE_OWNER, ownerId: a.id, field: `body.fileIds.${i}` });
        const c = await approvals.startCase(ctx, { parkId: p.parkId, subjectType: EVAL_APPEAL_SUBJECT, subjectId: a.id, title: `${p.label} · ${district.name} · ${itemLabel}`, flowKey: EVAL_APPEAL_FLOW_KEY, formValues: { periodId: p.id, periodLabel: p.label, districtId: a.districtId, itemRef, itemLabel, reason: a.reason, districtPoints, companyPoints } }, tx);
        await tx.update(evalAppeals).set({ caseId: c.id }).where(eq(evalAppeals.id, a.id));
        await audit.record(tx, ctx, { action: 'evaluation.appeal.filed', entityType: 'eval_appeal', entityId: a.id, after: { itemRef, districtPoints, companyPoints, caseId: c.id }, parkId: p.parkId });
        return a.id;
      });
      return getAppeal(ctx, id);
    },

    get: getAppeal,

    /** Appeals the caller may see: operators' parks, property staff their companies'. */
    async list(ctx: RequestContext, query: { periodId?: string; status?: EvalAppealStatus; propertyCompanyId?: string }): Promise<AppealView[]> {
      const scope: SQL[] = [];
      if (!isGlobalOperator(ctx.actor)) {
        const parks = operatorParkIds(ctx.actor);
        const mine = propertyCompanyIdsOf(ctx.actor);
        const parts: SQL[] = [];
        if (parks.length) parts.push(inArray(evalAppeals.parkId, parks));
        if (mine.length) parts.push(inArray(evalAppeals.propertyCompanyId, mine));
        if (!parts.length) return [];
        scope.push(or(...parts)!);
      }
      if (query.periodId) scope.push(eq(evalAppeals.periodId, query.periodId));
      if (query.status) scope.push(eq(evalAppeals.status, query.status));
      if (query.propertyCompanyId) scope.push(eq(evalAppeals.propertyCompanyId, query.propertyCompanyId));
      const rows = await db.select().from(evalAppeals).where(and(...scope)).orderBy(desc(evalAppeals.createdAt)).limit(500);
      return views(db, rows);
    },

    correctionsProvider,
  };
}

export type EvaluationAppeals = ReturnType<typeof createEvaluationAppeals>;

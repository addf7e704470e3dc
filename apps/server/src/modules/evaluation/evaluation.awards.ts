import type { EvalAwardView } from '@parkos/contracts';
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { conflict, notFound, validationError } from '../../lib/errors';
import type { ApprovalsService } from '../approvals';
import type { NewsService } from '../community/news';
import { assertCanWrite, isGlobalOperator, operatorCovers, operatorParkIds, propertyCompanyIdsOf } from '../identity/actor';
import type { AuditService } from '../identity/audit.service';
import { propertyCompanies, propertyContracts } from '../parks/parks.table';
import { rankByTotal } from './evaluation.engine';
import { evalAwards, type EvalAppealStatus, type EvalAwardKind } from './evaluation.outcomes.table';
import { evalPeriods, evalScores } from './evaluation.table';

export const EVAL_AWARD_SUBJECT = 'evaluation_award';
export const EVAL_AWARD_FLOW_KEY = 'assessment.award';

type AwardRow = typeof evalAwards.$inferSelect;
export type AwardView = EvalAwardView;
const view = (a: AwardRow): AwardView => ({
  id: a.id,
  parkId: a.parkId,
  year: a.year,
  kind: a.kind,
  propertyCompanyId: a.propertyCompanyId,
  companyName: a.companyName,
  staffName: a.staffName,
  citation: a.citation,
  total: a.total,
  rank: a.rank,
  status: a.status,
  caseId: a.caseId,
  articleId: a.articleId,
  createdAt: a.createdAt.toISOString(),
});

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Annual awards (年度优秀物业): operators nominate companies and staff (free-text names of a company) beside the year's
 * ranking; nominations go through the `assessment.award` flow; approved ones are published as an honour-roll article
 * in the park news (the web app supplies the article's title and introduction in the operator's language).
 */
export function createEvaluationAwards(deps: { db: Db; audit: AuditService; approvals: ApprovalsService; news: NewsService }) {
  const { db, audit, approvals, news } = deps;

  approvals.registerSubjectType(EVAL_AWARD_SUBJECT, {
    async onOutcome(tx, { approvalCase, outcome, ctx }) {
      const [a] = await tx.select().from(evalAwards).where(eq(evalAwards.id, approvalCase.subjectId)).for('update');
      if (!a) return;
      const next: EvalAppealStatus | null = outcome === 'approved' ? 'approved' : outcome === 'rejected' ? 'rejected' : outcome === 'withdrawn' ? 'withdrawn' : outcome === 'returned' ? 'returned' : outcome === 'resubmitted' ? 'in_review' : null;
      if (!next) return;
      await tx.update(evalAwards).set({ status: next, ...(next === 'approved' || next === 'rejected' || next === 'withdrawn' ? { decidedAt: new Date() } : {}) }).where(eq(evalAwards.id, a.id));
      await audit.record(tx, ctx, { action: `evaluation.award.${next}`, entityType: 'eval_award', entityId: a.id, before: { status: a.status }, after: { status: next, caseId: approvalCase.id }, parkId: a.parkId });
    },
  });

  /** The year's company ranking: mean of each company's totals over the park's closed periods in the year. */
  async function yearRanking(ctx: RequestContext, parkId: string, year: number) {
    if (!operatorCovers(ctx.actor, { parkId })) throw notFound('Park', parkId);
    const rows = await db
      .select({ subjectId: evalScores.subjectId, name: evalScores.name, total: evalScores.total, periodId: evalScores.periodId })
      .from(evalScores)
      .innerJoin(evalPeriods, eq(evalPeriods.id, evalScores.periodId))
      .where(and(eq(evalPeriods.parkId, parkId), eq(evalPeriods.status, 'closed'), eq(evalScores.subjectKind, 'company'), gte(evalPeriods.startDate, `${year}-01-01`), lt(evalPeriods.startDate, `${year + 1}-01-01`)))
      .orderBy(asc(evalPeriods.startDate));
    const by = new Map<string, { name: string; totals: number[] }>();
    for (const r of rows) {
      const e = by.get(r.subjectId) ?? { name: r.name, totals: [] };
      e.name = r.name;
      e.totals.push(r.total);
      by.set(r.subjectId, e);
    }
    const list = [...by].map(([companyId, e]) => ({ companyId, name: e.name, periods: e.totals.length, total: e.totals.reduce((s, x) => s + x, 0) / e.totals.length }));
    return { parkId, year, periods: new Set(rows.map((r) => r.periodId)).size, companies: rankByTotal(list) };
  }

  return {
    yearRanking,

    /** Nominates a company or a staff member of one and starts the award's approval case (operators of the park). */
    async nominate(ctx: RequestContext, body: { parkId: string; year: number; kind: EvalAwardKind; propertyCompanyId: string; staffName?: string | null; citation: string }): Promise<AwardView> {
      assertCanWrite(ctx.actor);
      if (!operatorCovers(ctx.actor, { parkId: body.parkId })) throw notFound('Park', body.parkId);
      if (body.kind === 'staff' && !body.staffName?.trim()) throw validationError('body.staffName', 'required');
      if (!body.citation?.trim()) throw validationError('body.citation', 'required');
      const [company] = await db
        .select({ id: propertyCompanies.id, name: propertyCompanies.name })
        .from(propertyCompanies)
        .innerJoin(propertyContracts, eq(propertyContracts.propertyCompanyId, propertyCompanies.id))
        .where(and(eq(propertyCompanies.id, body.propertyCompanyId), eq(propertyContracts.parkId, body.parkId)))
        .limit(1);
      if (!company) throw validationError('body.propertyCompanyId', 'not_contracted_in_park');
      const ranked = (await yearRanking(ctx, body.parkId, body.year)).companies.find((c) => c.companyId === company.id);
      const id = await db.transaction(async (tx) => {
        const [a] = await tx
          .insert(evalAwards)
          .values({ parkId: body.parkId, year: body.year, kind: body.kind, propertyCompanyId: company.id, companyName: company.name, staffName: body.kind === 'staff' ? body.staffName!.trim() : null, citation: body.citation.trim(), total: ranked?.total ?? null, rank: ranked?.rank ?? null, createdById: ctx.actor.userId })
          .returning();
        const c = await approvals.startCase(ctx, { parkId: body.parkId, subjectType: EVAL_AWARD_SUBJECT, subjectId: a.id, title: `${body.year} · ${a.staffName ? `${a.staffName} · ` : ''}${company.name}`, flowKey: EVAL_AWARD_FLOW_KEY, formValues: { year: a.year, kind: a.kind, companyName: a.companyName, staffName: a.staffName, citation: a.citation, total: a.total, rank: a.rank } }, tx);
        await tx.update(evalAwards).set({ caseId: c.id }).where(eq(evalAwards.id, a.id));
        await audit.record(tx, ctx, { action: 'evaluation.award.nominated', entityType: 'eval_award', entityId: a.id, after: { year: a.year, kind: a.kind, propertyCompanyId: a.propertyCompanyId, staffName: a.staffName, caseId: c.id }, parkId: a.parkId });
        return a.id;
      });
      const [row] = await db.select().from(evalAwards).where(eq(evalAwards.id, id));
      return view(row);
    },

    /** Nominations the caller may see: operators all of their parks'; property staff their companies' approved ones. */
    async list(ctx: RequestContext, query: { parkId?: string; year?: number }): Promise<AwardView[]> {
      const where: SQL[] = [];
      if (!isGlobalOperator(ctx.actor)) {
        const parks = operatorParkIds(ctx.actor);
        const mine = propertyCompanyIdsOf(ctx.actor);
        const parts: SQL[] = [];
        if (parks.length) parts.push(inArray(evalAwards.parkId, parks));
        if (mine.length) parts.push(and(inArray(evalAwards.propertyCompanyId, mine), eq(evalAwards.status, 'approved'))!);
        if (!parts.length) return [];
        where.push(or(...parts)!);
      }
      if (query.parkId) where.push(eq(evalAwards.parkId, query.parkId));
      if (query.year) where.push(eq(evalAwards.year, query.year));
      const rows = await db.select().from(evalAwards).where(and(...where)).orderBy(desc(evalAwards.year), asc(evalAwards.kind), asc(evalAwards.createdAt)).limit(500);
      return rows.map(view);
    },

    /**
     * Publishes the year's approved, not yet published awards as one honour-roll article in the park news
     * (409 `nothing_to_publish`). Returns the article id and the awards it lists.
     */
    async publish(ctx: RequestContext, body: { parkId: string; year: number; title: string; intro?: string | null; companyHeading: string; staffHeading: string }): Promise<{ articleId: string; awards: AwardView[] }> {
      assertCanWrite(ctx.actor);
      if (!operatorCovers(ctx.actor, { parkId: body.parkId })) throw notFound('Park', body.parkId);
      const rows = await db
        .select()
        .from(evalAwards)
        .where(and(eq(evalAwards.parkId, body.parkId), eq(evalAwards.year, body.year), eq(evalAwards.status, 'approved'), isNull(evalAwards.articleId)))
        .orderBy(asc(evalAwards.kind), asc(evalAwards.rank), asc(evalAwards.createdAt));
      if (!rows.length) throw conflict('nothing_to_publish');
      const companies = rows.filter((r) => r.kind === 'company');
      const staff = rows.filter((r) => r.kind === 'staff');
      const li = (r: AwardRow) => `<li><strong>${escapeHtml(r.staffName ? `${r.staffName}（${r.companyName}）` : r.companyName)}</strong>：${escapeHtml(r.citation)}</li>`;
      const html = [
        body.intro ? `<p>${escapeHtml(body.intro)}</p>` : '',
        companies.length ? `<h3>${escapeHtml(body.companyHeading)}</h3><ul>${companies.map(li).join('')}</ul>` : '',
        staff.length ? `<h3>${escapeHtml(body.staffHeading)}</h3><ul>${staff.map(li).join('')}</ul>` : '',
      ].join('');
      const draft = await news.createArticle(ctx, { title: body.title, summary: body.intro ?? null, bodyHtml: html, category: 'notice', target: { type: 'park', parkId: body.parkId }, publish: false });
      const article = await news.publishArticle(ctx, draft.id);
      await db.transaction(async (tx) => {
        await tx.update(evalAwards).set({ articleId: article.id }).where(inArray(evalAwards.id, rows.map((r) => r.id)));
        await audit.record(tx, ctx, { action: 'evaluation.awards.published', entityType: 'news_article', entityId: article.id, after: { year: body.year, awards: rows.map((r) => r.id) }, parkId: body.parkId });
      });
      const updated = await db.select().from(evalAwards).where(inArray(evalAwards.id, rows.map((r) => r.id)));
      return { articleId: article.id, awards: updated.map(view) };
    },
  };
}

export type EvaluationAwards = ReturnType<typeof createEvaluationAwards>;

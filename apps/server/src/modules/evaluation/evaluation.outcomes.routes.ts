import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, errorSchema, idParams } from '../../lib/http';
import { fileSchema } from '../files';
import { createEvaluationAppeals } from './evaluation.appeals';
import { createEvaluationAwards } from './evaluation.awards';
import { EVAL_APPEAL_STATUSES, EVAL_AWARD_KINDS, EVAL_REVIEW_DECISIONS, EVAL_WARNING_MODES } from './evaluation.outcomes.table';
import { createEvaluationReports, ReportFontMissing } from './evaluation.reports';
import type { EvaluationService } from './evaluation.service';
import { createEvaluationWarnings, type OutcomeNotify } from './evaluation.warnings';

/** The outcomes part of the evaluation: appeals, bottom warnings and review tasks, awards, reports, league table. */
export function createEvaluationOutcomes(deps: Parameters<typeof createEvaluationAppeals>[0] & { news: Parameters<typeof createEvaluationAwards>[0]['news']; notify: OutcomeNotify; fontPath?: string; evaluation: EvaluationService }) {
  return {
    appeals: createEvaluationAppeals(deps),
    warnings: createEvaluationWarnings(deps),
    awards: createEvaluationAwards(deps),
    reports: createEvaluationReports(deps),
  };
}
export type EvaluationOutcomes = ReturnType<typeof createEvaluationOutcomes>;

const uuid = z.string().uuid();
const reason = z.string().trim().min(1).max(2000);
const fileIds = z.array(uuid).max(20).optional();
export const fileAppealBody = z.discriminatedUnion('itemKind', [
  z.object({ periodId: uuid, districtId: uuid, itemKind: z.literal('finding'), findingId: z.string().min(1).max(100), source: z.enum(['inspection', 'spot_check']), reason, fileIds }),
  z.object({ periodId: uuid, districtId: uuid, itemKind: z.literal('indicator'), indicatorKey: z.string().min(1).max(60), claimedScore: z.number().min(0).max(100), reason, fileIds }),
]);
export const appealSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  periodId: z.string(),
  periodLabel: z.string(),
  propertyCompanyId: z.string(),
  districtId: z.string(),
  itemKind: z.enum(['finding', 'indicator']),
  itemRef: z.string(),
  indicatorKey: z.string(),
  findingId: z.string().nullable(),
  findingSource: z.string().nullable(),
  itemLabel: z.string(),
  claimedScore: z.number().nullable(),
  reason: z.string(),
  districtPoints: z.number(),
  companyPoints: z.number(),
  status: z.enum(EVAL_APPEAL_STATUSES),
  caseId: z.string().nullable(),
  appliedPeriodId: z.string().nullable(),
  appliedPeriodLabel: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  materials: z.array(fileSchema).optional(),
});
const ruleSchema = z.object({ parkId: z.string(), mode: z.enum(EVAL_WARNING_MODES), threshold: z.number().nullable(), consecutive: z.number() });
const warnPeriods = z.array(z.object({ periodId: z.string(), label: z.string(), total: z.number(), rank: z.number(), of: z.number() }));
const warningSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  periodId: z.string(),
  propertyCompanyId: z.string(),
  companyName: z.string(),
  mode: z.enum(EVAL_WARNING_MODES),
  threshold: z.number().nullable(),
  consecutive: z.number(),
  periods: warnPeriods,
  createdAt: z.string(),
  task: z.object({ id: z.string(), status: z.string(), decision: z.enum(EVAL_REVIEW_DECISIONS).nullable(), note: z.string().nullable(), closedAt: z.string().nullable() }).nullable(),
});
const taskSchema = z.object({
  id: z.string(),
  warningId: z.string(),
  parkId: z.string(),
  propertyCompanyId: z.string(),
  companyName: z.string(),
  periods: warnPeriods,
  status: z.string(),
  decision: z.enum(EVAL_REVIEW_DECISIONS).nullable(),
  note: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
});
const awardSchema = z.object({
  id: z.string(),
  parkId: z.string(),
  year: z.number(),
  kind: z.enum(EVAL_AWARD_KINDS),
  propertyCompanyId: z.string(),
  companyName: z.string(),
  staffName: z.string().nullable(),
  citation: z.string(),
  total: z.number().nullable(),
  rank: z.number().nullable(),
  status: z.enum(EVAL_APPEAL_STATUSES),
  caseId: z.string().nullable(),
  articleId: z.string().nullable(),
  createdAt: z.string(),
});
const leagueRow = z.object({
  subjectId: z.string(),
  name: z.string(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  rank: z.number(),
  total: z.number(),
  firstLevel: z.record(z.string(), z.number()).nullable(),
  canExplain: z.boolean(),
  previousRank: z.number().nullable(),
  previousTotal: z.number().nullable(),
  warned: z.boolean(),
});
const leagueSchema = z.object({
  period: z.object({ id: z.string(), label: z.string(), status: z.string(), startDate: z.string(), endDate: z.string(), computedAt: z.string().nullable() }).passthrough().nullable(),
  previousLabel: z.string().nullable(),
  indicators: z.array(z.object({ key: z.string(), name: z.string(), weight: z.number() })),
  companies: z.array(leagueRow),
  districts: z.array(leagueRow),
});
const reportParams = z.object({ periodId: uuid, companyId: uuid });
const langQuery = z.object({ lang: z.enum(['zh', 'en']).optional() });

export const evaluationOutcomesRoutes: FastifyPluginAsyncZod<{ outcomes: EvaluationOutcomes }> = async (app, { outcomes }) => {
  const tags = ['evaluation'];
  const withConflict = { ...errorResponses, 409: errorSchema };
  const { appeals, warnings, awards, reports } = outcomes;

  // ----- appeals -----
  app.get('/evaluation/appeals', { schema: { tags, summary: 'Appeals I may see (operators: their parks; property staff: their company)', querystring: z.object({ periodId: uuid.optional(), status: z.enum(EVAL_APPEAL_STATUSES).optional(), propertyCompanyId: uuid.optional() }), response: { 200: z.array(appealSchema), ...errorResponses } } }, async (r) =>
    appeals.list(ctxOf(r), r.query),
  );
  app.post('/evaluation/appeals', { schema: { tags, summary: 'Appeal a finding or an indicator of a closed period’s score (property staff); one open appeal per item (409)', body: fileAppealBody, response: { 201: appealSchema, ...withConflict } } }, async (r, reply) =>
    reply.code(201).send(await appeals.file(ctxOf(r), r.body)),
  );
  app.get('/evaluation/appeals/:id', { schema: { tags, summary: 'One appeal with its materials', params: idParams, response: { 200: appealSchema, ...errorResponses } } }, async (r) => appeals.get(ctxOf(r), r.params.id));

  // ----- bottom warnings and contract-review tasks -----
  app.get('/evaluation/warning-rules/:id', { schema: { tags, summary: 'The park’s bottom-warning rule (operators)', params: idParams, response: { 200: ruleSchema, ...errorResponses } } }, async (r) => warnings.getRule(ctxOf(r), r.params.id));
  app.put('/evaluation/warning-rules/:id', { schema: { tags, summary: 'Set the park’s bottom-warning rule (operators)', params: idParams, body: z.object({ mode: z.enum(EVAL_WARNING_MODES), threshold: z.number().min(0).max(100).nullish(), consecutive: z.number().int().min(1).max(12) }), response: { 200: ruleSchema, ...errorResponses } } }, async (r) =>
    warnings.setRule(ctxOf(r), r.params.id, r.body),
  );
  app.get('/evaluation/warnings', { schema: { tags, summary: 'Bottom warnings (operators: their parks with the review task; property staff: their company)', querystring: z.object({ parkId: uuid.optional(), periodId: uuid.optional() }), response: { 200: z.array(warningSchema), ...errorResponses } } }, async (r) =>
    warnings.listWarnings(ctxOf(r), r.query),
  );
  app.get('/evaluation/review-tasks', { schema: { tags, summary: 'Contract-review tasks of the parks I operate', querystring: z.object({ parkId: uuid.optional(), status: z.enum(['open', 'closed']).optional() }), response: { 200: z.array(taskSchema), ...errorResponses } } }, async (r) =>
    warnings.listTasks(ctxOf(r), r.query),
  );
  app.post('/evaluation/review-tasks/:id/close', { schema: { tags, summary: 'Close a contract-review task with a decision and a note', params: idParams, body: z.object({ decision: z.enum(EVAL_REVIEW_DECISIONS), note: z.string().trim().max(2000) }), response: { 200: taskSchema, ...withConflict } } }, async (r) =>
    warnings.closeTask(ctxOf(r), r.params.id, r.body),
  );

  // ----- awards -----
  app.get('/evaluation/awards', { schema: { tags, summary: 'Award nominations (operators); property staff see their company’s approved awards', querystring: z.object({ parkId: uuid.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: z.array(awardSchema), ...errorResponses } } }, async (r) =>
    awards.list(ctxOf(r), r.query),
  );
  app.get('/evaluation/awards/ranking', { schema: { tags, summary: 'The year’s company ranking (mean of closed periods) beside nominations', querystring: z.object({ parkId: uuid, year: z.coerce.number().int().min(2000).max(2100) }), response: { 200: z.object({ parkId: z.string(), year: z.number(), periods: z.number(), companies: z.array(z.object({ companyId: z.string(), name: z.string(), periods: z.number(), total: z.number(), rank: z.number() })) }), ...errorResponses } } }, async (r) =>
    awards.yearRanking(ctxOf(r), r.query.parkId, r.query.year),
  );
  app.post('/evaluation/awards', { schema: { tags, summary: 'Nominate a company or a staff member for the year’s award (starts the evaluation.award approval)', body: z.object({ parkId: uuid, year: z.number().int().min(2000).max(2100), kind: z.enum(EVAL_AWARD_KINDS), propertyCompanyId: uuid, staffName: z.string().trim().max(60).nullish(), citation: z.string().trim().min(1).max(500) }), response: { 201: awardSchema, ...errorResponses } } }, async (r, reply) =>
    reply.code(201).send(await awards.nominate(ctxOf(r), r.body)),
  );
  app.post('/evaluation/awards/publish', { schema: { tags, summary: 'Publish the year’s approved awards as an honour-roll news article (409 nothing_to_publish)', body: z.object({ parkId: uuid, year: z.number().int().min(2000).max(2100), title: z.string().trim().min(1).max(120), intro: z.string().trim().max(300).nullish(), companyHeading: z.string().trim().min(1).max(60), staffHeading: z.string().trim().min(1).max(60) }), response: { 200: z.object({ articleId: z.string(), awards: z.array(awardSchema) }), ...withConflict } } }, async (r) =>
    awards.publish(ctxOf(r), r.body),
  );

  // ----- reports and the league table -----
  app.get('/evaluation/reports/:periodId/:companyId/report.xlsx', { schema: { tags, summary: 'A company’s score report for a period as an Excel workbook', params: reportParams, querystring: langQuery, response: { 200: z.any().describe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), ...errorResponses } } }, async (r, reply) => {
    const { fileName, data } = await reports.excel(ctxOf(r), r.params.periodId, r.params.companyId, r.query.lang);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="${fileName}"`).send(data);
  });
  app.get('/evaluation/reports/:periodId/:companyId/report.pdf', { schema: { tags, summary: 'A company’s score report for a period as a PDF (503 report_font_missing without the CJK font)', params: reportParams, querystring: langQuery, response: { 200: z.any().describe('application/pdf'), 503: errorSchema, ...errorResponses } } }, async (r, reply) => {
    try {
      const { fileName, data } = await reports.pdf(ctxOf(r), r.params.periodId, r.params.companyId, r.query.lang);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).send(data);
    } catch (e) {
      if (e instanceof ReportFontMissing) return reply.code(503).send({ code: 'UNAVAILABLE', message: 'report_font_missing', requestId: r.id, details: { reason: 'report_font_missing' } });
      throw e;
    }
  });
  app.get('/evaluation/league', { schema: { tags, summary: 'The big-screen league table of a park (operators): last closed period unless one is given', querystring: z.object({ parkId: uuid, periodId: uuid.optional() }), response: { 200: leagueSchema, ...errorResponses } } }, async (r) => reports.league(ctxOf(r), r.query));
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, errorSchema, idParams } from '../../lib/http';
import * as s from './evaluation.schema';
import type { EvaluationService } from './evaluation.service';

/**
 * Property evaluation (园区+物业考核): schemes and periods for operators; ranking, explanations and trends for
 * operators in scope and property staff of their own company (others' only in a published ranking).
 */
export const evaluationRoutes: FastifyPluginAsyncZod<{ evaluation: EvaluationService }> = async (app, { evaluation: svc }) => {
  const tags = ['evaluation'];
  const withConflict = { ...errorResponses, 409: errorSchema };
  app.get('/evaluation/schemes', { schema: { tags, summary: 'Evaluation schemes of the parks I operate', querystring: s.schemeQuery, response: { 200: z.array(s.schemeSchema), ...errorResponses } } }, async (r) => svc.findSchemes(ctxOf(r), r.query));
  app.post('/evaluation/schemes', { schema: { tags, summary: 'Create a draft scheme; each level’s weights must sum to 100 (operators of the park)', body: s.schemeBody, response: { 201: s.schemeSchema, ...errorResponses } } }, async (r, reply) =>
    reply.code(201).send(await svc.createScheme(ctxOf(r), r.body)),
  );
  app.get('/evaluation/schemes/:id', { schema: { tags, summary: 'One scheme with its indicator tree', params: idParams, response: { 200: s.schemeSchema, ...errorResponses } } }, async (r) => svc.getScheme(ctxOf(r), r.params.id));
  app.patch('/evaluation/schemes/:id', { schema: { tags, summary: 'Edit a scheme no closed period has used', params: idParams, body: s.updateSchemeBody, response: { 200: s.schemeSchema, ...withConflict } } }, async (r) =>
    svc.updateScheme(ctxOf(r), r.params.id, r.body),
  );
  app.post('/evaluation/schemes/:id/activate', { schema: { tags, summary: 'Activate a draft scheme', params: idParams, response: { 200: s.schemeSchema, ...withConflict } } }, async (r) => svc.activateScheme(ctxOf(r), r.params.id));
  app.post('/evaluation/schemes/:id/copy', { schema: { tags, summary: 'Copy a scheme as a new draft version', params: idParams, response: { 201: s.schemeSchema, ...errorResponses } } }, async (r, reply) =>
    reply.code(201).send(await svc.copyScheme(ctxOf(r), r.params.id)),
  );
  app.get('/evaluation/periods', { schema: { tags, summary: 'Evaluation periods I may see', querystring: s.periodQuery, response: { 200: z.array(s.periodSchema), ...errorResponses } } }, async (r) => svc.findPeriods(ctxOf(r), r.query));
  app.post('/evaluation/periods', { schema: { tags, summary: 'Open a period of an active scheme (2026-11, 2026-Q4, 2026)', body: s.periodBody, response: { 201: s.periodSchema, ...withConflict } } }, async (r, reply) =>
    reply.code(201).send(await svc.openPeriod(ctxOf(r), r.body)),
  );
  app.get('/evaluation/periods/:id', { schema: { tags, summary: 'One period', params: idParams, response: { 200: s.periodSchema, ...errorResponses } } }, async (r) => svc.getPeriod(ctxOf(r), r.params.id));
  app.post('/evaluation/periods/:id/compute', { schema: { tags, summary: 'Compute the period’s scores now (409 once closed)', params: idParams, response: { 200: s.periodSchema, ...withConflict } } }, async (r) => svc.compute(ctxOf(r), r.params.id));
  app.post('/evaluation/periods/:id/close', { schema: { tags, summary: 'Compute a last time and freeze the scores', params: idParams, response: { 200: s.periodSchema, ...withConflict } } }, async (r) => svc.close(ctxOf(r), r.params.id));
  app.post('/evaluation/periods/:id/publish', { schema: { tags, summary: 'Publish (or withdraw) the ranking to property staff', params: idParams, body: s.publishBody, response: { 200: s.periodSchema, ...errorResponses } } }, async (r) =>
    svc.publishRanking(ctxOf(r), r.params.id, r.body.published),
  );
  app.get('/evaluation/periods/:id/manual', { schema: { tags, summary: 'Manual scores entered for the period (operators)', params: idParams, response: { 200: z.array(s.manualEntrySchema), ...errorResponses } } }, async (r) => svc.findManual(ctxOf(r), r.params.id));
  app.post('/evaluation/periods/:id/manual', { schema: { tags, summary: 'Enter a manual leaf’s score with a note', params: idParams, body: s.manualBody, response: { 200: s.manualEntrySchema, ...withConflict } } }, async (r) =>
    svc.setManual(ctxOf(r), r.params.id, r.body),
  );
  app.get('/evaluation/periods/:id/ranking', { schema: { tags, summary: 'Ranking of districts and companies', params: idParams, response: { 200: s.rankingSchema, ...errorResponses } } }, async (r) => svc.ranking(ctxOf(r), r.params.id));
  app.get('/evaluation/periods/:id/scores/:kind/:subjectId', { schema: { tags, summary: 'A district’s or company’s explained score tree', params: s.subjectParams, response: { 200: s.scoreTreeSchema, ...errorResponses } } }, async (r) =>
    svc.scoreTree(ctxOf(r), r.params.id, { kind: r.params.kind, id: r.params.subjectId }),
  );
  app.get('/evaluation/trend', { schema: { tags, summary: 'A district’s or company’s scores across periods', querystring: s.trendQuery, response: { 200: s.trendSchema, ...errorResponses } } }, async (r) => svc.trend(ctxOf(r), r.query));
};

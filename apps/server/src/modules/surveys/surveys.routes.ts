import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, errorSchema, idParams } from '../../lib/http';
import * as s from './surveys.schema';
import type { SurveysService } from './surveys.service';

/**
 * Satisfaction surveys: operators build, open and close surveys and see who answered what; enterprise admins of
 * invited enterprises answer once; property staff read the aggregated results of their own districts.
 */
export const surveysRoutes: FastifyPluginAsyncZod<{ surveys: SurveysService }> = async (app, { surveys: svc }) => {
  const tags = ['surveys'];
  const withConflict = { ...errorResponses, 409: errorSchema };
  app.get('/surveys', { schema: { tags, summary: 'Surveys I may see: all of the parks I operate; open and closed ones for my enterprise or my districts', querystring: s.surveyQuery, response: { 200: z.array(s.surveySchema), ...errorResponses } } }, async (r) =>
    svc.findSurveys(ctxOf(r), r.query),
  );
  app.post('/surveys', { schema: { tags, summary: 'Create a draft survey (operators of the park)', body: s.createSurveyBody, response: { 201: s.surveySchema, ...errorResponses } } }, async (r, reply) => reply.code(201).send(await svc.createSurvey(ctxOf(r), r.body)));
  app.get('/surveys/:id', { schema: { tags, summary: 'A survey with its questions', params: idParams, response: { 200: s.surveySchema, ...errorResponses } } }, async (r) => svc.getSurvey(ctxOf(r), r.params.id));
  app.patch('/surveys/:id', { schema: { tags, summary: 'Change a draft survey (operators of the park)', params: idParams, body: s.updateSurveyBody, response: { 200: s.surveySchema, ...withConflict } } }, async (r) => svc.updateSurvey(ctxOf(r), r.params.id, r.body));
  app.post('/surveys/:id/open', { schema: { tags, summary: 'Open a draft: invite the enterprises of its districts (operators)', params: idParams, response: { 200: s.surveySchema, ...withConflict } } }, async (r) => svc.openSurvey(ctxOf(r), r.params.id));
  app.post('/surveys/:id/close', { schema: { tags, summary: 'Close an open survey (operators)', params: idParams, response: { 200: s.surveySchema, ...withConflict } } }, async (r) => svc.closeSurvey(ctxOf(r), r.params.id));
  app.post('/surveys/:id/responses', { schema: { tags, summary: 'Answer for my enterprise, once (enterprise admins of an invited enterprise)', params: idParams, body: s.answerBody, response: { 201: s.responseSchema, ...withConflict } } }, async (r, reply) =>
    reply.code(201).send(await svc.answer(ctxOf(r), r.params.id, r.body)),
  );
  app.get('/surveys/:id/responses', { schema: { tags, summary: 'Who answered what (operators of the park only)', params: idParams, response: { 200: z.array(s.responseSchema), ...errorResponses } } }, async (r) => svc.findResponses(ctxOf(r), r.params.id));
  app.get('/surveys/:id/my-responses', { schema: { tags, summary: 'My enterprise’s answer (enterprise admins)', params: idParams, response: { 200: z.array(s.responseSchema), ...errorResponses } } }, async (r) => svc.findMyResponses(ctxOf(r), r.params.id));
  app.get('/surveys/:id/results', { schema: { tags, summary: 'Response rate, means, choices and top terms per district (operators; property staff: their districts, no names)', params: idParams, response: { 200: s.resultsSchema, ...errorResponses } } }, async (r) =>
    svc.getResults(ctxOf(r), r.params.id),
  );
  app.get(
    '/surveys/:id/export',
    { schema: { tags, summary: 'The results as an Excel workbook (operators with the answers; property staff their districts)', params: idParams, response: { 200: z.any().describe('An xlsx workbook'), ...errorResponses } } },
    async (r, reply) => {
      const { fileName, data } = await svc.exportWorkbook(ctxOf(r), r.params.id);
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="${fileName}"`).send(data);
    },
  );
};

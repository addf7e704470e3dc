import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, errorSchema, idParams } from '../../lib/http';
import * as s from './returnwork.schema';
import type { ReturnWorkService } from './returnwork.service';

/**
 * Return-to-work ledger (复工台账): operators open campaigns and watch the overview; enterprise admins
 * report per period; comparison flags are followed up by operators.
 */
export const returnWorkRoutes: FastifyPluginAsyncZod<{ returnWork: ReturnWorkService }> = async (app, { returnWork: svc }) => {
  const tags = ['return-to-work'];
  const withConflict = { ...errorResponses, 409: errorSchema };
  app.get('/return-to-work/campaigns', { schema: { tags, summary: 'Campaigns of the parks I operate, or that ask my enterprise', response: { 200: z.array(s.campaignSchema), ...errorResponses } } }, async (r) => svc.findCampaigns(ctxOf(r)));
  app.post('/return-to-work/campaigns', { schema: { tags, summary: 'Open a reporting campaign with its form (operators of the park)', body: s.createCampaignBody, response: { 201: s.campaignSchema, ...errorResponses } } }, async (r, reply) =>
    reply.code(201).send(await svc.createCampaign(ctxOf(r), r.body)),
  );
  app.get('/return-to-work/campaigns/:id', { schema: { tags, summary: 'A campaign with its periods and form', params: idParams, response: { 200: s.campaignSchema, ...errorResponses } } }, async (r) => svc.getCampaign(ctxOf(r), r.params.id));
  app.patch(
    '/return-to-work/campaigns/:id',
    { schema: { tags, summary: 'Rename an open campaign or move its end date (operators of the park)', params: idParams, body: s.updateCampaignBody, response: { 200: s.campaignSchema, ...withConflict } } },
    async (r) => svc.updateCampaign(ctxOf(r), r.params.id, r.body),
  );
  app.post(
    '/return-to-work/campaigns/:id/close',
    { schema: { tags, summary: 'Close a campaign: no more reports or reminders (operators of the park)', params: idParams, response: { 200: s.campaignSchema, ...withConflict } } },
    async (r) => svc.closeCampaign(ctxOf(r), r.params.id),
  );
  app.get(
    '/return-to-work/campaigns/:id/submissions',
    { schema: { tags, summary: 'Submissions of a campaign with their flags (admins: their own enterprise’s)', params: idParams, querystring: s.submissionQuery, response: { 200: z.array(s.submissionSchema), ...errorResponses } } },
    async (r) => svc.findSubmissions(ctxOf(r), r.params.id, r.query),
  );
  app.post(
    '/return-to-work/campaigns/:id/submissions',
    { schema: { tags, summary: 'Report for a period (enterprise admins); before the deadline a new report replaces the last as a revision', params: idParams, body: s.submitBody, response: { 200: s.submissionSchema, ...withConflict } } },
    async (r) => svc.submit(ctxOf(r), r.params.id, r.body),
  );
  app.get('/return-to-work/campaigns/:id/overview', { schema: { tags, summary: 'Submission rate, flags, trends per building and missing reports (operators)', params: idParams, response: { 200: s.overviewSchema, ...errorResponses } } }, async (r) =>
    svc.getOverview(ctxOf(r), r.params.id),
  );
  app.get(
    '/return-to-work/campaigns/:id/export',
    { schema: { tags, summary: 'The campaign as an Excel workbook for the authorities (operators)', params: idParams, response: { 200: z.any().describe('An xlsx workbook'), ...errorResponses } } },
    async (r, reply) => {
      const { fileName, data } = await svc.exportWorkbook(ctxOf(r), r.params.id);
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="${fileName}"`).send(data);
    },
  );
  app.get('/return-to-work/submissions/:id', { schema: { tags, summary: 'One submission with its flags', params: idParams, response: { 200: s.submissionSchema, ...errorResponses } } }, async (r) => svc.getSubmission(ctxOf(r), r.params.id));
  app.post('/return-to-work/flags/:id/follow-up', { schema: { tags, summary: 'Mark a comparison flag followed up with a note (operators)', params: idParams, body: s.followUpBody, response: { 200: s.flagSchema, ...errorResponses } } }, async (r) =>
    svc.followUpFlag(ctxOf(r), r.params.id, r.body.note),
  );
};

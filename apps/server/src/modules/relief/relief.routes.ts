import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, errorSchema, idParams } from '../../lib/http';
import { pageSchema } from '../../lib/pagination';
import * as s from './relief.schema';
import type { ReliefService } from './relief.service';

/**
 * Rent relief: operators of a park manage programmes and watch the dashboard; enterprise admins
 * see their eligibility (with reasons), apply with materials and follow their application; the
 * review runs on the approvals routes (`/api/approval-cases/{caseId}/actions`).
 */
export const reliefRoutes: FastifyPluginAsyncZod<{ relief: ReliefService }> = async (app, { relief: svc }) => {
  const tags = ['relief'];
  const withConflict = { ...errorResponses, 409: errorSchema };
  app.get('/relief-programmes', { schema: { tags, summary: 'Relief programmes: all of the parks I operate, open and closed ones of my enterprise’s park', querystring: s.programmeQuery, response: { 200: pageSchema(s.programmeSchema), ...errorResponses } } }, async (r) =>
    svc.findProgrammes(ctxOf(r), r.query),
  );
  app.post('/relief-programmes', { schema: { tags, summary: 'Create a relief programme (operators of the park)', body: s.createProgrammeBody, response: { 201: s.programmeSchema, ...withConflict } } }, async (r, reply) =>
    reply.code(201).send(await svc.createProgramme(ctxOf(r), r.body)),
  );
  app.get('/relief-programmes/:id', { schema: { tags, summary: 'A relief programme', params: idParams, response: { 200: s.programmeSchema, ...errorResponses } } }, async (r) => svc.getProgramme(ctxOf(r), r.params.id));
  app.patch(
    '/relief-programmes/:id',
    { schema: { tags, summary: 'Change a programme: its rules while a draft; name, budget and status (open, closed) any time', params: idParams, body: s.updateProgrammeBody, response: { 200: s.programmeSchema, ...withConflict } } },
    async (r) => svc.updateProgramme(ctxOf(r), r.params.id, r.body),
  );
  app.get(
    '/relief-programmes/:id/eligibility',
    { schema: { tags, summary: 'Is my enterprise (or, for operators, the one named) eligible, with the relief or the reasons', params: idParams, querystring: s.eligibilityQuery, response: { 200: s.eligibilitySchema, ...errorResponses } } },
    async (r) => svc.getEligibility(ctxOf(r), r.params.id, r.query),
  );
  app.post(
    '/relief-programmes/:id/applications',
    { schema: { tags, summary: 'Apply for relief with materials (enterprise admins); 409 when not eligible or already applied', params: idParams, body: s.applyBody, response: { 201: s.applicationDetailSchema, ...withConflict } } },
    async (r, reply) => reply.code(201).send(await svc.apply(ctxOf(r), r.params.id, r.body)),
  );
  app.get('/relief-programmes/:id/dashboard', { schema: { tags, summary: 'Applications by status, relief granted against the budget, per site and industry (operators)', params: idParams, response: { 200: s.dashboardSchema, ...errorResponses } } }, async (r) =>
    svc.getDashboard(ctxOf(r), r.params.id),
  );
  app.get(
    '/relief-programmes/:id/export.xlsx',
    {
      schema: {

        tags,
        summary: 'The applications and granted credits as an Excel workbook (operators)',
        params: idParams,
        querystring: z.object({ lang: z.enum(['zh', 'en']).optional() }),
        response: { 200: z.any().describe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), ...errorResponses },
      },
    },
    async (r, reply) => {
      const { fileName, data } = await svc.exportWorkbook(ctxOf(r), r.params.id, r.query.lang);
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="${fileName}"`).send(data);
    },
  );
  app.get('/relief-applications', { schema: { tags, summary: 'Relief applications of the parks I operate, or of my enterprise', querystring: s.applicationQuery, response: { 200: pageSchema(s.applicationSummarySchema), ...errorResponses } } }, async (r) =>
    svc.findApplications(ctxOf(r), r.query),
  );
  app.get('/relief-applications/:id', { schema: { tags, summary: 'An application with its relief lines, materials and credit notes', params: idParams, response: { 200: s.applicationDetailSchema, ...errorResponses } } }, async (r) =>
    svc.getApplication(ctxOf(r), r.params.id),
  );
  app.post(
    '/relief-applications/:id/resubmit',
    { schema: { tags, summary: 'Resubmit a returned application with more materials (enterprise admins)', params: idParams, body: s.resubmitBody, response: { 200: s.applicationDetailSchema, ...withConflict } } },
    async (r) => svc.resubmit(ctxOf(r), r.params.id, r.body),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, errorSchema, idParams } from '../../lib/http';
import * as s from './training.schema';
import type { TrainingService } from './training.service';

/**
 * Training (纵向延伸培训): property companies keep their staff rosters; operators (or a company for its own
 * staff) schedule sessions, record attendance and exam results, and read the figures per company.
 */
export const trainingRoutes: FastifyPluginAsyncZod<{ training: TrainingService }> = async (app, { training: svc }) => {
  const tags = ['training'];
  const withConflict = { ...errorResponses, 409: errorSchema };
  app.get('/training/companies', { schema: { tags, summary: 'Property companies whose training I see (operators: in my parks; property staff: my own)', querystring: s.companiesQuery, response: { 200: z.array(s.companySchema), ...errorResponses } } }, async (r) =>
    svc.findCompanies(ctxOf(r), r.query),
  );
  app.get('/training/staff', { schema: { tags, summary: 'Staff rosters of the companies I see', querystring: s.staffQuery, response: { 200: z.array(s.staffSchema), ...errorResponses } } }, async (r) => svc.findStaff(ctxOf(r), r.query));
  app.post('/training/staff', { schema: { tags, summary: 'Add a staff member to my company’s roster (its property staff)', body: s.createStaffBody, response: { 201: s.staffSchema, ...errorResponses } } }, async (r, reply) =>
    reply.code(201).send(await svc.createStaff(ctxOf(r), r.body)),
  );
  app.get('/training/staff/:id', { schema: { tags, summary: 'A staff member with their training record', params: idParams, response: { 200: s.staffDetailSchema, ...errorResponses } } }, async (r) => svc.getStaff(ctxOf(r), r.params.id));
  app.patch('/training/staff/:id', { schema: { tags, summary: 'Change a staff member or mark them inactive (their company’s property staff)', params: idParams, body: s.updateStaffBody, response: { 200: s.staffSchema, ...errorResponses } } }, async (r) =>
    svc.updateStaff(ctxOf(r), r.params.id, r.body),
  );
  app.get('/training/sessions', { schema: { tags, summary: 'Training sessions I see, newest first', querystring: s.sessionsQuery, response: { 200: z.array(s.sessionSchema), ...errorResponses } } }, async (r) => svc.findSessions(ctxOf(r), r.query));
  app.post('/training/sessions', { schema: { tags, summary: 'Schedule a session and invite staff or whole rosters (operators of the park, or a company for its own staff)', body: s.createSessionBody, response: { 201: s.sessionDetailSchema, ...errorResponses } } }, async (r, reply) =>
    reply.code(201).send(await svc.createSession(ctxOf(r), r.body)),
  );
  app.get('/training/sessions/:id', { schema: { tags, summary: 'A session with the invitations I may see', params: idParams, response: { 200: s.sessionDetailSchema, ...errorResponses } } }, async (r) => svc.getSession(ctxOf(r), r.params.id));
  app.put('/training/sessions/:id/results', { schema: { tags, summary: 'Record attendance and exam scores of invited staff, all rows or none', params: idParams, body: s.resultsBody, response: { 200: s.sessionDetailSchema, ...withConflict } } }, async (r) =>
    svc.recordResults(ctxOf(r), r.params.id, r.body),
  );
  app.get(
    '/training/sessions/:id/results/template',
    { schema: { tags, summary: 'The results sheet (.xlsx) to fill in, one row per invited staff member', params: idParams, response: { 200: z.any().describe('An xlsx workbook'), ...errorResponses } } },
    async (r, reply) => {
      const { fileName, data } = await svc.resultsTemplate(ctxOf(r), r.params.id);
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="${fileName}"`).send(data);
    },
  );
  app.post(
    '/training/sessions/:id/results/import',
    { bodyLimit: 8 * 1024 * 1024, schema: { tags, summary: 'Import a filled-in results sheet; any bad row refuses the whole sheet, naming each row and column', params: idParams, body: s.importBody, response: { 200: s.sessionDetailSchema, ...withConflict } } },
    async (r) => svc.importResults(ctxOf(r), r.params.id, r.body.xlsxBase64),
  );
  app.get('/training/figures', { schema: { tags, summary: 'Training figures per company and month over a period (default the last 12 months)', querystring: s.figuresQuery, response: { 200: s.figuresSchema, ...errorResponses } } }, async (r) =>
    svc.getFigures(ctxOf(r), r.query),
  );
};

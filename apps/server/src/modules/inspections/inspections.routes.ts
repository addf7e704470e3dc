import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, errorSchema, idParams } from '../../lib/http';
import { pageSchema } from '../../lib/pagination';
import * as s from './inspections.schema';
import type { InspectionsService } from './inspections.service';

/**
 * On-site inspections: operators of a park set up checklist templates, routes and schedules and submit
 * runs from a phone; property staff read the runs and findings of their own company's districts.
 */
export const inspectionsRoutes: FastifyPluginAsyncZod<{ inspections: InspectionsService }> = async (app, { inspections: svc }) => {
  const tags = ['inspections'];
  const withConflict = { ...errorResponses, 409: errorSchema };

  app.get('/inspection-templates', { schema: { tags, summary: 'Checklist templates of the parks I operate', querystring: s.listQuery, response: { 200: pageSchema(s.templateSchema), ...errorResponses } } }, async (r) => svc.findTemplates(ctxOf(r), r.query));
  app.post('/inspection-templates', { schema: { tags, summary: 'Create a checklist template (operators of the park)', body: s.createTemplateBody, response: { 201: s.templateSchema, ...errorResponses } } }, async (r, reply) =>
    reply.code(201).send(await svc.createTemplate(ctxOf(r), r.body)),
  );
  app.get('/inspection-templates/:id', { schema: { tags, summary: 'A checklist template', params: idParams, response: { 200: s.templateSchema, ...errorResponses } } }, async (r) => svc.getTemplate(ctxOf(r), r.params.id));
  app.patch('/inspection-templates/:id', { schema: { tags, summary: 'Change or retire a template (runs keep what they marked)', params: idParams, body: s.updateTemplateBody, response: { 200: s.templateSchema, ...errorResponses } } }, async (r) =>
    svc.updateTemplate(ctxOf(r), r.params.id, r.body),
  );

  app.get('/inspection-routes', { schema: { tags, summary: 'Routes of the parks I operate', querystring: s.listQuery, response: { 200: pageSchema(s.routeSchema), ...errorResponses } } }, async (r) => svc.findRoutes(ctxOf(r), r.query));
  app.post('/inspection-routes', { schema: { tags, summary: 'Create a route of checkpoints, each with a template (operators of the park)', body: s.createRouteBody, response: { 201: s.routeSchema, ...errorResponses } } }, async (r, reply) =>
    reply.code(201).send(await svc.createRoute(ctxOf(r), r.body)),
  );
  app.get('/inspection-routes/:id', { schema: { tags, summary: 'A route with its templates (what a phone keeps to walk it offline)', params: idParams, response: { 200: s.routeDetailSchema, ...errorResponses } } }, async (r) => svc.getRoute(ctxOf(r), r.params.id));
  app.patch('/inspection-routes/:id', { schema: { tags, summary: 'Change or retire a route', params: idParams, body: s.updateRouteBody, response: { 200: s.routeSchema, ...errorResponses } } }, async (r) => svc.updateRoute(ctxOf(r), r.params.id, r.body));

  app.get('/inspection-schedules', { schema: { tags, summary: 'Scheduled inspections (mine=true: assigned to me; overdue=true: open past their due date)', querystring: s.scheduleQuery, response: { 200: pageSchema(s.scheduleSchema), ...errorResponses } } }, async (r) =>
    svc.findSchedules(ctxOf(r), r.query),
  );
  app.post('/inspection-schedules', { schema: { tags, summary: 'Assign a route to an operator with a due date, optionally weekly or monthly', body: s.createScheduleBody, response: { 201: s.scheduleSchema, ...errorResponses } } }, async (r, reply) =>
    reply.code(201).send(await svc.createSchedule(ctxOf(r), r.body)),
  );
  app.patch('/inspection-schedules/:id', { schema: { tags, summary: 'Move, reassign or cancel an open schedule', params: idParams, body: s.updateScheduleBody, response: { 200: s.scheduleSchema, ...withConflict } } }, async (r) =>
    svc.updateSchedule(ctxOf(r), r.params.id, r.body),
  );

  app.get('/inspection-runs', { schema: { tags, summary: 'Submitted inspections I may see', querystring: s.runQuery, response: { 200: pageSchema(s.runSummarySchema), ...errorResponses } } }, async (r) => svc.findRuns(ctxOf(r), r.query));
  app.post(
    '/inspection-runs',
    { schema: { tags, summary: 'Submit a run; idempotent by clientId (201 made now, 200 made by an earlier try)', body: s.submitRunBody, response: { 200: s.runDetailSchema, 201: s.runDetailSchema, ...withConflict } } },
    async (r, reply) => {
      const { created, run } = await svc.submitRun(ctxOf(r), r.body);
      return reply.code(created ? 201 : 200).send(run);
    },
  );
  app.get('/inspection-runs/:id', { schema: { tags, summary: 'A run with its marked items (property staff: those of their districts)', params: idParams, response: { 200: s.runDetailSchema, ...errorResponses } } }, async (r) => svc.getRun(ctxOf(r), r.params.id));

  app.get('/inspection-findings', { schema: { tags, summary: 'Failed items (findings) I may see', querystring: s.findingQuery, response: { 200: pageSchema(s.resultSchema), ...errorResponses } } }, async (r) => svc.findFindings(ctxOf(r), r.query));
  app.post('/inspection-findings/:id/void', { schema: { tags, summary: 'Void a finding with a reason (operators; it no longer deducts)', params: idParams, body: s.voidBody, response: { 200: s.resultSchema, ...withConflict } } }, async (r) =>
    svc.voidFinding(ctxOf(r), r.params.id, r.body),
  );
  app.post('/inspection-findings/:id/work-order', { schema: { tags, summary: 'Open the work order of a finding, with its photos (operators)', params: idParams, body: z.object({}).optional(), response: { 200: s.resultSchema, ...withConflict } } }, async (r) =>
    svc.openWorkOrder(ctxOf(r), r.params.id),
  );

  app.get('/inspection-settings/:parkId', { schema: { tags, summary: 'Deduction points per finding severity of a park', params: s.parkParams, response: { 200: s.settingsSchema, ...errorResponses } } }, async (r) => svc.getSettings(ctxOf(r), r.params.parkId));
  app.put('/inspection-settings/:parkId', { schema: { tags, summary: 'Set the deduction points per severity (findings made from now on)', params: s.parkParams, body: s.settingsBody, response: { 200: s.settingsSchema, ...errorResponses } } }, async (r) =>
    svc.setSettings(ctxOf(r), r.params.parkId, r.body),
  );
};

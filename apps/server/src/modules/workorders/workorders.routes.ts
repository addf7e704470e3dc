import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, errorSchema, idParams } from '../../lib/http';
import { pageSchema } from '../../lib/pagination';
import type { DispatchService } from './dispatch.service';
import * as s from './workorders.schema';
import type { WorkOrdersService } from './workorders.service';
import { allPages, exportLangQuery, sendXlsx } from '../../lib/xlsx-export';
import { WORK_ORDER_COLUMNS } from './workorders.export';

const transition = { 200: s.workOrderDetailSchema, ...errorResponses, 409: errorSchema };

/** Work orders, teams, SLA policies, dispatch rules and the dispatch model. */
export const workOrderRoutes: FastifyPluginAsyncZod<{ workOrders: WorkOrdersService; dispatch: DispatchService }> = async (app, { workOrders: svc, dispatch }) => {
  const tags = ['work orders'];
  app.post('/work-orders', { schema: { tags, summary: 'File a work order (smart dispatch routes it or sends it to triage)', body: s.createWorkOrderBody, response: { 201: s.workOrderDetailSchema, ...errorResponses } } }, async (r, reply) =>
    reply.code(201).send(await svc.createWorkOrder(ctxOf(r), r.body)),
  );
  app.get('/work-orders', { schema: { tags, summary: 'Work orders I may see, newest first', querystring: s.workOrderQuery, response: { 200: pageSchema(s.workOrderSchema), ...errorResponses } } }, async (r) => svc.findWorkOrders(ctxOf(r), r.query));
  app.get(
    '/work-orders/export.xlsx',
    { schema: { tags, summary: 'The work-order list as an Excel workbook, with the same filters and scope as GET /work-orders (headers in ?lang=zh|en)', querystring: s.workOrderQuery.omit({ page: true, pageSize: true }).merge(exportLangQuery), response: { 200: z.any().describe('An xlsx workbook'), ...errorResponses } } },
    async (r, reply) => {
      const { lang, ...filters } = r.query;
      const ctx = ctxOf(r);
      const rows = allPages((page, pageSize) => svc.findWorkOrders(ctx, { ...filters, page, pageSize }));
      return sendXlsx(reply, { fileName: `work-orders-${new Date().toISOString().slice(0, 10)}.xlsx`, sheet: { zh: '工单', en: 'Work orders' }, lang, columns: WORK_ORDER_COLUMNS, rows });
    },
  );
  app.get('/work-orders/:id', { schema: { tags, summary: 'A work order with its timeline, photos, decision and my next actions', params: idParams, response: { 200: s.workOrderDetailSchema, ...errorResponses } } }, async (r) => svc.getWorkOrder(ctxOf(r), r.params.id));
  app.post('/work-orders/:id/dispatch', { schema: { tags, summary: 'Dispatch to a team (operators; confirms or corrects triage)', params: idParams, body: s.dispatchBody, response: transition } }, async (r) => svc.dispatchWorkOrder(ctxOf(r), r.params.id, r.body));
  app.post('/work-orders/:id/accept', { schema: { tags, summary: 'Accept a dispatched work order (its team)', params: idParams, response: transition } }, async (r) => svc.acceptWorkOrder(ctxOf(r), r.params.id));
  app.post('/work-orders/:id/start', { schema: { tags, summary: 'Start work (its team)', params: idParams, response: transition } }, async (r) => svc.startWorkOrder(ctxOf(r), r.params.id));
  app.post('/work-orders/:id/resolve', { schema: { tags, summary: 'Resolve (its team)', params: idParams, body: s.optionalCommentBody, response: transition } }, async (r) => svc.resolveWorkOrder(ctxOf(r), r.params.id, r.body ?? undefined));
  app.post('/work-orders/:id/verify', { schema: { tags, summary: 'Confirm the result (requester or operator)', params: idParams, body: s.optionalCommentBody, response: transition } }, async (r) => svc.verifyWorkOrder(ctxOf(r), r.params.id, r.body ?? undefined));
  app.post('/work-orders/:id/close', { schema: { tags, summary: 'Close (operators; an unresolved order needs a reason)', params: idParams, body: s.optionalCommentBody, response: transition } }, async (r) => svc.closeWorkOrder(ctxOf(r), r.params.id, r.body ?? undefined));
  app.post('/work-orders/:id/reopen', { schema: { tags, summary: 'Reopen a resolved, verified or closed order (requester or operator)', params: idParams, body: s.optionalCommentBody, response: transition } }, async (r) => svc.reopenWorkOrder(ctxOf(r), r.params.id, r.body ?? undefined));
  app.post('/work-orders/:id/cancel', { schema: { tags, summary: 'Withdraw my request before it is dispatched (requester)', params: idParams, body: s.optionalCommentBody, response: transition } }, async (r) => svc.cancelWorkOrder(ctxOf(r), r.params.id, r.body ?? undefined));
  app.post('/work-orders/:id/urge', { schema: { tags, summary: 'Urge (催单) the team on my open request, at most once an hour (requester; 429 `urge_too_soon`)', params: idParams, response: { ...transition, 429: errorSchema } } }, async (r) => svc.urgeWorkOrder(ctxOf(r), r.params.id));
  app.post('/work-orders/:id/rating', { schema: { tags, summary: 'Rate the result 1–5 (requester, after resolve)', params: idParams, body: s.ratingBody, response: transition } }, async (r) => svc.rateWorkOrder(ctxOf(r), r.params.id, r.body));
  app.post('/work-orders/:id/comments', { schema: { tags, summary: 'Comment on a work order', params: idParams, body: s.commentBody, response: transition } }, async (r) => svc.commentWorkOrder(ctxOf(r), r.params.id, r.body));
  app.post(
    '/work-orders/:id/attachments',
    { schema: { tags, summary: 'Attach a photo uploaded with POST /api/files?purpose=image (at most 9 per order)', params: idParams, body: s.attachmentBody, response: transition } },
    async (r) => svc.addPhoto(ctxOf(r), r.params.id, r.body),
  );
  app.get(
    '/work-orders/:id/attachments/:childId',
    { schema: { tags, summary: 'A photo of a work order (image bytes; the same as /api/files/{childId})', params: s.attachmentParams, response: { 200: z.any().describe('image/jpeg, image/png or image/webp'), ...errorResponses } } },
    async (r, reply) => {
      const photo = await svc.getPhoto(ctxOf(r), r.params.id, r.params.childId);
      return reply.type(photo.mimeType).header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff').header('content-security-policy', "default-src 'none'; sandbox").send(photo.stream);
    },
  );

  const teamTags = ['work order teams'];
  app.get('/work-order-teams', { schema: { tags: teamTags, summary: 'Teams (property company teams and operator departments)', querystring: s.teamQuery, response: { 200: z.array(s.teamSchema), ...errorResponses } } }, async (r) => svc.findTeams(ctxOf(r), r.query));
  app.post('/work-order-teams', { schema: { tags: teamTags, summary: 'Create a team (operators)', body: s.createTeamBody, response: { 201: s.teamSchema, ...errorResponses } } }, async (r, reply) => reply.code(201).send(await svc.createTeam(ctxOf(r), r.body)));
  app.patch('/work-order-teams/:id', { schema: { tags: teamTags, summary: 'Change a team, its lead or members (operators)', params: idParams, body: s.updateTeamBody, response: { 200: s.teamSchema, ...errorResponses } } }, async (r) => svc.updateTeam(ctxOf(r), r.params.id, r.body));

  app.get('/work-order-sla', { schema: { tags, summary: 'SLA response and resolution minutes per category and priority of a park', querystring: s.slaQuery, response: { 200: z.array(s.slaCellSchema), ...errorResponses } } }, async (r) => svc.getSlaMatrix(ctxOf(r), r.query.parkId));
  app.put('/work-order-sla', { schema: { tags, summary: 'Set one SLA cell of a park (operators)', body: s.slaBody, response: { 200: z.array(s.slaCellSchema), ...errorResponses } } }, async (r) => svc.setSla(ctxOf(r), r.body));

  const dispatchTags = ['smart dispatch'];
  app.get('/dispatch/model', { schema: { tags: dispatchTags, summary: 'The dispatch models of a park: accuracy on held-back orders, version, history', querystring: s.parkQuery, response: { 200: s.modelStatusSchema, ...errorResponses } } }, async (r) => dispatch.getStatus(ctxOf(r), r.query.parkId));
  app.post('/dispatch/model/retrain', { schema: { tags: dispatchTags, summary: 'Retrain the dispatch models now (in a worker thread)', body: s.retrainBody, response: { 200: s.modelStatusSchema, ...errorResponses } } }, async (r) => dispatch.retrain(ctxOf(r), r.body.parkId));
  app.get('/dispatch-rules', { schema: { tags: dispatchTags, summary: 'Which alarms become work orders', querystring: s.parkQuery, response: { 200: z.array(s.dispatchRuleSchema), ...errorResponses } } }, async (r) => svc.findDispatchRules(ctxOf(r), r.query.parkId));
  app.post('/dispatch-rules', { schema: { tags: dispatchTags, summary: 'Add an alarm dispatch rule (operators)', body: s.createDispatchRuleBody, response: { 201: s.dispatchRuleSchema, ...errorResponses } } }, async (r, reply) => reply.code(201).send(await svc.createDispatchRule(ctxOf(r), r.body)));
  app.patch('/dispatch-rules/:id', { schema: { tags: dispatchTags, summary: 'Change an alarm dispatch rule (operators)', params: idParams, body: s.updateDispatchRuleBody, response: { 200: s.dispatchRuleSchema, ...errorResponses } } }, async (r) => svc.updateDispatchRule(ctxOf(r), r.params.id, r.body));
};

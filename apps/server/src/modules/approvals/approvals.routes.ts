import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, errorSchema, idParams } from '../../lib/http';
import { pageSchema } from '../../lib/pagination';
import * as s from './approvals.schema';
import type { ApprovalsService } from './approvals.service';

/**
 * Approvals: operators of a park define flows (a new version when cases use the current one);
 * approvers work their inbox; applicants follow, withdraw and resubmit their cases. Cases are
 * started by feature modules through the service, not over HTTP.
 */
export const approvalsRoutes: FastifyPluginAsyncZod<{ approvals: ApprovalsService }> = async (app, { approvals: svc }) => {
  const tags = ['approvals'];
  const withConflict = { ...errorResponses, 409: errorSchema };
  app.get('/approval-flows', { schema: { tags, summary: 'Approval flows of the parks I operate', querystring: s.flowQuery, response: { 200: pageSchema(s.flowSchema), ...errorResponses } } }, async (r) => svc.findFlows(ctxOf(r), r.query));
  app.post('/approval-flows', { schema: { tags, summary: 'Create an approval flow (operators of the park)', body: s.createFlowBody, response: { 201: s.flowSchema, ...withConflict } } }, async (r, reply) =>
    reply.code(201).send(await svc.createFlow(ctxOf(r), r.body)),
  );
  app.get(
    '/approval-flows/candidates',
    { schema: { tags, summary: 'Users who may be named as approvers in a park (operators of the park)', querystring: s.candidateQuery.extend({ parkId: z.string().uuid() }), response: { 200: z.array(s.candidateSchema), ...errorResponses } } },
    async (r) => svc.findCandidates(ctxOf(r), { parkId: r.query.parkId, q: r.query.q }),
  );
  app.get('/approval-flows/:id', { schema: { tags, summary: 'An approval flow with the steps of its latest version', params: idParams, response: { 200: s.flowSchema, ...errorResponses } } }, async (r) => svc.getFlow(ctxOf(r), r.params.id));
  app.patch(
    '/approval-flows/:id',
    { schema: { tags, summary: 'Change a flow; new steps become a new version when cases use the current one', params: idParams, body: s.updateFlowBody, response: { 200: s.flowSchema, ...withConflict } } },
    async (r) => svc.updateFlow(ctxOf(r), r.params.id, r.body),
  );
  app.get('/approval-flows/:id/versions', { schema: { tags, summary: 'Versions of a flow, newest first, with their case counts', params: idParams, response: { 200: z.array(s.flowVersionSchema), ...errorResponses } } }, async (r) =>
    svc.findFlowVersions(ctxOf(r), r.params.id),
  );
  app.get('/approval-tasks/me', { schema: { tags, summary: 'My pending approval tasks (待办), oldest due first', response: { 200: z.array(s.inboxItemSchema), ...errorResponses } } }, async (r) => svc.findTasksFor(ctxOf(r)));
  app.get('/approval-cases', { schema: { tags, summary: 'Cases I applied for, or (scope=park) of the parks I operate', querystring: s.caseQuery, response: { 200: pageSchema(s.caseSummarySchema), ...errorResponses } } }, async (r) =>
    svc.findCases(ctxOf(r), r.query),
  );
  app.get('/approval-cases/:id', { schema: { tags, summary: 'A case with its steps, tasks and history', params: idParams, response: { 200: s.caseDetailSchema, ...errorResponses } } }, async (r) => svc.getCase(ctxOf(r), r.params.id));
  app.get(
    '/approval-cases/:id/candidates',
    { schema: { tags, summary: 'Users a task of this case may be transferred to or shared with', params: idParams, querystring: s.candidateQuery, response: { 200: z.array(s.candidateSchema), ...errorResponses } } },
    async (r) => svc.findCandidates(ctxOf(r), { caseId: r.params.id, q: r.query.q }),
  );
  app.post(
    '/approval-cases/:id/actions',
    {
      schema: {
        tags,
        summary: 'Act on a case: approve, reject, return (驳回修改), resubmit, withdraw, transfer (转交), add_approver (加签), comment, remind (催办)',
        params: idParams,
        body: s.actBody,
        response: { 200: s.caseDetailSchema, ...withConflict, 429: errorSchema },
      },
    },
    async (r) => svc.act(ctxOf(r), r.params.id, r.body),
  );
};

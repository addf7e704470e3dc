import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, errorSchema, idParams } from '../../lib/http';
import { pageSchema } from '../../lib/pagination';
import * as s from './services.schema';
import type { ServicesService } from './services.service';

/**
 * Services (企业服务): operators publish the catalog; enterprise admins (and members where the
 * service allows) apply and follow their requests; handlers work the queue.
 */
export const servicesRoutes: FastifyPluginAsyncZod<{ services: ServicesService }> = async (app, { services: svc }) => {
  const tags = ['services'];
  const withConflict = { ...errorResponses, 409: errorSchema };
  app.get('/services', { schema: { tags, summary: 'Services: every service of the parks I operate (view=manage), or the published catalog of my parks (view=catalog)', querystring: s.serviceQuery, response: { 200: pageSchema(s.serviceSchema), ...errorResponses } } }, async (r) =>
    svc.findServices(ctxOf(r), r.query),
  );
  app.post('/services', { schema: { tags, summary: 'Create a service (operators of the park)', body: s.createServiceBody, response: { 201: s.serviceSchema, ...withConflict } } }, async (r, reply) => reply.code(201).send(await svc.createService(ctxOf(r), r.body)));
  app.get(
    '/services/handler-candidates',
    { schema: { tags, summary: 'Users who may handle a park’s services (operators of the park)', querystring: z.object({ parkId: z.string().uuid() }), response: { 200: z.array(z.object({ id: z.string(), displayName: z.string(), username: z.string() })), ...errorResponses } } },
    async (r) => svc.findHandlerCandidates(ctxOf(r), r.query.parkId),
  );
  app.get('/services/:id', { schema: { tags, summary: 'A service (operators of its park; enterprises of its park while published)', params: idParams, response: { 200: s.serviceSchema, ...errorResponses } } }, async (r) => svc.getService(ctxOf(r), r.params.id));
  app.patch('/services/:id', { schema: { tags, summary: 'Change a service; a changed form becomes a new version', params: idParams, body: s.updateServiceBody, response: { 200: s.serviceSchema, ...withConflict } } }, async (r) =>
    svc.updateService(ctxOf(r), r.params.id, r.body),
  );
  app.get('/service-requests', { schema: { tags, summary: 'Service requests: my enterprise’s (scope=mine) or the queue I handle (scope=queue)', querystring: s.requestQuery, response: { 200: pageSchema(s.requestSchema), ...errorResponses } } }, async (r) =>
    svc.findRequests(ctxOf(r), r.query),
  );
  app.post('/service-requests', { schema: { tags, summary: 'Apply for a service with the form’s values (a 400 names each bad field)', body: s.applyBody, response: { 201: s.requestSchema, ...withConflict } } }, async (r, reply) => reply.code(201).send(await svc.apply(ctxOf(r), r.body)));
  app.post('/service-requests/bulk', { schema: { tags, summary: 'Accept or complete several requests; the result of each is reported', body: s.bulkBody, response: { 200: s.bulkResultSchema, ...errorResponses } } }, async (r) => svc.bulk(ctxOf(r), r.body));
  app.get('/service-requests/:id', { schema: { tags, summary: 'A service request with its form snapshot, values and materials', params: idParams, response: { 200: s.requestSchema, ...errorResponses } } }, async (r) => svc.getRequest(ctxOf(r), r.params.id));
  app.post('/service-requests/:id/resubmit', { schema: { tags, summary: 'Resubmit a returned request with corrected values and added materials (the applicant)', params: idParams, body: s.resubmitBody, response: { 200: s.requestSchema, ...withConflict } } }, async (r) =>
    svc.resubmit(ctxOf(r), r.params.id, r.body),
  );
  app.post('/service-requests/:id/withdraw', { schema: { tags, summary: 'Withdraw a request under review (the applicant)', params: idParams, body: s.withdrawBody, response: { 200: s.requestSchema, ...withConflict } } }, async (r) =>
    svc.withdraw(ctxOf(r), r.params.id, r.body.reason),
  );
  app.post('/service-requests/:id/accept', { schema: { tags, summary: 'Accept an approved request for handling (its handlers)', params: idParams, response: { 200: s.requestSchema, ...withConflict } } }, async (r) => svc.accept(ctxOf(r), r.params.id));
  app.post('/service-requests/:id/complete', { schema: { tags, summary: 'Complete a request in progress with a result note (its handlers)', params: idParams, body: s.completeBody, response: { 200: s.requestSchema, ...withConflict } } }, async (r) =>
    svc.complete(ctxOf(r), r.params.id, r.body.resultNote),
  );
  app.post('/service-requests/:id/rating', { schema: { tags, summary: 'Rate a completed request once (1–5 with a comment)', params: idParams, body: s.rateBody, response: { 200: s.requestSchema, ...withConflict } } }, async (r) => svc.rate(ctxOf(r), r.params.id, r.body));
};

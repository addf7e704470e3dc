import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, errorSchema, idParams, noContent } from '../../lib/http';
import * as s from './spotchecks.schema';
import type { SpotChecksService } from './spotchecks.service';

/**
 * Third-party spot checks (第三方安全机构不定期抽查): operators assign inspectors to districts; inspectors record
 * checks with findings; property companies respond; operators (or the inspector) verify; operators overturn.
 */
export const spotChecksRoutes: FastifyPluginAsyncZod<{ spotChecks: SpotChecksService }> = async (app, { spotChecks: svc }) => {
  const tags = ['spot-checks'];
  const withConflict = { ...errorResponses, 409: errorSchema };
  app.get('/spot-check-assignments', { schema: { tags, summary: 'Inspector assignments: of the parks I operate, or my own (inspectors)', querystring: s.assignmentQuery, response: { 200: z.array(s.assignmentSchema), ...errorResponses } } }, async (r) =>
    svc.findAssignments(ctxOf(r), r.query),
  );
  app.post('/spot-check-assignments', { schema: { tags, summary: 'Assign an inspector to a district for a period (operators of the park)', body: s.createAssignmentBody, response: { 201: s.assignmentSchema, ...errorResponses } } }, async (r, reply) =>
    reply.code(201).send(await svc.createAssignment(ctxOf(r), r.body)),
  );
  app.delete('/spot-check-assignments/:id', { schema: { tags, summary: 'Remove an assignment (operators of the park)', params: idParams, response: { 204: z.null(), ...errorResponses } } }, async (r, reply) => {
    await svc.deleteAssignment(ctxOf(r), r.params.id);
    return noContent(reply);
  });
  app.get('/spot-check-inspectors', { schema: { tags, summary: 'Users who may be assigned as inspectors in a park (operators of the park)', querystring: s.settingsQuery, response: { 200: z.array(s.inspectorSchema), ...errorResponses } } }, async (r) =>
    svc.findInspectors(ctxOf(r), r.query.parkId),
  );
  app.get('/spot-check-districts', { schema: { tags, summary: 'Districts I may check (inspectors: assigned today) or review (operators)', querystring: s.assignmentQuery, response: { 200: z.array(s.districtOptionSchema), ...errorResponses } } }, async (r) =>
    svc.findDistricts(ctxOf(r), r.query),
  );
  app.get('/spot-checks', { schema: { tags, summary: 'Spot checks I may see, newest first', querystring: s.checkQuery, response: { 200: z.array(s.checkSchema), ...errorResponses } } }, async (r) => svc.findChecks(ctxOf(r), r.query));
  app.post('/spot-checks', { schema: { tags, summary: 'Record an unannounced check with findings and photos (inspectors assigned to the district)', body: s.createCheckBody, response: { 201: s.checkSchema, ...errorResponses } } }, async (r, reply) =>
    reply.code(201).send(await svc.createCheck(ctxOf(r), r.body)),
  );
  app.get('/spot-checks/:id', { schema: { tags, summary: 'One spot check with its findings', params: idParams, response: { 200: s.checkSchema, ...errorResponses } } }, async (r) => svc.getCheck(ctxOf(r), r.params.id));
  app.get('/spot-check-findings', { schema: { tags, summary: 'Findings I may see (property staff: my company’s to fix)', querystring: s.findingQuery, response: { 200: z.array(s.findingSchema), ...errorResponses } } }, async (r) =>
    svc.findFindings(ctxOf(r), r.query),
  );
  app.get('/spot-check-findings/:id', { schema: { tags, summary: 'One finding', params: idParams, response: { 200: s.findingSchema, ...errorResponses } } }, async (r) => svc.getFinding(ctxOf(r), r.params.id));
  app.post('/spot-check-findings/:id/response', { schema: { tags, summary: 'Say what was done, with photos (staff of the responsible company)', params: idParams, body: s.respondBody, response: { 200: s.findingSchema, ...withConflict } } }, async (r) =>
    svc.respond(ctxOf(r), r.params.id, r.body),
  );
  app.post('/spot-check-findings/:id/verify', { schema: { tags, summary: 'Accept (closed) or reject (back to the company, note required) a fix (operators or the inspector)', params: idParams, body: s.verifyBody, response: { 200: s.findingSchema, ...withConflict } } }, async (r) =>
    svc.verify(ctxOf(r), r.params.id, r.body),
  );
  app.post('/spot-check-findings/:id/overturn', { schema: { tags, summary: 'Void a finding with a reason; it no longer counts (operators)', params: idParams, body: s.overturnBody, response: { 200: s.findingSchema, ...withConflict } } }, async (r) =>
    svc.overturn(ctxOf(r), r.params.id, r.body.reason),
  );
  app.get('/spot-check-settings', { schema: { tags, summary: 'Deduction points per severity of a park (operators)', querystring: s.settingsQuery, response: { 200: s.settingsSchema, ...errorResponses } } }, async (r) => svc.getSettings(ctxOf(r), r.query.parkId));
  app.put('/spot-check-settings', { schema: { tags, summary: 'Set the deduction points per severity of a park (operators)', body: s.settingsBody, response: { 200: s.settingsSchema, ...errorResponses } } }, async (r) => svc.updateSettings(ctxOf(r), r.body));
  app.get('/spot-check-overview', { schema: { tags, summary: 'Per district: checks, open, overdue, verified findings and points (operators)', querystring: s.overviewQuery, response: { 200: z.array(s.overviewRowSchema), ...errorResponses } } }, async (r) =>
    svc.getOverview(ctxOf(r), r.query),
  );
};

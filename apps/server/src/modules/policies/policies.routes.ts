import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, errorSchema, idParams } from '../../lib/http';
import { pageSchema } from '../../lib/pagination';
import * as s from './policies.schema';
import type { PoliciesService } from './policies.service';

const withConflict = { ...errorResponses, 409: errorSchema };
const enterpriseChoice = z.object({ enterpriseId: z.string().uuid().optional() });

/** Policy library (operators), applications and guidance (enterprise admins, operators, advisors). */
export const policiesRoutes: FastifyPluginAsyncZod<{ policies: PoliciesService }> = async (app, { policies: svc }) => {
  const tags = ['policies'];
  app.get('/policies', { schema: { operationId: 'findPolicies', tags, summary: 'Policies I may see (enterprise people: published and closed ones of their park, with their eligibility)', querystring: s.policyQuery, response: { 200: pageSchema(s.policySchema), ...errorResponses } } }, async (r) => svc.findPolicies(ctxOf(r), r.query));
  app.post('/policies', { schema: { operationId: 'createPolicy', tags, summary: 'Create a draft policy (operators of the park)', body: s.createPolicyBody, response: { 201: s.policySchema, ...errorResponses } } }, async (r, reply) => reply.code(201).send(await svc.createPolicy(ctxOf(r), r.body)));
  app.get('/policies/:id', { schema: { operationId: 'getPolicy', tags, summary: 'A policy, with my enterprise’s eligibility and application', params: idParams, response: { 200: s.policySchema, ...errorResponses } } }, async (r) => svc.getPolicy(ctxOf(r), r.params.id));
  app.patch('/policies/:id', { schema: { operationId: 'updatePolicy', tags, summary: 'Change, publish or close a policy (operators of the park)', params: idParams, body: s.updatePolicyBody, response: { 200: s.policySchema, ...errorResponses } } }, async (r) => svc.updatePolicy(ctxOf(r), r.params.id, r.body));
  app.post(
    '/policies/:id/applications',
    { schema: { operationId: 'applyForPolicy', tags, summary: 'Apply for a policy with one uploaded file per material (enterprise admins; 409 when applied already, past the deadline or not eligible)', params: idParams, body: s.applyBody.merge(enterpriseChoice), response: { 201: s.applicationSchema, ...withConflict } } },
    async (r, reply) => reply.code(201).send(await svc.apply(ctxOf(r), r.params.id, r.body)),
  );
  app.post('/policies/:id/enquiries', { schema: { operationId: 'enquireAboutPolicy', tags, summary: 'Ask the park for guidance on a policy before applying (enterprise admins)', params: idParams, body: s.enquiryBody.merge(enterpriseChoice), response: { 201: s.applicationSchema, ...withConflict } } }, async (r, reply) =>
    reply.code(201).send(await svc.enquire(ctxOf(r), r.params.id, r.body)),
  );
  app.get('/policy-applications', { schema: { operationId: 'findPolicyApplications', tags, summary: 'Applications I may see (operators: their parks’; enterprise admins: their own; advisors: assigned)', querystring: s.applicationQuery, response: { 200: pageSchema(s.applicationSummarySchema), ...errorResponses } } }, async (r) =>
    svc.findApplications(ctxOf(r), r.query),
  );
  app.get('/policy-applications/:id', { schema: { operationId: 'getPolicyApplication', tags, summary: 'An application with its materials and guidance thread', params: idParams, response: { 200: s.applicationSchema, ...errorResponses } } }, async (r) => svc.getApplication(ctxOf(r), r.params.id));
  app.post('/policy-applications/:id/resubmit', { schema: { operationId: 'resubmitPolicyApplication', tags, summary: 'Resubmit a returned application with replacement materials (the applicant)', params: idParams, body: s.resubmitBody, response: { 200: s.applicationSchema, ...withConflict } } }, async (r) =>
    svc.resubmit(ctxOf(r), r.params.id, r.body),
  );
  app.post('/policy-applications/:id/withdraw', { schema: { operationId: 'withdrawPolicyApplication', tags, summary: 'Withdraw an application or enquiry (the applying enterprise)', params: idParams, response: { 200: s.applicationSchema, ...withConflict } } }, async (r) => svc.withdraw(ctxOf(r), r.params.id));
  app.get('/policy-applications/:id/advisor-candidates', { schema: { operationId: 'findPolicyAdvisorCandidates', tags, summary: 'Operators of the park who may advise on this application (operators)', params: idParams, response: { 200: z.array(s.advisorCandidateSchema), ...errorResponses } } }, async (r) =>
    svc.findAdvisorCandidates(ctxOf(r), r.params.id),
  );
  app.put('/policy-applications/:id/advisor', { schema: { operationId: 'assignPolicyAdvisor', tags, summary: 'Assign the advisor guiding this application one to one (operators of the park)', params: idParams, body: s.advisorBody, response: { 200: s.applicationSchema, ...errorResponses } } }, async (r) =>
    svc.assignAdvisor(ctxOf(r), r.params.id, r.body.advisorId),
  );
  app.post('/policy-applications/:id/comments', { schema: { operationId: 'commentOnPolicyApplication', tags, summary: 'A message in the guidance thread (the enterprise, its advisor, the park’s operators)', params: idParams, body: s.commentBody, response: { 200: s.applicationSchema, ...errorResponses } } }, async (r) =>
    svc.addComment(ctxOf(r), r.params.id, r.body.text),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, idParams } from '../../lib/http';
import type { MembershipService } from './membership.service';
import * as s from './membership.schema';

const childParams = z.object({ id: z.string().uuid(), childId: z.string().uuid() });
const withConflict = { ...errorResponses, 409: errorResponses[400] };

/** An enterprise's people: members, invitations, join requests; and self-registration. */
export const membershipRoutes: FastifyPluginAsyncZod<{ membership: MembershipService; registerRatePerMinute: number }> = async (app, { membership: svc, registerRatePerMinute }) => {
  const tags = ['enterprise people'];
  app.get('/enterprises/:id/members', { schema: { tags, summary: 'The enterprise’s people with roles, passes and plates (its admins and operators)', params: idParams, response: { 200: z.array(s.memberSchema), ...errorResponses } } }, async (r) =>
    svc.findMembers(ctxOf(r), r.params.id),
  );
  app.patch(
    '/enterprises/:id/members/:childId',
    { schema: { tags, summary: 'Assign enterprise roles or disable a leaver (sessions, tokens, passes, parking rights end)', params: childParams, body: s.updateMemberBody, response: { 200: s.updateMemberResponse, ...withConflict } } },
    async (r) => svc.updateMember(ctxOf(r), r.params.id, r.params.childId, r.body),
  );
  app.get('/enterprises/:id/invitations', { schema: { tags, summary: 'Invitations to the enterprise', params: idParams, response: { 200: z.array(s.invitationSchema), ...errorResponses } } }, async (r) =>
    svc.findInvitations(ctxOf(r), r.params.id),
  );
  app.post(
    '/enterprises/:id/invitations',
    { schema: { tags, summary: 'Invite by single-use link, or by phone (claimed at registration); the link token is shown once', params: idParams, body: s.createInvitationBody, response: { 201: s.invitationSchema.extend({ token: z.string() }), ...withConflict } } },
    async (r, reply) => reply.code(201).send(await svc.createInvitation(ctxOf(r), r.params.id, r.body)),
  );
  app.delete('/enterprises/:id/invitations/:childId', { schema: { tags, summary: 'Revoke an unused invitation', params: childParams, response: { 204: z.null(), ...errorResponses } } }, async (r, reply) => {
    await svc.revokeInvitation(ctxOf(r), r.params.id, r.params.childId);
    return reply.code(204).send(null);
  });
  app.get('/enterprises/:id/join-requests', { schema: { tags, summary: 'Requests to join the enterprise', params: idParams, querystring: s.joinRequestQuery, response: { 200: z.array(s.joinRequestSchema), ...errorResponses } } }, async (r) =>
    svc.findJoinRequests(ctxOf(r), r.params.id, r.query),
  );
  const decided = z.object({ id: z.string(), status: z.string(), decidedAt: z.date().nullable() });
  app.post('/enterprises/:id/join-requests/:childId/approve', { schema: { tags, summary: 'Approve: the person becomes a member', params: childParams, response: { 200: decided, ...withConflict } } }, async (r) =>
    svc.decideJoinRequest(ctxOf(r), r.params.id, r.params.childId, true),
  );
  app.post('/enterprises/:id/join-requests/:childId/reject', { schema: { tags, summary: 'Reject a join request', params: childParams, response: { 200: decided, ...withConflict } } }, async (r) =>
    svc.decideJoinRequest(ctxOf(r), r.params.id, r.params.childId, false),
  );

  app.get(
    '/invitations/:token',
    { config: { isPublic: true }, schema: { tags, security: [], summary: 'What an invitation link offers (while usable)', params: z.object({ token: z.string().min(8).max(100) }), response: { 200: s.publicInvitationSchema, ...errorResponses } } },
    async (r) => svc.getInvitationByToken(r.params.token),
  );
  app.post(
    '/auth/register',
    {
      config: { isPublic: true, rateLimit: { max: registerRatePerMinute, timeWindow: '1 minute' } },
      schema: { tags, security: [], summary: 'Register: through an invitation link, a phone invitation, or a request to join an enterprise', body: s.registerBody, response: { 201: s.registerResponse, ...withConflict, 429: errorResponses[400] } },
    },
    async (r, reply) => reply.code(201).send(await svc.register(r.body, r.id)),
  );
};

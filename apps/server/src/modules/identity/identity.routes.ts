import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, idParams, SESSION_COOKIE } from '../../lib/http';
import { pageSchema } from '../../lib/pagination';
import type { AuditService } from './audit.service';
import type { IdentityService } from './identity.service';
import {
  apiTokenView,
  auditEntrySchema,
  auditQuery,
  changePasswordBody,
  createApiTokenBody,
  createUserBody,
  loginBody,
  meResponse,
  updateUserBody,
  userQuery,
  userViewSchema,
} from './identity.schema';

export interface IdentityRoutesOptions {
  identity: IdentityService;
  audit: AuditService;
  cookieSecure: boolean;
  loginRatePerMinute: number;
}

/** Login, sessions, users and roles, API tokens, audit log. */
export const identityRoutes: FastifyPluginAsyncZod<IdentityRoutesOptions> = async (app, opts) => {
  const { identity, audit } = opts;
  const tags = ['identity'];

  app.post(
    '/auth/login',
    {
      config: { isPublic: true, rateLimit: { max: opts.loginRatePerMinute, timeWindow: '1 minute' } },
      schema: { tags, security: [], summary: 'Log in with username and password; sets the session cookie', body: loginBody, response: { 200: meResponse, ...errorResponses, 423: errorResponses[401], 429: errorResponses[401] } },
    },
    async (request, reply) => {
      const result = await identity.login({ ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: opts.cookieSecure,
        expires: result.expiresAt,
      });
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.post('/auth/logout', { config: { isPublic: true }, schema: { tags, security: [], summary: 'End the session', response: { 204: z.null() } } }, async (request, reply) => {
    if (request.sessionToken) await identity.logout(request.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/auth/me', { schema: { tags, summary: 'The logged-in user, roles and CSRF token', response: { 200: meResponse, ...errorResponses } } }, async (request) => {
    const ctx = ctxOf(request);
    const user = await identity.getUser(ctx, ctx.actor.userId);
    return { user, csrfToken: request.sessionCsrf ?? null };
  });

  app.post(
    '/auth/password',
    { schema: { tags, summary: 'Change my password (ends my other sessions)', body: changePasswordBody, response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      await identity.changePassword(ctxOf(request), { ...request.body, keepSessionToken: request.sessionToken });
      return reply.code(204).send(null);
    },
  );

  app.get('/users', { schema: { tags, summary: 'Users visible to me (personal data masked)', querystring: userQuery, response: { 200: pageSchema(userViewSchema), ...errorResponses } } }, async (request) =>
    identity.findUsers(ctxOf(request), request.query),
  );

  app.post('/users', { schema: { tags, summary: 'Create a user with roles', body: createUserBody, response: { 201: userViewSchema, ...errorResponses, 409: errorResponses[400] } } }, async (request, reply) => {
    const user = await identity.createUser(ctxOf(request), request.body);
    return reply.code(201).send(user);
  });

  app.get('/users/:id', { schema: { tags, summary: 'One user', params: idParams, response: { 200: userViewSchema, ...errorResponses } } }, async (request) =>
    identity.getUser(ctxOf(request), request.params.id),
  );

  app.patch('/users/:id', { schema: { tags, summary: 'Update a user, their roles or disable them', params: idParams, body: updateUserBody, response: { 200: userViewSchema, ...errorResponses } } }, async (request) =>
    identity.updateUser(ctxOf(request), request.params.id, request.body),
  );

  app.post('/users/:id/unlock', { schema: { tags, summary: 'Clear a login lockout', params: idParams, response: { 200: userViewSchema, ...errorResponses } } }, async (request) =>
    identity.unlockUser(ctxOf(request), request.params.id),
  );

  app.get('/api-tokens', { schema: { tags, summary: 'My API tokens', response: { 200: z.array(apiTokenView), ...errorResponses } } }, async (request) => identity.findApiTokens(ctxOf(request)));

  app.post(
    '/api-tokens',
    { schema: { tags, summary: 'Create an API token; the secret is shown once', body: createApiTokenBody, response: { 201: apiTokenView.extend({ token: z.string() }), ...errorResponses } } },
    async (request, reply) => reply.code(201).send(await identity.createApiToken(ctxOf(request), request.body)),
  );

  app.delete('/api-tokens/:id', { schema: { tags, summary: 'Revoke an API token', params: idParams, response: { 204: z.null(), ...errorResponses } } }, async (request, reply) => {
    await identity.revokeApiToken(ctxOf(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.get('/audit-log', { schema: { tags, summary: 'Browse and filter the audit log', querystring: auditQuery, response: { 200: pageSchema(auditEntrySchema), ...errorResponses } } }, async (request) =>
    audit.findEntries(ctxOf(request), request.query),
  );
};

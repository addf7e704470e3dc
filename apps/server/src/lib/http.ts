import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../modules/identity/actor';
import { requireActor } from '../modules/identity/actor';
import type { RequestContext } from './context';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    /** The session's CSRF token when the request came with a session cookie. */
    sessionCsrf?: string;
    sessionToken?: string;
  }
  interface FastifyContextConfig {
    /** Routes are protected unless they declare themselves public. */
    isPublic?: boolean;
  }
}

/** The service context of an authenticated request (401 without one). */
export function ctxOf(request: FastifyRequest): RequestContext {
  return { actor: requireActor(request.actor), requestId: request.id };
}

/** The one error shape, for OpenAPI. */
export const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  requestId: z.string(),
  details: z.unknown().optional(),
});

export const idParams = z.object({ id: z.string().uuid() });

/** Standard error responses added to each route's OpenAPI entry. */
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
} as const;

export function noContent(reply: FastifyReply): FastifyReply {
  return reply.code(204).send();
}

export const SESSION_COOKIE = 'parkos_session';
export const CSRF_HEADER = 'x-csrf-token';

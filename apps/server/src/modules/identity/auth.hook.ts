import type { FastifyInstance } from 'fastify';
import { AppError, ErrorCode } from '../../lib/errors';
import { CSRF_HEADER, SESSION_COOKIE } from '../../lib/http';
import type { IdentityService } from './identity.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller from the session cookie or a bearer API token, then
 * enforces: protected `/api` routes need a caller (401), cookie-authenticated
 * writes need the session's CSRF token in `X-CSRF-Token` (403), and read-only
 * tokens cannot write.
 */
export function installAuthHook(app: FastifyInstance, identity: IdentityService): void {
  app.addHook('onRequest', async (request) => {
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const actor = await identity.resolveApiToken(auth.slice(7).trim());
      if (!actor) throw new AppError(ErrorCode.UNAUTHENTICATED, { message: 'Invalid, expired or revoked API token' });
      request.actor = actor;
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      if (cookie) {
        const session = await identity.resolveSession(cookie);
        if (session) {
          request.actor = session.actor;
          request.sessionCsrf = session.csrfToken;
          request.sessionToken = cookie;
        }
      }
    }
    const isApi = request.url.startsWith('/api/');
    const isPublic = request.routeOptions.config?.isPublic === true;
    if (!isApi || isPublic || request.url.startsWith('/api/docs')) return;
    if (!request.routeOptions.url) return; // unknown route: the 404 handler answers
    if (!request.actor) throw new AppError(ErrorCode.UNAUTHENTICATED, { message: 'Log in first' });
    if (!SAFE_METHODS.has(request.method)) {
      if (request.actor.via === 'session' && request.headers[CSRF_HEADER] !== request.sessionCsrf) {
        throw new AppError(ErrorCode.CSRF, { message: `Missing or wrong ${CSRF_HEADER} header` });
      }
      if (request.actor.access !== 'write') throw new AppError(ErrorCode.FORBIDDEN, { message: 'This API token is read-only' });
    }
  });
}

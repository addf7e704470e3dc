import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, ErrorCode, httpStatusOf, type FieldIssue } from './errors';
import { formatInputPath } from './input-guards';
import { isRequestValidationError } from './validation';

/** Maps every thrown error to `{ code, message, requestId, details }`; a 400 names the fields. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      return reply.code(error.status).send({ code: error.code, message: error.message, requestId: request.id, details: error.details });
    }
    if (isRequestValidationError(error)) {
      const where = error.validationContext ?? 'body';
      const fields: FieldIssue[] = error.validation.map((v) => {
        const p = formatInputPath(v.path);
        return { field: p ? `${where}.${p}` : where, message: v.message, ...(v.code ? { code: v.code } : {}), ...(v.params ? { params: v.params } : {}) };
      });
      const first = fields[0];
      return reply.code(400).send({
        code: ErrorCode.VALIDATION,
        message: first ? `${first.field}: ${first.message}` : 'Invalid request',
        requestId: request.id,
        details: { fields },
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return reply.code(500).send({ code: ErrorCode.INTERNAL, message: 'Internal error', requestId: request.id });
    }
    const fe = error as FastifyError;
    if (fe.statusCode === 429) {
      return reply.code(429).send({ code: ErrorCode.RATE_LIMITED, message: fe.message, requestId: request.id });
    }
    if (fe.statusCode === 413) {
      return reply.code(413).send({ code: ErrorCode.PAYLOAD_TOO_LARGE, message: fe.message, requestId: request.id });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      // Fastify's own client errors (bad JSON, wrong content type): keep the status, use our shape.
      return reply.code(fe.statusCode).send({ code: ErrorCode.VALIDATION, message: fe.message, requestId: request.id, details: { fields: [{ field: 'body', message: fe.message }] } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(httpStatusOf.INTERNAL).send({ code: ErrorCode.INTERNAL, message: 'Internal error', requestId: request.id });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ code: ErrorCode.NOT_FOUND, message: `No route ${request.method} ${request.url.split('?')[0]}`, requestId: request.id });
  });
}

/**
 * Fastify's `frameworkErrors` option: errors raised before routing (a URL that is not valid
 * UTF-8 percent-encoding, a failed async constraint) get the API error shape too.
 */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  // Sent outside the route lifecycle, so the app's onSend hook does not add it.
  void reply.header('x-request-id', request.id);
  if (error.statusCode !== undefined && error.statusCode < 500) {
    void reply.code(error.statusCode).send({ code: ErrorCode.VALIDATION, message: error.message, requestId: request.id, details: { fields: [{ field: 'url', message: error.message }] } });
    return;
  }
  request.log.error({ err: error }, 'framework error');
  void reply.code(httpStatusOf.INTERNAL).send({ code: ErrorCode.INTERNAL, message: 'Internal error', requestId: request.id });
}

import type { SwaggerTransform } from '@fastify/swagger';
import type { FastifySchema } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

const API_PREFIX = '/api/';

function pascal(word: string): string {
  return word
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

/**
 * The stable OpenAPI operationId of a route: the HTTP verb, then the path's
 * segments in PascalCase with each parameter as `By<Name>`, without the `/api`
 * prefix — `GET /api/events/:id/ics` → `getEventsByIdIcs`. Derived rather than
 * written by hand so every route has one, it never drifts from the path, and
 * two routes can only share one if they share method and path (which Fastify
 * refuses). A route may still set `schema.operationId` itself.
 */
export function operationIdFor(method: string, url: string): string {
  const path = url.startsWith(API_PREFIX) ? url.slice(API_PREFIX.length) : url.replace(/^\//, '');
  const words = path
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^:([A-Za-z0-9_]+)/.exec(segment) ?? /^\{([A-Za-z0-9_]+)\}/.exec(segment);
      return param ? `By${pascal(param[1])}` : pascal(segment);
    });
  return method.toLowerCase() + words.join('');
}

/**
 * The swagger transform of every route: Zod → JSON Schema (fastify-type-provider-zod),
 * plus the derived operationId. The one place operationIds are set.
 */
export const openApiTransform: SwaggerTransform = (input) => {
  const result = jsonSchemaTransform(input as Parameters<typeof jsonSchemaTransform>[0]);
  const method = [input.route.method].flat()[0];
  const schema = result.schema as (FastifySchema & { operationId?: string; hide?: boolean }) | undefined;
  if (!schema || schema.hide) return result;
  return { ...result, schema: { ...schema, operationId: schema.operationId ?? operationIdFor(method, input.url) } };
};

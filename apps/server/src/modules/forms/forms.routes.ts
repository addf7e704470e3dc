import { formJsonSchema } from '@parkos/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf, errorResponses } from '../../lib/http';
import { assertValidSubmission } from './form-validation';
import * as s from './forms.schema';

/** Form routes. Checking changes nothing, so it is open to every signed-in user (the designer's preview uses it). */
export const formRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['forms'];
  app.post(
    '/forms/check',
    {
      schema: {
        tags,
        summary: 'Validate a form definition and values against it: 400 naming each bad definition field (body.definition.…) or value (body.values.<key>, message a code)',
        body: s.checkFormBody,
        response: { 200: s.checkFormResponse, ...errorResponses },
      },
    },
    async (r) => {
      ctxOf(r);
      const schema = formJsonSchema(r.body.definition);
      assertValidSubmission(schema, r.body.values);
      return { ok: true as const, schema };
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, errorSchema, idParams } from '../../../lib/http';
import { pageSchema } from '../../../lib/pagination';
import * as s from './rules.schema';
import type { RulesService } from './rules.service';

/** Alarm rules: operators of the rule's park. */
export const alarmRuleRoutes: FastifyPluginAsyncZod<{ rules: RulesService }> = async (app, { rules: svc }) => {
  const tags = ['alarms'];
  app.get('/alarm-rules', { schema: { tags, summary: 'Alarm rules I may see', querystring: s.ruleQuery, response: { 200: pageSchema(s.ruleSchema), ...errorResponses } } }, async (r) => svc.findRules(ctxOf(r), r.query));
  app.post(
    '/alarm-rules',
    {
      schema: {
        tags,
        summary: 'Create an alarm rule',
        description: 'kind `threshold` (metric, operator > >= < <=, value, hysteresis), `rate_of_change` (metric, delta, windowSeconds, direction) or `silent` (silentSeconds); scope by deviceType, buildingId, floorId, tag.',
        body: s.createRuleBody,
        response: { 201: s.ruleSchema, ...errorResponses },
      },
    },
    async (r, reply) => reply.code(201).send(await svc.createRule(ctxOf(r), r.body)),
  );
  app.get('/alarm-rules/:id', { schema: { tags, summary: 'An alarm rule', params: idParams, response: { 200: s.ruleSchema, ...errorResponses } } }, async (r) => svc.getRule(ctxOf(r), r.params.id));
  app.patch('/alarm-rules/:id', { schema: { tags, summary: 'Change an alarm rule (not its kind or park)', params: idParams, body: s.updateRuleBody, response: { 200: s.ruleSchema, ...errorResponses } } }, async (r) =>
    svc.updateRule(ctxOf(r), r.params.id, r.body),
  );
  app.delete('/alarm-rules/:id', { schema: { tags, summary: 'Delete an alarm rule that never raised an alarm', params: idParams, response: { 204: z.null(), ...errorResponses, 409: errorSchema } } }, async (r, reply) => {
    await svc.deleteRule(ctxOf(r), r.params.id);
    return reply.code(204).send(null);
  });
};

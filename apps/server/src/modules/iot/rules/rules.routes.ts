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
  app.post(
    '/alarm-rules/dry-run',
    {
      schema: {
        tags,
        summary: 'Dry run: when an unsaved rule would have fired and cleared over the last day of history',
        description: 'Replays the rule with the engine’s own logic over the last 24 h of telemetry and device events, from a clear state; stores nothing.',
        body: s.createRuleBody,
        response: { 200: s.dryRunSchema, ...errorResponses },
      },
    },
    async (r) => svc.dryRun(ctxOf(r), r.body),
  );
  app.post('/alarm-rules/:id/dry-run', { schema: { tags, summary: 'Dry run of a saved rule over the last day of history', params: idParams, response: { 200: s.dryRunSchema, ...errorResponses } } }, async (r) =>
    svc.dryRunSaved(ctxOf(r), r.params.id),
  );
  app.get(
    '/devices/:id/rule-trace',
    {
      schema: {
        tags,
        summary: 'Rule trace: which rules evaluated a device’s readings at a time, and why each fired or did not',
        description: 'Replays each rule of the device’s park over the device’s last day of history up to `at` (default now).',
        params: idParams,
        querystring: s.traceQuery,
        response: { 200: s.traceSchema, ...errorResponses },
      },
    },
    async (r) => svc.trace(ctxOf(r), r.params.id, r.query.at),
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

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, errorSchema, idParams } from '../../lib/http';
import { pageSchema } from '../../lib/pagination';
import type { FeverService } from './fever.service';
import * as s from './patrols.schema';
import type { PatrolsService } from './patrols.service';

/**
 * Drone patrol missions (operators of the park plan and fly them; property staff of the route's districts read
 * them) and the fever-screening summary of the park's thermal cameras (operators).
 */
export const patrolsRoutes: FastifyPluginAsyncZod<{ patrols: PatrolsService; fever: FeverService }> = async (app, { patrols: svc, fever }) => {
  const tags = ['patrols'];
  const withConflict = { ...errorResponses, 409: errorSchema };

  app.get(
    '/patrol-missions',
    { schema: { tags, summary: 'Drone patrol missions I may see, newest planned first', querystring: s.missionQuery, response: { 200: pageSchema(s.missionSchema), ...errorResponses } } },
    async (r) => svc.findMissions(ctxOf(r), r.query),
  );
  app.post(
    '/patrol-missions',
    {
      schema: {
        tags,
        summary: 'Plan a drone mission over an inspections route, once or weekly or monthly',
        body: s.createMissionBody,
        response: { 201: s.missionDetailSchema, ...errorResponses },
      },
    },
    async (r, reply) => reply.code(201).send(await svc.createMission(ctxOf(r), r.body)),
  );
  app.get(
    '/patrol-missions/:id',
    {
      schema: {
        tags,
        summary: 'A mission with its route, the drone’s track, snapshots and findings (with their work orders)',
        params: idParams,
        response: { 200: s.missionDetailSchema, ...errorResponses },
      },
    },
    async (r) => svc.getMission(ctxOf(r), r.params.id),
  );
  app.post(
    '/patrol-missions/:id/start',
    {
      schema: {
        tags,
        summary: 'Take-off: the drone’s telemetry and events from now on belong to the mission',
        params: idParams,
        body: z.object({}).optional(),
        response: { 200: s.missionDetailSchema, ...withConflict },
      },
    },
    async (r) => svc.startMission(ctxOf(r), r.params.id),
  );
  app.post(
    '/patrol-missions/:id/complete',
    {
      schema: {
        tags,
        summary: 'Landing (or abort): collects the last findings; a recurring mission plans the next one',
        params: idParams,
        body: z.object({ outcome: z.enum(['done', 'aborted']).default('done') }).optional(),
        response: { 200: s.missionDetailSchema, ...withConflict },
      },
    },
    async (r) => svc.completeMission(ctxOf(r), r.params.id, r.body?.outcome ?? 'done'),
  );

  app.get(
    '/fever-screening',
    {
      schema: {
        tags,
        summary: 'Thermal cameras of a park: people screened and at or over 37.3 °C per entrance and day',
        querystring: s.feverQuery,
        response: { 200: s.feverSummarySchema, ...errorResponses },
      },
    },
    async (r) => fever.getSummary(ctxOf(r), r.query),
  );
};

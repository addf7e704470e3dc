import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, errorSchema, idParams } from '../../../lib/http';
import { createShelfBody, shelfQuery, shelfSchema, type ShelvesService } from './shelves.service';

/** Shelving: suppress a device's or an area's alarms for a maintenance window. */
export const shelfRoutes: FastifyPluginAsyncZod<{ shelves: ShelvesService }> = async (app, { shelves: svc }) => {
  const tags = ['alarms'];
  app.get('/alarm-shelves', { schema: { tags, summary: 'Shelves (maintenance windows) I may see', querystring: shelfQuery, response: { 200: z.array(shelfSchema), ...errorResponses } } }, async (r) => svc.findShelves(ctxOf(r), r.query));
  app.post(
    '/alarm-shelves',
    {
      schema: {
        tags,
        summary: 'Shelve a device’s or an area’s alarms for a maintenance window',
        description: 'scope `device` (deviceId), `floor` (floorId) or `building` (buildingId, every floor); `reason`; `from` (default now) and `until`. Alarms raised meanwhile are recorded as suppressed and never escalated.',
        body: createShelfBody,
        response: { 201: shelfSchema, ...errorResponses },
      },
    },
    async (r, reply) => reply.code(201).send(await svc.createShelf(ctxOf(r), r.body)),
  );
  app.post('/alarm-shelves/:id/cancel', { schema: { tags, summary: 'End a shelf early', params: idParams, response: { 200: shelfSchema, ...errorResponses, 409: errorSchema } } }, async (r) => svc.cancelShelf(ctxOf(r), r.params.id));
};

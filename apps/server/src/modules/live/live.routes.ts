import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses } from '../../lib/http';
import type { LiveHub, LiveMessage } from './live.hub';

const HEARTBEAT_MS = 15_000;

/** `GET /api/live`: server-sent events for the operations centre's screens. */
export const liveRoutes: FastifyPluginAsyncZod<{ hub: LiveHub }> = async (app, { hub }) => {
  const open = new Set<() => void>();
  // Open streams would keep the server from closing.
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });
  app.addHook('onClose', async () => hub.close());
  app.get(
    '/live',
    {
      schema: {
        tags: ['live'],
        summary: 'Live updates (server-sent events) for the areas I may watch',
        description:
          'A `text/event-stream`. Events: `ready` once connected; `alarms` `{items: [alarm]}` when alarms are raised, repeated, acknowledged, assigned, commented, cleared or closed; `devices` `{items: [{id, code, name, type, status, lastSeenAt, values?}]}` when devices report (coalesced) or go offline. Only alarms and devices in your parks, sites or (property staff) buildings are sent.',
        produces: ['text/event-stream'],
        response: { 200: z.string().describe('text/event-stream'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const raw = reply.raw;
      let isEnded = false;
      const write = (chunk: string) => {
        if (!isEnded) raw.write(chunk);
      };
      const disconnect = await hub.connect(ctx.actor, (m: LiveMessage) => write(`event: ${m.event}\ndata: ${JSON.stringify(m.data)}\n\n`));
      reply.hijack();
      raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no', 'x-request-id': request.id });
      write(`retry: 2000\nevent: ready\ndata: {}\n\n`);
      const heartbeat = setInterval(() => write(`: ping\n\n`), HEARTBEAT_MS);
      const end = () => {
        if (isEnded) return;
        isEnded = true;
        clearInterval(heartbeat);
        disconnect();
        open.delete(end);
        raw.end();
      };
      open.add(end);
      request.raw.on('close', end);
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, ErrorCode } from '../../../lib/errors';
import { ctxOf, errorResponses, errorSchema } from '../../../lib/http';
import { parseDeviceAuthorization, type DeviceAuth } from '../device-auth';
import type { Rejection } from '../payload';
import type { EventIngest } from './event-ingest';
import { deviceEventQuery, deviceEventSchema, eventIngestResultSchema, type DeviceEventsService } from './event.service';

export const EVENTS_PAYLOAD_DESCRIPTION =
  'One event `{"type": "fever", "ts": "2026-05-01T08:00:00Z", "id": "cam7-000123", "attributes": {"temperature": 38.2}}` or a batch `{"events": [...]}` (≤ 100). ' +
  '`type`: lower-case letters, digits, _ (fever, intrusion, …); `ts`: ISO 8601 or epoch ms, optional; `id`: optional, makes redelivery idempotent; `attributes`: flat object, numbers are compared by event rules.';

/**
 * Device events: devices POST them over HTTP (MQTT devices publish the same
 * payload on `parkos/{code}/events`); operators list stored events.
 */
export const deviceEventRoutes: FastifyPluginAsyncZod<{
  events: EventIngest;
  eventsService: DeviceEventsService;
  deviceAuth: DeviceAuth;
  recordRejections: (deviceId: string, rejections: Rejection[]) => void;
  touch: (deviceId: string) => void;
}> = async (app, { events, eventsService, deviceAuth, recordRejections, touch }) => {
  app.get(
    '/device-events',
    { schema: { tags: ['alarms'], summary: 'Device events (fever, intrusion, …), newest first', querystring: deviceEventQuery, response: { 200: z.array(deviceEventSchema), ...errorResponses } } },
    async (r) => eventsService.findEvents(ctxOf(r), r.query),
  );
  app.post(
    '/ingest/events',
    {
      config: { isPublic: true },
      onRequest: async (request) => {
        const creds = parseDeviceAuthorization(request.headers.authorization);
        const device = creds && (await deviceAuth.verify(creds.code, creds.secret));
        if (!device) throw new AppError(ErrorCode.UNAUTHENTICATED, { message: 'Send Authorization: Device <code>:<secret> with valid, unrevoked credentials' });
        request.device = device;
      },
      schema: {
        tags: ['ingest'],
        summary: 'Send device events over HTTP (device credentials)',
        description: EVENTS_PAYLOAD_DESCRIPTION,
        security: [{ device: [] }],
        body: z.unknown(),
        response: { 202: eventIngestResultSchema, 400: errorSchema, 401: errorSchema },
      },
    },
    async (request, reply) => {
      const device = request.device!;
      const result = await events.handle(device, (request.body ?? null) as object);
      recordRejections(device.id, result.rejections);
      touch(device.id);
      if (result.accepted + result.duplicates === 0 && result.rejections.length) {
        const first = result.rejections[0];
        throw new AppError(ErrorCode.VALIDATION, { message: first.message, details: { fields: [{ field: 'body', message: first.message }], reason: first.reason } });
      }
      return reply.code(202).send(result);
    },
  );
};

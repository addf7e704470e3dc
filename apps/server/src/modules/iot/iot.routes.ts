import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, ErrorCode } from '../../lib/errors';
import { ctxOf, errorResponses, errorSchema, idParams } from '../../lib/http';
import { pageSchema } from '../../lib/pagination';
import { parseDeviceAuthorization, type DeviceAuth, type DeviceIdentity } from './device-auth';
import type { DeviceService } from './device.service';
import { IngestRefusal, type IngestService } from './ingest.service';
import * as s from './iot.schema';
import { MAX_PAYLOAD_BYTES } from './payload';

const created = { ...errorResponses, 409: errorSchema };
const none = { 204: z.null(), ...errorResponses };

/** The device registry: operators of the device's park. */
export const deviceRoutes: FastifyPluginAsyncZod<{ devices: DeviceService }> = async (app, { devices: svc }) => {
  const tags = ['devices'];
  app.get('/devices', { schema: { tags, summary: 'Devices I may see: filters, search, pages', querystring: s.deviceQuery, response: { 200: pageSchema(s.deviceSchema), ...errorResponses } } }, async (r) => svc.findDevices(ctxOf(r), r.query));
  app.post('/devices', { schema: { tags, summary: 'Register a device', body: s.createDeviceBody, response: { 201: s.deviceSchema, ...created } } }, async (r, reply) => reply.code(201).send(await svc.createDevice(ctxOf(r), r.body)));
  app.post('/devices/import', { schema: { tags, summary: 'Import devices from CSV with a per-row error report', body: s.importBody, response: { 200: s.importResultSchema, ...created } } }, async (r) => svc.importDevices(ctxOf(r), r.body));
  app.get('/devices/:id', { schema: { tags, summary: 'A device with latest values and rejected-input counters', params: idParams, response: { 200: s.deviceDetailSchema, ...errorResponses } } }, async (r) => svc.getDevice(ctxOf(r), r.params.id));
  app.patch('/devices/:id', { schema: { tags, summary: 'Update a device', params: idParams, body: s.updateDeviceBody, response: { 200: s.deviceSchema, ...errorResponses } } }, async (r) => svc.updateDevice(ctxOf(r), r.params.id, r.body));
  app.delete('/devices/:id', { schema: { tags, summary: 'Delete a device and its telemetry', params: idParams, response: none } }, async (r, reply) => {
    await svc.deleteDevice(ctxOf(r), r.params.id);
    return reply.code(204).send(null);
  });
  app.post('/devices/:id/credentials', { schema: { tags, summary: 'Issue a new device secret (shown once)', params: idParams, response: { 201: s.credentialsSchema, ...errorResponses } } }, async (r, reply) => reply.code(201).send(await svc.rotateCredentials(ctxOf(r), r.params.id)));
  app.delete('/devices/:id/credentials', { schema: { tags, summary: 'Revoke the device’s credentials', params: idParams, response: none } }, async (r, reply) => {
    await svc.revokeCredentials(ctxOf(r), r.params.id);
    return reply.code(204).send(null);
  });
};

declare module 'fastify' {
  interface FastifyRequest {
    device?: DeviceIdentity;
  }
}

/**
 * HTTP ingestion for devices that cannot speak MQTT: `Authorization: Device
 * <code>:<secret>`, the same payloads and validation as MQTT, the same
 * pipeline; answers 202 after the readings are committed.
 */
export const ingestRoutes: FastifyPluginAsyncZod<{ ingest: IngestService; deviceAuth: DeviceAuth }> = async (app, { ingest, deviceAuth }) => {
  // The body is validated by the ingest parser, so that malformed JSON is counted against the device, not answered by Fastify.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 4 * MAX_PAYLOAD_BYTES }, (_req, body, done) => done(null, body));
  app.post(
    '/ingest/telemetry',
    {
      config: { isPublic: true },
      bodyLimit: 4 * MAX_PAYLOAD_BYTES,
      onRequest: async (request) => {
        const creds = parseDeviceAuthorization(request.headers.authorization);
        const device = creds && (await deviceAuth.verify(creds.code, creds.secret));
        if (!device) throw new AppError(ErrorCode.UNAUTHENTICATED, { message: 'Send Authorization: Device <code>:<secret> with valid, unrevoked credentials' });
        request.device = device;
      },
      schema: {
        tags: ['ingest'],
        summary: 'Send telemetry over HTTP (device credentials)',
        description: 'Same payloads as MQTT `parkos/{code}/telemetry`: `{ts?, metric, value}`, `{ts?, readings: [...]}` or `{ts?, values: {...}}`. Readings that fail validation are counted against the device and listed in `rejections`.',
        security: [{ device: [] }],
        body: z.unknown(),
        response: { 202: s.ingestResultSchema, 400: errorSchema, 401: errorSchema, 413: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const device = request.device!;
      const body = typeof request.body === 'string' ? request.body : '';
      try {
        const result = await ingest.handleHttpTelemetry(device, body);
        const fatal = result.accepted === 0 && result.rejections.find((x) => x.reason === 'malformed_json' || x.reason === 'invalid_payload' || x.reason === 'oversized' || x.reason === 'nul_character');
        if (fatal) {
          const code = fatal.reason === 'oversized' ? ErrorCode.PAYLOAD_TOO_LARGE : ErrorCode.VALIDATION;
          const field = fatal.path ? `body.${fatal.path}` : 'body';
          throw new AppError(code, { message: fatal.message, details: { fields: [{ field, message: fatal.message, ...(fatal.reason === 'nul_character' ? { code: 'nul_character' as const } : {}) }], reason: fatal.reason } });
        }
        return reply.code(202).send(result);
      } catch (err) {
        if (err instanceof IngestRefusal) throw new AppError(ErrorCode.RATE_LIMITED, { message: err.message });
        throw err;
      }
    },
  );
};

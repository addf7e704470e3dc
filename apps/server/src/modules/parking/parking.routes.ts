import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, ErrorCode } from '../../lib/errors';
import { ctxOf, errorResponses, idParams } from '../../lib/http';
import { pageSchema } from '../../lib/pagination';
import { parseDeviceAuthorization, type DeviceAuth } from '../iot';
import type { ParkingService } from './parking.service';
import * as s from './parking.schema';
import { GATE_DIRECTIONS } from './parking.table';

const created = { ...errorResponses, 409: errorResponses[400] };
const tags = ['parking'];

/** Smart parking (智慧停车): lots and fee rules, spaces, gates, plate reads, sessions, plates, rights, reservations, occupancy. */
export const parkingRoutes: FastifyPluginAsyncZod<{ parking: ParkingService; deviceAuth: DeviceAuth }> = async (app, { parking: svc, deviceAuth }) => {
  app.get('/parking/lots', { schema: { tags, summary: 'Parking lots I may see, with live occupancy', querystring: z.object({ parkId: z.string().uuid().optional() }), response: { 200: z.array(s.lotWithOccupancy), ...errorResponses } } }, async (r) => svc.findLots(ctxOf(r), r.query));
  app.get('/parking/occupancy', { schema: { tags, summary: 'Live occupancy per lot (for members and the IOC)', querystring: z.object({ parkId: z.string().uuid().optional() }), response: { 200: s.occupancySchema, ...errorResponses } } }, async (r) =>
    (await svc.findLots(ctxOf(r), r.query)).map((l) => ({ id: l.id, parkId: l.parkId, siteId: l.siteId, name: l.name, capacity: l.capacity, occupied: l.occupied, free: l.free, sensorOccupied: l.sensorOccupied })),
  );
  app.post('/parking/lots', { schema: { tags, summary: 'Create a lot with its fee rule (operators)', body: s.createLotBody, response: { 201: s.lotSchema, ...created } } }, async (r, reply) => reply.code(201).send(await svc.createLot(ctxOf(r), r.body)));
  app.get('/parking/lots/:id', { schema: { tags, summary: 'A lot with its spaces and enterprise allocations', params: idParams, response: { 200: s.lotDetailSchema, ...errorResponses } } }, async (r) => svc.getLot(ctxOf(r), r.params.id));
  app.patch('/parking/lots/:id', { schema: { tags, summary: 'Change a lot’s capacity or fee rule (operators)', params: idParams, body: s.updateLotBody, response: { 200: s.lotSchema, ...errorResponses } } }, async (r) => svc.updateLot(ctxOf(r), r.params.id, r.body));
  app.post('/parking/lots/:id/spaces', { schema: { tags, summary: 'Add spaces to a lot (operators)', params: idParams, body: s.addSpacesBody, response: { 200: z.object({ added: z.number().int() }), ...created } } }, async (r) => svc.addSpaces(ctxOf(r), r.params.id, r.body));
  app.post('/parking/lots/:id/gates', { schema: { tags, summary: 'Bind an IOC gate camera to the lot’s entry or exit (operators)', params: idParams, body: s.addGateBody, response: { 200: z.object({ deviceId: z.string(), lotId: z.string(), direction: z.enum(GATE_DIRECTIONS) }), ...created } } }, async (r) => {
    const g = await svc.addGate(ctxOf(r), r.params.id, r.body);
    return { deviceId: g.deviceId, lotId: g.lotId, direction: g.direction };
  });
  app.post('/parking/lots/:id/reads', { schema: { tags, summary: 'Enter a plate read by hand (operators; camera down)', params: idParams, body: s.manualReadBody, response: { 200: s.readResultSchema, ...created } } }, async (r) =>
    svc.recordManualRead(ctxOf(r), r.params.id, { plate: r.body.plate, at: r.body.at, externalId: r.body.eventId, direction: r.body.direction }),
  );
  app.get('/parking/lots/:id/rights', { schema: { tags, summary: 'Monthly passes and enterprise-paid plates of a lot (operators)', params: idParams, response: { 200: z.array(s.rightSchema), ...errorResponses } } }, async (r) => svc.findRights(ctxOf(r), r.params.id));
  app.post('/parking/lots/:id/rights', { schema: { tags, summary: 'Add a monthly pass or an enterprise-paid plate (operators)', params: idParams, body: s.createRightBody, response: { 201: s.rightSchema, ...created } } }, async (r, reply) => reply.code(201).send(await svc.createRight(ctxOf(r), r.params.id, r.body)));
  app.get('/parking/lots/:id/reservations', { schema: { tags, summary: 'Busy windows of a lot’s spaces', params: idParams, querystring: s.windowQuery, response: { 200: z.array(s.lotReservationSchema), ...errorResponses } } }, async (r) => svc.findReservations(ctxOf(r), r.params.id, r.query));
  app.get('/parking/sessions', { schema: { tags, summary: 'Parking sessions (operators), anomalies included', querystring: s.sessionQuery, response: { 200: pageSchema(s.sessionSchema), ...errorResponses } } }, async (r) => svc.findSessions(ctxOf(r), r.query));
  app.get('/parking/me', { schema: { tags, summary: 'My plates, stays (with the fee so far) and reservations', response: { 200: s.myParkingSchema, ...errorResponses } } }, async (r) => svc.getMyParking(ctxOf(r)));
  app.post('/parking/me/plates', { schema: { tags, summary: 'Register one of my plates', body: z.object({ plate: z.string().trim().min(7).max(12) }), response: { 201: z.object({ id: z.string(), plate: z.string(), createdAt: z.date() }), ...created } } }, async (r, reply) => {
    const p = await svc.addMyPlate(ctxOf(r), r.body);
    return reply.code(201).send({ id: p.id, plate: p.plate, createdAt: p.createdAt });
  });
  app.delete('/parking/me/plates/:id', { schema: { tags, summary: 'Remove one of my plates', params: idParams, response: { 204: z.null(), ...errorResponses } } }, async (r, reply) => {
    await svc.removeMyPlate(ctxOf(r), r.params.id);
    return reply.code(204).send(null);
  });
  app.post('/parking/reservations', { schema: { tags, summary: 'Reserve a space for a time window (never overlapping another reservation)', body: s.reserveBody, response: { 201: s.reservationSchema, ...created } } }, async (r, reply) => reply.code(201).send(await svc.reserve(ctxOf(r), r.body)));
  app.post('/parking/reservations/:id/cancel', { schema: { tags, summary: 'Cancel a reservation', params: idParams, response: { 200: s.reservationSchema, ...created } } }, async (r) => svc.cancelReservation(ctxOf(r), r.params.id));

  app.post(
    '/parking/gate-reads',
    {
      config: { isPublic: true },
      onRequest: async (request) => {
        const creds = parseDeviceAuthorization(request.headers.authorization);
        const device = creds && (await deviceAuth.verify(creds.code, creds.secret));
        if (!device) throw new AppError(ErrorCode.UNAUTHENTICATED, { message: 'Send Authorization: Device <code>:<secret> with valid, unrevoked credentials' });
        request.gateDevice = device;
      },
      schema: { tags, summary: 'A plate read from a gate camera (device credentials); duplicate reads are recognised', security: [{ device: [] }], body: s.gateReadBody, response: { 200: s.readResultSchema, ...created } },
    },
    async (r) => svc.recordGateRead(r.gateDevice!, { plate: r.body.plate, at: r.body.at, externalId: r.body.eventId, direction: r.body.direction }),
  );
};

declare module 'fastify' {
  interface FastifyRequest {
    gateDevice?: { id: string; code: string };
  }
}

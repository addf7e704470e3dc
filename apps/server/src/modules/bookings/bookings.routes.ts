import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, errorSchema, idParams } from '../../lib/http';
import { pageSchema } from '../../lib/pagination';
import * as s from './bookings.schema';
import type { BookingsService } from './bookings.service';

/** Shared resources (operators manage) and their bookings (tenant enterprises book). */
export const bookingsRoutes: FastifyPluginAsyncZod<{ bookings: BookingsService }> = async (app, { bookings: svc }) => {
  const tags = ['bookings'];
  const withConflict = { ...errorResponses, 409: errorSchema };
  app.get('/booking-resources', { schema: { tags, summary: 'Bookable resources I may see (tenants: their park’s active ones)', querystring: s.resourceQuery, response: { 200: z.array(s.resourceSchema), ...errorResponses } } }, async (r) => svc.findResources(ctxOf(r), r.query));
  app.post('/booking-resources', { schema: { tags, summary: 'Create a bookable resource (operators of the park)', body: s.createResourceBody, response: { 201: s.resourceSchema, ...errorResponses } } }, async (r, reply) => reply.code(201).send(await svc.createResource(ctxOf(r), r.body)));
  app.get('/booking-resources/:id', { schema: { tags, summary: 'A bookable resource', params: idParams, response: { 200: s.resourceSchema, ...errorResponses } } }, async (r) => svc.getResource(ctxOf(r), r.params.id));
  app.patch('/booking-resources/:id', { schema: { tags, summary: 'Change a bookable resource (operators of the park)', params: idParams, body: s.updateResourceBody, response: { 200: s.resourceSchema, ...errorResponses } } }, async (r) => svc.updateResource(ctxOf(r), r.params.id, r.body));
  app.get('/booking-resources/:id/slots', { schema: { tags, summary: 'Busy ranges of a resource between from and to (others’ bookings without details)', params: idParams, querystring: s.slotsQuery, response: { 200: z.array(s.slotSchema), ...errorResponses } } }, async (r) => svc.findSlots(ctxOf(r), r.params.id, r.query));
  app.get('/bookings', { schema: { tags, summary: 'Bookings I may see (members: their own; admins: their enterprise’s; operators: their parks’)', querystring: s.bookingQuery, response: { 200: pageSchema(s.bookingSchema), ...errorResponses } } }, async (r) => svc.findBookings(ctxOf(r), r.query));
  app.post('/bookings', { schema: { tags, summary: 'Book a resource for a time range (409 when it overlaps a booking)', body: s.createBookingBody, response: { 201: s.bookingSchema, ...withConflict } } }, async (r, reply) => reply.code(201).send(await svc.createBooking(ctxOf(r), r.body)));
  app.get('/bookings/:id', { schema: { tags, summary: 'A booking', params: idParams, response: { 200: s.bookingSchema, ...errorResponses } } }, async (r) => svc.getBooking(ctxOf(r), r.params.id));
  app.post('/bookings/:id/cancel', { schema: { tags, summary: 'Cancel a booking (booker before start, operators before end); voids an unpaid bill', params: idParams, body: s.cancelBody, response: { 200: s.bookingSchema, ...withConflict } } }, async (r) => svc.cancelBooking(ctxOf(r), r.params.id, r.body.reason));
};

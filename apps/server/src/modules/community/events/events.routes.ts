import type { FastifyPluginAsyncZod, } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ctxOf, errorResponses, errorSchema, idParams } from '../../../lib/http';
import { pageSchema } from '../../../lib/pagination';
import * as s from './events.schema';
import type { EventsService } from './events.service';

/** The origin the client used, for absolute links in calendar feeds. */
function baseUrlOf(r: FastifyRequest): string {
  return `${r.protocol}://${r.host}`;
}

/** Park events: operators manage; members of the park's enterprises register, cancel and subscribe. */
export const eventsRoutes: FastifyPluginAsyncZod<{ events: EventsService }> = async (app, { events: svc }) => {
  const tags = ['events'];
  const withConflict = { ...errorResponses, 409: errorSchema };
  app.get('/events', { schema: { tags, summary: 'Events I may see (members: their park’s)', querystring: s.eventQuery, response: { 200: pageSchema(s.eventSchema), ...errorResponses } } }, async (r) => svc.findEvents(ctxOf(r), r.query));
  app.post('/events', { schema: { tags, summary: 'Create an event (operators of the park)', body: s.createEventBody, response: { 201: s.eventSchema, ...errorResponses } } }, async (r, reply) => reply.code(201).send(await svc.createEvent(ctxOf(r), r.body)));
  app.get('/events/reminders/me', { schema: { tags, summary: 'My event reminders, newest first', response: { 200: z.array(s.reminderSchema), ...errorResponses } } }, async (r) => svc.findMyReminders(ctxOf(r)));
  app.post('/event-feeds/me', { schema: { tags, summary: 'Create (or with rotate=true replace) my private calendar feed URL', querystring: z.object({ rotate: z.enum(['true', 'false']).optional() }), response: { 200: s.feedSchema, ...withConflict } } }, async (r) =>
    svc.getFeed(ctxOf(r), baseUrlOf(r), r.query.rotate === 'true'),
  );
  const feedRouteSchema = { tags, summary: 'A member’s registrations as iCalendar (public by its secret token; subscribe in a calendar app)', security: [], params: s.feedParams, response: { 200: z.string(), ...errorResponses } };
  const sendFeed = async (r: FastifyRequest<{ Params: { token: string } }>, reply: FastifyReply) =>
    reply.type('text/calendar; charset=utf-8').send(await svc.getFeedIcs(r.params.token.slice(0, -4), baseUrlOf(r)));
  // Outside /events/{id} so that no path is ambiguous (`/events/feeds/{token}` matched `/events/{id}/ics` too).
  app.get('/event-feeds/:token', { config: { isPublic: true }, schema: feedRouteSchema }, sendFeed);
  // The old feed URL stays as a hidden alias: calendar apps keep polling the URL they subscribed to.
  app.get('/events/feeds/:token', { config: { isPublic: true }, schema: { ...feedRouteSchema, hide: true } }, sendFeed);
  app.get('/events/:id', { schema: { tags, summary: 'An event with counts and my registration', params: idParams, response: { 200: s.eventSchema, ...errorResponses } } }, async (r) => svc.getEvent(ctxOf(r), r.params.id));
  app.patch('/events/:id', { schema: { tags, summary: 'Change an event; more seats promote the waitlist', params: idParams, body: s.updateEventBody, response: { 200: s.eventSchema, ...errorResponses } } }, async (r) => svc.updateEvent(ctxOf(r), r.params.id, r.body));
  app.post('/events/:id/cancel', { schema: { tags, summary: 'Cancel an event', params: idParams, response: { 200: s.eventSchema, ...withConflict } } }, async (r) => svc.cancelEvent(ctxOf(r), r.params.id));
  app.get(
    '/events/:id/ics',
    { schema: { tags, summary: 'The event as iCalendar (.ics, RFC 5545)', params: idParams, response: { 200: z.string(), ...errorResponses } } },
    async (r, reply) => reply.type('text/calendar; charset=utf-8').header('content-disposition', `attachment; filename="event-${r.params.id}.ics"`).send(await svc.getEventIcs(ctxOf(r), r.params.id, baseUrlOf(r))),
  );
  app.post('/events/:id/registration', { schema: { tags, summary: 'Register for an event (seat, pending approval, or waitlist)', params: idParams, response: { 200: s.eventSchema, ...withConflict } } }, async (r) => svc.register(ctxOf(r), r.params.id));
  app.delete('/events/:id/registration', { schema: { tags, summary: 'Cancel my registration; the waitlist moves up', params: idParams, response: { 200: s.eventSchema, ...withConflict } } }, async (r) => svc.cancelRegistration(ctxOf(r), r.params.id));
  app.get('/events/:id/registrations', { schema: { tags, summary: 'Registrations and waitlist (operators)', params: idParams, response: { 200: z.array(s.registrationSchema), ...errorResponses } } }, async (r) => svc.findRegistrations(ctxOf(r), r.params.id));
  app.post('/events/:id/registrations/:registrationId/decision', { schema: { tags, summary: 'Approve or reject a pending registration (operators)', params: s.regParams, body: s.decisionBody, response: { 200: s.registrationSchema, ...withConflict } } }, async (r) =>
    svc.decide(ctxOf(r), r.params.id, r.params.registrationId, r.body.approve),
  );
  app.post('/events/:id/check-ins', { schema: { tags, summary: 'Check an attendee in by their QR (EV1.<code>) or code (operators)', params: idParams, body: s.checkInBody, response: { 200: s.registrationSchema, ...withConflict } } }, async (r) =>
    svc.checkIn(ctxOf(r), r.params.id, r.body.code),
  );
};

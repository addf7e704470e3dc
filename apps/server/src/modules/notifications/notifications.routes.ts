import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses, idParams } from '../../lib/http';
import * as s from './notifications.schema';
import type { NotificationsService } from './notifications.service';

/** My in-app notifications (any signed-in user, own notifications only). */
export const notificationRoutes: FastifyPluginAsyncZod<{ notifications: NotificationsService }> = async (app, { notifications: svc }) => {
  const tags = ['notifications'];
  app.get('/notifications', { schema: { tags, summary: 'My notifications, newest first, with the unread count', querystring: s.notificationQuery, response: { 200: s.notificationPageSchema, ...errorResponses } } }, async (r) =>
    svc.list(ctxOf(r), r.query),
  );
  app.post('/notifications/:id/read', { schema: { tags, summary: 'Mark one of my notifications read', params: idParams, response: { 200: s.notificationSchema, ...errorResponses } } }, async (r) => svc.markRead(ctxOf(r), r.params.id));
  app.post('/notifications/read-all', { schema: { tags, summary: 'Mark all my notifications read', response: { 200: z.object({ marked: z.number() }), ...errorResponses } } }, async (r) => svc.markAllRead(ctxOf(r)));
};

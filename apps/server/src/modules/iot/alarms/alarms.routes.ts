import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf, errorResponses, errorSchema, idParams } from '../../../lib/http';
import { pageSchema } from '../../../lib/pagination';
import * as s from './alarms.schema';
import type { AlarmsService } from './alarms.service';
import { z } from 'zod';
import { allPages, exportLangQuery, sendXlsx } from '../../../lib/xlsx-export';
import { ALARM_COLUMNS } from './alarms.export';

const transition = { 200: s.alarmDetailSchema, ...errorResponses, 409: errorSchema };

/** Alarms and the responses to them: operators covering the device's park or site. */
export const alarmRoutes: FastifyPluginAsyncZod<{ alarms: AlarmsService }> = async (app, { alarms: svc }) => {
  const tags = ['alarms'];
  app.get('/alarms', { schema: { tags, summary: 'Alarms I may see, newest activity first', querystring: s.alarmQuery, response: { 200: pageSchema(s.alarmSchema), ...errorResponses } } }, async (r) => svc.findAlarms(ctxOf(r), r.query));
  app.get(
    '/alarms/export.xlsx',
    { schema: { tags, summary: 'The alarm list as an Excel workbook, with the same filters and scope as GET /alarms (headers in ?lang=zh|en)', querystring: s.alarmQuery.omit({ page: true, pageSize: true }).merge(exportLangQuery), response: { 200: z.any().describe('An xlsx workbook'), ...errorResponses } } },
    async (r, reply) => {
      const { lang, ...filters } = r.query;
      const ctx = ctxOf(r);
      const rows = allPages((page, pageSize) => svc.findAlarms(ctx, { ...filters, page, pageSize }));
      return sendXlsx(reply, { fileName: `alarms-${new Date().toISOString().slice(0, 10)}.xlsx`, sheet: { zh: '告警', en: 'Alarms' }, lang, columns: ALARM_COLUMNS, rows });
    },
  );
  app.get('/alarms/:id', { schema: { tags, summary: 'An alarm with every response to it', params: idParams, response: { 200: s.alarmDetailSchema, ...errorResponses } } }, async (r) => svc.getAlarm(ctxOf(r), r.params.id));
  app.post('/alarms/:id/acknowledge', { schema: { tags, summary: 'Acknowledge an active alarm', params: idParams, body: s.acknowledgeBody, response: transition } }, async (r) => svc.acknowledge(ctxOf(r), r.params.id, r.body ?? undefined));
  app.post('/alarms/:id/assign', { schema: { tags, summary: 'Assign an open alarm to a user (null: unassign)', params: idParams, body: s.assignBody, response: transition } }, async (r) => svc.assign(ctxOf(r), r.params.id, r.body));
  app.post('/alarms/:id/comments', { schema: { tags, summary: 'Comment on an alarm', params: idParams, body: s.commentBody, response: transition } }, async (r) => svc.comment(ctxOf(r), r.params.id, r.body));
  app.post('/alarms/:id/close', { schema: { tags, summary: 'Close a cleared alarm (an uncleared one needs a reason)', params: idParams, body: s.closeBody, response: transition } }, async (r) => svc.close(ctxOf(r), r.params.id, r.body ?? undefined));
};

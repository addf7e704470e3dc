import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf, errorResponses, idParams } from '../../../lib/http';
import * as s from './history.schema';
import type { HistoryService } from './history.service';

/** Telemetry history: series of a device metric, and retention settings per device type. */
export const historyRoutes: FastifyPluginAsyncZod<{ history: HistoryService }> = async (app, { history }) => {
  app.get(
    '/devices/:id/series',
    {
      schema: {
        tags: ['devices'],
        summary: 'A device metric over a time range (tier chosen automatically, bounded points)',
        description:
          'Returns at most `maxPoints` points. `tier=auto` serves raw readings for ranges up to 6 hours, 1-minute rollups up to 8 days and hourly rollups beyond, ' +
          'or a coarser tier when the finer one is past its retention for the device type. When a tier has more points than `maxPoints`, buckets are widened ' +
          '(`bucketSeconds`); each point carries the bucket average (`value`), `min`, `max`, `count` and `last`.',
        params: idParams,
        querystring: s.seriesQuery,
        response: { 200: s.seriesSchema, ...errorResponses },
      },
    },
    async (r) => history.getSeries(ctxOf(r), r.params.id, r.query),
  );
  const tags = ['telemetry history'];
  app.get(
    '/telemetry-retention',
    { schema: { tags, summary: 'Retention of raw, 1-minute and 1-hour history per device type, and rollup progress', response: { 200: s.retentionListSchema, ...errorResponses } } },
    async (r) => history.findRetention(ctxOf(r)),
  );
  app.put(
    '/telemetry-retention/:deviceType',
    {
      schema: {
        tags,
        summary: 'Set a device type’s retention in days (raw ≤ 1-minute ≤ 1-hour; company-wide operators)',
        params: s.retentionParams,
        body: s.updateRetentionBody,
        response: { 200: s.retentionSchema, ...errorResponses },
      },
    },
    async (r) => history.updateRetention(ctxOf(r), r.params.deviceType, r.body),
  );
  app.delete(
    '/telemetry-retention/:deviceType',
    { schema: { tags, summary: 'Return a device type to the default retention', params: s.retentionParams, response: { 200: s.retentionSchema, ...errorResponses } } },
    async (r) => history.resetRetention(ctxOf(r), r.params.deviceType),
  );
};

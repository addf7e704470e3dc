import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf, errorResponses } from '../../../lib/http';
import * as s from './ioc.schema';
import type { IocService } from './ioc.service';

/** The operations centre's big screen: summary, consumption, device positions. */
export const iocRoutes: FastifyPluginAsyncZod<{ ioc: IocService }> = async (app, { ioc }) => {
  const tags = ['ioc'];
  app.get('/ioc/summary', { schema: { tags, summary: 'Big-screen summary from current state: online rate, open alarms, environment, parking', querystring: s.iocQuery, response: { 200: s.iocSummarySchema, ...errorResponses } } }, async (r) => ioc.getSummary(ctxOf(r), r.query));
  app.get('/ioc/consumption', { schema: { tags, summary: 'Energy (kWh) and water (m³) used per hour, from the meters', querystring: s.consumptionQuery, response: { 200: s.consumptionSchema, ...errorResponses } } }, async (r) => ioc.getConsumption(ctxOf(r), r.query));
  app.get('/ioc/park-view', { schema: { tags, summary: 'Sites with their buildings’ footprints, open alarms, occupancy and people counted now', querystring: s.iocQuery, response: { 200: s.parkViewSchema, ...errorResponses } } }, async (r) => ioc.getParkView(ctxOf(r), r.query));
  app.get('/ioc/positions', { schema: { tags, summary: 'Devices on a floor plan (floorId: x/y) or on the park map (lat/lon) with status and worst open alarm', querystring: s.positionsQuery, response: { 200: z.array(s.devicePositionSchema), ...errorResponses } } }, async (r) => ioc.findPositions(ctxOf(r), r.query));
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf, errorResponses } from '../../lib/http';
import { dashboardQuery, dashboardSchema } from './dashboard.schema';
import type { DashboardService } from './dashboard.service';

/** The operator's workbench (工作台). */
export const dashboardRoutes: FastifyPluginAsyncZod<{ dashboard: DashboardService }> = async (app, { dashboard }) => {
  app.get(
    '/dashboard',
    { schema: { tags: ['dashboard'], summary: 'Today at a glance within my parks (operators): open alarms by severity, work orders by state and SLA, this month’s collection rate, payments, visitors and gate scans today', querystring: dashboardQuery, response: { 200: dashboardSchema, ...errorResponses } } },
    async (r) => dashboard.getDashboard(ctxOf(r), r.query),
  );
};

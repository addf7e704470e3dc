import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf, errorResponses } from '../../lib/http';
import { jobStatusListSchema } from './jobs.schema';
import type { JobsService } from './jobs.service';

/** The background jobs' status for operators. */
export const jobsRoutes: FastifyPluginAsyncZod<{ jobs: JobsService }> = async (app, { jobs }) => {
  app.get(
    '/jobs',
    { schema: { tags: ['jobs'], summary: 'Background jobs with their period, next run and last run (company-wide operators)', response: { 200: jobStatusListSchema, ...errorResponses } } },
    async (r) => jobs.findJobs(ctxOf(r)),
  );
};

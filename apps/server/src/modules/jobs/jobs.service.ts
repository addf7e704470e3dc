import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { forbidden } from '../../lib/errors';
import { isGlobalOperator } from '../identity/actor';
import type { JobStatus } from './jobs.schema';
import { scheduledJobs } from './jobs.table';

/** Reads the scheduler's table for operators. */
export function createJobsService(deps: { db: Db }) {
  return {
    /**
     * Every registered job with its last run. Company-wide operators only: jobs span all parks,
     * and a last error may name another park's records.
     */
    async findJobs(ctx: RequestContext): Promise<{ items: JobStatus[] }> {
      if (!isGlobalOperator(ctx.actor)) throw forbidden('Only company-wide operators may see the background jobs');
      const rows = await deps.db.select().from(scheduledJobs).orderBy(asc(scheduledJobs.id));
      const now = Date.now();
      return {
        items: rows.map(({ leaseOwner, leaseExpiresAt, ...r }) => ({
          ...r,
          isRunning: leaseOwner !== null && leaseExpiresAt !== null && leaseExpiresAt.getTime() > now,
        })),
      };
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;

import { z } from 'zod';

/** One periodic job as operators see it: its period, when it runs next, and how its last run went. */
export const jobStatusSchema = z.object({
  id: z.string(),
  intervalMs: z.number().int(),
  nextRunAt: z.date(),
  /** True while an instance holds the job's lease (it is running). */
  isRunning: z.boolean(),
  lastStartedAt: z.date().nullable(),
  lastFinishedAt: z.date().nullable(),
  lastDurationMs: z.number().int().nullable(),
  lastStatus: z.enum(['ok', 'failed']).nullable(),
  lastError: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  runCount: z.number().int(),
  failureCount: z.number().int(),
});
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const jobStatusListSchema = z.object({ items: z.array(jobStatusSchema) });

import { check, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * One row per periodic job: when it is next due, who holds its lease while it runs, and how its
 * last run went. Worker instances claim due rows with `FOR UPDATE SKIP LOCKED`, so each period's
 * run happens once however many workers share the database.
 */
export const scheduledJobs = pgTable(
  'scheduled_jobs',
  {
    id: text('id').primaryKey(),
    intervalMs: integer('interval_ms').notNull(),
    nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
    /** The instance running the job now; null when idle. */
    leaseOwner: text('lease_owner'),
    /** A lease not renewed by this time belongs to a crashed instance and may be taken over. */
    leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true }),
    lastStartedAt: timestamp('last_started_at', { withTimezone: true }),
    lastFinishedAt: timestamp('last_finished_at', { withTimezone: true }),
    lastDurationMs: integer('last_duration_ms'),
    lastStatus: text('last_status', { enum: ['ok', 'failed'] }),
    lastError: text('last_error'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    runCount: integer('run_count').notNull().default(0),
    failureCount: integer('failure_count').notNull().default(0),
  },
  (t) => [check('scheduled_jobs_interval_positive', sql`${t.intervalMs} > 0`), check('scheduled_jobs_last_status', sql`${t.lastStatus} IS NULL OR ${t.lastStatus} IN ('ok', 'failed')`)],
);

CREATE TABLE "scheduled_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"interval_ms" integer NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL,
	"lease_owner" text,
	"lease_expires_at" timestamp with time zone,
	"last_started_at" timestamp with time zone,
	"last_finished_at" timestamp with time zone,
	"last_duration_ms" integer,
	"last_status" text,
	"last_error" text,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"run_count" integer DEFAULT 0 NOT NULL,
	"failure_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "scheduled_jobs_interval_positive" CHECK ("scheduled_jobs"."interval_ms" > 0),
	CONSTRAINT "scheduled_jobs_last_status" CHECK ("scheduled_jobs"."last_status" IS NULL OR "scheduled_jobs"."last_status" IN ('ok', 'failed'))
);

CREATE TABLE "telemetry_rollup_failures" (
	"device_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"tier" text NOT NULL,
	"range_from" timestamp with time zone NOT NULL,
	"range_to" timestamp with time zone NOT NULL,
	"failures" integer DEFAULT 1 NOT NULL,
	"last_error" text NOT NULL,
	"first_failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "telemetry_rollup_failures_pk" PRIMARY KEY("device_id","metric")
);
--> statement-breakpoint
ALTER TABLE "telemetry_rollup_failures" ADD CONSTRAINT "telemetry_rollup_failures_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;
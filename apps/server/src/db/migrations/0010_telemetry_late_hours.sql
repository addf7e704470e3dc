CREATE TABLE "telemetry_late_hours" (
	"device_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"marks" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "telemetry_late_hours_pk" PRIMARY KEY("device_id","metric","hour")
);
--> statement-breakpoint
ALTER TABLE "telemetry_late_hours" ADD CONSTRAINT "telemetry_late_hours_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;
CREATE TABLE "patrol_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mission_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"event_key" text NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"checkpoint_key" text,
	"lat" double precision,
	"lng" double precision,
	"confidence" double precision,
	"snapshot_url" text,
	"device_event_id" bigint,
	"work_order_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_missions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"name" text NOT NULL,
	"route_id" uuid NOT NULL,
	"district_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"drone_id" uuid NOT NULL,
	"schedule_id" uuid,
	"recurrence" text DEFAULT 'none' NOT NULL,
	"planned_at" timestamp with time zone NOT NULL,
	"waypoints" jsonb NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patrol_missions_status_check" CHECK ("patrol_missions"."status" IN ('planned', 'flying', 'done', 'aborted'))
);
--> statement-breakpoint
ALTER TABLE "patrol_findings" ADD CONSTRAINT "patrol_findings_mission_id_patrol_missions_id_fk" FOREIGN KEY ("mission_id") REFERENCES "public"."patrol_missions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_findings" ADD CONSTRAINT "patrol_findings_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_findings" ADD CONSTRAINT "patrol_findings_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_missions" ADD CONSTRAINT "patrol_missions_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_missions" ADD CONSTRAINT "patrol_missions_drone_id_devices_id_fk" FOREIGN KEY ("drone_id") REFERENCES "public"."devices"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_missions" ADD CONSTRAINT "patrol_missions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_findings_event_uq" ON "patrol_findings" USING btree ("mission_id","event_key");--> statement-breakpoint
CREATE INDEX "patrol_findings_park_idx" ON "patrol_findings" USING btree ("park_id","ts");--> statement-breakpoint
CREATE INDEX "patrol_missions_park_idx" ON "patrol_missions" USING btree ("park_id","planned_at");--> statement-breakpoint
CREATE INDEX "patrol_missions_drone_idx" ON "patrol_missions" USING btree ("drone_id","status");
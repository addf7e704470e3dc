CREATE TABLE "rule_location_states" (
	"rule_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"is_active" boolean DEFAULT false NOT NULL,
	"met_at" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_ts" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_location_states_pk" PRIMARY KEY("rule_id","location_id")
);
--> statement-breakpoint
CREATE TABLE "device_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "device_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"device_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"type" text NOT NULL,
	"ts" timestamp with time zone NOT NULL,
	"event_id" text,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text,
	"entity_type" text,
	"entity_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "alarm_shelves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"device_id" uuid,
	"building_id" uuid,
	"floor_id" uuid,
	"reason" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancelled_by_name" text
);
--> statement-breakpoint
ALTER TABLE "alarms" ALTER COLUMN "device_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "alarm_rules" ADD COLUMN "conditions" jsonb;--> statement-breakpoint
ALTER TABLE "alarm_rules" ADD COLUMN "group_by" text;--> statement-breakpoint
ALTER TABLE "alarm_rules" ADD COLUMN "action" jsonb;--> statement-breakpoint
ALTER TABLE "alarm_rules" ADD COLUMN "event_type" text;--> statement-breakpoint
ALTER TABLE "alarms" ADD COLUMN "location_id" uuid;--> statement-breakpoint
ALTER TABLE "alarms" ADD COLUMN "floor_id" uuid;--> statement-breakpoint
ALTER TABLE "alarms" ADD COLUMN "active_since" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "alarms" ADD COLUMN "escalation_level" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "alarms" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alarms" ADD COLUMN "suppressed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "alarms" ADD COLUMN "shelf_id" uuid;--> statement-breakpoint
ALTER TABLE "rule_location_states" ADD CONSTRAINT "rule_location_states_rule_id_alarm_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."alarm_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device_events" ADD CONSTRAINT "device_events_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarm_shelves" ADD CONSTRAINT "alarm_shelves_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarm_shelves" ADD CONSTRAINT "alarm_shelves_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarm_shelves" ADD CONSTRAINT "alarm_shelves_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarm_shelves" ADD CONSTRAINT "alarm_shelves_floor_id_floors_id_fk" FOREIGN KEY ("floor_id") REFERENCES "public"."floors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "device_events_device_ts_idx" ON "device_events" USING btree ("device_id","ts");--> statement-breakpoint
CREATE INDEX "device_events_park_ts_idx" ON "device_events" USING btree ("park_id","ts");--> statement-breakpoint
CREATE UNIQUE INDEX "device_events_device_event_uq" ON "device_events" USING btree ("device_id","event_id") WHERE event_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "notifications_user_created_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_unread_idx" ON "notifications" USING btree ("user_id") WHERE read_at IS NULL;--> statement-breakpoint
CREATE INDEX "alarm_shelves_park_ends_idx" ON "alarm_shelves" USING btree ("park_id","ends_at");--> statement-breakpoint
CREATE INDEX "alarm_shelves_device_idx" ON "alarm_shelves" USING btree ("device_id") WHERE device_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "alarm_shelves_floor_idx" ON "alarm_shelves" USING btree ("floor_id") WHERE floor_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "alarm_shelves_building_idx" ON "alarm_shelves" USING btree ("building_id") WHERE building_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "alarms_open_rule_location_uq" ON "alarms" USING btree ("rule_id","location_id") WHERE state <> 'closed' AND device_id IS NULL;
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
ALTER TABLE "alarms" ALTER COLUMN "device_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "alarm_rules" ADD COLUMN "conditions" jsonb;--> statement-breakpoint
ALTER TABLE "alarm_rules" ADD COLUMN "group_by" text;--> statement-breakpoint
ALTER TABLE "alarm_rules" ADD COLUMN "event_type" text;--> statement-breakpoint
ALTER TABLE "alarms" ADD COLUMN "location_id" uuid;--> statement-breakpoint
ALTER TABLE "alarms" ADD COLUMN "floor_id" uuid;--> statement-breakpoint
ALTER TABLE "rule_location_states" ADD CONSTRAINT "rule_location_states_rule_id_alarm_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."alarm_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alarms_open_rule_location_uq" ON "alarms" USING btree ("rule_id","location_id") WHERE state <> 'closed' AND device_id IS NULL;
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
ALTER TABLE "alarm_shelves" ADD CONSTRAINT "alarm_shelves_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarm_shelves" ADD CONSTRAINT "alarm_shelves_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarm_shelves" ADD CONSTRAINT "alarm_shelves_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarm_shelves" ADD CONSTRAINT "alarm_shelves_floor_id_floors_id_fk" FOREIGN KEY ("floor_id") REFERENCES "public"."floors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alarm_shelves_park_ends_idx" ON "alarm_shelves" USING btree ("park_id","ends_at");--> statement-breakpoint
CREATE INDEX "alarm_shelves_device_idx" ON "alarm_shelves" USING btree ("device_id") WHERE device_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "alarm_shelves_floor_idx" ON "alarm_shelves" USING btree ("floor_id") WHERE floor_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "alarm_shelves_building_idx" ON "alarm_shelves" USING btree ("building_id") WHERE building_id IS NOT NULL;
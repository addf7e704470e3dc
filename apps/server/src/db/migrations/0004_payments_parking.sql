CREATE TABLE "member_plates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"plate" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parking_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lot_id" uuid NOT NULL,
	"device_id" uuid,
	"external_id" text,
	"direction" text NOT NULL,
	"plate" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"result" text NOT NULL,
	"session_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parking_gates" (
	"device_id" uuid PRIMARY KEY NOT NULL,
	"lot_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parking_lots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"site_id" uuid,
	"name" text NOT NULL,
	"capacity" integer NOT NULL,
	"free_minutes" integer DEFAULT 30 NOT NULL,
	"hourly_fen" bigint DEFAULT 500 NOT NULL,
	"daily_cap_fen" bigint,
	"night_start_minute" integer,
	"night_end_minute" integer,
	"night_hourly_fen" bigint,
	"monthly_pass_fen" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parking_reservations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"space_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"plate" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parking_rights" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lot_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"plate" text NOT NULL,
	"enterprise_id" uuid,
	"user_id" uuid,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parking_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lot_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"plate" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"entry_at" timestamp with time zone,
	"exit_at" timestamp with time zone,
	"fee_fen" bigint,
	"payer" text,
	"user_id" uuid,
	"enterprise_id" uuid,
	"bill_id" uuid,
	"fee_details" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parking_spaces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lot_id" uuid NOT NULL,
	"code" text NOT NULL,
	"is_reservable" boolean DEFAULT true NOT NULL,
	"sensor_device_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "member_plates" ADD CONSTRAINT "member_plates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_plates" ADD CONSTRAINT "member_plates_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parking_events" ADD CONSTRAINT "parking_events_lot_id_parking_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."parking_lots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parking_gates" ADD CONSTRAINT "parking_gates_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parking_gates" ADD CONSTRAINT "parking_gates_lot_id_parking_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."parking_lots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parking_lots" ADD CONSTRAINT "parking_lots_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parking_lots" ADD CONSTRAINT "parking_lots_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parking_reservations" ADD CONSTRAINT "parking_reservations_space_id_parking_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."parking_spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parking_reservations" ADD CONSTRAINT "parking_reservations_lot_id_parking_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."parking_lots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parking_reservations" ADD CONSTRAINT "parking_reservations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parking_rights" ADD CONSTRAINT "parking_rights_lot_id_parking_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."parking_lots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parking_rights" ADD CONSTRAINT "parking_rights_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parking_rights" ADD CONSTRAINT "parking_rights_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parking_sessions" ADD CONSTRAINT "parking_sessions_lot_id_parking_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."parking_lots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parking_spaces" ADD CONSTRAINT "parking_spaces_lot_id_parking_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."parking_lots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parking_spaces" ADD CONSTRAINT "parking_spaces_sensor_device_id_devices_id_fk" FOREIGN KEY ("sensor_device_id") REFERENCES "public"."devices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "member_plates_user_plate_uq" ON "member_plates" USING btree ("user_id","plate");--> statement-breakpoint
CREATE INDEX "member_plates_plate_idx" ON "member_plates" USING btree ("plate");--> statement-breakpoint
CREATE INDEX "parking_events_lot_idx" ON "parking_events" USING btree ("lot_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "parking_events_external_uq" ON "parking_events" USING btree ("device_id","external_id");--> statement-breakpoint
CREATE INDEX "parking_events_plate_idx" ON "parking_events" USING btree ("plate","at");--> statement-breakpoint
CREATE UNIQUE INDEX "parking_lots_park_name_uq" ON "parking_lots" USING btree ("park_id","name");--> statement-breakpoint
CREATE INDEX "parking_reservations_space_idx" ON "parking_reservations" USING btree ("space_id","starts_at");--> statement-breakpoint
CREATE INDEX "parking_rights_plate_idx" ON "parking_rights" USING btree ("plate","lot_id");--> statement-breakpoint
CREATE UNIQUE INDEX "parking_sessions_open_uq" ON "parking_sessions" USING btree ("lot_id","plate") WHERE "parking_sessions"."status" = 'open';--> statement-breakpoint
CREATE INDEX "parking_sessions_lot_idx" ON "parking_sessions" USING btree ("lot_id","created_at");--> statement-breakpoint
CREATE INDEX "parking_sessions_plate_idx" ON "parking_sessions" USING btree ("plate");--> statement-breakpoint
CREATE UNIQUE INDEX "parking_spaces_lot_code_uq" ON "parking_spaces" USING btree ("lot_id","code");
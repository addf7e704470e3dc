CREATE TABLE "booking_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"site_id" uuid,
	"category" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"location" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"capacity" integer NOT NULL,
	"opens_at_minute" integer NOT NULL,
	"closes_at_minute" integer NOT NULL,
	"open_weekdays" integer[] NOT NULL,
	"slot_minutes" integer NOT NULL,
	"min_minutes" integer NOT NULL,
	"max_minutes" integer NOT NULL,
	"fee_fen_per_hour" integer DEFAULT 0 NOT NULL,
	"requires_approval" boolean DEFAULT false NOT NULL,
	"approval_flow_key" text,
	"bookable_by" text DEFAULT 'members' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "booking_resources_category_check" CHECK ("booking_resources"."category" IN ('meeting_room', 'tech_platform', 'exhibition')),
	CONSTRAINT "booking_resources_bookable_by_check" CHECK ("booking_resources"."bookable_by" IN ('admins', 'members')),
	CONSTRAINT "booking_resources_status_check" CHECK ("booking_resources"."status" IN ('active', 'inactive')),
	CONSTRAINT "booking_resources_capacity_check" CHECK ("booking_resources"."capacity" >= 0),
	CONSTRAINT "booking_resources_opens_at_minute_check" CHECK ("booking_resources"."opens_at_minute" >= 0),
	CONSTRAINT "booking_resources_closes_at_minute_check" CHECK ("booking_resources"."closes_at_minute" >= 0),
	CONSTRAINT "booking_resources_slot_minutes_check" CHECK ("booking_resources"."slot_minutes" >= 0),
	CONSTRAINT "booking_resources_min_minutes_check" CHECK ("booking_resources"."min_minutes" >= 0),
	CONSTRAINT "booking_resources_max_minutes_check" CHECK ("booking_resources"."max_minutes" >= 0),
	CONSTRAINT "booking_resources_fee_fen_per_hour_check" CHECK ("booking_resources"."fee_fen_per_hour" >= 0)
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resource_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"fee_fen" integer NOT NULL,
	"bill_id" uuid,
	"approval_case_id" uuid,
	"cancelled_at" timestamp with time zone,
	"cancelled_by_id" uuid,
	"cancel_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_status_check" CHECK ("bookings"."status" IN ('pending', 'confirmed', 'cancelled', 'rejected')),
	CONSTRAINT "bookings_fee_fen_check" CHECK ("bookings"."fee_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "bills" DROP CONSTRAINT "bills_kind_check";--> statement-breakpoint
ALTER TABLE "booking_resources" ADD CONSTRAINT "booking_resources_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_resources" ADD CONSTRAINT "booking_resources_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_resource_id_booking_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."booking_resources"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_cancelled_by_id_users_id_fk" FOREIGN KEY ("cancelled_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "booking_resources_park_idx" ON "booking_resources" USING btree ("park_id","category");--> statement-breakpoint
CREATE INDEX "bookings_resource_time_idx" ON "bookings" USING btree ("resource_id","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_enterprise_idx" ON "bookings" USING btree ("enterprise_id","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_park_idx" ON "bookings" USING btree ("park_id","starts_at");--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_kind_check" CHECK ("bills"."kind" IN ('rent', 'property', 'utilities', 'parking', 'service', 'booking', 'other'));
CREATE TABLE "spot_check_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"inspector_user_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spot_check_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"check_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"property_company_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"description" text NOT NULL,
	"severity" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"response" text,
	"responded_at" timestamp with time zone,
	"responded_by_id" uuid,
	"verify_note" text,
	"verified_at" timestamp with time zone,
	"verified_by_id" uuid,
	"rejections" integer DEFAULT 0 NOT NULL,
	"overturn_reason" text,
	"overturned_at" timestamp with time zone,
	"overturned_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "spot_check_findings_severity_check" CHECK ("spot_check_findings"."severity" IN ('minor', 'major', 'critical')),
	CONSTRAINT "spot_check_findings_status_check" CHECK ("spot_check_findings"."status" IN ('open', 'responded', 'closed', 'overturned')),
	CONSTRAINT "spot_check_findings_rejections_check" CHECK ("spot_check_findings"."rejections" >= 0)
);
--> statement-breakpoint
CREATE TABLE "spot_check_settings" (
	"park_id" uuid PRIMARY KEY NOT NULL,
	"points_minor" integer NOT NULL,
	"points_major" integer NOT NULL,
	"points_critical" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "spot_check_settings_points_minor_check" CHECK ("spot_check_settings"."points_minor" >= 0),
	CONSTRAINT "spot_check_settings_points_major_check" CHECK ("spot_check_settings"."points_major" >= 0),
	CONSTRAINT "spot_check_settings_points_critical_check" CHECK ("spot_check_settings"."points_critical" >= 0)
);
--> statement-breakpoint
CREATE TABLE "spot_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"property_company_id" uuid,
	"inspector_user_id" uuid,
	"checked_at" timestamp with time zone NOT NULL,
	"area" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "spot_check_assignments" ADD CONSTRAINT "spot_check_assignments_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_assignments" ADD CONSTRAINT "spot_check_assignments_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_assignments" ADD CONSTRAINT "spot_check_assignments_inspector_user_id_users_id_fk" FOREIGN KEY ("inspector_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_assignments" ADD CONSTRAINT "spot_check_assignments_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_findings" ADD CONSTRAINT "spot_check_findings_check_id_spot_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."spot_checks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_findings" ADD CONSTRAINT "spot_check_findings_responded_by_id_users_id_fk" FOREIGN KEY ("responded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_findings" ADD CONSTRAINT "spot_check_findings_verified_by_id_users_id_fk" FOREIGN KEY ("verified_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_findings" ADD CONSTRAINT "spot_check_findings_overturned_by_id_users_id_fk" FOREIGN KEY ("overturned_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_settings" ADD CONSTRAINT "spot_check_settings_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_checks" ADD CONSTRAINT "spot_checks_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_checks" ADD CONSTRAINT "spot_checks_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_checks" ADD CONSTRAINT "spot_checks_property_company_id_property_companies_id_fk" FOREIGN KEY ("property_company_id") REFERENCES "public"."property_companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_checks" ADD CONSTRAINT "spot_checks_inspector_user_id_users_id_fk" FOREIGN KEY ("inspector_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "spot_check_assignments_inspector_idx" ON "spot_check_assignments" USING btree ("inspector_user_id","district_id");--> statement-breakpoint
CREATE INDEX "spot_check_assignments_park_idx" ON "spot_check_assignments" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "spot_check_findings_check_idx" ON "spot_check_findings" USING btree ("check_id");--> statement-breakpoint
CREATE INDEX "spot_check_findings_company_idx" ON "spot_check_findings" USING btree ("property_company_id","status");--> statement-breakpoint
CREATE INDEX "spot_check_findings_park_idx" ON "spot_check_findings" USING btree ("park_id","status");--> statement-breakpoint
CREATE INDEX "spot_checks_park_idx" ON "spot_checks" USING btree ("park_id","checked_at");--> statement-breakpoint
CREATE INDEX "spot_checks_district_idx" ON "spot_checks" USING btree ("district_id");
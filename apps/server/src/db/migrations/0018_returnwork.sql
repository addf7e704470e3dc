CREATE TABLE "rtw_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"name" text NOT NULL,
	"cadence" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"deadline_minutes" integer NOT NULL,
	"target" text DEFAULT 'park' NOT NULL,
	"site_id" uuid,
	"building_id" uuid,
	"form" jsonb NOT NULL,
	"thresholds" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rtw_campaigns_cadence_check" CHECK ("rtw_campaigns"."cadence" IN ('daily', 'weekly')),
	CONSTRAINT "rtw_campaigns_status_check" CHECK ("rtw_campaigns"."status" IN ('open', 'closed')),
	CONSTRAINT "rtw_campaigns_target_check" CHECK ("rtw_campaigns"."target" IN ('park', 'site', 'building')),
	CONSTRAINT "rtw_campaigns_deadline_minutes_check" CHECK ("rtw_campaigns"."deadline_minutes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rtw_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"code" text NOT NULL,
	"params" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"followed_up_by_id" uuid,
	"followed_up_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rtw_flags_code_check" CHECK ("rtw_flags"."code" IN ('previous_period_change', 'exceeds_members', 'gate_scans_low', 'parking_entries_high')),
	CONSTRAINT "rtw_flags_status_check" CHECK ("rtw_flags"."status" IN ('open', 'followed_up'))
);
--> statement-breakpoint
CREATE TABLE "rtw_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"recipients" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rtw_reminders_recipients_check" CHECK ("rtw_reminders"."recipients" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rtw_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"values" jsonb NOT NULL,
	"people_on_site" integer NOT NULL,
	"people_returned" integer NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"submitted_by_id" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rtw_submissions_people_on_site_check" CHECK ("rtw_submissions"."people_on_site" >= 0),
	CONSTRAINT "rtw_submissions_people_returned_check" CHECK ("rtw_submissions"."people_returned" >= 0),
	CONSTRAINT "rtw_submissions_revision_check" CHECK ("rtw_submissions"."revision" >= 0)
);
--> statement-breakpoint
ALTER TABLE "rtw_campaigns" ADD CONSTRAINT "rtw_campaigns_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rtw_campaigns" ADD CONSTRAINT "rtw_campaigns_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rtw_campaigns" ADD CONSTRAINT "rtw_campaigns_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rtw_campaigns" ADD CONSTRAINT "rtw_campaigns_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rtw_flags" ADD CONSTRAINT "rtw_flags_submission_id_rtw_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."rtw_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rtw_flags" ADD CONSTRAINT "rtw_flags_followed_up_by_id_users_id_fk" FOREIGN KEY ("followed_up_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rtw_reminders" ADD CONSTRAINT "rtw_reminders_campaign_id_rtw_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."rtw_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rtw_reminders" ADD CONSTRAINT "rtw_reminders_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rtw_submissions" ADD CONSTRAINT "rtw_submissions_campaign_id_rtw_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."rtw_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rtw_submissions" ADD CONSTRAINT "rtw_submissions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rtw_submissions" ADD CONSTRAINT "rtw_submissions_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rtw_campaigns_park_idx" ON "rtw_campaigns" USING btree ("park_id","start_date");--> statement-breakpoint
CREATE INDEX "rtw_flags_campaign_idx" ON "rtw_flags" USING btree ("campaign_id","period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "rtw_flags_submission_code_uq" ON "rtw_flags" USING btree ("submission_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "rtw_reminders_period_uq" ON "rtw_reminders" USING btree ("campaign_id","enterprise_id","period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "rtw_submissions_period_uq" ON "rtw_submissions" USING btree ("campaign_id","enterprise_id","period_start");--> statement-breakpoint
CREATE INDEX "rtw_submissions_enterprise_idx" ON "rtw_submissions" USING btree ("enterprise_id");
CREATE TABLE "eval_appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"property_company_id" uuid NOT NULL,
	"district_id" uuid NOT NULL,
	"item_kind" text NOT NULL,
	"item_ref" text NOT NULL,
	"indicator_key" text NOT NULL,
	"finding_id" text,
	"finding_source" text,
	"item_label" text NOT NULL,
	"claimed_score" double precision,
	"reason" text NOT NULL,
	"district_points" double precision NOT NULL,
	"company_points" double precision NOT NULL,
	"status" text DEFAULT 'in_review' NOT NULL,
	"case_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "eval_appeals_status_check" CHECK ("eval_appeals"."status" IN ('in_review', 'returned', 'approved', 'rejected', 'withdrawn')),
	CONSTRAINT "eval_appeals_item_kind_check" CHECK ("eval_appeals"."item_kind" IN ('finding', 'indicator'))
);
--> statement-breakpoint
CREATE TABLE "eval_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"property_company_id" uuid NOT NULL,
	"company_name" text NOT NULL,
	"staff_name" text,
	"citation" text NOT NULL,
	"total" double precision,
	"rank" integer,
	"status" text DEFAULT 'in_review' NOT NULL,
	"case_id" uuid,
	"article_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "eval_awards_kind_check" CHECK ("eval_awards"."kind" IN ('company', 'staff')),
	CONSTRAINT "eval_awards_status_check" CHECK ("eval_awards"."status" IN ('in_review', 'returned', 'approved', 'rejected', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "eval_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appeal_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"source_period_id" uuid NOT NULL,
	"source_period_label" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"points" double precision NOT NULL,
	"case_id" uuid,
	"applied_period_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eval_corrections_subject_kind_check" CHECK ("eval_corrections"."subject_kind" IN ('district', 'company'))
);
--> statement-breakpoint
CREATE TABLE "eval_review_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"warning_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"property_company_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decision" text,
	"note" text,
	"closed_by_id" uuid,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eval_review_tasks_status_check" CHECK ("eval_review_tasks"."status" IN ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "eval_warning_rules" (
	"park_id" uuid PRIMARY KEY NOT NULL,
	"mode" text DEFAULT 'last_place' NOT NULL,
	"threshold" double precision,
	"consecutive" integer DEFAULT 2 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eval_warning_rules_mode_check" CHECK ("eval_warning_rules"."mode" IN ('last_place', 'below_threshold'))
);
--> statement-breakpoint
CREATE TABLE "eval_warnings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"property_company_id" uuid NOT NULL,
	"company_name" text NOT NULL,
	"mode" text NOT NULL,
	"threshold" double precision,
	"consecutive" integer NOT NULL,
	"periods" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "eval_appeals" ADD CONSTRAINT "eval_appeals_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_appeals" ADD CONSTRAINT "eval_appeals_period_id_eval_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."eval_periods"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_appeals" ADD CONSTRAINT "eval_appeals_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_awards" ADD CONSTRAINT "eval_awards_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_awards" ADD CONSTRAINT "eval_awards_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_corrections" ADD CONSTRAINT "eval_corrections_appeal_id_eval_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."eval_appeals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_review_tasks" ADD CONSTRAINT "eval_review_tasks_warning_id_eval_warnings_id_fk" FOREIGN KEY ("warning_id") REFERENCES "public"."eval_warnings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_review_tasks" ADD CONSTRAINT "eval_review_tasks_closed_by_id_users_id_fk" FOREIGN KEY ("closed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_warning_rules" ADD CONSTRAINT "eval_warning_rules_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_warnings" ADD CONSTRAINT "eval_warnings_period_id_eval_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."eval_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "eval_appeals_company_idx" ON "eval_appeals" USING btree ("property_company_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "eval_appeals_open_item_uq" ON "eval_appeals" USING btree ("period_id","item_ref") WHERE status in ('in_review', 'returned');--> statement-breakpoint
CREATE INDEX "eval_awards_park_year_idx" ON "eval_awards" USING btree ("park_id","year");--> statement-breakpoint
CREATE INDEX "eval_corrections_park_idx" ON "eval_corrections" USING btree ("park_id","applied_period_id");--> statement-breakpoint
CREATE UNIQUE INDEX "eval_review_tasks_warning_uq" ON "eval_review_tasks" USING btree ("warning_id");--> statement-breakpoint
CREATE INDEX "eval_review_tasks_park_idx" ON "eval_review_tasks" USING btree ("park_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "eval_warnings_period_company_uq" ON "eval_warnings" USING btree ("period_id","property_company_id");--> statement-breakpoint
CREATE INDEX "eval_warnings_company_idx" ON "eval_warnings" USING btree ("property_company_id");
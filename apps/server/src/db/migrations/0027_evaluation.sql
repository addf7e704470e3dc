CREATE TABLE "eval_manual_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"indicator_key" text NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"score" double precision NOT NULL,
	"note" text NOT NULL,
	"entered_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eval_manual_entries_subject_kind_check" CHECK ("eval_manual_entries"."subject_kind" IN ('district', 'company')),
	CONSTRAINT "eval_manual_entries_score_check" CHECK ("eval_manual_entries"."score" >= 0)
);
--> statement-breakpoint
CREATE TABLE "eval_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"ranking_published" boolean DEFAULT false NOT NULL,
	"computed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eval_periods_kind_check" CHECK ("eval_periods"."kind" IN ('month', 'quarter', 'year')),
	CONSTRAINT "eval_periods_status_check" CHECK ("eval_periods"."status" IN ('open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "eval_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"name" text NOT NULL,
	"period_kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"based_on_id" uuid,
	"indicators" jsonb NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eval_schemes_period_kind_check" CHECK ("eval_schemes"."period_kind" IN ('month', 'quarter', 'year')),
	CONSTRAINT "eval_schemes_status_check" CHECK ("eval_schemes"."status" IN ('draft', 'active', 'archived')),
	CONSTRAINT "eval_schemes_version_check" CHECK ("eval_schemes"."version" >= 0)
);
--> statement-breakpoint
CREATE TABLE "eval_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"name" text NOT NULL,
	"property_company_id" uuid,
	"total" double precision NOT NULL,
	"tree" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eval_scores_subject_kind_check" CHECK ("eval_scores"."subject_kind" IN ('district', 'company'))
);
--> statement-breakpoint
ALTER TABLE "eval_manual_entries" ADD CONSTRAINT "eval_manual_entries_period_id_eval_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."eval_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_manual_entries" ADD CONSTRAINT "eval_manual_entries_entered_by_id_users_id_fk" FOREIGN KEY ("entered_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_periods" ADD CONSTRAINT "eval_periods_scheme_id_eval_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."eval_schemes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_periods" ADD CONSTRAINT "eval_periods_closed_by_id_users_id_fk" FOREIGN KEY ("closed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_schemes" ADD CONSTRAINT "eval_schemes_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_schemes" ADD CONSTRAINT "eval_schemes_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_scores" ADD CONSTRAINT "eval_scores_period_id_eval_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."eval_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "eval_manual_subject_uq" ON "eval_manual_entries" USING btree ("period_id","indicator_key","subject_kind","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "eval_periods_scheme_label_uq" ON "eval_periods" USING btree ("scheme_id","label");--> statement-breakpoint
CREATE INDEX "eval_periods_park_idx" ON "eval_periods" USING btree ("park_id","start_date");--> statement-breakpoint
CREATE INDEX "eval_schemes_park_idx" ON "eval_schemes" USING btree ("park_id");--> statement-breakpoint
CREATE UNIQUE INDEX "eval_scores_subject_uq" ON "eval_scores" USING btree ("period_id","subject_kind","subject_id");--> statement-breakpoint
CREATE INDEX "eval_scores_company_idx" ON "eval_scores" USING btree ("property_company_id");
CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"title" text NOT NULL,
	"issuer" text NOT NULL,
	"document_no" text,
	"summary" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"industries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sizes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"min_age_years" integer,
	"max_age_years" integer,
	"amount_kind" text DEFAULT 'none' NOT NULL,
	"amount_fen" bigint,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"flow_key" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policies_status_check" CHECK ("policies"."status" IN ('draft', 'published', 'closed')),
	CONSTRAINT "policies_amount_kind_check" CHECK ("policies"."amount_kind" IN ('none', 'fixed', 'up_to')),
	CONSTRAINT "policies_amount_fen_check" CHECK ("policies"."amount_fen" >= 0),
	CONSTRAINT "policies_min_age_years_check" CHECK ("policies"."min_age_years" >= 0),
	CONSTRAINT "policies_max_age_years_check" CHECK ("policies"."max_age_years" >= 0)
);
--> statement-breakpoint
CREATE TABLE "policy_application_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"applicant_id" uuid NOT NULL,
	"status" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"requested_amount_fen" bigint,
	"granted_amount_fen" bigint,
	"case_id" uuid,
	"advisor_id" uuid,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_applications_status_check" CHECK ("policy_applications"."status" IN ('enquiry', 'submitted', 'returned', 'approved', 'rejected', 'withdrawn')),
	CONSTRAINT "policy_applications_requested_amount_fen_check" CHECK ("policy_applications"."requested_amount_fen" >= 0),
	CONSTRAINT "policy_applications_granted_amount_fen_check" CHECK ("policy_applications"."granted_amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "policy_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"days_before" integer NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_reminders_days_before_check" CHECK ("policy_reminders"."days_before" >= 0),
	CONSTRAINT "policy_reminders_recipients_check" CHECK ("policy_reminders"."recipients" >= 0)
);
--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_application_comments" ADD CONSTRAINT "policy_application_comments_application_id_policy_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."policy_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_application_comments" ADD CONSTRAINT "policy_application_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_applications" ADD CONSTRAINT "policy_applications_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_applications" ADD CONSTRAINT "policy_applications_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_applications" ADD CONSTRAINT "policy_applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_applications" ADD CONSTRAINT "policy_applications_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_applications" ADD CONSTRAINT "policy_applications_advisor_id_users_id_fk" FOREIGN KEY ("advisor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_reminders" ADD CONSTRAINT "policy_reminders_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_reminders" ADD CONSTRAINT "policy_reminders_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policies_park_idx" ON "policies" USING btree ("park_id","status","deadline");--> statement-breakpoint
CREATE INDEX "policy_application_comments_app_idx" ON "policy_application_comments" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_applications_active_uq" ON "policy_applications" USING btree ("policy_id","enterprise_id") WHERE status in ('enquiry','submitted','returned','approved');--> statement-breakpoint
CREATE INDEX "policy_applications_park_idx" ON "policy_applications" USING btree ("park_id","status");--> statement-breakpoint
CREATE INDEX "policy_applications_enterprise_idx" ON "policy_applications" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_reminders_once_uq" ON "policy_reminders" USING btree ("policy_id","enterprise_id","days_before");
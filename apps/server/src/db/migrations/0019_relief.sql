CREATE TABLE "bill_credits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"lease_id" uuid NOT NULL,
	"bill_id" uuid,
	"period" text NOT NULL,
	"source" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	CONSTRAINT "bill_credits_amount_fen_check" CHECK ("bill_credits"."amount_fen" >= 0),
	CONSTRAINT "bill_credits_status_check" CHECK ("bill_credits"."status" IN ('pending', 'applied'))
);
--> statement-breakpoint
CREATE TABLE "relief_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"site_id" uuid,
	"enterprise_id" uuid NOT NULL,
	"applicant_id" uuid NOT NULL,
	"case_id" uuid,
	"status" text DEFAULT 'in_review' NOT NULL,
	"note" text,
	"lines" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"relief_fen" bigint NOT NULL,
	"granted_fen" bigint,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "relief_applications_status_check" CHECK ("relief_applications"."status" IN ('in_review', 'returned', 'approved', 'rejected', 'withdrawn')),
	CONSTRAINT "relief_applications_relief_fen_check" CHECK ("relief_applications"."relief_fen" >= 0),
	CONSTRAINT "relief_applications_granted_fen_check" CHECK ("relief_applications"."granted_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "relief_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"from_period" text NOT NULL,
	"to_period" text NOT NULL,
	"lease_active_on" date NOT NULL,
	"sizes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"industries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"arrears_limit_fen" bigint,
	"max_area_m2" double precision,
	"relief_kind" text NOT NULL,
	"relief_value" integer NOT NULL,
	"cap_per_enterprise_fen" bigint,
	"budget_fen" bigint NOT NULL,
	"granted_fen" bigint DEFAULT 0 NOT NULL,
	"flow_key" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "relief_programmes_relief_kind_check" CHECK ("relief_programmes"."relief_kind" IN ('months_free', 'percent', 'per_m2')),
	CONSTRAINT "relief_programmes_status_check" CHECK ("relief_programmes"."status" IN ('draft', 'open', 'closed')),
	CONSTRAINT "relief_programmes_arrears_limit_fen_check" CHECK ("relief_programmes"."arrears_limit_fen" >= 0),
	CONSTRAINT "relief_programmes_max_area_m2_check" CHECK ("relief_programmes"."max_area_m2" >= 0),
	CONSTRAINT "relief_programmes_relief_value_check" CHECK ("relief_programmes"."relief_value" >= 0),
	CONSTRAINT "relief_programmes_cap_per_enterprise_fen_check" CHECK ("relief_programmes"."cap_per_enterprise_fen" >= 0),
	CONSTRAINT "relief_programmes_budget_fen_check" CHECK ("relief_programmes"."budget_fen" >= 0),
	CONSTRAINT "relief_programmes_granted_fen_check" CHECK ("relief_programmes"."granted_fen" >= 0),
	CONSTRAINT "relief_programmes_granted_within_budget_check" CHECK ("relief_programmes"."granted_fen" <= "relief_programmes"."budget_fen"),
	CONSTRAINT "relief_programmes_period_order_check" CHECK ("relief_programmes"."from_period" <= "relief_programmes"."to_period")
);
--> statement-breakpoint
ALTER TABLE "bills" ADD COLUMN "credited_fen" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "bill_credits" ADD CONSTRAINT "bill_credits_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_credits" ADD CONSTRAINT "bill_credits_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_credits" ADD CONSTRAINT "bill_credits_lease_id_leases_id_fk" FOREIGN KEY ("lease_id") REFERENCES "public"."leases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bill_credits" ADD CONSTRAINT "bill_credits_bill_id_bills_id_fk" FOREIGN KEY ("bill_id") REFERENCES "public"."bills"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relief_applications" ADD CONSTRAINT "relief_applications_programme_id_relief_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."relief_programmes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relief_applications" ADD CONSTRAINT "relief_applications_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relief_applications" ADD CONSTRAINT "relief_applications_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relief_applications" ADD CONSTRAINT "relief_applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relief_applications" ADD CONSTRAINT "relief_applications_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relief_applications" ADD CONSTRAINT "relief_applications_case_id_approval_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."approval_cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relief_programmes" ADD CONSTRAINT "relief_programmes_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bill_credits_bill_source_uq" ON "bill_credits" USING btree ("bill_id","source");--> statement-breakpoint
CREATE INDEX "bill_credits_pending_idx" ON "bill_credits" USING btree ("lease_id","period") WHERE "bill_credits"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "bill_credits_source_idx" ON "bill_credits" USING btree ("source");--> statement-breakpoint
CREATE UNIQUE INDEX "relief_applications_active_uq" ON "relief_applications" USING btree ("programme_id","enterprise_id") WHERE "relief_applications"."status" in ('in_review', 'returned', 'approved');--> statement-breakpoint
CREATE INDEX "relief_applications_programme_idx" ON "relief_applications" USING btree ("programme_id","status");--> statement-breakpoint
CREATE INDEX "relief_applications_enterprise_idx" ON "relief_applications" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "relief_programmes_park_idx" ON "relief_programmes" USING btree ("park_id","status");--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_credited_fen_check" CHECK ("bills"."credited_fen" >= 0);--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_credited_fen_le_amount_check" CHECK ("bills"."credited_fen" <= "bills"."amount_fen");
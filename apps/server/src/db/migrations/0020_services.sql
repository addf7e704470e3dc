CREATE TABLE "service_handlers" (
	"service_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "service_handlers_service_id_user_id_pk" PRIMARY KEY("service_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "service_offerings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"system" text NOT NULL,
	"kind" text DEFAULT 'request' NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"description_zh" text DEFAULT '' NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"handler_type" text NOT NULL,
	"handler_name" text DEFAULT '' NOT NULL,
	"property_company_id" uuid,
	"applicants" text DEFAULT 'admins' NOT NULL,
	"form" jsonb NOT NULL,
	"form_version" integer DEFAULT 1 NOT NULL,
	"flow_key" text,
	"sla_hours" integer DEFAULT 72 NOT NULL,
	"fee_fen" bigint,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_offerings_system_check" CHECK ("service_offerings"."system" IN ('policy', 'networking', 'hr', 'incubation', 'brand', 'tech_support', 'finance', 'legal_ip')),
	CONSTRAINT "service_offerings_kind_check" CHECK ("service_offerings"."kind" IN ('request', 'booking', 'policy')),
	CONSTRAINT "service_offerings_handler_type_check" CHECK ("service_offerings"."handler_type" IN ('department', 'property_company', 'vendor')),
	CONSTRAINT "service_offerings_applicants_check" CHECK ("service_offerings"."applicants" IN ('admins', 'members')),
	CONSTRAINT "service_offerings_status_check" CHECK ("service_offerings"."status" IN ('draft', 'published', 'retired')),
	CONSTRAINT "service_offerings_fee_fen_check" CHECK ("service_offerings"."fee_fen" >= 0),
	CONSTRAINT "service_offerings_sla_hours_check" CHECK ("service_offerings"."sla_hours" > 0)
);
--> statement-breakpoint
CREATE TABLE "service_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"applicant_id" uuid NOT NULL,
	"status" text DEFAULT 'in_review' NOT NULL,
	"form" jsonb NOT NULL,
	"form_version" integer NOT NULL,
	"values" jsonb NOT NULL,
	"case_id" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"handler_id" uuid,
	"accepted_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"result_note" text,
	"fee_fen" bigint,
	"bill_id" uuid,
	"rating" integer,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_requests_status_check" CHECK ("service_requests"."status" IN ('in_review', 'returned', 'rejected', 'withdrawn', 'approved', 'in_progress', 'completed')),
	CONSTRAINT "service_requests_fee_fen_check" CHECK ("service_requests"."fee_fen" >= 0),
	CONSTRAINT "service_requests_rating_check" CHECK ("service_requests"."rating" IS NULL OR ("service_requests"."rating" BETWEEN 1 AND 5))
);
--> statement-breakpoint
ALTER TABLE "bills" DROP CONSTRAINT "bills_kind_check";--> statement-breakpoint
ALTER TABLE "service_handlers" ADD CONSTRAINT "service_handlers_service_id_service_offerings_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service_offerings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_handlers" ADD CONSTRAINT "service_handlers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_offerings" ADD CONSTRAINT "service_offerings_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_offerings" ADD CONSTRAINT "service_offerings_property_company_id_property_companies_id_fk" FOREIGN KEY ("property_company_id") REFERENCES "public"."property_companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_service_id_service_offerings_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service_offerings"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_handler_id_users_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_handlers_user_idx" ON "service_handlers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "service_offerings_park_idx" ON "service_offerings" USING btree ("park_id","status","system");--> statement-breakpoint
CREATE INDEX "service_requests_park_idx" ON "service_requests" USING btree ("park_id","status");--> statement-breakpoint
CREATE INDEX "service_requests_enterprise_idx" ON "service_requests" USING btree ("enterprise_id","created_at");--> statement-breakpoint
CREATE INDEX "service_requests_service_idx" ON "service_requests" USING btree ("service_id");--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_kind_check" CHECK ("bills"."kind" IN ('rent', 'property', 'utilities', 'parking', 'service', 'other'));
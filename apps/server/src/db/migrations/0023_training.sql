CREATE TABLE "training_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"property_company_id" uuid NOT NULL,
	"attended" boolean,
	"score" double precision,
	"recorded_by_id" uuid,
	"recorded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_invitations_score_ck" CHECK ("training_invitations"."score" is null or ("training_invitations"."score" >= 0 and "training_invitations"."score" <= 100))
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"organizer_company_id" uuid,
	"title" text NOT NULL,
	"topic" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"hours" double precision NOT NULL,
	"trainer" text NOT NULL,
	"location" text,
	"has_exam" boolean DEFAULT false NOT NULL,
	"pass_mark" integer,
	"recorded_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_topic_check" CHECK ("training_sessions"."topic" IN ('fire_safety', 'service_etiquette', 'equipment_operation', 'work_safety', 'emergency_drill', 'other')),
	CONSTRAINT "training_sessions_hours_ck" CHECK ("training_sessions"."hours" > 0 and "training_sessions"."hours" <= 24),
	CONSTRAINT "training_sessions_pass_mark_ck" CHECK ("training_sessions"."pass_mark" is null or ("training_sessions"."pass_mark" >= 0 and "training_sessions"."pass_mark" <= 100))
);
--> statement-breakpoint
CREATE TABLE "training_staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"property_company_id" uuid NOT NULL,
	"name" text NOT NULL,
	"post" text NOT NULL,
	"phone" text,
	"user_id" uuid,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_staff_post_check" CHECK ("training_staff"."post" IN ('security', 'cleaning', 'engineering', 'customer_service', 'supervisor', 'other'))
);
--> statement-breakpoint
ALTER TABLE "training_invitations" ADD CONSTRAINT "training_invitations_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_invitations" ADD CONSTRAINT "training_invitations_staff_id_training_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."training_staff"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_invitations" ADD CONSTRAINT "training_invitations_property_company_id_property_companies_id_fk" FOREIGN KEY ("property_company_id") REFERENCES "public"."property_companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_invitations" ADD CONSTRAINT "training_invitations_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_organizer_company_id_property_companies_id_fk" FOREIGN KEY ("organizer_company_id") REFERENCES "public"."property_companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_staff" ADD CONSTRAINT "training_staff_property_company_id_property_companies_id_fk" FOREIGN KEY ("property_company_id") REFERENCES "public"."property_companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_staff" ADD CONSTRAINT "training_staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "training_invitations_uq" ON "training_invitations" USING btree ("session_id","staff_id");--> statement-breakpoint
CREATE INDEX "training_invitations_company_idx" ON "training_invitations" USING btree ("property_company_id");--> statement-breakpoint
CREATE INDEX "training_invitations_staff_idx" ON "training_invitations" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "training_sessions_park_idx" ON "training_sessions" USING btree ("park_id","starts_at");--> statement-breakpoint
CREATE INDEX "training_staff_company_idx" ON "training_staff" USING btree ("property_company_id","name");
CREATE TABLE "inspection_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"checkpoint_key" text NOT NULL,
	"checkpoint_name" text NOT NULL,
	"district_id" uuid NOT NULL,
	"building_id" uuid,
	"location_text" text,
	"template_id" uuid NOT NULL,
	"item_key" text NOT NULL,
	"item_label" text NOT NULL,
	"kind" text NOT NULL,
	"passed" boolean NOT NULL,
	"score" double precision,
	"max_score" double precision,
	"note" text,
	"status" text NOT NULL,
	"severity" text,
	"category" text,
	"points" double precision DEFAULT 0 NOT NULL,
	"property_company_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"work_order_requested_at" timestamp with time zone,
	"work_order_id" uuid,
	"void_reason" text,
	"voided_at" timestamp with time zone,
	"voided_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_results_kind_check" CHECK ("inspection_results"."kind" IN ('pass_fail', 'score')),
	CONSTRAINT "inspection_results_status_check" CHECK ("inspection_results"."status" IN ('ok', 'open', 'voided')),
	CONSTRAINT "inspection_results_severity_check" CHECK ("inspection_results"."severity" IN ('minor', 'major', 'critical')),
	CONSTRAINT "inspection_results_points_check" CHECK ("inspection_results"."points" >= 0),
	CONSTRAINT "inspection_results_score_check" CHECK ("inspection_results"."score" >= 0)
);
--> statement-breakpoint
CREATE TABLE "inspection_routes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"purpose" text DEFAULT 'inspection' NOT NULL,
	"name" text NOT NULL,
	"checkpoints" jsonb NOT NULL,
	"district_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_routes_purpose_check" CHECK ("inspection_routes"."purpose" IN ('inspection', 'patrol', 'equipment_round', 'drone_mission'))
);
--> statement-breakpoint
CREATE TABLE "inspection_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"route_id" uuid NOT NULL,
	"route_name" text NOT NULL,
	"purpose" text DEFAULT 'inspection' NOT NULL,
	"schedule_id" uuid,
	"inspector_id" uuid,
	"inspector_name" text NOT NULL,
	"district_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text,
	"item_count" integer DEFAULT 0 NOT NULL,
	"finding_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_runs_purpose_check" CHECK ("inspection_runs"."purpose" IN ('inspection', 'patrol', 'equipment_round', 'drone_mission')),
	CONSTRAINT "inspection_runs_item_count_check" CHECK ("inspection_runs"."item_count" >= 0),
	CONSTRAINT "inspection_runs_finding_count_check" CHECK ("inspection_runs"."finding_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "inspection_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"series_id" uuid NOT NULL,
	"park_id" uuid NOT NULL,
	"route_id" uuid NOT NULL,
	"assignee_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"recurrence" text DEFAULT 'none' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"run_id" uuid,
	"done_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_schedules_recurrence_check" CHECK ("inspection_schedules"."recurrence" IN ('none', 'weekly', 'monthly')),
	CONSTRAINT "inspection_schedules_status_check" CHECK ("inspection_schedules"."status" IN ('open', 'done', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "inspection_settings" (
	"park_id" uuid PRIMARY KEY NOT NULL,
	"minor_points" double precision NOT NULL,
	"major_points" double precision NOT NULL,
	"critical_points" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"purpose" text DEFAULT 'inspection' NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"items" jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_templates_purpose_check" CHECK ("inspection_templates"."purpose" IN ('inspection', 'patrol', 'equipment_round', 'drone_mission'))
);
--> statement-breakpoint
ALTER TABLE "inspection_results" ADD CONSTRAINT "inspection_results_run_id_inspection_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."inspection_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_results" ADD CONSTRAINT "inspection_results_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_results" ADD CONSTRAINT "inspection_results_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_results" ADD CONSTRAINT "inspection_results_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_results" ADD CONSTRAINT "inspection_results_property_company_id_property_companies_id_fk" FOREIGN KEY ("property_company_id") REFERENCES "public"."property_companies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_results" ADD CONSTRAINT "inspection_results_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_results" ADD CONSTRAINT "inspection_results_voided_by_id_users_id_fk" FOREIGN KEY ("voided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_routes" ADD CONSTRAINT "inspection_routes_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_runs" ADD CONSTRAINT "inspection_runs_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_runs" ADD CONSTRAINT "inspection_runs_route_id_inspection_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."inspection_routes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_runs" ADD CONSTRAINT "inspection_runs_schedule_id_inspection_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."inspection_schedules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_runs" ADD CONSTRAINT "inspection_runs_inspector_id_users_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_schedules" ADD CONSTRAINT "inspection_schedules_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_schedules" ADD CONSTRAINT "inspection_schedules_route_id_inspection_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."inspection_routes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_schedules" ADD CONSTRAINT "inspection_schedules_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_schedules" ADD CONSTRAINT "inspection_schedules_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_settings" ADD CONSTRAINT "inspection_settings_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_templates" ADD CONSTRAINT "inspection_templates_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_results_run_item_uq" ON "inspection_results" USING btree ("run_id","checkpoint_key","item_key");--> statement-breakpoint
CREATE INDEX "inspection_results_park_time_idx" ON "inspection_results" USING btree ("park_id","occurred_at");--> statement-breakpoint
CREATE INDEX "inspection_results_company_idx" ON "inspection_results" USING btree ("property_company_id");--> statement-breakpoint
CREATE INDEX "inspection_results_district_idx" ON "inspection_results" USING btree ("district_id");--> statement-breakpoint
CREATE INDEX "inspection_routes_park_idx" ON "inspection_routes" USING btree ("park_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_runs_client_uq" ON "inspection_runs" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "inspection_runs_park_idx" ON "inspection_runs" USING btree ("park_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_schedules_series_due_uq" ON "inspection_schedules" USING btree ("series_id","due_date");--> statement-breakpoint
CREATE INDEX "inspection_schedules_park_due_idx" ON "inspection_schedules" USING btree ("park_id","due_date");--> statement-breakpoint
CREATE INDEX "inspection_schedules_assignee_idx" ON "inspection_schedules" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "inspection_templates_park_idx" ON "inspection_templates" USING btree ("park_id");
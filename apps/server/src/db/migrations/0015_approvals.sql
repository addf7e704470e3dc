CREATE TABLE "approval_actions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"step_index" integer,
	"comment" text,
	"target_user_id" uuid,
	"to_step" integer,
	"status_after" text NOT NULL,
	"audit_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_actions_type_ck" CHECK (type in ('submit', 'approve', 'reject', 'return', 'resubmit', 'withdraw', 'transfer', 'add_approver', 'comment', 'remind', 'escalate')),
	CONSTRAINT "approval_actions_status_ck" CHECK (status_after in ('in_progress', 'approved', 'rejected', 'returned', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "approval_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"enterprise_id" uuid,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"title" text NOT NULL,
	"applicant_id" uuid NOT NULL,
	"flow_id" uuid NOT NULL,
	"flow_version_id" uuid NOT NULL,
	"form_values" jsonb NOT NULL,
	"status" text NOT NULL,
	"current_step" integer,
	"round" integer DEFAULT 0 NOT NULL,
	"last_reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "approval_cases_status_ck" CHECK (status in ('in_progress', 'approved', 'rejected', 'returned', 'withdrawn')),
	CONSTRAINT "approval_cases_step_ck" CHECK ((status = 'in_progress') = (current_step is not null))
);
--> statement-breakpoint
CREATE TABLE "approval_flow_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"flow_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"steps" jsonb NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_flow_versions_version_ck" CHECK (version >= 1)
);
--> statement-breakpoint
CREATE TABLE "approval_flows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"park_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"latest_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_flows_status_ck" CHECK (status in ('active', 'archived'))
);
--> statement-breakpoint
CREATE TABLE "approval_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"step_index" integer NOT NULL,
	"round" integer NOT NULL,
	"slot" integer NOT NULL,
	"assignee_id" uuid NOT NULL,
	"status" text NOT NULL,
	"origin" text NOT NULL,
	"due_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_tasks_status_ck" CHECK (status in ('pending', 'approved', 'rejected', 'returned', 'transferred', 'escalated', 'cancelled')),
	CONSTRAINT "approval_tasks_origin_ck" CHECK (origin in ('step', 'transfer', 'added', 'escalation'))
);
--> statement-breakpoint
ALTER TABLE "approval_actions" ADD CONSTRAINT "approval_actions_case_id_approval_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."approval_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_actions" ADD CONSTRAINT "approval_actions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_actions" ADD CONSTRAINT "approval_actions_target_user_id_users_id_fk" FOREIGN KEY ("target_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_cases" ADD CONSTRAINT "approval_cases_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_cases" ADD CONSTRAINT "approval_cases_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_cases" ADD CONSTRAINT "approval_cases_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_cases" ADD CONSTRAINT "approval_cases_flow_id_approval_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."approval_flows"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_cases" ADD CONSTRAINT "approval_cases_flow_version_id_approval_flow_versions_id_fk" FOREIGN KEY ("flow_version_id") REFERENCES "public"."approval_flow_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_flow_versions" ADD CONSTRAINT "approval_flow_versions_flow_id_approval_flows_id_fk" FOREIGN KEY ("flow_id") REFERENCES "public"."approval_flows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_flow_versions" ADD CONSTRAINT "approval_flow_versions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_flows" ADD CONSTRAINT "approval_flows_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_tasks" ADD CONSTRAINT "approval_tasks_case_id_approval_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."approval_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_tasks" ADD CONSTRAINT "approval_tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_actions_case_idx" ON "approval_actions" USING btree ("case_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_cases_open_subject_uq" ON "approval_cases" USING btree ("subject_type","subject_id") WHERE status in ('in_progress', 'returned');--> statement-breakpoint
CREATE INDEX "approval_cases_subject_idx" ON "approval_cases" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "approval_cases_applicant_idx" ON "approval_cases" USING btree ("applicant_id","created_at");--> statement-breakpoint
CREATE INDEX "approval_cases_park_idx" ON "approval_cases" USING btree ("park_id","status");--> statement-breakpoint
CREATE INDEX "approval_cases_version_idx" ON "approval_cases" USING btree ("flow_version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_flow_versions_flow_version_uq" ON "approval_flow_versions" USING btree ("flow_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_flows_park_key_uq" ON "approval_flows" USING btree ("park_id","key");--> statement-breakpoint
CREATE INDEX "approval_tasks_case_idx" ON "approval_tasks" USING btree ("case_id","round");--> statement-breakpoint
CREATE INDEX "approval_tasks_assignee_pending_idx" ON "approval_tasks" USING btree ("assignee_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "approval_tasks_due_idx" ON "approval_tasks" USING btree ("due_at") WHERE status = 'pending' and escalated_at is null and due_at is not null;
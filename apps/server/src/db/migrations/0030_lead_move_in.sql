ALTER TABLE "leases" DROP CONSTRAINT "leases_status_check";--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "credit_code" text;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "unit_ids" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "monthly_rent_fen" bigint;--> statement-breakpoint
ALTER TABLE "leases" ADD COLUMN "lead_id" uuid;--> statement-breakpoint
ALTER TABLE "leases" ADD CONSTRAINT "leases_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "leases_lead_unit_uq" ON "leases" USING btree ("lead_id","unit_id");--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_monthly_rent_fen_check" CHECK ("leads"."monthly_rent_fen" >= 0);--> statement-breakpoint
ALTER TABLE "leases" ADD CONSTRAINT "leases_status_check" CHECK ("leases"."status" IN ('draft', 'active', 'ended'));
ALTER TABLE "alarms" ADD COLUMN "code" text;--> statement-breakpoint
ALTER TABLE "alarms" ADD COLUMN "params" jsonb;
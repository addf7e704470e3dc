ALTER TABLE "work_order_events" DROP CONSTRAINT "work_order_events_kind_check";--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "work_orders" ADD COLUMN "last_urged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "passes" ADD COLUMN "visitor_phone" text;--> statement-breakpoint
ALTER TABLE "passes" ADD COLUMN "visitor_plate" text;--> statement-breakpoint
CREATE INDEX "passes_visitor_plate_idx" ON "passes" USING btree ("visitor_plate");--> statement-breakpoint
ALTER TABLE "work_order_events" ADD CONSTRAINT "work_order_events_kind_check" CHECK ("work_order_events"."kind" IN ('created', 'classified', 'triaged', 'dispatched', 'accepted', 'started', 'resolved', 'verified', 'closed', 'reopened', 'commented', 'photo_added', 'rated', 'escalated', 'cancelled', 'urged'));
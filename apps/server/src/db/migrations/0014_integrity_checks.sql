ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_access_check" CHECK ("api_tokens"."access" IN ('read', 'write'));--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_role_check" CHECK ("role_grants"."role" IN ('operator', 'property', 'enterprise_admin', 'member', 'vendor', 'inspector', 'alliance', 'talent'));--> statement-breakpoint
ALTER TABLE "role_grants" ADD CONSTRAINT "role_grants_scope_type_check" CHECK ("role_grants"."scope_type" IN ('all', 'park', 'site', 'property_company', 'enterprise', 'vendor', 'none'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_failed_logins_check" CHECK ("users"."failed_logins" >= 0);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_locale_check" CHECK ("users"."locale" IN ('zh-CN', 'en'));--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_floors_above_ground_check" CHECK ("buildings"."floors_above_ground" >= 0);--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_gross_area_check" CHECK ("buildings"."gross_area" >= 0);--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_industry_check" CHECK ("enterprises"."industry" IN ('software', 'ai', 'games', 'finance', 'ecommerce', 'iot', 'biotech', 'services', 'other'));--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_size_check" CHECK ("enterprises"."size" IN ('micro', 'small', 'medium', 'large'));--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_employee_count_check" CHECK ("enterprises"."employee_count" >= 0);--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_status_check" CHECK ("enterprises"."status" IN ('active', 'moved_out'));--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_stage_check" CHECK ("leads"."stage" IN ('lead', 'visit', 'negotiation', 'signed', 'moved_in', 'lost'));--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_industry_check" CHECK ("leads"."industry" IN ('software', 'ai', 'games', 'finance', 'ecommerce', 'iot', 'biotech', 'services', 'other'));--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_expected_area_check" CHECK ("leads"."expected_area" >= 0);--> statement-breakpoint
ALTER TABLE "leases" ADD CONSTRAINT "leases_monthly_rent_fen_check" CHECK ("leases"."monthly_rent_fen" >= 0);--> statement-breakpoint
ALTER TABLE "leases" ADD CONSTRAINT "leases_status_check" CHECK ("leases"."status" IN ('active', 'ended'));--> statement-breakpoint
ALTER TABLE "property_contracts" ADD CONSTRAINT "property_contracts_annual_fee_fen_check" CHECK ("property_contracts"."annual_fee_fen" >= 0);--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_area_check" CHECK ("units"."area" >= 0);--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_status_check" CHECK ("units"."status" IN ('vacant', 'leased', 'reserved'));--> statement-breakpoint
ALTER TABLE "ledger_state" ADD CONSTRAINT "ledger_state_tree_size_check" CHECK ("ledger_state"."tree_size" >= 0);--> statement-breakpoint
ALTER TABLE "device_ingest_errors" ADD CONSTRAINT "device_ingest_errors_reason_check" CHECK ("device_ingest_errors"."reason" IN ('malformed_json', 'invalid_payload', 'unknown_metric', 'invalid_value', 'out_of_range', 'invalid_timestamp', 'ts_future', 'ts_too_old', 'wrong_topic', 'oversized', 'rate_limited', 'overloaded', 'nul_character'));--> statement-breakpoint
ALTER TABLE "device_ingest_errors" ADD CONSTRAINT "device_ingest_errors_count_check" CHECK ("device_ingest_errors"."count" >= 0);--> statement-breakpoint
ALTER TABLE "devices" ADD CONSTRAINT "devices_type_check" CHECK ("devices"."type" IN ('camera', 'environment_sensor', 'energy_meter', 'water_meter', 'parking_sensor', 'gate_camera', 'fire_panel', 'thermal_camera', 'drone', 'generic', 'irrigation_valve', 'lighting', 'air_conditioner', 'barrier_gate'));--> statement-breakpoint
ALTER TABLE "alarm_rules" ADD CONSTRAINT "alarm_rules_kind_check" CHECK ("alarm_rules"."kind" IN ('threshold', 'rate_of_change', 'silent', 'combination', 'event'));--> statement-breakpoint
ALTER TABLE "alarm_rules" ADD CONSTRAINT "alarm_rules_severity_check" CHECK ("alarm_rules"."severity" IN ('critical', 'major', 'minor', 'info'));--> statement-breakpoint
ALTER TABLE "alarm_rules" ADD CONSTRAINT "alarm_rules_operator_check" CHECK ("alarm_rules"."operator" IN ('>', '>=', '<', '<='));--> statement-breakpoint
ALTER TABLE "alarm_rules" ADD CONSTRAINT "alarm_rules_direction_check" CHECK ("alarm_rules"."direction" IN ('rise', 'fall', 'any'));--> statement-breakpoint
ALTER TABLE "alarm_rules" ADD CONSTRAINT "alarm_rules_group_by_check" CHECK ("alarm_rules"."group_by" IN ('floor', 'building'));--> statement-breakpoint
ALTER TABLE "alarm_rules" ADD CONSTRAINT "alarm_rules_device_type_check" CHECK ("alarm_rules"."device_type" IN ('camera', 'environment_sensor', 'energy_meter', 'water_meter', 'parking_sensor', 'gate_camera', 'fire_panel', 'thermal_camera', 'drone', 'generic', 'irrigation_valve', 'lighting', 'air_conditioner', 'barrier_gate'));--> statement-breakpoint
ALTER TABLE "alarm_rules" ADD CONSTRAINT "alarm_rules_hysteresis_check" CHECK ("alarm_rules"."hysteresis" >= 0);--> statement-breakpoint
ALTER TABLE "alarm_rules" ADD CONSTRAINT "alarm_rules_window_seconds_check" CHECK ("alarm_rules"."window_seconds" >= 0);--> statement-breakpoint
ALTER TABLE "alarm_rules" ADD CONSTRAINT "alarm_rules_silent_seconds_check" CHECK ("alarm_rules"."silent_seconds" >= 0);--> statement-breakpoint
ALTER TABLE "alarm_events" ADD CONSTRAINT "alarm_events_kind_check" CHECK ("alarm_events"."kind" IN ('raised', 'repeated', 'reactivated', 'acknowledged', 'assigned', 'commented', 'cleared', 'closed', 'escalated', 'suppressed', 'action'));--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_severity_check" CHECK ("alarms"."severity" IN ('critical', 'major', 'minor', 'info'));--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_state_check" CHECK ("alarms"."state" IN ('active', 'acknowledged', 'cleared', 'closed'));--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_count_check" CHECK ("alarms"."count" >= 0);--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_escalation_level_check" CHECK ("alarms"."escalation_level" >= 0);--> statement-breakpoint
ALTER TABLE "news_articles" ADD CONSTRAINT "news_articles_category_check" CHECK ("news_articles"."category" IN ('notice', 'policy', 'event', 'service', 'industry'));--> statement-breakpoint
ALTER TABLE "news_articles" ADD CONSTRAINT "news_articles_target_type_check" CHECK ("news_articles"."target_type" IN ('all', 'park', 'site', 'building', 'industry'));--> statement-breakpoint
ALTER TABLE "news_articles" ADD CONSTRAINT "news_articles_industry_check" CHECK ("news_articles"."industry" IN ('software', 'ai', 'games', 'finance', 'ecommerce', 'iot', 'biotech', 'services', 'other'));--> statement-breakpoint
ALTER TABLE "news_articles" ADD CONSTRAINT "news_articles_status_check" CHECK ("news_articles"."status" IN ('draft', 'published', 'unpublished'));--> statement-breakpoint
ALTER TABLE "news_images" ADD CONSTRAINT "news_images_content_type_check" CHECK ("news_images"."content_type" IN ('image/jpeg', 'image/png', 'image/webp'));--> statement-breakpoint
ALTER TABLE "news_images" ADD CONSTRAINT "news_images_byte_size_check" CHECK ("news_images"."byte_size" >= 0);--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_kind_check" CHECK ("bills"."kind" IN ('rent', 'property', 'utilities', 'parking', 'other'));--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_amount_fen_check" CHECK ("bills"."amount_fen" >= 0);--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_status_check" CHECK ("bills"."status" IN ('open', 'paid', 'refunded', 'void'));--> statement-breakpoint
ALTER TABLE "payment_bills" ADD CONSTRAINT "payment_bills_amount_fen_check" CHECK ("payment_bills"."amount_fen" >= 0);--> statement-breakpoint
ALTER TABLE "payment_notifications" ADD CONSTRAINT "payment_notifications_amount_fen_check" CHECK ("payment_notifications"."amount_fen" >= 0);--> statement-breakpoint
ALTER TABLE "payment_notifications" ADD CONSTRAINT "payment_notifications_deliveries_check" CHECK ("payment_notifications"."deliveries" >= 0);--> statement-breakpoint
ALTER TABLE "payment_refunds" ADD CONSTRAINT "payment_refunds_amount_fen_check" CHECK ("payment_refunds"."amount_fen" >= 0);--> statement-breakpoint
ALTER TABLE "payment_refunds" ADD CONSTRAINT "payment_refunds_status_check" CHECK ("payment_refunds"."status" IN ('pending', 'succeeded', 'failed'));--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_amount_fen_check" CHECK ("payments"."amount_fen" >= 0);--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_refunded_fen_check" CHECK ("payments"."refunded_fen" >= 0);--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_status_check" CHECK ("payments"."status" IN ('pending', 'succeeded', 'failed', 'closed', 'partially_refunded', 'refunded', 'unexpected'));--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_confirmed_by_check" CHECK ("payments"."confirmed_by" IN ('notification', 'query'));--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_unexpected_reason_check" CHECK ("payments"."unexpected_reason" IN ('bills_settled', 'bills_held'));--> statement-breakpoint
ALTER TABLE "sandbox_deliveries" ADD CONSTRAINT "sandbox_deliveries_attempts_check" CHECK ("sandbox_deliveries"."attempts" >= 0);--> statement-breakpoint
ALTER TABLE "sandbox_orders" ADD CONSTRAINT "sandbox_orders_amount_fen_check" CHECK ("sandbox_orders"."amount_fen" >= 0);--> statement-breakpoint
ALTER TABLE "sandbox_orders" ADD CONSTRAINT "sandbox_orders_refunded_fen_check" CHECK ("sandbox_orders"."refunded_fen" >= 0);--> statement-breakpoint
ALTER TABLE "sandbox_orders" ADD CONSTRAINT "sandbox_orders_status_check" CHECK ("sandbox_orders"."status" IN ('pending', 'succeeded', 'failed', 'closed'));--> statement-breakpoint
ALTER TABLE "sandbox_refunds" ADD CONSTRAINT "sandbox_refunds_amount_fen_check" CHECK ("sandbox_refunds"."amount_fen" >= 0);--> statement-breakpoint
ALTER TABLE "sandbox_refunds" ADD CONSTRAINT "sandbox_refunds_status_check" CHECK ("sandbox_refunds"."status" IN ('pending', 'succeeded', 'failed'));--> statement-breakpoint
ALTER TABLE "parking_events" ADD CONSTRAINT "parking_events_direction_check" CHECK ("parking_events"."direction" IN ('entry', 'exit'));--> statement-breakpoint
ALTER TABLE "parking_events" ADD CONSTRAINT "parking_events_result_check" CHECK ("parking_events"."result" IN ('session_opened', 'session_closed', 'duplicate', 'exit_without_entry', 'entry_while_open'));--> statement-breakpoint
ALTER TABLE "parking_gates" ADD CONSTRAINT "parking_gates_direction_check" CHECK ("parking_gates"."direction" IN ('entry', 'exit'));--> statement-breakpoint
ALTER TABLE "parking_lots" ADD CONSTRAINT "parking_lots_capacity_check" CHECK ("parking_lots"."capacity" >= 0);--> statement-breakpoint
ALTER TABLE "parking_lots" ADD CONSTRAINT "parking_lots_free_minutes_check" CHECK ("parking_lots"."free_minutes" >= 0);--> statement-breakpoint
ALTER TABLE "parking_lots" ADD CONSTRAINT "parking_lots_hourly_fen_check" CHECK ("parking_lots"."hourly_fen" >= 0);--> statement-breakpoint
ALTER TABLE "parking_lots" ADD CONSTRAINT "parking_lots_daily_cap_fen_check" CHECK ("parking_lots"."daily_cap_fen" >= 0);--> statement-breakpoint
ALTER TABLE "parking_lots" ADD CONSTRAINT "parking_lots_night_start_minute_check" CHECK ("parking_lots"."night_start_minute" >= 0);--> statement-breakpoint
ALTER TABLE "parking_lots" ADD CONSTRAINT "parking_lots_night_end_minute_check" CHECK ("parking_lots"."night_end_minute" >= 0);--> statement-breakpoint
ALTER TABLE "parking_lots" ADD CONSTRAINT "parking_lots_night_hourly_fen_check" CHECK ("parking_lots"."night_hourly_fen" >= 0);--> statement-breakpoint
ALTER TABLE "parking_lots" ADD CONSTRAINT "parking_lots_monthly_pass_fen_check" CHECK ("parking_lots"."monthly_pass_fen" >= 0);--> statement-breakpoint
ALTER TABLE "parking_reservations" ADD CONSTRAINT "parking_reservations_status_check" CHECK ("parking_reservations"."status" IN ('active', 'cancelled'));--> statement-breakpoint
ALTER TABLE "parking_rights" ADD CONSTRAINT "parking_rights_kind_check" CHECK ("parking_rights"."kind" IN ('monthly_pass', 'enterprise_paid'));--> statement-breakpoint
ALTER TABLE "parking_sessions" ADD CONSTRAINT "parking_sessions_status_check" CHECK ("parking_sessions"."status" IN ('open', 'closed', 'exit_without_entry', 'missed_exit'));--> statement-breakpoint
ALTER TABLE "parking_sessions" ADD CONSTRAINT "parking_sessions_fee_fen_check" CHECK ("parking_sessions"."fee_fen" >= 0);--> statement-breakpoint
ALTER TABLE "parking_sessions" ADD CONSTRAINT "parking_sessions_payer_check" CHECK ("parking_sessions"."payer" IN ('member', 'enterprise', 'pass', 'visitor'));--> statement-breakpoint
ALTER TABLE "dispatch_models" ADD CONSTRAINT "dispatch_models_target_check" CHECK ("dispatch_models"."target" IN ('category', 'team'));--> statement-breakpoint
ALTER TABLE "dispatch_models" ADD CONSTRAINT "dispatch_models_example_count_check" CHECK ("dispatch_models"."example_count" >= 0);--> statement-breakpoint
ALTER TABLE "dispatch_models" ADD CONSTRAINT "dispatch_models_held_out_count_check" CHECK ("dispatch_models"."held_out_count" >= 0);--> statement-breakpoint
ALTER TABLE "dispatch_models" ADD CONSTRAINT "dispatch_models_training_ms_check" CHECK ("dispatch_models"."training_ms" >= 0);--> statement-breakpoint
ALTER TABLE "dispatch_rules" ADD CONSTRAINT "dispatch_rules_min_severity_check" CHECK ("dispatch_rules"."min_severity" IN ('critical', 'major', 'minor', 'info'));--> statement-breakpoint
ALTER TABLE "dispatch_rules" ADD CONSTRAINT "dispatch_rules_category_check" CHECK ("dispatch_rules"."category" IN ('elevator', 'hvac', 'lighting', 'plumbing', 'fire', 'security', 'cleaning', 'network', 'parking', 'electrical', 'other'));--> statement-breakpoint
ALTER TABLE "dispatch_rules" ADD CONSTRAINT "dispatch_rules_priority_check" CHECK ("dispatch_rules"."priority" IN ('urgent', 'high', 'normal', 'low'));--> statement-breakpoint
ALTER TABLE "work_order_attachments" ADD CONSTRAINT "work_order_attachments_size_check" CHECK ("work_order_attachments"."size" >= 0);--> statement-breakpoint
ALTER TABLE "work_order_events" ADD CONSTRAINT "work_order_events_kind_check" CHECK ("work_order_events"."kind" IN ('created', 'classified', 'triaged', 'dispatched', 'accepted', 'started', 'resolved', 'verified', 'closed', 'reopened', 'commented', 'photo_added', 'rated', 'escalated'));--> statement-breakpoint
ALTER TABLE "work_order_events" ADD CONSTRAINT "work_order_events_from_status_check" CHECK ("work_order_events"."from_status" IN ('new', 'dispatched', 'accepted', 'in_progress', 'resolved', 'verified', 'closed'));--> statement-breakpoint
ALTER TABLE "work_order_events" ADD CONSTRAINT "work_order_events_to_status_check" CHECK ("work_order_events"."to_status" IN ('new', 'dispatched', 'accepted', 'in_progress', 'resolved', 'verified', 'closed'));--> statement-breakpoint
ALTER TABLE "work_order_sla_policies" ADD CONSTRAINT "work_order_sla_policies_category_check" CHECK ("work_order_sla_policies"."category" IN ('elevator', 'hvac', 'lighting', 'plumbing', 'fire', 'security', 'cleaning', 'network', 'parking', 'electrical', 'other'));--> statement-breakpoint
ALTER TABLE "work_order_sla_policies" ADD CONSTRAINT "work_order_sla_policies_priority_check" CHECK ("work_order_sla_policies"."priority" IN ('urgent', 'high', 'normal', 'low'));--> statement-breakpoint
ALTER TABLE "work_order_sla_policies" ADD CONSTRAINT "work_order_sla_policies_response_minutes_check" CHECK ("work_order_sla_policies"."response_minutes" >= 0);--> statement-breakpoint
ALTER TABLE "work_order_sla_policies" ADD CONSTRAINT "work_order_sla_policies_resolution_minutes_check" CHECK ("work_order_sla_policies"."resolution_minutes" >= 0);--> statement-breakpoint
ALTER TABLE "work_order_teams" ADD CONSTRAINT "work_order_teams_kind_check" CHECK ("work_order_teams"."kind" IN ('property', 'operator'));--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_source_check" CHECK ("work_orders"."source" IN ('alarm', 'patrol', 'inspection', 'member_request', 'enterprise_request', 'operator'));--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_category_check" CHECK ("work_orders"."category" IN ('elevator', 'hvac', 'lighting', 'plumbing', 'fire', 'security', 'cleaning', 'network', 'parking', 'electrical', 'other'));--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_priority_check" CHECK ("work_orders"."priority" IN ('urgent', 'high', 'normal', 'low'));--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_status_check" CHECK ("work_orders"."status" IN ('new', 'dispatched', 'accepted', 'in_progress', 'resolved', 'verified', 'closed'));--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_escalation_level_check" CHECK ("work_orders"."escalation_level" >= 0);--> statement-breakpoint
ALTER TABLE "work_orders" ADD CONSTRAINT "work_orders_rating_check" CHECK ("work_orders"."rating" >= 0);--> statement-breakpoint
ALTER TABLE "telemetry_1h" ADD CONSTRAINT "telemetry_1h_count_check" CHECK ("telemetry_1h"."count" >= 0);--> statement-breakpoint
ALTER TABLE "telemetry_1m" ADD CONSTRAINT "telemetry_1m_count_check" CHECK ("telemetry_1m"."count" >= 0);--> statement-breakpoint
ALTER TABLE "telemetry_late_hours" ADD CONSTRAINT "telemetry_late_hours_marks_check" CHECK ("telemetry_late_hours"."marks" >= 0);--> statement-breakpoint
ALTER TABLE "telemetry_retention" ADD CONSTRAINT "telemetry_retention_device_type_check" CHECK ("telemetry_retention"."device_type" IN ('camera', 'environment_sensor', 'energy_meter', 'water_meter', 'parking_sensor', 'gate_camera', 'fire_panel', 'thermal_camera', 'drone', 'generic', 'irrigation_valve', 'lighting', 'air_conditioner', 'barrier_gate'));--> statement-breakpoint
ALTER TABLE "telemetry_retention" ADD CONSTRAINT "telemetry_retention_raw_days_check" CHECK ("telemetry_retention"."raw_days" >= 0);--> statement-breakpoint
ALTER TABLE "telemetry_retention" ADD CONSTRAINT "telemetry_retention_minute_days_check" CHECK ("telemetry_retention"."minute_days" >= 0);--> statement-breakpoint
ALTER TABLE "telemetry_retention" ADD CONSTRAINT "telemetry_retention_hour_days_check" CHECK ("telemetry_retention"."hour_days" >= 0);--> statement-breakpoint
ALTER TABLE "alarm_shelves" ADD CONSTRAINT "alarm_shelves_scope_check" CHECK ("alarm_shelves"."scope" IN ('device', 'floor', 'building'));--> statement-breakpoint
ALTER TABLE "device_commands" ADD CONSTRAINT "device_commands_status_check" CHECK ("device_commands"."status" IN ('pending', 'sent', 'acknowledged', 'failed', 'timed_out'));--> statement-breakpoint
ALTER TABLE "device_commands" ADD CONSTRAINT "device_commands_issued_by_kind_check" CHECK ("device_commands"."issued_by_kind" IN ('user', 'rule'));--> statement-breakpoint
ALTER TABLE "device_commands" ADD CONSTRAINT "device_commands_attempts_check" CHECK ("device_commands"."attempts" >= 0);--> statement-breakpoint
ALTER TABLE "device_commands" ADD CONSTRAINT "device_commands_max_attempts_check" CHECK ("device_commands"."max_attempts" >= 0);--> statement-breakpoint
ALTER TABLE "pass_scans" ADD CONSTRAINT "pass_scans_holder_kind_check" CHECK ("pass_scans"."holder_kind" IN ('member', 'visitor'));--> statement-breakpoint
ALTER TABLE "pass_scans" ADD CONSTRAINT "pass_scans_result_check" CHECK ("pass_scans"."result" IN ('accepted', 'rejected'));--> statement-breakpoint
ALTER TABLE "pass_scans" ADD CONSTRAINT "pass_scans_reason_check" CHECK ("pass_scans"."reason" IN ('ok', 'bad_format', 'unknown_key', 'bad_signature', 'not_yet_valid', 'expired', 'wrong_park', 'wrong_site', 'wrong_gate', 'revoked', 'replay', 'duplicate_nonce'));--> statement-breakpoint
ALTER TABLE "pass_scans" ADD CONSTRAINT "pass_scans_via_check" CHECK ("pass_scans"."via" IN ('http', 'mqtt'));--> statement-breakpoint
ALTER TABLE "pass_scans" ADD CONSTRAINT "pass_scans_latency_us_check" CHECK ("pass_scans"."latency_us" >= 0);--> statement-breakpoint
ALTER TABLE "passes" ADD CONSTRAINT "passes_kind_check" CHECK ("passes"."kind" IN ('member', 'visitor'));--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_status_check" CHECK ("event_registrations"."status" IN ('pending', 'confirmed', 'waitlisted', 'cancelled', 'rejected'));--> statement-breakpoint
ALTER TABLE "park_events" ADD CONSTRAINT "park_events_capacity_check" CHECK ("park_events"."capacity" >= 0);--> statement-breakpoint
ALTER TABLE "park_events" ADD CONSTRAINT "park_events_reminder_minutes_check" CHECK ("park_events"."reminder_minutes" >= 0);--> statement-breakpoint
ALTER TABLE "park_events" ADD CONSTRAINT "park_events_status_check" CHECK ("park_events"."status" IN ('published', 'cancelled'));--> statement-breakpoint
ALTER TABLE "park_events" ADD CONSTRAINT "park_events_sequence_check" CHECK ("park_events"."sequence" >= 0);
/**
 * Sentences the server does not write: it sends a code and values, and the web app words them
 * in the user's language (zh-CN or English). Used for alarm messages (stored with the alarm, so
 * history reads in either language) and for rule-trace and dry-run reasons.
 */

/** A code with the values its sentence needs. */
export interface CodedText {
  code: string;
  params: Record<string, unknown>;
}

/**
 * Alarm message codes and their values:
 * - threshold {metric, value, operator, threshold}
 * - rate_of_change {metric, change, seconds, delta, window}
 * - no_data {seconds, lastSeen (ISO or null)}
 * - event {eventType, parts: [{field, value|null, operator, threshold}]}
 * - combination {conditions: [{field, operator, value}], groupBy, window, metric, value}
 * - body_temperature {value, threshold} (fever screening)
 * - incident {kind: INCIDENT_KINDS} (named past incidents of the demo history)
 */
export const ALARM_TEXT_CODES = ['threshold', 'rate_of_change', 'no_data', 'event', 'combination', 'body_temperature', 'incident'] as const;
export const INCIDENT_KINDS = ['smoke', 'over_temperature', 'water_leak', 'cabinet_temperature', 'elevator_trapped'] as const;
export type AlarmTextCode = (typeof ALARM_TEXT_CODES)[number];

/**
 * Rule-trace reason codes (why a rule did or did not fire for a device at a time):
 * out_of_scope_* (device_type {deviceType, ruleDeviceType}, building, floor, tag {tag}, park),
 * no_metric_reading {metric}, threshold_* {metric, value, operator, threshold, clearBound, hysteresis},
 * rate_* {metric, change, seconds, delta, window, direction}, silent_* {gap, limit},
 * combination_* {groupBy | parts}, event_* {eventType, expected, parts, at}, no_events.
 */
export const TRACE_REASON_CODES = [
  'out_of_scope_device_type',
  'out_of_scope_building',
  'out_of_scope_floor',
  'out_of_scope_tag',
  'out_of_scope_park',
  'no_metric_reading',
  'threshold_fired',
  'threshold_repeat',
  'threshold_hysteresis',
  'threshold_cleared',
  'threshold_quiet',
  'rate_first_reading',
  'rate_outside_window',
  'rate_firing',
  'rate_quiet',
  'silent_firing',
  'silent_quiet',
  'silent_never_firing',
  'silent_never_quiet',
  'combination_no_location',
  'combination',
  'event_matched',
  'event_type_mismatch',
  'event_conditions_unmet',
  'no_events',
] as const;
export type TraceReasonCode = (typeof TRACE_REASON_CODES)[number];

/** True when `value` is a code the web app words under `codes` (e.g. an alarm's stored code). */
export function isCodeOf<T extends string>(codes: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (codes as readonly string[]).includes(value);
}

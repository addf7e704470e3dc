import type { RawQuery } from './raw-transaction';

/** The rule engine's request to raise (or repeat) an alarm for one rule and device. */
export interface RaiseRequest {
  ruleId: string;
  deviceId: string;
  /** Readings that met the condition. */
  count: number;
  value: number | null;
  firstTs: number;
  lastTs: number;
  /** The English message (logs, API clients, and the text shown when no code is given). */
  message: string;
  /**
   * The message as a code and values the web app words in the user's language (ALARM_TEXT_CODES);
   * optional so that callers that only have a sentence keep working.
   */
  code?: string;
  params?: Record<string, unknown>;
}

export interface ClearRequest {
  ruleId: string;
  deviceId: string;
  value: number | null;
  ts: number;
}

/** The code and values columns of raise requests (null where a caller gave only a message). */
function codedColumns(requests: readonly Pick<RaiseRequest, 'code' | 'params'>[]): [(string | null)[], (string | null)[]] {
  return [requests.map((r) => r.code ?? null), requests.map((r) => (r.code ? JSON.stringify(r.params ?? {}) : null))];
}

/** How long a long-standing alarm goes between two `repeated` events (the count itself is always exact). */
export const REPEAT_EVENT_INTERVAL_SECONDS = 60;

// What a raise does to an open alarm it meets (device or location conflict target alike): count it,
// reactivate it if cleared, log a repeat at most every REPEAT_EVENT_INTERVAL_SECONDS, and record the event.
const RAISE_UPSERT_TAIL = `    count = a.count + excluded.count,
    last_at = GREATEST(a.last_at, excluded.last_at),
    last_value = excluded.last_value,
    message = excluded.message,
    code = excluded.code,
    params = excluded.params,
    state = CASE WHEN a.state = 'cleared' THEN 'active' ELSE a.state END,
    cleared_at = CASE WHEN a.state = 'cleared' THEN NULL ELSE a.cleared_at END,
    active_since = CASE WHEN a.state = 'cleared' THEN now() ELSE a.active_since END,
    escalation_level = CASE WHEN a.state = 'cleared' THEN 0 ELSE a.escalation_level END,
    suppressed = CASE WHEN a.state = 'cleared' THEN excluded.suppressed ELSE a.suppressed END,
    shelf_id = CASE WHEN a.state = 'cleared' THEN excluded.shelf_id ELSE a.shelf_id END,
    last_change = CASE WHEN a.state = 'cleared' THEN 'reactivated'
                       WHEN a.repeat_logged_at < now() - make_interval(secs => ${REPEAT_EVENT_INTERVAL_SECONDS}) THEN 'repeated'
                       ELSE 'counted' END,
    repeat_logged_at = CASE WHEN a.state = 'cleared' OR a.repeat_logged_at < now() - make_interval(secs => ${REPEAT_EVENT_INTERVAL_SECONDS}) THEN now()
                            ELSE a.repeat_logged_at END,
    updated_at = now()
  RETURNING a.id, a.rule_id, a.last_change, a.count, a.last_value, a.message, a.code, a.params, a.suppressed, a.shelf_id
), ev AS (
  INSERT INTO alarm_events (alarm_id, kind, actor_name, details)
  SELECT id, CASE WHEN suppressed AND last_change IN ('raised', 'reactivated') THEN 'suppressed' ELSE last_change END, 'system',
         jsonb_build_object('count', count, 'value', last_value, 'message', message, 'code', code, 'params', params) || CASE WHEN suppressed THEN jsonb_build_object('shelfId', shelf_id, 'change', last_change) ELSE '{}'::jsonb END
  FROM up WHERE last_change IN ('raised', 'repeated', 'reactivated')
)
SELECT id, rule_id, last_change AS change, suppressed FROM up`;

// One statement per round: the partial unique index (rule_id, device_id) WHERE state <> 'closed'
// turns a concurrent second raise into an update of the open alarm, so instances racing on the
// same device never duplicate it. `last_change` reports what this statement did to each row.
const RAISE_SQL = `
WITH up AS (
  INSERT INTO alarms AS a (rule_id, device_id, park_id, site_id, building_id, floor_id, severity, state, message, code, params, last_value, first_at, last_at, count, last_change, repeat_logged_at, suppressed, shelf_id)
  SELECT u.r, u.d, dv.park_id, dv.site_id, dv.building_id, dv.floor_id, ru.severity, 'active', u.msg, u.c, u.p::jsonb, u.v,
         to_timestamp(u.t0 / 1000.0), to_timestamp(u.t1 / 1000.0), u.n, 'raised', now(), sh.id IS NOT NULL, sh.id
  FROM unnest($1::uuid[], $2::uuid[], $3::int4[], $4::float8[], $5::float8[], $6::float8[], $7::text[], $8::text[], $9::text[]) AS u(r, d, n, v, t0, t1, msg, c, p)
  JOIN devices dv ON dv.id = u.d
  JOIN alarm_rules ru ON ru.id = u.r
  LEFT JOIN LATERAL (
    SELECT s.id FROM alarm_shelves s
    WHERE s.park_id = dv.park_id AND s.cancelled_at IS NULL AND s.starts_at <= now() AND s.ends_at > now()
      AND (s.device_id = dv.id OR s.floor_id = dv.floor_id OR (s.scope = 'building' AND s.building_id = dv.building_id))
    ORDER BY s.ends_at DESC LIMIT 1
  ) sh ON true
  ON CONFLICT (rule_id, device_id) WHERE state <> 'closed' DO UPDATE SET
${RAISE_UPSERT_TAIL}`;

const CLEAR_SQL = `
WITH c AS (
  UPDATE alarms a SET state = 'cleared', cleared_at = to_timestamp(u.t / 1000.0), last_value = COALESCE(u.v, a.last_value), updated_at = now()
  FROM unnest($1::uuid[], $2::uuid[], $3::float8[], $4::float8[]) AS u(r, d, v, t)
  WHERE a.rule_id = u.r AND a.device_id = u.d AND a.state IN ('active', 'acknowledged')
  RETURNING a.id, u.v
), ev AS (
  INSERT INTO alarm_events (alarm_id, kind, actor_name, details)
  SELECT id, 'cleared', 'system', jsonb_build_object('value', v) FROM c
)
SELECT id FROM c`;

/** An alarm a raise opened or reactivated (not a repeat): rule actions run for these. */
export interface FiredAlarm {
  alarmId: string;
  ruleId: string;
  change: 'raised' | 'reactivated';
  suppressed: boolean;
}

/** What one round of writes did. */
export interface WriteResult {
  raised: number;
  repeated: number;
  reactivated: number;
  cleared: number;
}

/**
 * Raises or repeats alarms; each (rule, device) at most once per call.
 * Runs inside the caller's transaction.
 */
export async function raiseAlarms(query: RawQuery, requests: readonly RaiseRequest[], changedIds?: string[]): Promise<Omit<WriteResult, 'cleared'> & { raisedIds: string[]; fired: FiredAlarm[] }> {
  const result = { raised: 0, repeated: 0, reactivated: 0, raisedIds: [] as string[], fired: [] as FiredAlarm[] };
  if (requests.length === 0) return result;
  const rows = await query<{ id: string; rule_id: string; change: string; suppressed: boolean }>(RAISE_SQL, [
    requests.map((r) => r.ruleId),
    requests.map((r) => r.deviceId),
    requests.map((r) => r.count),
    requests.map((r) => r.value),
    requests.map((r) => r.firstTs),
    requests.map((r) => r.lastTs),
    requests.map((r) => r.message),
    ...codedColumns(requests),
  ]);
  for (const r of rows) {
    changedIds?.push(r.id);
    if (r.change === 'raised' || r.change === 'reactivated') result.fired.push({ alarmId: r.id, ruleId: r.rule_id, change: r.change, suppressed: r.suppressed });
    if (r.change === 'raised') {
      result.raised++;
      if (!r.suppressed) result.raisedIds.push(r.id); // shelved alarms open no work orders
    }
    else if (r.change === 'reactivated') result.reactivated++;
    else result.repeated++;
  }
  return result;
}

/** Clears the open, uncleared alarm of each (rule, device), if any. */
export async function clearAlarms(query: RawQuery, requests: readonly ClearRequest[], changedIds?: string[]): Promise<number> {
  if (requests.length === 0) return 0;
  const rows = await query<{ id: string }>(CLEAR_SQL, [requests.map((r) => r.ruleId), requests.map((r) => r.deviceId), requests.map((r) => r.value), requests.map((r) => r.ts)]);
  for (const r of rows) changedIds?.push(r.id);
  return rows.length;
}

/** The rule engine's request to raise (or repeat) a combination rule's alarm for one location. */
export interface LocationRaiseRequest extends Omit<RaiseRequest, 'deviceId'> {
  /** A floor or a building id. */
  locationId: string;
}

export interface LocationClearRequest extends Omit<ClearRequest, 'deviceId'> {
  locationId: string;
}

// As RAISE_SQL, keyed by (rule, location) through the partial unique index alarms_open_rule_location_uq.
const RAISE_LOCATION_SQL = `
WITH up AS (
  INSERT INTO alarms AS a (rule_id, device_id, location_id, park_id, site_id, building_id, floor_id, severity, state, message, code, params, last_value, first_at, last_at, count, last_change, repeat_logged_at, suppressed, shelf_id)
  SELECT u.r, NULL, u.l, ru.park_id, b.site_id, b.id, f.id, ru.severity, 'active', u.msg, u.c, u.p::jsonb, u.v,
         to_timestamp(u.t0 / 1000.0), to_timestamp(u.t1 / 1000.0), u.n, 'raised', now(), sh.id IS NOT NULL, sh.id
  FROM unnest($1::uuid[], $2::uuid[], $3::int4[], $4::float8[], $5::float8[], $6::float8[], $7::text[], $8::text[], $9::text[]) AS u(r, l, n, v, t0, t1, msg, c, p)
  JOIN alarm_rules ru ON ru.id = u.r
  LEFT JOIN floors f ON f.id = u.l
  LEFT JOIN buildings b ON b.id = COALESCE(f.building_id, u.l)
  LEFT JOIN LATERAL (
    SELECT s.id FROM alarm_shelves s
    WHERE s.park_id = ru.park_id AND s.cancelled_at IS NULL AND s.starts_at <= now() AND s.ends_at > now()
      AND ((s.scope = 'floor' AND s.floor_id = f.id) OR (s.scope = 'building' AND s.building_id = b.id))
    ORDER BY s.ends_at DESC LIMIT 1
  ) sh ON true
  ON CONFLICT (rule_id, location_id) WHERE state <> 'closed' AND device_id IS NULL DO UPDATE SET
${RAISE_UPSERT_TAIL}`;

const CLEAR_LOCATION_SQL = `
WITH c AS (
  UPDATE alarms a SET state = 'cleared', cleared_at = to_timestamp(u.t / 1000.0), last_value = COALESCE(u.v, a.last_value), updated_at = now()
  FROM unnest($1::uuid[], $2::uuid[], $3::float8[], $4::float8[]) AS u(r, l, v, t)
  WHERE a.rule_id = u.r AND a.location_id = u.l AND a.device_id IS NULL AND a.state IN ('active', 'acknowledged')
  RETURNING a.id, u.v
), ev AS (
  INSERT INTO alarm_events (alarm_id, kind, actor_name, details)
  SELECT id, 'cleared', 'system', jsonb_build_object('value', v) FROM c
)
SELECT id FROM c`;

/** Raises or repeats location alarms; each (rule, location) at most once per call. Inside the caller's transaction. */
export async function raiseLocationAlarms(query: RawQuery, requests: readonly LocationRaiseRequest[]): Promise<Omit<WriteResult, 'cleared'> & { fired: FiredAlarm[] }> {
  const result = { raised: 0, repeated: 0, reactivated: 0, fired: [] as FiredAlarm[] };
  if (requests.length === 0) return result;
  const rows = await query<{ id: string; rule_id: string; change: string; suppressed: boolean }>(RAISE_LOCATION_SQL, [
    requests.map((r) => r.ruleId),
    requests.map((r) => r.locationId),
    requests.map((r) => r.count),
    requests.map((r) => r.value),
    requests.map((r) => r.firstTs),
    requests.map((r) => r.lastTs),
    requests.map((r) => r.message),
    ...codedColumns(requests),
  ]);
  for (const r of rows) {
    if (r.change === 'raised' || r.change === 'reactivated') result.fired.push({ alarmId: r.id, ruleId: r.rule_id, change: r.change, suppressed: r.suppressed });
    if (r.change === 'raised') result.raised++;
    else if (r.change === 'reactivated') result.reactivated++;
    else result.repeated++;
  }
  return result;
}

/** Clears the open, uncleared alarm of each (rule, location), if any. */
export async function clearLocationAlarms(query: RawQuery, requests: readonly LocationClearRequest[]): Promise<number> {
  if (requests.length === 0) return 0;
  const rows = await query(CLEAR_LOCATION_SQL, [requests.map((r) => r.ruleId), requests.map((r) => r.locationId), requests.map((r) => r.value), requests.map((r) => r.ts)]);
  return rows.length;
}

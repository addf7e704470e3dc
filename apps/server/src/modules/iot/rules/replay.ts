import type { CodedText } from '@parkos/contracts';
import type { Database } from '../../../db/client';
import { asCombination, inScope, locationOf, type ScopedDevice } from './combination-engine';
import { evaluateCombination, explainCombination, type LocationReading } from './combination-logic';
import { explainEvent, eventMessage, eventText, type DeviceEvent } from './event-logic';
import { clearBound, compare, evaluateReadings, type EvaluableRule, type Reading, type RuleOp, type RuleState } from './rule-logic';
import type { alarmRules } from './rules.table';

/** A rule as replay needs it: a stored row or an unsaved definition in the same shape. */
export type ReplayRule = Omit<typeof alarmRules.$inferSelect, 'createdAt' | 'updatedAt' | 'description'>;

/** One time the rule would have fired: from the first firing until it cleared (null: still firing at the end). */
export interface Episode {
  subjectKind: 'device' | 'location';
  subjectId: string;
  /** Device code, or the location id. */
  label: string;
  firedAt: number;
  lastAt: number;
  clearedAt: number | null;
  /** Readings or events that met the condition during the episode. */
  count: number;
  message: string;
  /** The message as a code and values (ALARM_TEXT_CODES) for the web app to word. */
  code?: string;
  params?: Record<string, unknown>;
}

export interface DryRunResult {
  from: number;
  to: number;
  devices: number;
  readings: number;
  events: number;
  episodes: Episode[];
  /** History was cut at MAX_READINGS readings. */
  truncated: boolean;
}

/** Most readings one replay reads. */
export const MAX_READINGS = 200_000;
const DAY_MS = 24 * 3_600_000;
const fmt = (n: number) => String(Math.round(n * 1000) / 1000);

type Row = { device_id: string; metric: string; ts: number; value: number };

async function devicesInScope(database: Database, rule: ReplayRule): Promise<(ScopedDevice & { code: string; created_at: number })[]> {
  const rows = await database.query<ScopedDevice & { code: string; created_at: number }>(
    'SELECT id, code, type, park_id, building_id, floor_id, tags, (extract(epoch FROM created_at) * 1000)::float8 AS created_at FROM devices WHERE park_id = $1 ORDER BY code',
    [rule.parkId],
  );
  return rows.filter((d) => inScope(rule, d));
}

async function telemetryOf(database: Database, deviceIds: string[], metrics: string[] | null, from: number, to: number): Promise<Row[]> {
  if (deviceIds.length === 0) return [];
  const metricFilter = metrics ? 'AND metric = ANY($4::text[])' : '';
  return database.query<Row>(
    `SELECT device_id, metric, (extract(epoch FROM ts) * 1000)::float8 AS ts, value FROM telemetry
     WHERE device_id = ANY($1::uuid[]) AND ts >= to_timestamp($2 / 1000.0) AND ts <= to_timestamp($3 / 1000.0) ${metricFilter}
     ORDER BY ts LIMIT ${MAX_READINGS + 1}`,
    metrics ? [deviceIds, from, to, metrics] : [deviceIds, from, to],
  );
}

async function eventsOf(database: Database, deviceIds: string[], type: string | null, from: number, to: number): Promise<(DeviceEvent & { device_id: string })[]> {
  if (deviceIds.length === 0) return [];
  const rows = await database.query<{ device_id: string; type: string; ts: number; event_id: string | null; attributes: Record<string, unknown> }>(
    `SELECT device_id, type, (extract(epoch FROM ts) * 1000)::float8 AS ts, event_id, attributes FROM device_events
     WHERE device_id = ANY($1::uuid[]) AND ts >= to_timestamp($2 / 1000.0) AND ts <= to_timestamp($3 / 1000.0) ${type ? 'AND type = $4' : ''}
     ORDER BY ts LIMIT ${MAX_READINGS + 1}`,
    type ? [deviceIds, from, to, type] : [deviceIds, from, to],
  );
  return rows.map((r) => ({ device_id: r.device_id, type: r.type, ts: r.ts, eventId: r.event_id, attributes: r.attributes }));
}

/** Folds a subject's ops into episodes: a raise opens one (or repeats it), a clear ends it. */
export function episodesOf(ops: readonly RuleOp[], subject: Pick<Episode, 'subjectKind' | 'subjectId' | 'label'>): Episode[] {
  const out: Episode[] = [];
  let open: Episode | undefined;
  for (const op of ops) {
    if (op.type === 'raise') {
      if (!open) out.push((open = { ...subject, firedAt: op.firstTs, lastAt: op.lastTs, clearedAt: null, count: 0, message: op.message, code: op.code, params: op.params }));
      open.count += op.count;
      open.lastAt = Math.max(open.lastAt, op.lastTs);
      open.message = op.message;
      open.code = op.code;
      open.params = op.params;
    } else if (open) {
      open.clearedAt = op.ts;
      open = undefined;
    }
  }
  return out;
}

/** Silent periods of one device from its reading times: fired `silentSeconds` after a reading with none following, cleared at the next. */
export function silentEpisodes(seconds: number, previous: number, times: readonly number[], to: number, subject: Pick<Episode, 'subjectKind' | 'subjectId' | 'label'>): Episode[] {
  const out: Episode[] = [];
  const limit = seconds * 1000;
  let last = previous;
  const message = `no data for ${seconds} s`;
  const text = { code: 'no_data', params: { seconds, lastSeen: null } };
  for (const ts of [...times, Infinity]) {
    const end = Math.min(ts, to);
    if (end - last > limit) out.push({ ...subject, firedAt: last + limit, lastAt: last + limit, clearedAt: ts === Infinity ? null : ts, count: 1, message, ...text });
    if (ts === Infinity) break;
    last = Math.max(last, ts);
  }
  return out;
}

const asEvaluable = (r: ReplayRule): EvaluableRule => ({ ...r, threshold: r.threshold });

/**
 * Dry run: replays a rule (saved or not) over the history of `[to − 1 day, to]`
 * — telemetry and device events — with the engine's own deterministic logic,
 * starting from a clear state, and returns when it would have fired and cleared.
 */
export async function dryRun(database: Database, rule: ReplayRule, to = Date.now(), from = to - DAY_MS): Promise<DryRunResult> {
  const devices = await devicesInScope(database, rule);
  const byId = new Map(devices.map((d) => [d.id, d]));
  const ids = devices.map((d) => d.id);
  const result: DryRunResult = { from, to, devices: devices.length, readings: 0, events: 0, episodes: [], truncated: false };
  const subject = (d: { id: string; code: string }) => ({ subjectKind: 'device' as const, subjectId: d.id, label: d.code });

  if (rule.kind === 'threshold' || rule.kind === 'rate_of_change') {
    const rows = await telemetryOf(database, ids, [rule.metric!], from, to);
    result.truncated = rows.length > MAX_READINGS;
    result.readings = Math.min(rows.length, MAX_READINGS);
    const perDevice = new Map<string, Reading[]>();
    for (const r of rows.slice(0, MAX_READINGS)) {
      const list = perDevice.get(r.device_id) ?? [];
      list.push({ ts: r.ts, value: r.value });
      perDevice.set(r.device_id, list);
    }
    for (const [deviceId, readings] of perDevice) {
      const { ops } = evaluateReadings(asEvaluable(rule), { isActive: false, lastValue: null, lastTs: null }, readings);
      result.episodes.push(...episodesOf(ops, subject(byId.get(deviceId)!)));
    }
  } else if (rule.kind === 'combination') {
    const combo = asCombination(rule as never);
    const rows = await telemetryOf(
      database,
      ids,
      combo.conditions.map((c) => c.field),
      from,
      to,
    );
    result.truncated = rows.length > MAX_READINGS;
    result.readings = Math.min(rows.length, MAX_READINGS);
    const perLocation = new Map<string, LocationReading[]>();
    for (const r of rows.slice(0, MAX_READINGS)) {
      const loc = locationOf(rule, byId.get(r.device_id)!);
      if (!loc) continue;
      const list = perLocation.get(loc) ?? [];
      list.push({ ts: r.ts, metric: r.metric, value: r.value, deviceId: r.device_id });
      perLocation.set(loc, list);
    }
    for (const [loc, readings] of perLocation) {
      const { ops } = evaluateCombination(combo, { isActive: false, metAt: [], lastTs: null }, readings);
      result.episodes.push(...episodesOf(ops, { subjectKind: 'location', subjectId: loc, label: loc }));
    }
  } else if (rule.kind === 'silent') {
    const rows = await telemetryOf(database, ids, null, from, to);
    result.truncated = rows.length > MAX_READINGS;
    result.readings = Math.min(rows.length, MAX_READINGS);
    const before = ids.length
      ? await database.query<{ device_id: string; ts: number }>(
          'SELECT device_id, (extract(epoch FROM max(ts)) * 1000)::float8 AS ts FROM telemetry WHERE device_id = ANY($1::uuid[]) AND ts < to_timestamp($2 / 1000.0) GROUP BY device_id',
          [ids, from],
        )
      : [];
    const prev = new Map(before.map((b) => [b.device_id, b.ts]));
    const times = new Map<string, number[]>();
    for (const r of rows.slice(0, MAX_READINGS)) {
      const list = times.get(r.device_id) ?? [];
      list.push(r.ts);
      times.set(r.device_id, list);
    }
    for (const d of devices) {
      const own = times.get(d.id) ?? [];
      const start = prev.get(d.id) ?? Math.min(Math.max(d.created_at, from), own[0] ?? Infinity);
      result.episodes.push(...silentEpisodes(rule.silentSeconds!, start, own, to, subject(d)));
    }
  } else if (rule.kind === 'event') {
    const events = await eventsOf(database, ids, rule.eventType, from, to);
    result.events = events.length;
    result.truncated = events.length > MAX_READINGS;
    const perDevice = new Map<string, Episode>();
    for (const e of events.slice(0, MAX_READINGS)) {
      if (!explainEvent(rule, e).matches) continue;
      const ep = perDevice.get(e.device_id);
      if (ep) {
        ep.count++;
        ep.lastAt = e.ts;
        ep.message = eventMessage(rule, e);
        Object.assign(ep, eventText(rule, e));
      } else perDevice.set(e.device_id, { ...subject(byId.get(e.device_id)!), firedAt: e.ts, lastAt: e.ts, clearedAt: null, count: 1, message: eventMessage(rule, e), ...eventText(rule, e) });
    }
    result.episodes.push(...perDevice.values());
  }
  result.episodes.sort((a, b) => a.firedAt - b.firedAt || a.label.localeCompare(b.label));
  return result;
}

/** Why one rule fired or did not for a device at a time. */
export interface TraceEntry {
  ruleId: string;
  ruleName: string;
  kind: ReplayRule['kind'];
  severity: ReplayRule['severity'];
  enabled: boolean;
  inScope: boolean;
  /** firing: the condition held at `at`; quiet: it did not; no_data: nothing to evaluate; out_of_scope: the rule does not cover this device. */
  verdict: 'firing' | 'quiet' | 'no_data' | 'out_of_scope';
  /** The reading or event the verdict rests on (epoch ms). */
  ts: number | null;
  value: number | null;
  /** English, for logs and API clients. */
  explanation: string;
  /** The explanation as a code (TRACE_REASON_CODES) and values, worded by the web app. */
  reason: CodedText;
  details: Record<string, unknown>;
  /** The last evaluations before `at`, oldest first. */
  steps: { ts: number; value: number; activeBefore: boolean; activeAfter: boolean; op: 'raise' | 'repeat' | 'clear' | null }[];
}

function scopeMismatch(rule: ReplayRule, d: ScopedDevice): [string, CodedText] {
  if (rule.deviceType && rule.deviceType !== d.type) return [`device type ${d.type} ≠ ${rule.deviceType}`, { code: 'out_of_scope_device_type', params: { deviceType: d.type, ruleDeviceType: rule.deviceType } }];
  if (rule.buildingId && rule.buildingId !== d.building_id) return ['another building', { code: 'out_of_scope_building', params: {} }];
  if (rule.floorId && rule.floorId !== d.floor_id) return ['another floor', { code: 'out_of_scope_floor', params: {} }];
  if (rule.tag && !d.tags.includes(rule.tag)) return [`no tag ${rule.tag}`, { code: 'out_of_scope_tag', params: { tag: rule.tag } }];
  return ['another park', { code: 'out_of_scope_park', params: {} }];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * The rule trace of one device at one time: for each rule of its park,
 * replays the rule's deterministic logic over the device's last day of
 * history up to `at` and says whether it fired and why (values, thresholds,
 * hysteresis state, windows, event attributes).
 */
export async function traceDevice(database: Database, rules: readonly ReplayRule[], deviceId: string, at: number): Promise<TraceEntry[]> {
  const [d] = await database.query<ScopedDevice & { code: string; created_at: number }>(
    'SELECT id, code, type, park_id, building_id, floor_id, tags, (extract(epoch FROM created_at) * 1000)::float8 AS created_at FROM devices WHERE id = $1',
    [deviceId],
  );
  if (!d) return [];
  const from = at - DAY_MS;
  const out: TraceEntry[] = [];
  for (const rule of rules) {
    const base = { ruleId: rule.id, ruleName: rule.name, kind: rule.kind, severity: rule.severity, enabled: rule.isEnabled, inScope: inScope(rule, d), ts: null, value: null, details: {}, steps: [] };
    if (!base.inScope) {
      const [why, reason] = scopeMismatch(rule, d);
      out.push({ ...base, verdict: 'out_of_scope', explanation: `not evaluated: ${why}`, reason });
      continue;
    }
    if (rule.kind === 'threshold' || rule.kind === 'rate_of_change') {
      const rows = await telemetryOf(database, [d.id], [rule.metric!], from, at);
      if (rows.length === 0) {
        out.push({ ...base, verdict: 'no_data', explanation: `no ${rule.metric} reading in the day before`, reason: { code: 'no_metric_reading', params: { metric: rule.metric } } });
        continue;
      }
      let state: RuleState = { isActive: false, lastValue: null, lastTs: null };
      const steps: TraceEntry['steps'] = [];
      for (const r of rows.slice(-MAX_READINGS)) {
        const before = state;
        const res = evaluateReadings(asEvaluable(rule), state, [{ ts: r.ts, value: r.value }]);
        state = res.state;
        const op = res.ops[0];
        steps.push({ ts: r.ts, value: r.value, activeBefore: before.isActive, activeAfter: state.isActive, op: !op ? null : op.type === 'clear' ? 'clear' : before.isActive ? 'repeat' : 'raise' });
      }
      const last = steps.at(-1)!;
      const prev = steps.at(-2);
      let explanation: string;
      let reason: CodedText;
      let details: Record<string, unknown>;
      if (rule.kind === 'threshold') {
        const bound = clearBound(rule);
        const over = compare(last.value, rule.operator!, rule.threshold!);
        details = { metric: rule.metric, operator: rule.operator, threshold: rule.threshold, hysteresis: rule.hysteresis, clearBound: bound, activeBefore: last.activeBefore, activeAfter: last.activeAfter };
        explanation = over
          ? `${rule.metric} ${fmt(last.value)} ${rule.operator} ${fmt(rule.threshold!)}: ${last.activeBefore ? 'still firing (repeat)' : 'fired'}`
          : last.activeAfter
            ? `${rule.metric} ${fmt(last.value)} is not ${rule.operator} ${fmt(rule.threshold!)} but inside the hysteresis band (clears past ${fmt(bound)}): still firing`
            : last.op === 'clear'
              ? `${rule.metric} ${fmt(last.value)} is back past ${fmt(bound)} (threshold ${fmt(rule.threshold!)} ∓ hysteresis ${fmt(rule.hysteresis)}): cleared`
              : `${rule.metric} ${fmt(last.value)} is not ${rule.operator} ${fmt(rule.threshold!)}: not firing`;
        const params = { metric: rule.metric, value: round(last.value), operator: rule.operator, threshold: rule.threshold, clearBound: round(bound), hysteresis: rule.hysteresis };
        reason = { code: over ? (last.activeBefore ? 'threshold_repeat' : 'threshold_fired') : last.activeAfter ? 'threshold_hysteresis' : last.op === 'clear' ? 'threshold_cleared' : 'threshold_quiet', params };
      } else {
        const change = prev ? last.value - prev.value : null;
        const seconds = prev ? (last.ts - prev.ts) / 1000 : null;
        details = { metric: rule.metric, previous: prev?.value ?? null, change, seconds, delta: rule.delta, windowSeconds: rule.windowSeconds, direction: rule.direction };
        explanation = !prev
          ? 'first reading of the day: nothing to compare with'
          : seconds! > rule.windowSeconds!
            ? `previous reading ${fmt(seconds!)} s earlier, outside the ${rule.windowSeconds} s window: not firing`
            : `${rule.metric} changed by ${fmt(change!)} in ${fmt(seconds!)} s (limit ${fmt(rule.delta!)}, ${rule.direction ?? 'any'}): ${last.activeAfter ? 'firing' : 'not firing'}`;
        const params = { metric: rule.metric, change: change === null ? null : round(change), seconds: seconds === null ? null : round(seconds), delta: rule.delta, window: rule.windowSeconds, direction: rule.direction ?? 'any' };
        reason = { code: !prev ? 'rate_first_reading' : seconds! > rule.windowSeconds! ? 'rate_outside_window' : last.activeAfter ? 'rate_firing' : 'rate_quiet', params };
      }
      out.push({ ...base, verdict: last.activeAfter ? 'firing' : 'quiet', ts: last.ts, value: last.value, explanation, reason, details, steps: steps.slice(-10) });
    } else if (rule.kind === 'silent') {
      const [row] = await database.query<{ ts: number | null }>('SELECT (extract(epoch FROM max(ts)) * 1000)::float8 AS ts FROM telemetry WHERE device_id = $1 AND ts <= to_timestamp($2 / 1000.0)', [d.id, at]);
      const lastSeen = row?.ts ?? null;
      const since = lastSeen ?? d.created_at;
      const gap = (at - since) / 1000;
      const firing = gap > rule.silentSeconds!;
      out.push({
        ...base,
        verdict: firing ? 'firing' : 'quiet',
        ts: lastSeen,
        explanation: `${lastSeen ? `last reading ${fmt(gap)} s before` : `never reported; registered ${fmt(gap)} s before`} (limit ${rule.silentSeconds} s): ${firing ? 'silent' : 'not silent'}`,
        reason: { code: `silent_${lastSeen ? '' : 'never_'}${firing ? 'firing' : 'quiet'}`, params: { gap: round(gap), limit: rule.silentSeconds } },
        details: { lastSeen, gapSeconds: gap, silentSeconds: rule.silentSeconds },
      });
    } else if (rule.kind === 'combination') {
      const combo = asCombination(rule as never);
      const loc = locationOf(rule, d);
      if (!loc) {
        out.push({ ...base, verdict: 'no_data', explanation: `the device has no ${combo.groupBy}: combination rules group by it`, reason: { code: 'combination_no_location', params: { groupBy: combo.groupBy } } });
        continue;
      }
      const peers = (await devicesInScope(database, rule)).filter((p) => locationOf(rule, p) === loc);
      const rows = await telemetryOf(
        database,
        peers.map((p) => p.id),
        combo.conditions.map((c) => c.field),
        from,
        at,
      );
      const { state } = evaluateCombination(
        combo,
        { isActive: false, metAt: [], lastTs: null },
        rows.map((r) => ({ ts: r.ts, metric: r.metric, value: r.value, deviceId: r.device_id })),
      );
      const why = explainCombination(combo, state.metAt, at);
      out.push({
        ...base,
        verdict: why.holds ? 'firing' : 'quiet',
        explanation: `${why.parts.map((p) => `${p.condition}: ${p.metAt === null ? 'not met today' : p.inWindow ? 'met within the window' : `last met ${fmt((at - p.metAt) / 1000)} s before (window ${combo.windowSeconds} s)`}`).join('; ')}`,
        reason: {
          code: 'combination',
          params: {
            window: combo.windowSeconds,
            parts: why.parts.map((p, i) => {
              const c = combo.conditions[i];
              return { field: c.field, operator: c.operator, value: c.value, state: p.metAt === null ? 'not_met' : p.inWindow ? 'in_window' : 'met_before', secondsAgo: p.metAt === null ? null : round((at - p.metAt) / 1000) };
            }),
          },
        },
        details: { locationId: loc, groupBy: combo.groupBy, windowSeconds: combo.windowSeconds, devices: peers.length, parts: why.parts },
      });
    } else if (rule.kind === 'event') {
      const events = (await eventsOf(database, [d.id], null, from, at)).slice(-20);
      const judged = events.map((e) => ({ e, why: explainEvent(rule, e) }));
      const match = [...judged].reverse().find((j) => j.why.matches);
      const last = judged.at(-1);
      out.push({
        ...base,
        verdict: match ? 'firing' : events.length ? 'quiet' : 'no_data',
        ts: (match ?? last)?.e.ts ?? null,
        explanation: match
          ? `event ${match.e.type} at ${new Date(match.e.ts).toISOString()} matched: ${eventMessage(rule, match.e)}`
          : last
            ? `latest event ${last.e.type}: ${!last.why.typeMatches ? `type is not ${rule.eventType}` : last.why.parts.filter((p) => !p.met).map((p) => `${p.condition} not met (${p.value ?? 'missing'})`).join(', ')}`
            : 'no events in the day before',
        reason: match
          ? { code: 'event_matched', params: { ...eventText(rule, match.e).params, at: new Date(match.e.ts).toISOString() } }
          : last
            ? !last.why.typeMatches
              ? { code: 'event_type_mismatch', params: { eventType: last.e.type, expected: rule.eventType } }
              : { code: 'event_conditions_unmet', params: { eventType: last.e.type, parts: eventText(rule, last.e).params.parts } }
            : { code: 'no_events', params: {} },
        details: { eventType: rule.eventType, conditions: rule.conditions, events: judged.slice(-5).map((j) => ({ type: j.e.type, ts: j.e.ts, attributes: j.e.attributes, matches: j.why.matches })) },
      });
    }
  }
  return out;
}

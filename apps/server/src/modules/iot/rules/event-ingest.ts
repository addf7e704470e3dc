import type { Database } from '../../../db/client';
import { raiseAlarms, type FiredAlarm, type RaiseRequest } from '../alarms/alarm-writer';
import { rawTransaction } from '../alarms/raw-transaction';
import { inScope, type ScopedDevice } from './combination-engine';
import { eventMessage, eventText, explainEvent, parseEvents, type DeviceEvent, type EventRejection } from './event-logic';
import type { alarmRules } from './rules.table';

type RuleRow = typeof alarmRules.$inferSelect;

export interface EventIngestResult {
  accepted: number;
  /** Events with an `id` already stored (redelivery): not stored or evaluated again. */
  duplicates: number;
  rejected: number;
  rejections: EventRejection[];
  alarms: number;
}

export interface EventIngestStats {
  events: number;
  duplicates: number;
  rejected: number;
  alarms: number;
  errors: number;
}

const INSERT_SQL = `
INSERT INTO device_events (device_id, park_id, type, ts, event_id, attributes)
SELECT $1::uuid, $2::uuid, u.ty, to_timestamp(u.t / 1000.0), u.eid, u.attrs::jsonb
FROM unnest($3::text[], $4::float8[], $5::text[], $6::text[]) AS u(ty, t, eid, attrs)
ON CONFLICT (device_id, event_id) WHERE event_id IS NOT NULL DO NOTHING
RETURNING id, type, (extract(epoch FROM ts) * 1000)::float8 AS ts, event_id, attributes`;

/**
 * Device events (fever, intrusion, …): stores each accepted event and, in the
 * same transaction, raises the alarms of the enabled `event` rules whose type,
 * scope and attribute conditions it matches — so a QoS 1 PUBACK (sent after
 * this resolves) means event and alarm are both committed. Repeats of an open
 * alarm increment its count, as for telemetry.
 */
export function createEventIngest(deps: {
  database: Database;
  eventRules: () => Promise<RuleRow[]>;
  log?: { error(obj: object, msg: string): void };
  /** Runs the actions of rules that fired, after the commit (the engine's `act`). */
  act?: (fired: FiredAlarm[]) => Promise<void>;
}) {
  const { database } = deps;
  const stats: EventIngestStats = { events: 0, duplicates: 0, rejected: 0, alarms: 0, errors: 0 };

  async function handle(device: { id: string }, payload: Buffer | string | object): Promise<EventIngestResult> {
    const parsed = parseEvents(payload);
    stats.rejected += parsed.rejections.length;
    const result: EventIngestResult = { accepted: 0, duplicates: 0, rejected: parsed.rejections.length, rejections: parsed.rejections, alarms: 0 };
    if (parsed.events.length === 0) return result;
    const [scope] = await database.query<ScopedDevice>('SELECT id, type, park_id, building_id, floor_id, tags FROM devices WHERE id = $1', [device.id]);
    if (!scope) return result;
    const rules = (await deps.eventRules()).filter((r) => inScope(r, scope));
    const { stored, raised, fired } = await rawTransaction(database, async (query) => {
      const rows = await query<{ id: number; type: string; ts: number; event_id: string | null; attributes: Record<string, unknown> }>(INSERT_SQL, [
        scope.id,
        scope.park_id,
        parsed.events.map((e) => e.type),
        parsed.events.map((e) => e.ts),
        parsed.events.map((e) => e.eventId),
        parsed.events.map((e) => JSON.stringify(e.attributes)),
      ]);
      const stored: DeviceEvent[] = rows.map((r) => ({ type: r.type, ts: r.ts, eventId: r.event_id, attributes: r.attributes }));
      const requests = raiseRequestsFor(rules, scope.id, stored);
      const w = await raiseAlarms(query, requests);
      return { stored, raised: w.raised + w.reactivated + w.repeated, fired: w.fired };
    });
    await deps.act?.(fired);
    result.accepted = stored.length;
    result.duplicates = parsed.events.length - stored.length;
    result.alarms = raised;
    stats.events += stored.length;
    stats.duplicates += result.duplicates;
    stats.alarms += raised;
    return result;
  }

  return { stats, handle };
}

/** One raise per matching rule, counting every event that matched it. */
export function raiseRequestsFor(rules: readonly RuleRow[], deviceId: string, events: readonly DeviceEvent[]): RaiseRequest[] {
  const out: RaiseRequest[] = [];
  for (const rule of rules) {
    const matching = events.filter((e) => explainEvent(rule, e).matches).sort((a, b) => a.ts - b.ts);
    if (matching.length === 0) continue;
    const last = matching.at(-1)!;
    const first = rule.conditions?.[0]?.field;
    const v = first === undefined ? null : Number(last.attributes[first]);
    out.push({ ruleId: rule.id, deviceId, count: matching.length, value: v !== null && Number.isFinite(v) ? v : null, firstTs: matching[0].ts, lastTs: last.ts, message: eventMessage(rule, last), ...eventText(rule, last) });
  }
  return out;
}

export type EventIngest = ReturnType<typeof createEventIngest>;

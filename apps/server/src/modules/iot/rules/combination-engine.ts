import type { Database } from '../../../db/client';
import { clearLocationAlarms, raiseLocationAlarms, type FiredAlarm, type LocationClearRequest, type LocationRaiseRequest, type WriteResult } from '../alarms/alarm-writer';
import { rawTransaction } from '../alarms/raw-transaction';
import { evaluateCombination, type CombinationRule, type LocationReading, type LocationState } from './combination-logic';
import type { RuleOp } from './rule-logic';
import type { alarmRules } from './rules.table';

type RuleRow = typeof alarmRules.$inferSelect;

/** A device as the engine sees it: where it is and what it is tagged with. */
export interface ScopedDevice {
  id: string;
  type: string;
  park_id: string;
  building_id: string | null;
  floor_id: string | null;
  tags: string[];
}

/** Whether a device is in a rule's scope (park, then every scope field given). */
export function inScope(rule: Pick<RuleRow, 'parkId' | 'deviceType' | 'buildingId' | 'floorId' | 'tag'>, d: ScopedDevice): boolean {
  return (
    rule.parkId === d.park_id &&
    (!rule.deviceType || rule.deviceType === d.type) &&
    (!rule.buildingId || rule.buildingId === d.building_id) &&
    (!rule.floorId || rule.floorId === d.floor_id) &&
    (!rule.tag || d.tags.includes(rule.tag))
  );
}

export function asCombination(r: RuleRow): CombinationRule {
  return { id: r.id, conditions: r.conditions ?? [], windowSeconds: r.windowSeconds ?? 60, groupBy: r.groupBy ?? 'floor' };
}

/** The location a device contributes to under a combination rule, if any. */
export function locationOf(rule: Pick<RuleRow, 'groupBy'>, d: Pick<ScopedDevice, 'building_id' | 'floor_id'>): string | null {
  return (rule.groupBy ?? 'floor') === 'building' ? d.building_id : d.floor_id;
}

const ENSURE_SQL = `
INSERT INTO rule_location_states (rule_id, location_id)
SELECT u.r, u.l FROM unnest($1::uuid[], $2::uuid[]) AS u(r, l)
ORDER BY u.r, u.l
ON CONFLICT DO NOTHING`;

const LOCK_SQL = `
SELECT s.rule_id, s.location_id, s.is_active, s.met_at, (extract(epoch FROM s.last_ts) * 1000)::float8 AS last_ts
FROM rule_location_states s
JOIN unnest($1::uuid[], $2::uuid[]) AS u(r, l) ON s.rule_id = u.r AND s.location_id = u.l
ORDER BY s.rule_id, s.location_id
FOR UPDATE OF s`;

const SAVE_SQL = `
UPDATE rule_location_states s SET is_active = u.a, met_at = u.m::jsonb, last_ts = to_timestamp(u.t / 1000.0), updated_at = now()
FROM unnest($1::uuid[], $2::uuid[], $3::bool[], $4::text[], $5::float8[]) AS u(r, l, a, m, t)
WHERE s.rule_id = u.r AND s.location_id = u.l`;

/**
 * Evaluates combination rules on one batch: groups in-scope readings by
 * (rule, location), locks those states (ordered, so instances never
 * deadlock), evaluates, and raises/clears location alarms in one transaction.
 */
export async function evaluateCombinations(
  database: Database,
  rulesByMetric: ReadonlyMap<string, RuleRow[]>,
  readings: { deviceIds: readonly string[]; metrics: readonly string[]; ts: readonly number[]; values: readonly number[] },
  deviceById: ReadonlyMap<string, ScopedDevice>,
): Promise<WriteResult & { fired: FiredAlarm[] }> {
  const groups = new Map<string, { rule: RuleRow; locationId: string; readings: LocationReading[] }>();
  for (let i = 0; i < readings.metrics.length; i++) {
    const rules = rulesByMetric.get(readings.metrics[i]);
    if (!rules) continue;
    const d = deviceById.get(readings.deviceIds[i]);
    if (!d) continue;
    for (const rule of rules) {
      const locationId = locationOf(rule, d);
      if (!locationId || !inScope(rule, d)) continue;
      const key = `${rule.id}|${locationId}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { rule, locationId, readings: [] }));
      g.readings.push({ ts: readings.ts[i], metric: readings.metrics[i], value: readings.values[i], deviceId: d.id });
    }
  }
  const totals = { raised: 0, repeated: 0, reactivated: 0, cleared: 0, fired: [] as FiredAlarm[] };
  if (groups.size === 0) return totals;
  const keys = [...groups.keys()].sort();
  const ruleIds = keys.map((k) => groups.get(k)!.rule.id);
  const locationIds = keys.map((k) => groups.get(k)!.locationId);
  return rawTransaction(database, async (query) => {
    await query(ENSURE_SQL, [ruleIds, locationIds]);
    const rows = await query<{ rule_id: string; location_id: string; is_active: boolean; met_at: (number | null)[]; last_ts: number | null }>(LOCK_SQL, [ruleIds, locationIds]);
    const decided: [string, { ops: RuleOp[]; state: LocationState }][] = [];
    for (const row of rows) {
      const key = `${row.rule_id}|${row.location_id}`;
      const g = groups.get(key);
      if (!g) continue;
      decided.push([key, evaluateCombination(asCombination(g.rule), { isActive: row.is_active, metAt: row.met_at ?? [], lastTs: row.last_ts }, g.readings)]);
    }
    if (decided.length) {
      await query(SAVE_SQL, [
        decided.map(([k]) => k.split('|')[0]),
        decided.map(([k]) => k.split('|')[1]),
        decided.map(([, d]) => d.state.isActive),
        decided.map(([, d]) => JSON.stringify(d.state.metAt)),
        decided.map(([, d]) => d.state.lastTs),
      ]);
    }
    const maxOps = Math.max(0, ...decided.map(([, d]) => d.ops.length));
    for (let round = 0; round < maxOps; round++) {
      const raises: LocationRaiseRequest[] = [];
      const clears: LocationClearRequest[] = [];
      for (const [k, d] of decided) {
        const op = d.ops[round];
        if (!op) continue;
        const [ruleId, locationId] = k.split('|');
        if (op.type === 'raise') raises.push({ ruleId, locationId, count: op.count, value: op.value, firstTs: op.firstTs, lastTs: op.lastTs, message: op.message, code: op.code, params: op.params });
        else clears.push({ ruleId, locationId, value: op.value, ts: op.ts });
      }
      const r = await raiseLocationAlarms(query, raises);
      totals.fired.push(...r.fired);
      totals.raised += r.raised;
      totals.repeated += r.repeated;
      totals.reactivated += r.reactivated;
      totals.cleared += await clearLocationAlarms(query, clears);
    }
    return totals;
  });
}

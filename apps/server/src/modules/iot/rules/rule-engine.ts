import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { clearAlarms, raiseAlarms, type ClearRequest, type FiredAlarm, type RaiseRequest, type WriteResult } from '../alarms/alarm-writer';
import { runRuleActions, type ActionStats, type IssueCommand } from './rule-actions';
import { rawTransaction, type RawQuery } from '../alarms/raw-transaction';
import { evaluateCombinations } from './combination-engine';
import { evaluateReadings, type EvaluableRule, type Reading, type RuleOp, type RuleState } from './rule-logic';
import { alarmRules } from './rules.table';

/** Readings of one committed ingest batch, column-wise as the pipeline holds them. */
export interface CommittedReadings {
  deviceIds: readonly string[];
  metrics: readonly string[];
  ts: readonly number[];
  values: readonly number[];
}

type RuleRow = typeof alarmRules.$inferSelect;

interface DeviceScope {
  id: string;
  type: string;
  park_id: string;
  building_id: string | null;
  floor_id: string | null;
  tags: string[];
}

export interface RuleEngineStats {
  /** Evaluations run (one may cover several queued batches). */
  evaluations: number;
  readingsEvaluated: number;
  raised: number;
  repeated: number;
  reactivated: number;
  cleared: number;
  /** Evaluations that failed (logged; the readings are committed regardless). */
  errors: number;
  /** Readings not evaluated because the queue was full. */
  dropped: number;
  silentChecks: number;
  /** Rule actions (commands) issued, failed, or skipped because the alarm was shelved. */
  actions: ActionStats;
}

export interface RuleEngineOptions {
  database: Database;
  /** Enabled rules are cached this long (other instances' edits show up after it). */
  rulesTtlMs?: number;
  /** Readings waiting for evaluation beyond which batches are dropped (counted) rather than queued. */
  maxPendingReadings?: number;
  log?: { error(obj: object, msg: string): void; warn(obj: object, msg: string): void };
  /** Called after commit with the ids of alarms raised, repeated or cleared (live push). */
  onAlarmsChanged?: (alarmIds: string[]) => void;
  /** Called after commit with the ids of newly raised alarms (work orders subscribe here); never awaited. */
  onRaised?: (alarmIds: string[]) => Promise<unknown>;
  /** Issues a rule's actuator command when it fires (the commands module's `issue`); optional. */
  issueCommand?: IssueCommand;
}

function matches(rule: RuleRow, d: DeviceScope): boolean {
  return (
    rule.parkId === d.park_id &&
    (!rule.deviceType || rule.deviceType === d.type) &&
    (!rule.buildingId || rule.buildingId === d.building_id) &&
    (!rule.floorId || rule.floorId === d.floor_id) &&
    (!rule.tag || d.tags.includes(rule.tag))
  );
}

interface Pair {
  rule: RuleRow;
  deviceId: string;
  readings: Reading[];
}

const LOCK_SQL = `
SELECT s.rule_id, s.device_id, s.is_active, s.last_value, (extract(epoch FROM s.last_ts) * 1000)::float8 AS last_ts
FROM rule_states s
JOIN unnest($1::uuid[], $2::uuid[]) AS u(r, d) ON s.rule_id = u.r AND s.device_id = u.d
ORDER BY s.rule_id, s.device_id
FOR UPDATE OF s`;

const ENSURE_SQL = `
INSERT INTO rule_states (rule_id, device_id)
SELECT u.r, u.d FROM unnest($1::uuid[], $2::uuid[]) AS u(r, d)
JOIN alarm_rules ru ON ru.id = u.r JOIN devices dv ON dv.id = u.d
ORDER BY u.r, u.d
ON CONFLICT DO NOTHING`;

const SAVE_SQL = `
UPDATE rule_states s SET is_active = u.a, last_value = u.v, last_ts = to_timestamp(u.t / 1000.0), updated_at = now()
FROM unnest($1::uuid[], $2::uuid[], $3::bool[], $4::float8[], $5::float8[]) AS u(r, d, a, v, t)
WHERE s.rule_id = u.r AND s.device_id = u.d`;

const SILENT_CANDIDATES_SQL = `
SELECT r.id AS rule_id, d.id AS device_id
FROM alarm_rules r
JOIN devices d ON d.park_id = r.park_id
  AND (r.device_type IS NULL OR d.type = r.device_type)
  AND (r.building_id IS NULL OR d.building_id = r.building_id)
  AND (r.floor_id IS NULL OR d.floor_id = r.floor_id)
  AND (r.tag IS NULL OR r.tag = ANY (d.tags))
LEFT JOIN rule_states s ON s.rule_id = r.id AND s.device_id = d.id
WHERE r.kind = 'silent' AND r.is_enabled AND d.revoked_at IS NULL
  AND (COALESCE(d.last_seen_at, d.created_at) < now() - make_interval(secs => r.silent_seconds)) <> COALESCE(s.is_active, false)`;

// Re-read under the state locks: a reading may have arrived since the candidates were chosen.
const SILENT_RECHECK_SQL = `
SELECT u.r AS rule_id, u.d AS device_id, r.silent_seconds,
       COALESCE(d.last_seen_at, d.created_at) < now() - make_interval(secs => r.silent_seconds) AS is_silent,
       (extract(epoch FROM d.last_seen_at) * 1000)::float8 AS last_seen
FROM unnest($1::uuid[], $2::uuid[]) AS u(r, d)
JOIN alarm_rules r ON r.id = u.r JOIN devices d ON d.id = u.d`;

const keyOf = (ruleId: string, deviceId: string) => `${ruleId}|${deviceId}`;

/**
 * Evaluates alarm rules. Ingest calls `enqueue` after each committed batch;
 * evaluation runs after the commit, one at a time, and never throws into
 * ingestion: failures are logged and counted. Per (rule, device) state lives
 * in `rule_states` and is locked while a batch is evaluated, so hysteresis
 * holds across batches and across ingest instances.
 */
export function createRuleEngine(options: RuleEngineOptions) {
  const { database } = options;
  const rulesTtlMs = options.rulesTtlMs ?? 2_000;
  const maxPending = options.maxPendingReadings ?? 200_000;
  const stats: RuleEngineStats = { evaluations: 0, readingsEvaluated: 0, raised: 0, repeated: 0, reactivated: 0, cleared: 0, errors: 0, dropped: 0, silentChecks: 0, actions: { issued: 0, failed: 0, skippedSuppressed: 0 } };
  let cache: { at: number; byMetric: Map<string, RuleRow[]>; comboByMetric: Map<string, RuleRow[]>; events: RuleRow[]; byId: Map<string, RuleRow> } | undefined;
  const pending: CommittedReadings[] = [];
  let pendingRows = 0;
  let running: Promise<void> | undefined;

  async function enabledRules(): Promise<NonNullable<typeof cache>> {
    if (cache && Date.now() - cache.at < rulesTtlMs) return cache;
    const at = Date.now();
    const rows = await database.db.select().from(alarmRules).where(eq(alarmRules.isEnabled, true));
    const byMetric = new Map<string, RuleRow[]>();
    const comboByMetric = new Map<string, RuleRow[]>();
    const add = (map: Map<string, RuleRow[]>, metric: string, r: RuleRow) => {
      const list = map.get(metric) ?? [];
      if (!list.includes(r)) list.push(r);
      map.set(metric, list);
    };
    const events: RuleRow[] = [];
    for (const r of rows) {
      if (r.kind === 'combination') for (const c of r.conditions ?? []) add(comboByMetric, c.field, r);
      else if (r.kind === 'event') events.push(r);
      else if (r.kind !== 'silent' && r.metric) add(byMetric, r.metric, r);
    }
    cache = { at, byMetric, comboByMetric, events, byId: new Map(rows.map((r) => [r.id, r])) };
    return cache;
  }

  /**
   * Locks the pairs' states, lets `decide` turn each into ops and a new state,
   * and writes states and alarms — all in one transaction.
   */
  /**
   * After the commit of the combination and device-event paths (which write their own alarms):
   * tells live screens and work orders, then runs the rules' actions.
   */
  async function announceAndAct(fired: readonly FiredAlarm[]): Promise<void> {
    if (fired.length) {
      options.onAlarmsChanged?.(fired.map((f) => f.alarmId));
      const raised = fired.filter((f) => f.change === 'raised' && !f.suppressed).map((f) => f.alarmId);
      if (raised.length && options.onRaised) options.onRaised(raised).catch((err: unknown) => options.log?.error({ err }, 'alarm onRaised hook failed'));
    }
    await act(fired);
  }

  /** After the commit: the actions of rules that fired. */
  async function act(fired: readonly FiredAlarm[]): Promise<void> {
    if (!options.issueCommand || fired.length === 0) return;
    const byId = (await enabledRules()).byId;
    await runRuleActions({ database, issueCommand: options.issueCommand, log: options.log }, fired, (id) => byId.get(id)?.action, stats.actions);
  }

  async function apply(keys: { ruleId: string; deviceId: string }[], decide: (query: RawQuery, locked: Map<string, RuleState>) => Promise<Map<string, { ops: RuleOp[]; state: RuleState }>>): Promise<WriteResult> {
    const fired: FiredAlarm[] = [];
    if (keys.length === 0) return { raised: 0, repeated: 0, reactivated: 0, cleared: 0 };
    const sorted = [...keys].sort((a, b) => (a.ruleId === b.ruleId ? (a.deviceId < b.deviceId ? -1 : 1) : a.ruleId < b.ruleId ? -1 : 1));
    const ruleIds = sorted.map((k) => k.ruleId);
    const deviceIds = sorted.map((k) => k.deviceId);
    const changedIds: string[] = [];
    const result = await rawTransaction(database, async (query) => {
      await query(ENSURE_SQL, [ruleIds, deviceIds]);
      const rows = await query<{ rule_id: string; device_id: string; is_active: boolean; last_value: number | null; last_ts: number | null }>(LOCK_SQL, [ruleIds, deviceIds]);
      const locked = new Map<string, RuleState>(rows.map((r) => [keyOf(r.rule_id, r.device_id), { isActive: r.is_active, lastValue: r.last_value, lastTs: r.last_ts }]));
      const decided = await decide(query, locked);
      const save = [...decided].filter(([k]) => locked.has(k));
      if (save.length) {
        await query(SAVE_SQL, [
          save.map(([k]) => k.split('|')[0]),
          save.map(([k]) => k.split('|')[1]),
          save.map(([, d]) => d.state.isActive),
          save.map(([, d]) => d.state.lastValue),
          save.map(([, d]) => d.state.lastTs),
        ]);
      }
      // Round k applies the k-th op of every pair, so a raise → clear → raise within one batch keeps its order.
      const totals = { raised: 0, repeated: 0, reactivated: 0, cleared: 0, raisedIds: [] as string[] };
      const maxOps = Math.max(0, ...save.map(([, d]) => d.ops.length));
      for (let round = 0; round < maxOps; round++) {
        const raises: RaiseRequest[] = [];
        const clears: ClearRequest[] = [];
        for (const [k, d] of save) {
          const op = d.ops[round];
          if (!op) continue;
          const [ruleId, deviceId] = k.split('|');
          if (op.type === 'raise') raises.push({ ruleId, deviceId, count: op.count, value: op.value, firstTs: op.firstTs, lastTs: op.lastTs, message: op.message, code: op.code, params: op.params });
          else clears.push({ ruleId, deviceId, value: op.value, ts: op.ts });
        }
        const r = await raiseAlarms(query, raises, changedIds);
        fired.push(...r.fired);
        totals.raised += r.raised;
        totals.repeated += r.repeated;
        totals.reactivated += r.reactivated;
        totals.raisedIds.push(...r.raisedIds);
        totals.cleared += await clearAlarms(query, clears, changedIds);
      }
      return totals;
    });
    stats.raised += result.raised;
    stats.repeated += result.repeated;
    stats.reactivated += result.reactivated;
    stats.cleared += result.cleared;
    if (changedIds.length) options.onAlarmsChanged?.(changedIds);
    if (result.raisedIds.length && options.onRaised) {
      options.onRaised(result.raisedIds).catch((err: unknown) => options.log?.error({ err }, 'alarm onRaised hook failed'));
    }
    await act(fired);
    return { raised: result.raised, repeated: result.repeated, reactivated: result.reactivated, cleared: result.cleared };
  }

  /** Evaluates threshold and rate-of-change rules against committed readings. */
  async function evaluate(batch: CommittedReadings): Promise<void> {
    const { byMetric, comboByMetric } = await enabledRules();
    if (byMetric.size === 0 && comboByMetric.size === 0) return;
    const relevant: number[] = [];
    const deviceIds = new Set<string>();
    for (let i = 0; i < batch.metrics.length; i++) {
      if (byMetric.has(batch.metrics[i]) || comboByMetric.has(batch.metrics[i])) {
        relevant.push(i);
        deviceIds.add(batch.deviceIds[i]);
      }
    }
    if (relevant.length === 0) return;
    const devices = await database.query<DeviceScope>('SELECT id, type, park_id, building_id, floor_id, tags FROM devices WHERE id = ANY($1::uuid[])', [[...deviceIds]]);
    const deviceById = new Map(devices.map((d) => [d.id, d]));
    const pairs = new Map<string, Pair>();
    if (comboByMetric.size) {
      const r = await evaluateCombinations(database, comboByMetric, batch, deviceById);
      await announceAndAct(r.fired);
      stats.raised += r.raised;
      stats.repeated += r.repeated;
      stats.reactivated += r.reactivated;
      stats.cleared += r.cleared;
    }
    for (const i of relevant) {
      const device = deviceById.get(batch.deviceIds[i]);
      if (!device) continue;
      for (const rule of byMetric.get(batch.metrics[i]) ?? []) {
        if (!matches(rule, device)) continue;
        const key = keyOf(rule.id, device.id);
        let pair = pairs.get(key);
        if (!pair) pairs.set(key, (pair = { rule, deviceId: device.id, readings: [] }));
        pair.readings.push({ ts: batch.ts[i], value: batch.values[i] });
      }
    }
    stats.readingsEvaluated += relevant.length;
    if (pairs.size === 0) return;
    await apply(
      [...pairs.values()].map((p) => ({ ruleId: p.rule.id, deviceId: p.deviceId })),
      async (_query, locked) => {
        const out = new Map<string, { ops: RuleOp[]; state: RuleState }>();
        for (const [key, p] of pairs) {
          const state = locked.get(key);
          if (state) out.set(key, evaluateReadings(p.rule as EvaluableRule, state, p.readings));
        }
        return out;
      },
    );
  }

  async function loop(): Promise<void> {
    while (pending.length) {
      const items = pending.splice(0);
      const rows = items.reduce((n, b) => n + b.metrics.length, 0);
      const merged: CommittedReadings =
        items.length === 1
          ? items[0]
          : { deviceIds: items.flatMap((b) => b.deviceIds), metrics: items.flatMap((b) => b.metrics), ts: items.flatMap((b) => b.ts), values: items.flatMap((b) => b.values) };
      try {
        await evaluate(merged);
        stats.evaluations++;
      } catch (err) {
        stats.errors++;
        options.log?.error({ err, rows }, 'alarm rule evaluation failed');
      } finally {
        pendingRows -= rows;
      }
    }
  }

  return {
    stats,

    /** Queues a committed batch for evaluation; never throws, never waits. */
    enqueue(batch: CommittedReadings): void {
      const n = batch.metrics.length;
      if (n === 0) return;
      if (pendingRows + n > maxPending) {
        stats.dropped += n;
        options.log?.warn({ rows: n, pendingRows }, 'alarm rule evaluation queue full: batch not evaluated');
        return;
      }
      pending.push(batch);
      pendingRows += n;
      running ??= loop().finally(() => {
        running = undefined;
      });
    },

    /** Evaluates a batch now (tests, and callers that want to wait). */
    evaluate,

    /** Resolves when every queued batch has been evaluated. */
    async idle(): Promise<void> {
      while (running) await running;
    },

    /** Sets the logger after construction (the composition root has none; the runtime does). */
    useLogger(log: NonNullable<RuleEngineOptions['log']>): void {
      options.log = log;
    },

    /** Announces fired alarms and runs their rules' actions (the device-event path raises its own alarms). */
    act: announceAndAct,

    /** Enabled `event` rules (cached like the others), for the device-event path. */
    async eventRules(): Promise<RuleRow[]> {
      return (await enabledRules()).events;
    },

    /** Forgets cached rules (after a rule changes in this process). */
    invalidateRules(): void {
      cache = undefined;
    },

    /**
     * The silent-device check (worker role, periodic): raises a silent rule's
     * alarm when a device in its scope has not been seen for `silentSeconds`
     * (never-seen devices count from their registration), and clears it once
     * the device is seen again.
     */
    async checkSilent(): Promise<{ raised: number; cleared: number }> {
      stats.silentChecks++;
      const candidates = await database.query<{ rule_id: string; device_id: string }>(SILENT_CANDIDATES_SQL);
      const result = await apply(
        candidates.map((c) => ({ ruleId: c.rule_id, deviceId: c.device_id })),
        async (query, locked) => {
          const rows = await query<{ rule_id: string; device_id: string; silent_seconds: number; is_silent: boolean; last_seen: number | null }>(SILENT_RECHECK_SQL, [
            candidates.map((c) => c.rule_id),
            candidates.map((c) => c.device_id),
          ]);
          const out = new Map<string, { ops: RuleOp[]; state: RuleState }>();
          const now = Date.now();
          for (const r of rows) {
            const key = keyOf(r.rule_id, r.device_id);
            const state = locked.get(key);
            if (!state || r.is_silent === state.isActive) continue;
            const message = r.last_seen ? `no data for ${r.silent_seconds} s (last seen ${new Date(r.last_seen).toISOString()})` : `no data for ${r.silent_seconds} s (never seen)`;
            out.set(key, {
              ops: r.is_silent
                ? [{ type: 'raise', count: 1, value: null, firstTs: now, lastTs: now, message, code: 'no_data', params: { seconds: r.silent_seconds, lastSeen: r.last_seen ? new Date(r.last_seen).toISOString() : null } }]
                 : [{ type: 'clear', value: null, ts: r.last_seen ?? now }],
              state: { ...state, isActive: r.is_silent },
            });
          }
          return out;
        },
      );
      return { raised: result.raised + result.reactivated, cleared: result.cleared };
    },
  };
}

export type RuleEngine = ReturnType<typeof createRuleEngine>;

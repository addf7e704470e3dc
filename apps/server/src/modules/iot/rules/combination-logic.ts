import { compare, type RuleOp } from './rule-logic';
import type { RuleCondition } from './rules.table';

/** The parts of a combination rule that evaluation needs. */
export interface CombinationRule {
  id: string;
  conditions: RuleCondition[];
  windowSeconds: number;
  groupBy: 'floor' | 'building';
}

/** Per (rule, location) state as stored in `rule_location_states`; times in epoch ms. */
export interface LocationState {
  isActive: boolean;
  /** When each condition (by index) was last met in the location. */
  metAt: (number | null)[];
  lastTs: number | null;
}

/** One reading of a device in the location. */
export interface LocationReading {
  ts: number;
  metric: string;
  value: number;
  deviceId: string;
}

/** Whether a value meets a condition (`=` compares exactly: 0/1 metrics such as smoke). */
export function meets(c: Pick<RuleCondition, 'operator' | 'value'>, value: number): boolean {
  return c.operator === '=' ? value === c.value : compare(value, c.operator, c.value);
}

const fmt = (n: number) => String(Math.round(n * 1000) / 1000);

/** Why a combination holds or not at time `at`: per condition, when it was last met. */
export function explainCombination(rule: CombinationRule, metAt: readonly (number | null)[], at: number): { holds: boolean; parts: { condition: string; metAt: number | null; inWindow: boolean }[] } {
  const parts = rule.conditions.map((c, i) => {
    const m = metAt[i] ?? null;
    return { condition: `${c.field} ${c.operator} ${fmt(c.value)}`, metAt: m, inWindow: m !== null && m > at - rule.windowSeconds * 1000 && m <= at };
  });
  return { holds: parts.every((p) => p.inWindow), parts };
}

/**
 * Evaluates readings of one location (floor or building) against a
 * combination rule: it holds at time t when every condition was met by some
 * reading in (t − window, t]. Raises when it starts holding (and counts each
 * further reading that meets a condition while it holds as a repeat); clears
 * at the first later reading at which it no longer holds. Readings older than
 * the last evaluated one still update when their condition was last met, so
 * instances that split the stream agree.
 */
export function evaluateCombination(rule: CombinationRule, state: LocationState, readings: readonly LocationReading[]): { ops: RuleOp[]; state: LocationState } {
  const sorted = [...readings].sort((a, b) => a.ts - b.ts);
  const metAt = rule.conditions.map((_, i) => state.metAt[i] ?? null);
  let { isActive, lastTs } = state;
  const ops: RuleOp[] = [];
  for (const r of sorted) {
    let metHere = false;
    rule.conditions.forEach((c, i) => {
      if (c.field === r.metric && meets(c, r.value)) {
        metHere = true;
        if (metAt[i] === null || r.ts > metAt[i]!) metAt[i] = r.ts;
      }
    });
    const at = Math.max(lastTs ?? r.ts, r.ts);
    const { holds } = explainCombination(rule, metAt, at);
    if (holds && (!isActive || metHere)) {
      const message = `${rule.conditions.map((c) => `${c.field} ${c.operator} ${fmt(c.value)}`).join(' AND ')} on the same ${rule.groupBy} within ${rule.windowSeconds} s (last: ${r.metric} ${fmt(r.value)})`;
      const text = {
        code: 'combination' as const,
        params: { conditions: rule.conditions.map((c) => ({ field: c.field, operator: c.operator, value: c.value })), groupBy: rule.groupBy, window: rule.windowSeconds, metric: r.metric, value: Math.round(r.value * 1000) / 1000 },
      };
      const last = ops.at(-1);
      if (last?.type === 'raise') {
        last.count++;
        last.value = r.value;
        last.lastTs = Math.max(last.lastTs, r.ts);
        last.message = message;
        Object.assign(last, text);
      } else ops.push({ type: 'raise', count: 1, value: r.value, firstTs: r.ts, lastTs: r.ts, message, ...text });
      isActive = true;
    } else if (!holds && isActive && r.ts >= (lastTs ?? -Infinity)) {
      isActive = false;
      ops.push({ type: 'clear', value: r.value, ts: r.ts });
    }
    lastTs = at;
  }
  return { ops, state: { isActive, metAt, lastTs } };
}

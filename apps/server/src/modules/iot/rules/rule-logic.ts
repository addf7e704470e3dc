import type { AlarmTextCode } from '@parkos/contracts';
import type { ChangeDirection, RuleKind, ThresholdOperator } from './rules.table';

/** The parts of a rule that evaluation needs. */
export interface EvaluableRule {
  id: string;
  kind: RuleKind;
  metric: string | null;
  operator: ThresholdOperator | null;
  threshold: number | null;
  hysteresis: number;
  delta: number | null;
  windowSeconds: number | null;
  direction: ChangeDirection | null;
  silentSeconds: number | null;
}

/** Per (rule, device) state as stored in `rule_states`; `lastTs` in epoch ms. */
export interface RuleState {
  isActive: boolean;
  lastValue: number | null;
  lastTs: number | null;
}

export interface Reading {
  ts: number;
  value: number;
}

/** What evaluation asks the alarm writer to do, in order. Consecutive raises are merged. */
/** The alarm text as a code and values for the web app to word; `message` is its English form for logs and API clients. */
export interface AlarmText {
  code: AlarmTextCode;
  params: Record<string, unknown>;
}

export type RuleOp = ({ type: 'raise'; count: number; value: number | null; firstTs: number; lastTs: number; message: string } & Partial<AlarmText>) | { type: 'clear'; value: number | null; ts: number };

export function compare(value: number, operator: ThresholdOperator, bound: number): boolean {
  switch (operator) {
    case '>':
      return value > bound;
    case '>=':
      return value >= bound;
    case '<':
      return value < bound;
    case '<=':
      return value <= bound;
  }
}

/** The bound a value must cross back over to clear: threshold ∓ hysteresis, against the raise direction. */
export function clearBound(rule: Pick<EvaluableRule, 'operator' | 'threshold' | 'hysteresis'>): number {
  const t = rule.threshold ?? 0;
  return rule.operator === '>' || rule.operator === '>=' ? t - rule.hysteresis : t + rule.hysteresis;
}

function pushRaise(ops: RuleOp[], r: Reading, message: string, text: AlarmText): void {
  const last = ops.at(-1);
  if (last?.type === 'raise') {
    last.count++;
    last.value = r.value;
    last.lastTs = Math.max(last.lastTs, r.ts);
    last.message = message;
    last.code = text.code;
    last.params = text.params;
  } else ops.push({ type: 'raise', count: 1, value: r.value, firstTs: r.ts, lastTs: r.ts, message, ...text });
}

const round = (n: number) => Math.round(n * 1000) / 1000;
const fmt = (n: number) => String(round(n));

/** A threshold alarm's English message and its code and values. */
function thresholdRaise(rule: EvaluableRule, value: number): [string, AlarmText] {
  return [`${rule.metric} ${fmt(value)} ${rule.operator} ${fmt(rule.threshold!)}`, { code: 'threshold', params: { metric: rule.metric, value: round(value), operator: rule.operator, threshold: rule.threshold } }];
}

/**
 * Evaluates one device's readings of the rule's metric against its state.
 *
 * - threshold: raises when `value <op> threshold`; every such reading while
 *   active is a repeat; clears only when the value is back past
 *   threshold ∓ hysteresis (readings inside the band change nothing).
 * - rate_of_change: compares each reading with the previous one; raises when
 *   it moved by ≥ delta (in `direction`) within `windowSeconds`, clears at the
 *   first reading that did not.
 *
 * A reading with the same timestamp as the last evaluated one is a
 * redelivery and is ignored. An older ("late") reading — another instance
 * evaluated newer ones first — never changes the state; for a threshold rule
 * that is active it still counts as a repeat, so counts stay exact when
 * instances split one device's stream.
 */
export function evaluateReadings(rule: EvaluableRule, state: RuleState, readings: readonly Reading[]): { ops: RuleOp[]; state: RuleState } {
  const sorted = [...readings].sort((a, b) => a.ts - b.ts);
  const ops: RuleOp[] = [];
  let { isActive, lastValue, lastTs } = state;
  for (const r of sorted) {
    if (lastTs !== null && r.ts <= lastTs) {
      if (r.ts < lastTs && rule.kind === 'threshold' && isActive && compare(r.value, rule.operator!, rule.threshold!)) {
        pushRaise(ops, r, ...thresholdRaise(rule, r.value));
      }
      continue;
    }
    if (rule.kind === 'threshold') {
      const raising = compare(r.value, rule.operator!, rule.threshold!);
      if (raising) {
        isActive = true;
        pushRaise(ops, r, ...thresholdRaise(rule, r.value));
      } else if (isActive && !compare(r.value, rule.operator!, clearBound(rule))) {
        isActive = false;
        ops.push({ type: 'clear', value: r.value, ts: r.ts });
      }
    } else if (rule.kind === 'rate_of_change') {
      let hit = false;
      let change = 0;
      let seconds = 0;
      if (lastTs !== null && lastValue !== null && r.ts - lastTs <= rule.windowSeconds! * 1000) {
        change = r.value - lastValue;
        seconds = (r.ts - lastTs) / 1000;
        const dir = rule.direction ?? 'any';
        hit = dir === 'rise' ? change >= rule.delta! : dir === 'fall' ? -change >= rule.delta! : Math.abs(change) >= rule.delta!;
      }
      if (hit) {
        isActive = true;
        pushRaise(ops, r, `${rule.metric} changed by ${fmt(change)} in ${fmt(seconds)} s (limit ${fmt(rule.delta!)} per ${rule.windowSeconds} s)`, {
          code: 'rate_of_change',
          params: { metric: rule.metric, change: round(change), seconds: round(seconds), delta: rule.delta, window: rule.windowSeconds },
        });
      } else if (isActive) {
        isActive = false;
        ops.push({ type: 'clear', value: r.value, ts: r.ts });
      }
    }
    lastValue = r.value;
    lastTs = r.ts;
  }
  return { ops, state: { isActive, lastValue, lastTs } };
}

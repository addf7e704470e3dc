/**
 * Consumption from cumulative meter counters (电表/水表读数).
 *
 * A meter reports a running total; what was used between two readings is the
 * rise. Four things break "the rise": the first reading (nothing before it to
 * compare with — the IOC once counted a meter's whole total, 109,025 kWh, in
 * the hour the server started), a counter that restarts from zero (meter
 * replaced or its memory cleared), a register that rolls over at its last
 * digit (99,999.9 → 0.1), and a jump to an unrelated base (a simulator or
 * gateway restarted with a different total). Each step between two readings is
 * classified here, and only plausible consumption is counted.
 */

/** What a metric's meters can physically do. */
export interface CounterRule {
  /** The most one meter can use per hour; a bigger step is a discontinuity, not consumption. */
  maxPerHour: number;
  /** The register's wrap-around value (the counter goes from just below it to just above 0). */
  rolloverAt: number;
}

/** Per metric: energy meters of up to a 5 MW building on a 7-digit register, water meters of up to 500 m³/h on a 6-digit one. */
export const COUNTER_RULES = {
  energy_kwh: { maxPerHour: 5_000, rolloverAt: 10_000_000 },
  water_m3: { maxPerHour: 500, rolloverAt: 1_000_000 },
} as const satisfies Record<string, CounterRule>;

export type CounterMetric = keyof typeof COUNTER_RULES;

/** How a step between two readings was read. */
export type StepKind = 'first' | 'rise' | 'flat' | 'rollover' | 'reset' | 'rebase';

export interface StepInput {
  /** The previous reading's value, or null when this is the meter's first reading in the window. */
  prev: number | null;
  value: number;
  /** Milliseconds since the previous reading. */
  dtMs: number;
}

/**
 * A step is judged over at least this long, so a reading that comes a few
 * milliseconds after the previous one (two messages in one batch) is not called
 * impossible for a rounding-sized rise. The SQL aggregation uses the same floor.
 */
export const MIN_STEP_MS = 60_000;

/** The most a meter can use over a step (the SQL aggregation sums rises up to this in the database). */
function allowed(rule: CounterRule, dtMs: number): number {
  return (rule.maxPerHour * Math.max(dtMs, MIN_STEP_MS)) / 3_600_000;
}

/** Classifies one step and says how much of it is consumption. */
export function classifyStep(step: StepInput, rule: CounterRule): { kind: StepKind; used: number } {
  const { prev, value, dtMs } = step;
  if (prev === null || !Number.isFinite(prev)) return { kind: 'first', used: 0 };
  const cap = allowed(rule, dtMs);
  const rise = value - prev;
  if (rise === 0) return { kind: 'flat', used: 0 };
  if (rise > 0) return rise <= cap ? { kind: 'rise', used: rise } : { kind: 'rebase', used: 0 };
  // The counter went down: a wrap past the register's end, a restart from zero, or a new base.
  const wrapped = rule.rolloverAt - prev + value;
  if (prev > rule.rolloverAt / 2 && wrapped > 0 && wrapped <= cap) return { kind: 'rollover', used: wrapped };
  if (value >= 0 && value <= cap) return { kind: 'reset', used: value };
  return { kind: 'rebase', used: 0 };
}

export interface MeterReading {
  ts: number;
  value: number;
}

/** Consumption per step of one meter's readings (sorted by time); the first reading uses nothing. */
export function meterIncrements(readings: readonly MeterReading[], rule: CounterRule): { ts: number; kind: StepKind; used: number }[] {
  return readings.map((r, i) => {
    const prev = i === 0 ? null : readings[i - 1];
    return { ts: r.ts, ...classifyStep({ prev: prev?.value ?? null, value: r.value, dtMs: prev ? r.ts - prev.ts : 0 }, rule) };
  });
}

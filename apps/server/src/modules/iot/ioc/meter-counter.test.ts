import { describe, expect, test } from 'vitest';
import { classifyStep, COUNTER_RULES, meterIncrements, type StepKind } from './meter-counter';

const MIN = 60_000;
const H = 3_600_000;
const energy = COUNTER_RULES.energy_kwh;
const water = COUNTER_RULES.water_m3;

describe('a step of a cumulative meter', () => {
  test.each<[string, { prev: number | null; value: number; dtMs: number }, typeof energy | typeof water, StepKind, number]>([
    ['the first reading of a meter uses nothing, however big its total', { prev: null, value: 109_025, dtMs: 0 }, energy, 'first', 0],
    ['a rise within the hour is what was used', { prev: 100, value: 160.5, dtMs: H }, energy, 'rise', 60.5],
    ['an unchanged reading uses nothing', { prev: 500, value: 500, dtMs: 10_000 }, energy, 'flat', 0],
    ['a small rise a few milliseconds later is still consumption (one minute is the floor)', { prev: 100, value: 100.2, dtMs: 5 }, energy, 'rise', 0.2],
    ['a jump up to a new base after a restart is not consumption', { prev: 20_000, value: 45_000, dtMs: 8_000 }, energy, 'rebase', 0],
    ['a jump bigger than the meter can use in the time between is not consumption', { prev: 1_000, value: 7_000, dtMs: H }, energy, 'rebase', 0],
    ['a day-long gap allows a day of use', { prev: 1_000, value: 40_000, dtMs: 24 * H }, energy, 'rise', 39_000],
    ['a counter reset to zero counts what it has counted since', { prev: 60_000, value: 12, dtMs: MIN }, energy, 'reset', 12],
    ['a register rollover counts the rest of the register plus the new reading', { prev: 9_999_950, value: 30, dtMs: MIN }, energy, 'rollover', 80],
    ['a water register rolls over at a million', { prev: 999_999.5, value: 0.3, dtMs: MIN }, water, 'rollover', 0.8],
    ['a drop to an unrelated lower base is not consumption', { prev: 60_000, value: 35_000, dtMs: 8_000 }, energy, 'rebase', 0],
    ['a drop near the register end that would imply too much use is a new base', { prev: 9_000_000, value: 500_000, dtMs: MIN }, energy, 'rebase', 0],
    ['water is judged by water meters’ capacity', { prev: 100, value: 900, dtMs: H }, water, 'rebase', 0],
  ])('%s', (_name, step, rule, kind, used) => {
    const r = classifyStep(step, rule);
    expect(r.kind).toBe(kind);
    expect(r.used).toBeCloseTo(used, 6);
  });
});

describe('a meter’s readings over time', () => {
  test('a restart in the middle of a day counts the day’s use and nothing of the jump', () => {
    const t0 = Date.parse('2026-12-07T08:00:00Z');
    const readings = [
      { ts: t0, value: 60_000 },
      { ts: t0 + 10 * MIN, value: 60_010 },
      { ts: t0 + 20 * MIN, value: 60_025 },
      // the gateway restarts and reports from its own base
      { ts: t0 + 21 * MIN, value: 12_000 },
      { ts: t0 + 30 * MIN, value: 12_009 },
    ];
    const steps = meterIncrements(readings, energy);
    expect(steps.map((s) => s.kind)).toEqual(['first', 'rise', 'rise', 'rebase', 'rise']);
    expect(steps.reduce((a, s) => a + s.used, 0)).toBeCloseTo(34, 6);
  });
});

import { describe, expect, test } from 'vitest';
import { clearBound, evaluateReadings, type EvaluableRule, type RuleState } from './rule-logic';

const base: EvaluableRule = { id: 'r', kind: 'threshold', metric: 'temperature', operator: '>', threshold: 30, hysteresis: 2, delta: null, windowSeconds: null, direction: null, silentSeconds: null };
const fresh: RuleState = { isActive: false, lastValue: null, lastTs: null };
const seq = (values: number[], t0 = 1_000) => values.map((value, i) => ({ ts: t0 + i * 1000, value }));

describe('threshold with hysteresis', () => {
  test.each([
    ['>', 30, 2, 28],
    ['>=', 30, 2, 28],
    ['<', 10, 1, 11],
    ['<=', 10, 1, 11],
  ] as const)('operator %s %d ± %d clears past %d', (operator, threshold, hysteresis, bound) => {
    expect(clearBound({ operator, threshold, hysteresis })).toBe(bound);
  });

  test('raises once, counts repeats, ignores the band and clears only past threshold − hysteresis', () => {
    const { ops, state } = evaluateReadings(base, fresh, seq([25, 31, 32, 29, 28.5, 33, 28, 29]));
    expect(ops.map((o) => (o.type === 'raise' ? `raise×${o.count}` : 'clear'))).toEqual(['raise×3', 'clear']);
    expect(state).toMatchObject({ isActive: false, lastValue: 29 });
  });

  test('a redelivered reading is ignored; a late one counts only as a repeat of an active alarm', () => {
    const active: RuleState = { isActive: true, lastValue: 35, lastTs: 10_000 };
    const { ops, state } = evaluateReadings(base, active, [
      { ts: 10_000, value: 40 },
      { ts: 5_000, value: 36 },
      { ts: 6_000, value: 20 },
    ]);
    expect(ops).toEqual([expect.objectContaining({ type: 'raise', count: 1 })]);
    expect(state).toEqual(active);
  });
});

describe('rate of change', () => {
  const rule: EvaluableRule = { ...base, kind: 'rate_of_change', metric: 'co2', operator: null, threshold: null, hysteresis: 0, delta: 100, windowSeconds: 60, direction: 'rise' };
  test('raises on a rise of at least delta within the window and clears at the next calm reading', () => {
    const { ops } = evaluateReadings(rule, fresh, [
      { ts: 0, value: 400 },
      { ts: 10_000, value: 450 },
      { ts: 20_000, value: 600 },
      { ts: 30_000, value: 610 },
      { ts: 200_000, value: 900 },
    ]);
    expect(ops.map((o) => o.type)).toEqual(['raise', 'clear']);
  });
  test('a fall does not trigger a rise rule; any direction does', () => {
    const fall = [
      { ts: 0, value: 600 },
      { ts: 10_000, value: 400 },
    ];
    expect(evaluateReadings(rule, fresh, fall).ops).toEqual([]);
    expect(evaluateReadings({ ...rule, direction: 'any' }, fresh, fall).ops.map((o) => o.type)).toEqual(['raise']);
  });
});

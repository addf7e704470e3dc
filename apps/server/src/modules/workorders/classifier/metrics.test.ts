import { describe, expect, test } from 'vitest';
import { evaluatePredictions, stratifiedKFold } from './metrics';

describe('evaluatePredictions', () => {
  // truth:     a a a b b c
  // predicted: a a b b c c
  // confusion (rows truth a,b,c): [2,1,0] [0,1,1] [0,0,1]
  // a: P 2/2=1,   R 2/3,  F1 0.8
  // b: P 1/2,     R 1/2,  F1 0.5
  // c: P 1/2,     R 1/1,  F1 2/3
  const report = evaluatePredictions(['a', 'a', 'a', 'b', 'b', 'c'], ['a', 'a', 'b', 'b', 'c', 'c']);

  test('computes accuracy and the confusion matrix with truth as rows', () => {
    expect(report.accuracy).toBeCloseTo(4 / 6, 12);
    expect(report.labels).toEqual(['a', 'b', 'c']);
    expect(report.confusionMatrix).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
    expect(report.total).toBe(6);
  });

  test('computes per-class precision, recall, F1 and support', () => {
    const [a, b, c] = report.perClass;
    expect(a).toMatchObject({ label: 'a', precision: 1, support: 3 });
    expect(a.recall).toBeCloseTo(2 / 3, 12);
    expect(a.f1).toBeCloseTo(0.8, 12);
    expect(b).toMatchObject({ label: 'b', precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(c).toMatchObject({ label: 'c', precision: 0.5, recall: 1, support: 1 });
    expect(c.f1).toBeCloseTo(2 / 3, 12);
  });

  test('macro-F1 is the unweighted mean of the class F1s', () => {
    expect(report.macroF1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 12);
  });

  test('a class never predicted has precision 0, and one never true has recall 0', () => {
    const r = evaluatePredictions(['x', 'y'], ['z', 'y'], ['x', 'y', 'z']);
    expect(r.perClass.map((c) => [c.label, c.precision, c.recall, c.f1])).toEqual([
      ['x', 0, 0, 0],
      ['y', 1, 1, 1],
      ['z', 0, 0, 0],
    ]);
    expect(r.macroF1).toBeCloseTo(1 / 3, 12);
  });

  test('rejects lists of different lengths', () => {
    expect(() => evaluatePredictions(['a'], [])).toThrow(/1 labels/);
  });
});

describe('stratifiedKFold', () => {
  const labels = [...Array(10).fill('a'), ...Array(5).fill('b'), ...Array(3).fill('c')] as string[];

  test('puts every index in exactly one fold, with sizes differing by at most one', () => {
    const folds = stratifiedKFold(labels, { folds: 3, seed: 7 });
    expect(folds.flat().sort((x, y) => x - y)).toEqual(labels.map((_, i) => i));
    const sizes = folds.map((f) => f.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  test('keeps each class spread evenly over the folds', () => {
    for (const fold of stratifiedKFold(labels, { folds: 3, seed: 7 })) {
      const count = (label: string): number => fold.filter((i) => labels[i] === label).length;
      expect([3, 4]).toContain(count('a'));
      expect([1, 2]).toContain(count('b'));
      expect(count('c')).toBe(1);
    }
  });

  test('is deterministic for a seed and differs between seeds', () => {
    expect(stratifiedKFold(labels, { folds: 3, seed: 1 })).toEqual(stratifiedKFold(labels, { folds: 3, seed: 1 }));
    expect(stratifiedKFold(labels, { folds: 3, seed: 1 })).not.toEqual(stratifiedKFold(labels, { folds: 3, seed: 2 }));
  });

  test.each([1, 0, 2.5])('rejects %s folds', (k) => {
    expect(() => stratifiedKFold(labels, { folds: k, seed: 1 })).toThrow(/folds must be/);
  });
});

import { createRandom, shuffleInPlace } from './linear';

/** Precision, recall and F1 of one class, with its number of true examples. */
export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Classification quality of a set of predictions. */
export interface ClassificationReport {
  accuracy: number;
  /** Unweighted mean of the per-class F1 over every label that occurs in truth or prediction. */
  macroF1: number;
  /** Row and column order of the confusion matrix. */
  labels: string[];
  /** confusionMatrix[i][j]: examples whose truth is labels[i] and prediction labels[j]. */
  confusionMatrix: number[][];
  perClass: ClassMetrics[];
  total: number;
}

/**
 * Builds the confusion matrix, accuracy, per-class precision/recall/F1 and macro-F1. A class
 * with no predictions has precision 0 (and with no true examples, recall 0), as scikit-learn's
 * `zero_division=0`. `labels` fixes the order; by default it is the sorted union of both lists.
 */
export function evaluatePredictions(truth: readonly string[], predicted: readonly string[], labels?: readonly string[]): ClassificationReport {
  if (truth.length !== predicted.length) throw new Error(`truth has ${truth.length} labels, predictions ${predicted.length}`);
  const order = labels ? [...labels] : [...new Set([...truth, ...predicted])].sort();
  const position = new Map(order.map((label, i) => [label, i]));
  for (const label of [...truth, ...predicted]) {
    if (!position.has(label)) {
      position.set(label, order.length);
      order.push(label);
    }
  }
  const matrix = order.map(() => order.map(() => 0));
  let correct = 0;
  truth.forEach((label, i) => {
    matrix[position.get(label)!][position.get(predicted[i])!] += 1;
    if (label === predicted[i]) correct += 1;
  });
  const perClass = order.map((label, i) => {
    const tp = matrix[i][i];
    const support = matrix[i].reduce((a, b) => a + b, 0);
    const predictedCount = matrix.reduce((sum, row) => sum + row[i], 0);
    const precision = predictedCount === 0 ? 0 : tp / predictedCount;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
  const total = truth.length;
  return {
    accuracy: total === 0 ? 0 : correct / total,
    macroF1: perClass.length === 0 ? 0 : perClass.reduce((sum, c) => sum + c.f1, 0) / perClass.length,
    labels: order,
    confusionMatrix: matrix,
    perClass,
    total,
  };
}

/** Options for {@link stratifiedKFold}. */
export interface KFoldOptions {
  folds: number;
  seed: number;
}

/**
 * Splits example indices into K folds that keep each class's share: every class's examples are
 * shuffled (seeded) and dealt round-robin, continuing where the previous class stopped so that
 * fold sizes differ by at most one. Returns the test indices of each fold (ascending).
 */
export function stratifiedKFold(labels: readonly string[], options: KFoldOptions): number[][] {
  const { folds, seed } = options;
  if (!Number.isInteger(folds) || folds < 2) throw new Error(`folds must be an integer ≥ 2, got ${folds}`);
  if (folds > labels.length) throw new Error(`folds (${folds}) exceeds the number of examples (${labels.length})`);
  const byClass = new Map<string, number[]>();
  labels.forEach((label, i) => {
    const list = byClass.get(label) ?? [];
    list.push(i);
    byClass.set(label, list);
  });
  const random = createRandom(seed);
  const result: number[][] = Array.from({ length: folds }, () => []);
  let next = 0;
  for (const label of [...byClass.keys()].sort()) {
    const members = byClass.get(label)!;
    shuffleInPlace(members, random);
    for (const index of members) {
      result[next].push(index);
      next = (next + 1) % folds;
    }
  }
  return result.map((fold) => fold.sort((a, b) => a - b));
}

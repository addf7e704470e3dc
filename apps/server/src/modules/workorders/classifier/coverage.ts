/**
 * Automatic dispatch as operators live it: at a confidence threshold, the share of orders the
 * model dispatches without a human (coverage) and how many of those it gets right (accuracy).
 */

/** One scored prediction. */
export interface ScoredPrediction {
  confidence: number;
  isCorrect: boolean;
}

/** Coverage and accuracy of automatic decisions at one threshold. */
export interface CoveragePoint {
  threshold: number;
  /** Share of orders at or above the threshold (dispatched automatically). */
  coverage: number;
  /** Share of those that were right; null when nothing reaches the threshold. */
  accuracy: number | null;
}

/**
 * Evidence gate: a softmax over few classes is confident even when a single stray character
 * decided it ("说不清楚" → cleaning via 清). The confidence used for dispatch is the model's
 * probability scaled down when the winning label rests on little evidence: fewer than three
 * supporting features, or a summed contribution below 1.
 */
export function supportOf(features: readonly { weight: number }[]): number {
  const evidence = features.reduce((a, f) => a + f.weight, 0);
  return Math.min(1, evidence) * Math.min(1, features.length / 3);
}

/** Coverage and accuracy at one threshold. */
export function coverageAt(predictions: readonly ScoredPrediction[], threshold: number): CoveragePoint {
  let n = 0;
  let right = 0;
  for (const p of predictions) {
    if (p.confidence < threshold) continue;
    n += 1;
    if (p.isCorrect) right += 1;
  }
  return { threshold, coverage: predictions.length ? n / predictions.length : 0, accuracy: n ? right / n : null };
}

/** The thresholds of the curve: 0, 0.05, …, 0.95. */
export const CURVE_THRESHOLDS: readonly number[] = Array.from({ length: 20 }, (_, i) => Math.round(i * 5) / 100);

/** The curve over {@link CURVE_THRESHOLDS}: lower thresholds automate more and err more. */
export function coverageCurve(predictions: readonly ScoredPrediction[]): CoveragePoint[] {
  return CURVE_THRESHOLDS.map((t) => coverageAt(predictions, t));
}

/**
 * The lowest threshold of the curve whose automatic decisions reach `minAccuracy` (the most
 * automation at that accuracy); null when no threshold does.
 */
export function lowestThresholdFor(curve: readonly CoveragePoint[], minAccuracy: number): CoveragePoint | null {
  return curve.find((p) => p.accuracy !== null && p.accuracy >= minAccuracy && p.coverage > 0) ?? null;
}

import { type SparseVector } from './vectorize';

/**
 * Linear multi-class learners over sparse TF-IDF rows. Weights are stored feature-major
 * (`weights[j * classes + k]`) so that scoring a sparse row touches contiguous memory.
 */

/** A trained linear scorer: score_k(x) = Σ_j x_j · weights[j·K + k] + bias[k]. */
export interface LinearWeights {
  classes: number;
  features: number;
  weights: Float64Array;
  bias: Float64Array;
}

/** A training set in index form. */
export interface TrainingMatrix {
  rows: readonly SparseVector[];
  /** Class index of each row, 0 ≤ y < classes. */
  targets: Int32Array;
  classes: number;
  features: number;
  /** Per-row weight (e.g. balanced class weights); default 1. */
  sampleWeights?: Float64Array;
}

/** Deterministic 32-bit PRNG (mulberry32): the same seed gives the same training run. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place with the given PRNG. */
export function shuffleInPlace<T>(items: T[] | Int32Array, random: () => number): void {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
}

/** Scores one row against every class into `out` (length = classes). */
export function scoreInto(model: LinearWeights, row: SparseVector, out: Float64Array): Float64Array {
  const K = model.classes;
  out.set(model.bias);
  for (let p = 0; p < row.indices.length; p += 1) {
    const j = row.indices[p];
    if (j >= model.features) continue;
    const v = row.values[p];
    const base = j * K;
    for (let k = 0; k < K; k += 1) out[k] += v * model.weights[base + k];
  }
  return out;
}

/** Softmax in place (numerically stable); returns its argument. */
export function softmaxInPlace(scores: Float64Array): Float64Array {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let k = 0; k < scores.length; k += 1) {
    scores[k] = Math.exp(scores[k] - max);
    sum += scores[k];
  }
  for (let k = 0; k < scores.length; k += 1) scores[k] /= sum;
  return scores;
}

/** Options for the one-vs-rest linear SVM. */
export interface SvmOptions {
  /** Inverse regularisation strength (liblinear's C). Default 1. */
  c: number;
  /** Passes over the data at most. Default 200. */
  maxIterations: number;
  /** Stop when the projected-gradient spread falls below this. Default 0.1 (liblinear's default). */
  tolerance: number;
  /** Seed for the coordinate order. */
  seed: number;
  /**
   * Per-class feature scaling (NB-SVM): class k's binary SVM sees x ∘ scale(k); the stored
   * weights are w ∘ scale(k), so scoring stays a plain dot product with the raw row.
   */
  featureScale?: (k: number) => Float64Array;
}

/**
 * One-vs-rest L2-regularised squared-hinge SVM trained by dual coordinate descent
 * (Hsieh et al., ICML 2008 — liblinear's default solver). The bias is a constant feature of 1,
 * regularised like the others, as liblinear does. Deterministic for a given seed.
 */
export function trainSvm(data: TrainingMatrix, options: Partial<SvmOptions> = {}): LinearWeights {
  const { c = 1, maxIterations = 200, tolerance = 0.1, seed = 1, featureScale } = options;
  const { targets, classes: K, features: F } = data;
  const n = data.rows.length;
  const weights = new Float64Array(F * K);
  const bias = new Float64Array(K);
  const squaredNorms = new Float64Array(n);
  const random = createRandom(seed);
  const w = new Float64Array(F);
  const alpha = new Float64Array(n);
  const order = new Int32Array(n);

  for (let k = 0; k < K; k += 1) {
    const scale = featureScale?.(k);
    const rows = scale ? data.rows.map((row) => ({ indices: row.indices, values: row.values.map((v, p) => v * scale[row.indices[p]]) })) : data.rows;
    rows.forEach((row, i) => {
      let s = 1; // the bias feature
      for (const v of row.values) s += v * v;
      squaredNorms[i] = s;
    });
    w.fill(0);
    alpha.fill(0);
    let b = 0;
    for (let i = 0; i < n; i += 1) order[i] = i;
    for (let iteration = 0; iteration < maxIterations; iteration += 1) {
      shuffleInPlace(order, random);
      let maxPg = -Infinity;
      let minPg = Infinity;
      for (let t = 0; t < n; t += 1) {
        const i = order[t];
        const row = rows[i];
        const y = targets[i] === k ? 1 : -1;
        const ci = c * (data.sampleWeights?.[i] ?? 1);
        const diag = 0.5 / ci;
        let dot = b;
        for (let p = 0; p < row.indices.length; p += 1) dot += w[row.indices[p]] * row.values[p];
        const g = y * dot - 1 + diag * alpha[i];
        const pg = alpha[i] === 0 ? Math.min(g, 0) : g;
        if (pg > maxPg) maxPg = pg;
        if (pg < minPg) minPg = pg;
        if (pg !== 0) {
          const old = alpha[i];
          alpha[i] = Math.max(old - g / (squaredNorms[i] + diag), 0);
          const delta = (alpha[i] - old) * y;
          for (let p = 0; p < row.indices.length; p += 1) w[row.indices[p]] += delta * row.values[p];
          b += delta;
        }
      }
      if (maxPg - minPg < tolerance) break;
    }
    for (let j = 0; j < F; j += 1) weights[j * K + k] = scale ? w[j] * scale[j] : w[j];
    bias[k] = b;
  }
  return { classes: K, features: F, weights, bias };
}

/** Options for multinomial logistic regression. */
export interface LogisticOptions {
  /** L2 penalty on the weights per training example (the bias is not penalised). Default 1e-4. */
  l2: number;
  /** L-BFGS iterations at most. Default 300. */
  maxIterations: number;
  /** Stop when the relative decrease of the objective falls below this. Default 1e-6. */
  tolerance: number;
  /** Weights to start from (warm start, e.g. retraining with a few more examples). */
  initial?: LinearWeights;
}

/**
 * Multinomial (softmax) logistic regression with an L2 penalty, fitted by full-batch L-BFGS.
 * Objective: mean weighted cross-entropy + l2/2 · ‖W‖². Deterministic (no sampling at all),
 * and its softmax outputs are reasonably calibrated probabilities.
 */
export function trainLogistic(data: TrainingMatrix, options: Partial<LogisticOptions> = {}): LinearWeights {
  const { l2 = 1e-4, maxIterations = 300, tolerance = 1e-6, initial } = options;
  const { rows, targets, classes: K, features: F } = data;
  const n = rows.length;
  const dim = F * K + K;
  const x = new Float64Array(dim);
  if (initial && initial.classes === K && initial.features === F) {
    x.set(initial.weights);
    x.set(initial.bias, F * K);
  }
  let totalWeight = 0;
  for (let i = 0; i < n; i += 1) totalWeight += data.sampleWeights?.[i] ?? 1;
  const probs = new Float64Array(K);

  const evaluate = (params: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    for (let i = 0; i < n; i += 1) {
      const row = rows[i];
      const sw = (data.sampleWeights?.[i] ?? 1) / totalWeight;
      for (let k = 0; k < K; k += 1) probs[k] = params[F * K + k];
      for (let p = 0; p < row.indices.length; p += 1) {
        const base = row.indices[p] * K;
        const v = row.values[p];
        for (let k = 0; k < K; k += 1) probs[k] += v * params[base + k];
      }
      let max = -Infinity;
      for (let k = 0; k < K; k += 1) if (probs[k] > max) max = probs[k];
      let sum = 0;
      for (let k = 0; k < K; k += 1) sum += Math.exp(probs[k] - max);
      const logSum = max + Math.log(sum);
      loss += sw * (logSum - probs[targets[i]]);
      for (let k = 0; k < K; k += 1) probs[k] = (Math.exp(probs[k] - logSum) - (k === targets[i] ? 1 : 0)) * sw;
      for (let p = 0; p < row.indices.length; p += 1) {
        const base = row.indices[p] * K;
        const v = row.values[p];
        for (let k = 0; k < K; k += 1) grad[base + k] += v * probs[k];
      }
      for (let k = 0; k < K; k += 1) grad[F * K + k] += probs[k];
    }
    let penalty = 0;
    for (let j = 0; j < F * K; j += 1) {
      penalty += params[j] * params[j];
      grad[j] += l2 * params[j];
    }
    return loss + 0.5 * l2 * penalty;
  };

  minimizeLbfgs(evaluate, x, { maxIterations, tolerance });
  return { classes: K, features: F, weights: x.slice(0, F * K), bias: x.slice(F * K) };
}

/** Limited-memory BFGS with a backtracking Armijo line search; minimises in place. */
function minimizeLbfgs(
  evaluate: (x: Float64Array, grad: Float64Array) => number,
  x: Float64Array,
  options: { maxIterations: number; tolerance: number; memory?: number },
): number {
  const m = options.memory ?? 10;
  const dim = x.length;
  const grad = new Float64Array(dim);
  const nextGrad = new Float64Array(dim);
  const nextX = new Float64Array(dim);
  const direction = new Float64Array(dim);
  const sHistory: Float64Array[] = [];
  const yHistory: Float64Array[] = [];
  const rhoHistory: number[] = [];
  const alphas = new Float64Array(m);
  let value = evaluate(x, grad);

  for (let iteration = 0; iteration < options.maxIterations; iteration += 1) {
    // Two-loop recursion: direction = -H·grad.
    direction.set(grad);
    for (let h = sHistory.length - 1; h >= 0; h -= 1) {
      const a = rhoHistory[h] * dot(sHistory[h], direction);
      alphas[h] = a;
      axpy(-a, yHistory[h], direction);
    }
    if (sHistory.length > 0) {
      const last = sHistory.length - 1;
      const gamma = dot(sHistory[last], yHistory[last]) / dot(yHistory[last], yHistory[last]);
      for (let i = 0; i < dim; i += 1) direction[i] *= gamma;
    } else {
      const norm = Math.sqrt(dot(grad, grad));
      if (norm === 0) break;
      for (let i = 0; i < dim; i += 1) direction[i] /= norm;
    }
    for (let h = 0; h < sHistory.length; h += 1) {
      const b = rhoHistory[h] * dot(yHistory[h], direction);
      axpy(alphas[h] - b, sHistory[h], direction);
    }
    for (let i = 0; i < dim; i += 1) direction[i] = -direction[i];

    let slope = dot(grad, direction);
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      sHistory.length = 0;
      yHistory.length = 0;
      rhoHistory.length = 0;
      for (let i = 0; i < dim; i += 1) direction[i] = -grad[i];
      slope = -dot(grad, grad);
      if (slope === 0) break;
    }
    let step = 1;
    let nextValue = Infinity;
    for (let attempt = 0; attempt < 40; attempt += 1) {
      for (let i = 0; i < dim; i += 1) nextX[i] = x[i] + step * direction[i];
      nextValue = evaluate(nextX, nextGrad);
      if (nextValue <= value + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(nextValue < value)) break;
    const s = new Float64Array(dim);
    const y = new Float64Array(dim);
    for (let i = 0; i < dim; i += 1) {
      s[i] = nextX[i] - x[i];
      y[i] = nextGrad[i] - grad[i];
    }
    const sy = dot(s, y);
    if (sy > 1e-12) {
      if (sHistory.length === m) {
        sHistory.shift();
        yHistory.shift();
        rhoHistory.shift();
      }
      sHistory.push(s);
      yHistory.push(y);
      rhoHistory.push(1 / sy);
    }
    const decrease = (value - nextValue) / Math.max(Math.abs(value), 1e-12);
    x.set(nextX);
    grad.set(nextGrad);
    value = nextValue;
    if (decrease < options.tolerance) break;
  }
  return value;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i += 1) s += a[i] * b[i];
  return s;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i += 1) y[i] += a * x[i];
}

/** Options for Complement Naive Bayes. */
export interface ComplementNbOptions {
  /** Additive (Laplace/Lidstone) smoothing. Default 0.3. */
  alpha: number;
}

/**
 * Complement Naive Bayes (Rennie et al., ICML 2003) with weight normalisation, as a linear
 * scorer: one pass over the data, so it retrains instantly.
 */
export function trainComplementNb(data: TrainingMatrix, options: Partial<ComplementNbOptions> = {}): LinearWeights {
  const { alpha = 0.3 } = options;
  const { rows, targets, classes: K, features: F } = data;
  const featureTotals = new Float64Array(F);
  const classFeature = new Float64Array(F * K);
  rows.forEach((row, i) => {
    for (let p = 0; p < row.indices.length; p += 1) {
      const j = row.indices[p];
      featureTotals[j] += row.values[p];
      classFeature[j * K + targets[i]] += row.values[p];
    }
  });
  const classTotals = new Float64Array(K);
  let grandTotal = 0;
  for (let j = 0; j < F; j += 1) {
    grandTotal += featureTotals[j];
    for (let k = 0; k < K; k += 1) classTotals[k] += classFeature[j * K + k];
  }
  const weights = new Float64Array(F * K);
  for (let k = 0; k < K; k += 1) {
    const complementTotal = grandTotal - classTotals[k] + alpha * F;
    let absSum = 0;
    for (let j = 0; j < F; j += 1) {
      const complement = featureTotals[j] - classFeature[j * K + k] + alpha;
      const w = Math.log(complement / complementTotal);
      weights[j * K + k] = w;
      absSum += Math.abs(w);
    }
    // Normalised and negated: a high score means "unlike the other classes".
    for (let j = 0; j < F; j += 1) weights[j * K + k] = -weights[j * K + k] / (absSum || 1);
  }
  return { classes: K, features: F, weights, bias: new Float64Array(K) };
}

/**
 * NB-SVM feature scaling (Wang & Manning, ACL 2012): for class k, the log-ratio of a feature's
 * smoothed share of the class's mass to its share of the other classes' mass, shrunk towards 1
 * by `interpolation` (0 = plain SVM, 1 = full ratio). Rows are TF-IDF, not binarised.
 */
export function nbLogRatios(data: TrainingMatrix, options: { alpha: number; interpolation: number }): (k: number) => Float64Array {
  const { rows, targets, classes: K, features: F } = data;
  const classFeature = new Float64Array(F * K);
  const totals = new Float64Array(F);
  rows.forEach((row, i) => {
    for (let p = 0; p < row.indices.length; p += 1) {
      const v = row.values[p];
      classFeature[row.indices[p] * K + targets[i]] += v;
      totals[row.indices[p]] += v;
    }
  });
  return (k) => {
    let inMass = 0;
    let outMass = 0;
    for (let j = 0; j < F; j += 1) {
      inMass += classFeature[j * K + k] + options.alpha;
      outMass += totals[j] - classFeature[j * K + k] + options.alpha;
    }
    const ratios = new Float64Array(F);
    for (let j = 0; j < F; j += 1) {
      const r = Math.log((classFeature[j * K + k] + options.alpha) / inMass / ((totals[j] - classFeature[j * K + k] + options.alpha) / outMass));
      ratios[j] = 1 - options.interpolation + options.interpolation * Math.abs(r);
    }
    return ratios;
  };
}

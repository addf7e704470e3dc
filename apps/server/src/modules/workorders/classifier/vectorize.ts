/**
 * TF-IDF vectors over a vocabulary learned from training text: sublinear term frequency
 * (1 + ln tf), smoothed inverse document frequency (ln((1 + n) / (1 + df)) + 1), L2 norm —
 * the same recipe as scikit-learn's `TfidfVectorizer(sublinear_tf=True)`.
 */

/** A sparse row: parallel arrays of feature indices (ascending) and values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/** The learned part of the vectorizer. */
export interface Vocabulary {
  /** Feature names; a feature's index is its position. */
  terms: string[];
  /** Inverse document frequency per feature. */
  idf: Float64Array;
  /** Name → index, rebuilt from `terms`. */
  index: Map<string, number>;
}

/** Options for learning a vocabulary. */
export interface VocabularyOptions {
  /** Keep only features seen in at least this many documents. Default 1. */
  minDf: number;
  /** Drop features seen in more than this share of documents (0–1]. Default 1 (keep all). */
  maxDfRatio: number;
}

/** Counts the distinct features of each tokenised document and keeps the frequent enough ones. */
export function buildVocabulary(documents: ReadonlyArray<readonly string[]>, options: Partial<VocabularyOptions> = {}): Vocabulary {
  const { minDf = 1, maxDfRatio = 1 } = options;
  const df = new Map<string, number>();
  for (const tokens of documents) {
    for (const token of new Set(tokens)) df.set(token, (df.get(token) ?? 0) + 1);
  }
  const n = documents.length;
  const maxDf = Math.max(1, Math.floor(maxDfRatio * n));
  // Sorted so that the same training data always yields the same feature order.
  const terms = [...df.entries()]
    .filter(([, count]) => count >= minDf && count <= maxDf)
    .map(([term]) => term)
    .sort();
  const idf = new Float64Array(terms.length);
  terms.forEach((term, i) => {
    idf[i] = Math.log((1 + n) / (1 + (df.get(term) ?? 0))) + 1;
  });
  return { terms, idf, index: new Map(terms.map((term, i) => [term, i])) };
}

/** Rebuilds the name → index map for a vocabulary read back from JSON. */
export function vocabularyFromTerms(terms: string[], idf: ArrayLike<number>): Vocabulary {
  return { terms, idf: Float64Array.from(idf), index: new Map(terms.map((term, i) => [term, i])) };
}

/** Turns a tokenised document into an L2-normalised sublinear TF-IDF vector; unknown features are ignored. */
export function vectorize(tokens: readonly string[], vocabulary: Vocabulary): SparseVector {
  const counts = new Map<number, number>();
  for (const token of tokens) {
    const j = vocabulary.index.get(token);
    if (j !== undefined) counts.set(j, (counts.get(j) ?? 0) + 1);
  }
  const indices = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
  const values = new Float64Array(indices.length);
  let norm = 0;
  indices.forEach((j, k) => {
    const v = (1 + Math.log(counts.get(j) ?? 1)) * vocabulary.idf[j];
    values[k] = v;
    norm += v * v;
  });
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (let k = 0; k < values.length; k += 1) values[k] *= scale;
  }
  return { indices, values };
}

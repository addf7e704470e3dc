import type { Jieba } from '@node-rs/jieba';
import { chineseSegmenter } from '../../../lib/segmenter';

/**
 * Features for mixed Chinese/English work-order text. Every feature carries a namespace prefix
 * so that the "why" of a decision is readable and the kinds never collide:
 * - `w:` a word — a jieba word (分词) inside a CJK run, or a normalised English word;
 * - `c:` a CJK character n-gram (uni- and bigrams by default), robust to segmentation errors;
 * - `b:` a bigram of adjacent words (off by default).
 */

/** How text becomes features. */
export interface TokenizeOptions {
  /** jieba words in CJK runs and normalised English words. Default true. */
  words: boolean;
  /** Smallest and largest CJK character n-gram, e.g. [1, 2]; [0, 0] turns them off. Default [1, 2]. */
  charNgrams: readonly [number, number];
  /** Adjacent-word bigrams (across CJK and English, within one clause). Default false. */
  wordBigrams: boolean;
  /** Keep single-character CJK words from jieba (they duplicate character unigrams). Default false. */
  singleCharWords: boolean;
}

/** The defaults used by the dispatch classifier. */
export const DEFAULT_TOKENIZE_OPTIONS: TokenizeOptions = {
  words: true,
  charNgrams: [1, 2],
  wordBigrams: false,
  singleCharWords: false,
};

/** One shared segmenter (lib/segmenter): loading the dictionary takes a few hundred milliseconds. */
function segmenter(): Jieba {
  return chineseSegmenter();
}

/** CJK unified ideographs (BMP: extension A, the main block, compatibility ideographs). */
const CJK_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const CJK_START = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** A token of letters and digits (other than CJK), as jieba returns Latin words and numbers. */
const LATIN_WORD = /^[\p{L}\p{N}]+$/u;
const BLANK = /^\s+$/;

/** Very common English words that carry no routing signal. */
const ENGLISH_STOPWORDS = new Set(
  'a an and are as at be been but by for from had has have i if in into is it its me my of on or our so that the their them then there these they this to was we were will with you your'.split(' '),
);

/**
 * Normalises one English word: lower case, possessive and a light plural/verb suffix stripped
 * ("printers" → "printer", "passwords" → "password", "boxes" → "box"). Digits collapse to `0`
 * so that phone numbers, amounts and ticket ids share a few features instead of thousands.
 */
export function normalizeEnglishWord(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '').replace(/['’]/g, '');
  if (/\d/.test(w)) return w.replace(/\d+/g, '0');
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && /(?:ches|shes|sses|xes)$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Character n-grams of one CJK run, n from min to max (the ranges above are all in the BMP, so one char = one code unit). */
function charNgrams(run: string, min: number, max: number, out: string[]): void {
  for (let n = Math.max(1, min); n <= max; n += 1) {
    for (let i = 0; i + n <= run.length; i += 1) out.push(`c:${run.slice(i, i + n)}`);
  }
}

/**
 * Turns text into a bag of namespaced features (with repeats: counts matter to TF-IDF).
 * Full-width forms are folded to half-width (NFKC) first, so "ＷｉＦｉ" and "WiFi" agree.
 * jieba segments the whole text once (it passes Latin words and numbers through whole);
 * punctuation ends a clause, so no word bigram spans it.
 */
export function tokenize(text: string, options: Partial<TokenizeOptions> = {}): string[] {
  const opts = { ...DEFAULT_TOKENIZE_OPTIONS, ...options };
  const [minN, maxN] = opts.charNgrams;
  const normalized = text.normalize('NFKC');
  const features: string[] = [];
  if (maxN > 0) for (const [run] of normalized.matchAll(CJK_RUN)) charNgrams(run, minN, maxN, features);
  if (!opts.words && !opts.wordBigrams) return features;

  let previousWord: string | undefined;
  for (const token of segmenter().cut(normalized, false)) {
    let word: string | undefined;
    if (CJK_START.test(token)) {
      if (token.length > 1 || opts.singleCharWords) word = token;
    } else if (LATIN_WORD.test(token)) {
      const english = normalizeEnglishWord(token);
      // Single letters are mostly codes ("A市", "B区") and stray possessive "s".
      if ((english.length > 1 || english === '0') && !ENGLISH_STOPWORDS.has(english)) word = english;
      else continue;
    } else if (BLANK.test(token)) {
      continue;
    }
    if (word === undefined) {
      previousWord = undefined;
      continue;
    }
    if (opts.words) features.push(`w:${word}`);
    if (opts.wordBigrams && previousWord !== undefined) features.push(`b:${previousWord}_${word}`);
    previousWord = word;
  }
  return features;
}

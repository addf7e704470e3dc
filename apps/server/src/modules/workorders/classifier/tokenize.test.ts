import { describe, expect, test } from 'vitest';
import { normalizeEnglishWord, tokenize } from './tokenize';

describe('tokenize', () => {
  test('gives jieba words and CJK character uni- and bigrams for Chinese text', () => {
    const features = tokenize('小区路灯');
    expect(features.filter((f) => f.startsWith('w:'))).toEqual(['w:小区', 'w:路灯']);
    expect(features.filter((f) => f.startsWith('c:'))).toEqual(['c:小', 'c:区', 'c:路', 'c:灯', 'c:小区', 'c:区路', 'c:路灯']);
  });

  test('splits a Latin code glued to Chinese ("A市") instead of swallowing the run', () => {
    const features = tokenize('A市交通运输局');
    expect(features).toContain('w:交通运输');
    expect(features.some((f) => f.includes('A市'))).toBe(false);
  });

  test('lower-cases and normalises English words and drops stop words', () => {
    expect(tokenize('The Printers are NOT working')).toEqual(['w:printer', 'w:not', 'w:working']);
  });

  test('folds full-width letters to half-width', () => {
    expect(tokenize('ＷｉＦｉ')).toEqual(['w:wifi']);
  });

  test('handles mixed Chinese and English in one text', () => {
    const features = tokenize('VPN 无法连接');
    expect(features).toEqual(expect.arrayContaining(['w:vpn', 'w:无法', 'w:连接', 'c:连接']));
  });

  test('adds word bigrams within a clause only when asked', () => {
    expect(tokenize('reset password, urgent', { wordBigrams: true, charNgrams: [0, 0] })).toEqual(['w:reset', 'w:password', 'b:reset_password', 'w:urgent']);
    expect(tokenize('reset password', { charNgrams: [0, 0] }).some((f) => f.startsWith('b:'))).toBe(false);
  });

  test('can turn words or character n-grams off', () => {
    expect(tokenize('路灯', { words: false })).toEqual(['c:路', 'c:灯', 'c:路灯']);
    expect(tokenize('路灯', { charNgrams: [0, 0] })).toEqual(['w:路灯']);
  });

  test('returns nothing for empty or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('！！？。, .')).toEqual([]);
  });
});

describe('normalizeEnglishWord', () => {
  test.each([
    ['Printers', 'printer'],
    ['boxes', 'box'],
    ['policies', 'policy'],
    ['access', 'access'],
    ['status', 'status'],
    ["user's", 'user'],
    ['ticket12345', 'ticket0'],
    ['2024', '0'],
  ])('%s → %s', (word, expected) => {
    expect(normalizeEnglishWord(word)).toBe(expected);
  });
});

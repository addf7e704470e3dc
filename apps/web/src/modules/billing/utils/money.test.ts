import { describe, expect, test } from 'vitest';
import { yuanToFen } from './money';

describe('yuanToFen', () => {
  test.each([
    ['12', 1200],
    ['12.3', 1230],
    ['12.34', 1234],
    ['0.07', 7],
    [' 19.99 ', 1999],
    ['12.345', null],
    ['-1', null],
    ['abc', null],
    ['', null],
  ])('%s → %s', (input, fen) => {
    expect(yuanToFen(input)).toBe(fen);
  });
});

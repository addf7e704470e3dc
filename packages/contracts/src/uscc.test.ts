import { describe, expect, test } from 'vitest';
import { explainUsccProblem, isValidUscc, usccCheckCharacter, withUsccCheck } from './uscc';

describe('unified social credit code (GB 32100-2015)', () => {
  // Published codes of well-known companies: their check characters must match.
  test.each([
    ['91350100M000100Y43'],
    ['91110000600037341L'],
    ['9144030071526726XG'],
  ])('accepts the real code %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  test('computes the check character from the weighted sum mod 31', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(withUsccCheck('91110000600037341')).toBe('91110000600037341L');
  });

  test.each([
    ['91350100M000100Y44', /check character should be 3/],
    ['91350100M000100Y4', /18 characters/],
    ['91350100M000I00Y43', /"I"/],
    ['91350100M000100O43', /"O"/],
  ])('rejects %s with a reason', (code, reason) => {
    expect(explainUsccProblem(code)).toMatch(reason);
  });

  test('accepts lower case by upper-casing first', () => {
    expect(isValidUscc('9144030071526726xg')).toBe(true);
  });
});

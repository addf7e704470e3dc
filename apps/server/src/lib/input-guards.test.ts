import { describe, expect, test } from 'vitest';
import { findNulPaths, findOutOfRangeDatePaths, formatInputPath, isRepresentableDate, mayHoldNulEscape } from './input-guards';
import { isoDate, isoMonth } from './validation';

describe('findNulPaths', () => {
  test.each([
    ['a clean body', { a: 'x', b: [1, 'y', { c: null }] }, []],
    ['a top-level string', 'a\u0000b', [[]]],
    ['a nested value', { a: { b: ['ok', 'x\u0000'] } }, [['a', 'b', 1]]],
    ['a key', { meta: { 'k\u0000': 1 } }, [['meta', 'k\u0000']]],
    ['a key and its value', { 'k\u0000': 'v\u0000' }, [['k\u0000'], ['k\u0000']]],
  ])('%s', (_name, value, paths) => {
    expect(findNulPaths(value)).toEqual(paths);
  });

  test('walks the query parser’s objects (their prototype has no prototype) but not buffers', () => {
    const Empty = function () {} as unknown as { new (): Record<string, unknown>; prototype: object };
    Empty.prototype = Object.create(null) as object;
    const query = new Empty();
    query.q = 'a\u0000b';
    expect(findNulPaths(query)).toEqual([['q']]);
    expect(findNulPaths({ file: Buffer.from([0x61, 0, 0x62]) })).toEqual([]);
  });

  test('a deeply nested body does not overflow the stack, and at most 20 places are reported', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findNulPaths(deep)).toHaveLength(1);
    expect(findNulPaths(Array.from({ length: 100 }, () => '\u0000'))).toHaveLength(20);
  });
});

describe('dates', () => {
  test.each([
    ['0001-01-01T00:00:00Z', true],
    ['9999-12-31T23:59:59.999Z', true],
    ['0000-12-31T23:59:59Z', false],
    ['-000001-01-01T00:00:00Z', false],
    ['+010000-01-01T00:00:00Z', false],
  ])('%s representable: %s', (iso, ok) => {
    expect(isRepresentableDate(new Date(iso))).toBe(ok);
    expect(findOutOfRangeDatePaths({ at: [new Date(iso)] })).toEqual(ok ? [] : [['at', 0]]);
  });

  test('an invalid Date is out of range', () => {
    expect(isRepresentableDate(new Date(NaN))).toBe(false);
  });

  test.each([
    ['2026-02-28', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['0000-01-01', false],
    ['0001-01-01', true],
    ['26-01-01', false],
  ])('isoDate %s: %s', (s, ok) => {
    expect(isoDate.safeParse(s).success).toBe(ok);
  });

  test('a year out of range carries the date_out_of_range code, once', () => {
    const r = isoDate.safeParse('0000-01-01');
    expect(r.error?.issues).toEqual([expect.objectContaining({ code: 'custom', params: { fieldIssueCode: 'date_out_of_range' } })]);
    expect(isoMonth.safeParse('0000-01').success).toBe(false);
    expect(isoMonth.safeParse('2026-12').success).toBe(true);
  });
});

test('formatInputPath writes U+0000 in a key as \\u0000', () => {
  expect(formatInputPath(['metadata', 'a\u0000b', 0])).toBe('metadata.a\\u0000b.0');
});

test('mayHoldNulEscape looks for the JSON escape only', () => {
  expect(mayHoldNulEscape(Buffer.from('{"a":"\\u0000"}'))).toBe(true);
  expect(mayHoldNulEscape('{"a":"b"}')).toBe(false);
});

import { describe, expect, test } from 'vitest';
import { boxOf, formatFootprint, parseFootprint } from './footprint';

describe('building outline text', () => {
  test('reads one corner a line, with commas, spaces or semicolons', () => {
    expect(parseFootprint('0, 0\n100,0\n100 72;0, 72')).toEqual([
      [0, 0],
      [100, 0],
      [100, 72],
      [0, 72],
    ]);
  });
  test.each([['0,0\n1,1'], ['0,0\n1,1\nx,2'], ['0,0,0\n1,1\n2,2'], ['0,0\n1,1\n1e9,2']])('refuses %j', (text) => {
    expect(parseFootprint(text)).toBeNull();
  });
  test('formats back to what it reads', () => {
    const ring: [number, number][] = [
      [1.5, -2],
      [10, 0],
      [4, 8],
    ];
    expect(parseFootprint(formatFootprint(ring))).toEqual(ring);
    expect(boxOf([ring])).toMatchObject({ minX: 1.5, maxY: 8, width: 8.5, height: 10 });
  });
});

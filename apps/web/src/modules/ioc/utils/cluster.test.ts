import { describe, expect, test } from 'vitest';
import { clusterPoints } from './cluster';

describe('clusterPoints', () => {
  test('points in one cell merge at their mean; distant points stay apart', () => {
    const c = clusterPoints(
      [
        { id: 'a', x: 1, y: 1 },
        { id: 'b', x: 3, y: 3 },
        { id: 'c', x: 55, y: 5 },
      ],
      10,
    );
    expect(c.map((k) => [k.x, k.y, k.items.map((i) => i.id)])).toEqual([
      [2, 2, ['a', 'b']],
      [55, 5, ['c']],
    ]);
  });

  test('5,000 points in a 100×100 area with cell 10 make at most 100 clusters holding every point', () => {
    const pts = Array.from({ length: 5000 }, (_, i) => ({ id: String(i), x: (i * 37) % 100, y: (i * 91) % 100 }));
    const c = clusterPoints(pts, 10);
    expect(c.length).toBeLessThanOrEqual(100);
    expect(c.reduce((n, k) => n + k.items.length, 0)).toBe(5000);
  });
});

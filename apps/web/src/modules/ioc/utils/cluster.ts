/** A point to cluster. */
export interface ClusterPoint {
  id: string;
  x: number;
  y: number;
}

/** A cluster: its centre, members, and the count. */
export interface Cluster<T extends ClusterPoint> {
  x: number;
  y: number;
  items: T[];
}

/**
 * Grid clustering: points falling into the same cell of `cellSize` (in the
 * points' units) become one cluster at their mean position. O(n); good for
 * thousands of markers redrawn on every zoom.
 */
export function clusterPoints<T extends ClusterPoint>(points: readonly T[], cellSize: number): Cluster<T>[] {
  if (cellSize <= 0) return points.map((p) => ({ x: p.x, y: p.y, items: [p] }));
  const cells = new Map<string, Cluster<T>>();
  for (const p of points) {
    const key = `${Math.floor(p.x / cellSize)}:${Math.floor(p.y / cellSize)}`;
    const c = cells.get(key);
    if (c) {
      c.x += (p.x - c.x) / (c.items.length + 1);
      c.y += (p.y - c.y) / (c.items.length + 1);
      c.items.push(p);
    } else cells.set(key, { x: p.x, y: p.y, items: [p] });
  }
  return [...cells.values()];
}

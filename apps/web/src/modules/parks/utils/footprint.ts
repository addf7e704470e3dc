/** A building outline: corners [x, y] in metres, x east, y north. */
export type Ring = [number, number][];

/** The bounding box of one or more outlines. */
export function boxOf(rings: Ring[]): { minX: number; minY: number; maxX: number; maxY: number; width: number; height: number } {
  const pts = rings.flat();
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = pts.length ? [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)] : [0, 0, 0, 0];
  return { minX, minY, maxX, maxY, width: maxX - minX, height: maxY - minY };
}

/** SVG `points` for an outline drawn with north up (SVG's y grows downwards). */
export function svgPoints(ring: Ring): string {
  return ring.map(([x, y]) => `${x},${-y}`).join(' ');
}

/** The outline as the editor shows it: one "x, y" a line. */
export function formatFootprint(ring: Ring | null | undefined): string {
  return (ring ?? []).map(([x, y]) => `${x}, ${y}`).join('\n');
}

/** Parses "x, y" lines (or ";"-separated pairs); null when any line is not two numbers or there are fewer than 3 corners. */
export function parseFootprint(text: string): Ring | null {
  const lines = text
    .split(/[\n;]+/)
    .map((l) => l.trim())
    .filter(Boolean);
  const ring: Ring = [];
  for (const line of lines) {
    const parts = line.split(/[\s,，]+/).filter(Boolean);
    if (parts.length !== 2) return null;
    const [x, y] = parts.map(Number);
    if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 100_000 || Math.abs(y) > 100_000) return null;
    ring.push([x, y]);
  }
  return ring.length >= 3 && ring.length <= 200 ? ring : null;
}

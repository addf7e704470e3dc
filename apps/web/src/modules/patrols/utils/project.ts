/** A point on the map in WGS-84 degrees. */
export interface LatLng {
  lat: number;
  lng: number;
}

/**
 * Fits points into a `width` × `height` box (with `pad`), north up, keeping the ground's proportions
 * (a degree of longitude is shorter than one of latitude away from the equator).
 */
export function fitProjection(points: LatLng[], width: number, height: number, pad = 36): (p: LatLng) => { x: number; y: number } {
  if (!points.length) return () => ({ x: width / 2, y: height / 2 });
  const k = Math.cos((points[0].lat * Math.PI) / 180);
  const xs = points.map((p) => p.lng * k);
  const ys = points.map((p) => p.lat);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanX = Math.max(maxX - minX, 1e-6);
  const spanY = Math.max(maxY - minY, 1e-6);
  const scale = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
  const offX = (width - spanX * scale) / 2;
  const offY = (height - spanY * scale) / 2;
  return (p) => ({ x: offX + (p.lng * k - minX) * scale, y: height - (offY + (p.lat - minY) * scale) });
}

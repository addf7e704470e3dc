import type { Waypoint } from './patrols.table';

const METRES_PER_DEGREE_LAT = 111_320;

/** A default flight plan: the checkpoints evenly on a circle of `radiusM` around the centre, at 60 m. */
export function circuitAround(centre: { lat: number; lng: number }, checkpointKeys: string[], radiusM = 250): Waypoint[] {
  const perLng = METRES_PER_DEGREE_LAT * Math.cos((centre.lat * Math.PI) / 180);
  return checkpointKeys.map((key, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, checkpointKeys.length);
    return { checkpointKey: key, lat: round6(centre.lat + (radiusM * Math.sin(a)) / METRES_PER_DEGREE_LAT), lng: round6(centre.lng + (radiusM * Math.cos(a)) / perLng), altitudeM: 60 };
  });
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

function num(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}
function str(v: unknown, max = 500): string | null {
  return typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : null;
}
/** Only web addresses are shown as images (a device could send anything). */
function url(v: unknown): string | null {
  const s = str(v, 2000);
  return s && /^(https?:\/\/|\/api\/files\/)/.test(s) ? s : null;
}

/**
 * A drone's `finding` event attributes: `kind` (a code such as debris, intrusion, fire_risk, facade_damage),
 * `checkpoint`, `lat`, `lng`, `confidence` 0–1 and `snapshot_url`. Unknown or missing values become null.
 */
export function parseFinding(a: Record<string, unknown>) {
  const kind = str(a.kind, 40);
  return {
    kind: kind && /^[a-z][a-z0-9_]*$/.test(kind) ? kind : 'other',
    checkpointKey: str(a.checkpoint, 40),
    lat: num(a.lat),
    lng: num(a.lng),
    confidence: num(a.confidence),
    snapshotUrl: url(a.snapshot_url),
  };
}

/** A drone's `snapshot` event attributes: `checkpoint`, `url`, `lat`, `lng`. */
export function parseSnapshot(a: Record<string, unknown>) {
  return { checkpointKey: str(a.checkpoint, 40), url: url(a.url), lat: num(a.lat), lng: num(a.lng) };
}

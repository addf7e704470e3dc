import { and, asc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { devices } from '../modules/iot/iot.table';
import { buildings, districts, floors, sites } from '../modules/parks/parks.table';
import { floorPlanSvg, type Ring } from '../modules/parks/floor-plan-drawing';

/** Outlines whose bounding box is 100 × 72 m, so the demo devices' floor positions (x ≤ 96, y ≤ 70) fall inside. */
const SHAPES: Ring[] = [
  [[0, 0], [100, 0], [100, 72], [0, 72]],
  [[10, 0], [90, 0], [100, 10], [100, 62], [90, 72], [10, 72], [0, 62], [0, 10]],
  [[0, 0], [100, 0], [100, 72], [62, 72], [62, 60], [38, 60], [38, 72], [0, 72]],
  [[0, 0], [38, 0], [38, 10], [62, 10], [62, 0], [100, 0], [100, 72], [0, 72]],
];
const PITCH_X = 140;
const PITCH_Y = 110;
/** Roads between districts. */
const DISTRICT_GAP = 60;

/**
 * The demo park's buildings as footprints on their sites (districts as blocks
 * of three columns, divided by roads) and a drawn plan (SVG) on every floor
 * that has placed devices and on each ground floor, so the wall's park view
 * and its floor-plan drill-down show a real-looking park on first start.
 */
export async function seedParkView(db: Db, parkId: string): Promise<void> {
  const rows = await db
    .select({ id: buildings.id, siteId: buildings.siteId, districtId: buildings.districtId, districtName: districts.name })
    .from(buildings)
    .innerJoin(districts, eq(districts.id, buildings.districtId))
    .innerJoin(sites, eq(sites.id, buildings.siteId))
    .where(eq(buildings.parkId, parkId))
    .orderBy(asc(sites.createdAt), asc(districts.name), asc(buildings.name));
  const footprints = new Map<string, Ring>();
  const bySite = new Map<string, typeof rows>();
  for (const r of rows) bySite.set(r.siteId, [...(bySite.get(r.siteId) ?? []), r]);
  for (const siteRows of bySite.values()) {
    const districtIds = [...new Set(siteRows.map((r) => r.districtId))];
    // Two districts a row; each district three buildings a row.
    districtIds.forEach((districtId, di) => {
      const inDistrict = siteRows.filter((r) => r.districtId === districtId);
      const rowsInDistrict = Math.ceil(inDistrict.length / 3);
      const x0 = (di % 2) * (3 * PITCH_X + DISTRICT_GAP);
      const y0 = -Math.floor(di / 2) * (Math.max(2, rowsInDistrict) * PITCH_Y + DISTRICT_GAP);
      inDistrict.forEach((b, i) => {
        const shape = SHAPES[(i + di) % SHAPES.length];
        const dx = x0 + (i % 3) * PITCH_X;
        const dy = y0 - Math.floor(i / 3) * PITCH_Y;
        footprints.set(
          b.id,
          shape.map(([x, y]) => [x + dx, y + dy]),
        );
      });
    });
  }
  for (const [id, footprint] of footprints) await db.update(buildings).set({ footprint }).where(eq(buildings.id, id));

  const placed = await db.selectDistinct({ floorId: devices.floorId }).from(devices).where(and(eq(devices.parkId, parkId), isNotNull(devices.floorId), isNotNull(devices.x)));
  const floorRows = await db
    .select({ id: floors.id, buildingId: floors.buildingId, level: floors.level })
    .from(floors)
    .innerJoin(buildings, eq(buildings.id, floors.buildingId))
    .where(and(eq(buildings.parkId, parkId), or(eq(floors.level, 1), placed.length ? inArray(floors.id, placed.map((p) => p.floorId!)) : undefined)));
  for (const f of floorRows) {
    const footprint = footprints.get(f.buildingId);
    if (!footprint) continue;
    await db.update(floors).set({ planSvg: floorPlanSvg({ footprint, level: f.level }) }).where(eq(floors.id, f.id));
  }
}

import type { ParkTree, TreeBuilding, UnitStats } from '../api/parks.api';

const EMPTY: UnitStats = { total: 0, vacant: 0, leased: 0, reserved: 0, area: 0, leasedArea: 0 };

/** Sums the unit stats of buildings. */
export function sumStats(buildings: TreeBuilding[]): UnitStats {
  return buildings.reduce<UnitStats>(
    (acc, b) => ({
      total: acc.total + b.units.total,
      vacant: acc.vacant + b.units.vacant,
      leased: acc.leased + b.units.leased,
      reserved: acc.reserved + b.units.reserved,
      area: acc.area + b.units.area,
      leasedArea: acc.leasedArea + b.units.leasedArea,
    }),
    EMPTY,
  );
}

/** Every building of a park tree. */
export function buildingsOf(tree: ParkTree): TreeBuilding[] {
  return tree.sites.flatMap((s) => s.districts.flatMap((d) => d.buildings));
}

/** Leased share of the area, 0..1. */
export function occupancyOf(stats: UnitStats): number {
  return stats.area > 0 ? stats.leasedArea / stats.area : 0;
}

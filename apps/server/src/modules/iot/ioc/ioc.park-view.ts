import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../../db/client';
import type { AreaScope } from '../alarms/alarms.access';
import type { Crowd, ParkView } from './ioc.schema';
import { SEVERITY_RANK, scoped } from './ioc.sql';

/** People counts older than this are not "now" (a camera that stopped counting says nothing about the present). */
const PEOPLE_FRESH_MINUTES = 30;
const SEVERITIES = ['info', 'minor', 'major', 'critical'] as const;

/**
 * The park view of the wall: each site with its buildings' footprints, open
 * alarms (count and worst severity), occupancy (leased share of unit area) and
 * people counted now, for the buildings in the caller's area.
 */
export async function loadParkView(db: Db, area: AreaScope, parkId?: string): Promise<ParkView> {
  const rows = await rowsOf<{
    id: string;
    name: string;
    site_id: string;
    site_name: string;
    footprint: [number, number][] | null;
    floors: number;
    open_alarms: number;
    worst: number | null;
    unit_area: number | null;
    leased_area: number | null;
    people: number | null;
  }>(
    db,
    sql`SELECT b.id, b.name, b.site_id, s.name AS site_name, b.footprint,
          (SELECT count(*)::int FROM floors f WHERE f.building_id = b.id) AS floors,
          coalesce(al.n, 0)::int AS open_alarms, al.worst,
          u.total::float8 AS unit_area, u.leased::float8 AS leased_area, p.people::float8 AS people
        FROM buildings b JOIN sites s ON s.id = b.site_id
        LEFT JOIN LATERAL (SELECT count(*) AS n, max(${SEVERITY_RANK}) AS worst FROM alarms a WHERE a.building_id = b.id AND a.state IN ('active', 'acknowledged')) al ON true
        LEFT JOIN LATERAL (SELECT sum(un.area) AS total, sum(un.area) FILTER (WHERE un.status = 'leased') AS leased FROM units un WHERE un.building_id = b.id) u ON true
        LEFT JOIN LATERAL (
          SELECT sum(v.value) AS people FROM devices d JOIN latest_values v ON v.device_id = d.id AND v.metric = 'people_count'
          WHERE d.building_id = b.id AND v.ts > now() - make_interval(mins => ${PEOPLE_FRESH_MINUTES})
        ) p ON true
        WHERE ${scoped(area, 'b', parkId)}
        ORDER BY s.created_at, s.name, b.name
        LIMIT 2000`,
  );
  const sites = new Map<string, ParkView['sites'][number]>();
  for (const r of rows) {
    const site = sites.get(r.site_id) ?? { id: r.site_id, name: r.site_name, buildings: [] };
    sites.set(r.site_id, site);
    site.buildings.push({
      id: r.id,
      name: r.name,
      footprint: r.footprint,
      floors: r.floors,
      openAlarms: r.open_alarms,
      worstSeverity: r.worst ? SEVERITIES[r.worst - 1] : null,
      occupancy: r.unit_area ? Math.round(((r.leased_area ?? 0) / r.unit_area) * 1000) / 1000 : null,
      people: r.people === null ? null : Math.round(Number(r.people)),
    });
  }
  return { sites: [...sites.values()] };
}

/** People counted now (latest people_count of counting devices) per building, and today's pass scans at the gates. */
export async function loadCrowd(db: Db, area: AreaScope, parkId?: string): Promise<Crowd> {
  const [byBuilding, scans] = await Promise.all([
    rowsOf<{ building_id: string | null; name: string | null; people: number; devices: number }>(
      db,
      sql`SELECT d.building_id, b.name, sum(v.value)::float8 AS people, count(*)::int AS devices
          FROM devices d JOIN latest_values v ON v.device_id = d.id AND v.metric = 'people_count' LEFT JOIN buildings b ON b.id = d.building_id
          WHERE v.ts > now() - make_interval(mins => ${PEOPLE_FRESH_MINUTES}) AND ${scoped(area, 'd', parkId)}
          GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 30`,
    ),
    // Scans are recorded per park: staff scoped to sites or buildings see none rather than the whole park's.
    area.isAll || area.parkIds.size
      ? rowsOf<{ total: number; accepted: number }>(
          db,
          sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE ps.result = 'accepted')::int AS accepted FROM pass_scans ps
              WHERE ps.scanned_at >= date_trunc('day', now()) ${area.isAll ? sql`` : sql`AND ps.park_id IN (${sql.join([...area.parkIds].map((id) => sql`${id}::uuid`), sql`, `)})`}
              ${parkId ? sql`AND ps.park_id = ${parkId}::uuid` : sql``}`,
        )
      : Promise.resolve([{ total: 0, accepted: 0 }]),
  ]);
  return {
    people: Math.round(byBuilding.reduce((n, r) => n + Number(r.people), 0)),
    counters: byBuilding.reduce((n, r) => n + r.devices, 0),
    byBuilding: byBuilding.map((r) => ({ buildingId: r.building_id, buildingName: r.name, people: Math.round(Number(r.people)) })),
    passScansToday: scans[0]?.total ?? 0,
    passScansAccepted: scans[0]?.accepted ?? 0,
  };
}

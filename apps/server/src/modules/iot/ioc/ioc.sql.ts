import { sql, type SQL } from 'drizzle-orm';
import type { AreaScope } from '../alarms/alarms.access';
import { DEVICE_TYPES, OFFLINE_AFTER_SECONDS } from '../metrics';

const thresholdSql = sql.raw(`(CASE d.type ${DEVICE_TYPES.map((t) => `WHEN '${t}' THEN ${OFFLINE_AFTER_SECONDS[t]}`).join(' ')} ELSE 900 END)`);
/** Whether device `d` reported within its type's offline threshold. */
export const onlineSql = sql`(d.last_seen_at IS NOT NULL AND d.last_seen_at > now() - make_interval(secs => ${thresholdSql}))`;
/** Alarm `a`'s severity as a number, worst highest. */
export const SEVERITY_RANK = sql.raw(`CASE a.severity WHEN 'critical' THEN 4 WHEN 'major' THEN 3 WHEN 'minor' THEN 2 ELSE 1 END`);

/** The area condition on alias `d` (devices) or `a` (alarms), which carry park, site and building, or `b` (buildings, whose own id is the building). */
export function scoped(area: AreaScope, alias: 'd' | 'a' | 'b', parkId?: string): SQL {
  const col = (c: string) => sql.raw(`${alias}.${alias === 'b' && c === 'building_id' ? 'id' : c}`);
  const parts: SQL[] = [];
  if (!area.isAll) {
    const or: SQL[] = [];
    const within = (c: string, ids: ReadonlySet<string>) => sql`${col(c)} IN (${sql.join([...ids].map((id) => sql`${id}::uuid`), sql`, `)})`;
    if (area.parkIds.size) or.push(within('park_id', area.parkIds));
    if (area.siteIds.size) or.push(within('site_id', area.siteIds));
    if (area.buildingIds.size) or.push(within('building_id', area.buildingIds));
    parts.push(or.length ? sql`(${sql.join(or, sql` OR `)})` : sql`false`);
  }
  if (parkId) parts.push(sql`${col('park_id')} = ${parkId}::uuid`);
  return parts.length ? sql.join(parts, sql` AND `) : sql`true`;
}

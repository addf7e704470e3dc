import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client';
import { isGlobalOperator, operatorParkIds, operatorSiteIds, propertyCompanyIdsOf, type Actor } from '../../identity/actor';
import { buildings, propertyContracts } from '../../parks/parks.table';

/**
 * The area of the intelligent operations centre someone may watch: operators
 * their parks or sites, property staff (物业) the buildings of the districts
 * their company holds a current contract for.
 */
export interface AreaScope {
  isAll: boolean;
  parkIds: ReadonlySet<string>;
  siteIds: ReadonlySet<string>;
  buildingIds: ReadonlySet<string>;
  /** Operators in scope may do everything; property staff only read and acknowledge. */
  isOperator: boolean;
}

/** A place as alarms and devices record it. */
export interface AreaPlace {
  parkId: string;
  siteId?: string | null;
  buildingId?: string | null;
}

/** The actor's area, or null when the actor has no part in the operations centre (enterprises, talent…). */
export async function loadAreaScope(db: Db, actor: Actor): Promise<AreaScope | null> {
  const parkIds = new Set(operatorParkIds(actor));
  const siteIds = new Set(operatorSiteIds(actor));
  const isAll = isGlobalOperator(actor);
  const isOperator = isAll || parkIds.size > 0 || siteIds.size > 0;
  const companies = propertyCompanyIdsOf(actor);
  const buildingIds = new Set<string>();
  if (companies.length) {
    const today = new Date().toISOString().slice(0, 10);
    const rows = await db
      .select({ id: buildings.id })
      .from(buildings)
      .innerJoin(propertyContracts, eq(propertyContracts.districtId, buildings.districtId))
      .where(and(inArray(propertyContracts.propertyCompanyId, companies), sql`${propertyContracts.startDate} <= ${today}`, sql`${propertyContracts.endDate} >= ${today}`));
    for (const r of rows) buildingIds.add(r.id);
  }
  if (!isOperator && companies.length === 0) return null;
  return { isAll, parkIds, siteIds, buildingIds, isOperator };
}

/** Whether the area covers a place (a site-less or building-less record only by park). */
export function areaCovers(area: AreaScope, place: AreaPlace): boolean {
  if (area.isAll || area.parkIds.has(place.parkId)) return true;
  if (place.siteId && area.siteIds.has(place.siteId)) return true;
  return !!place.buildingId && area.buildingIds.has(place.buildingId);
}

/** The area as a WHERE condition on a table's park/site/building columns; undefined = everything. */
export function areaSql(area: AreaScope, cols: { parkId: AnyPgColumn; siteId: AnyPgColumn; buildingId: AnyPgColumn }): SQL | undefined {
  if (area.isAll) return undefined;
  const parts: SQL[] = [];
  if (area.parkIds.size) parts.push(inArray(cols.parkId, [...area.parkIds]));
  if (area.siteIds.size) parts.push(inArray(cols.siteId, [...area.siteIds]));
  if (area.buildingIds.size) parts.push(inArray(cols.buildingId, [...area.buildingIds]));
  return parts.length ? or(...parts) : sql`false`;
}

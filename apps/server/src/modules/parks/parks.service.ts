import type { AuditAction } from '@parkos/contracts';

/** The park structure's records, whose changes are audited as `<entity>.created|updated|deleted`. */
type StructureEntity = 'park' | 'site' | 'district' | 'building' | 'floor' | 'unit' | 'property_contract';
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { explainUsccProblem, usccProblem, LEAD_STAGES, type LeadStage, type UnitStatus } from '@parkos/contracts';
import type { Db, Tx } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { AppError, ErrorCode, conflict, forbidden, notFound, validationError, mustBeAfter } from '../../lib/errors';
import { maskPhone } from '../../lib/mask';
import { offsetOf, type Page, type PageQuery } from '../../lib/pagination';
import { assertCanWrite, enterpriseIdsOf, hasRole, isGlobalOperator, isOperator, operatorCovers, operatorParkIds, operatorSiteIds, propertyCompanyIdsOf, type Actor } from '../identity/actor';
import type { AuditService } from '../identity/audit.service';
import { roleGrants } from '../identity/identity.table';
import { assertCanEditEnterprise, assertCanReadEnterprise, assertMaySeeLeasing, assertOperator } from './parks.access';
import { assertLeadUnits, moveLeadIn } from './lead-move-in';
import {
  buildings,
  districts,
  enterpriseVehicles,
  enterprises,
  floors,
  leads,
  leases,
  parkingSpaceAssignments,
  parks,
  propertyCompanies,
  propertyContracts,
  sites,
  units,
} from './parks.table';

export type ParkRow = typeof parks.$inferSelect;
export type SiteRow = typeof sites.$inferSelect;
export type DistrictRow = typeof districts.$inferSelect;
export type BuildingRow = typeof buildings.$inferSelect;
export type FloorRow = typeof floors.$inferSelect;
export type UnitRow = typeof units.$inferSelect;
export type EnterpriseRow = typeof enterprises.$inferSelect;
export type LeadRow = typeof leads.$inferSelect;

/** What an operator records about a lead (all optional on update). */
interface LeadInput {
  contactName?: string | null;
  contactPhone?: string | null;
  expectedArea?: number | null;
  notes?: string | null;
  creditCode?: string | null;
  unitIds?: string[];
  monthlyRentFen?: number | null;
}

export interface EnterpriseFilters extends PageQuery {
  q?: string;
  parkId?: string;
  siteId?: string;
  industry?: string;
  size?: string;
  status?: string;
}

export interface EnterpriseInput {
  parkId: string;
  siteId?: string | null;
  legalName: string;
  creditCode: string;
  industry: string;
  size: string;
  employeeCount?: number | null;
  businessScope?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
  movedInAt?: string | null;
}

/** Postgres error codes we translate into domain errors. */
function pgCode(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code ?? e?.cause?.code;
}

/** Turns FK/unique violations into 409s that say what blocks the change. */
async function translateConstraint<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const code = pgCode(err);
    // 23503 foreign_key_violation; PostgreSQL 18 (PGlite) reports ON DELETE RESTRICT as 23001 restrict_violation.
    if (code === '23503' || code === '23001') throw conflict(`${what}: other records still refer to it or it refers to a missing record`);
    if (code === '23505') throw conflict(`${what}: a record with the same key already exists`);
    throw err;
  }
}

export function normalisePlate(plate: string): string {
  // GA 36-2018 plates: compare upper case without spaces or separators (exported for the parking module).
  return plate.toUpperCase().replace(/[\s\-·.]/g, '');
}

export const PLATE_RE = /^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳]$/;

/** Park structure, enterprises, property companies and the attraction pipeline. */
export function createParksService(deps: { db: Db; audit: AuditService }) {
  const { db, audit } = deps;

  /** Parks an actor is related to without being their operator (their enterprise's park, their contracts' parks). */
  async function relatedParkIds(actor: Actor): Promise<string[]> {
    const ids = new Set<string>();
    const ents = enterpriseIdsOf(actor);
    if (ents.length) for (const r of await db.select({ parkId: enterprises.parkId }).from(enterprises).where(inArray(enterprises.id, ents))) ids.add(r.parkId);
    const pcs = propertyCompanyIdsOf(actor);
    if (pcs.length) for (const r of await db.select({ parkId: propertyContracts.parkId }).from(propertyContracts).where(inArray(propertyContracts.propertyCompanyId, pcs))) ids.add(r.parkId);
    return [...ids];
  }

  /** SQL condition limiting rows with (parkId, siteId) columns to what the actor may read. */
  async function placeScope(actor: Actor, parkCol: PgColumn, siteCol?: PgColumn): Promise<SQL | undefined> {
    if (isGlobalOperator(actor)) return undefined;
    const parts: SQL[] = [];
    const parkIds = [...operatorParkIds(actor), ...(await relatedParkIds(actor))];
    if (parkIds.length) parts.push(inArray(parkCol, parkIds));
    const siteIds = operatorSiteIds(actor);
    if (siteIds.length && siteCol) parts.push(inArray(siteCol, siteIds));
    if (siteIds.length && !siteCol) {
      // Site operators read their park's park-level records (the park itself).
      const rows = await db.select({ parkId: sites.parkId }).from(sites).where(inArray(sites.id, siteIds));
      parts.push(inArray(parkCol, rows.map((r) => r.parkId)));
    }
    return parts.length ? or(...parts) : sql`false`;
  }

  async function record(tx: Tx, ctx: RequestContext, action: AuditAction, entityType: string, entityId: string, before: unknown, after: unknown, place?: { parkId?: string | null; enterpriseId?: string | null }) {
    await audit.record(tx, ctx, { action, entityType, entityId, before, after, parkId: place?.parkId ?? null, enterpriseId: place?.enterpriseId ?? null });
  }

  async function getPlaceOf(level: 'park' | 'site' | 'district' | 'building' | 'floor', id: string): Promise<{ parkId: string; siteId: string | null; districtId?: string; buildingId?: string }> {
    switch (level) {
      case 'park': {
        const [r] = await db.select({ parkId: parks.id }).from(parks).where(eq(parks.id, id));
        if (!r) throw notFound('park', id);
        return { parkId: r.parkId, siteId: null };
      }
      case 'site': {
        const [r] = await db.select({ parkId: sites.parkId, siteId: sites.id }).from(sites).where(eq(sites.id, id));
        if (!r) throw notFound('site', id);
        return r;
      }
      case 'district': {
        const [r] = await db.select({ parkId: districts.parkId, siteId: districts.siteId, districtId: districts.id }).from(districts).where(eq(districts.id, id));
        if (!r) throw notFound('district', id);
        return r;
      }
      case 'building': {
        const [r] = await db.select({ parkId: buildings.parkId, siteId: buildings.siteId, districtId: buildings.districtId, buildingId: buildings.id }).from(buildings).where(eq(buildings.id, id));
        if (!r) throw notFound('building', id);
        return r;
      }
      case 'floor': {
        const [r] = await db
          .select({ parkId: buildings.parkId, siteId: buildings.siteId, districtId: buildings.districtId, buildingId: buildings.id })
          .from(floors)
          .innerJoin(buildings, eq(buildings.id, floors.buildingId))
          .where(eq(floors.id, id));
        if (!r) throw notFound('floor', id);
        return r;
      }
    }
  }

  /** Asserts the actor may change records at a place (operators covering it); 404 when they may not even read it. */
  async function assertCanChangePlace(actor: Actor, place: { parkId: string; siteId: string | null }, entity: string, id: string) {
    assertCanWrite(actor);
    if (operatorCovers(actor, place)) return;
    if ((await relatedParkIds(actor)).includes(place.parkId)) throw forbidden('Only park operators may change the park structure');
    throw notFound(entity, id);
  }

  async function assertCanReadPlaceOrNotFound(actor: Actor, place: { parkId: string; siteId: string | null }, entity: string, id: string) {
    if (operatorCovers(actor, place)) return;
    if ((await relatedParkIds(actor)).includes(place.parkId)) return;
    throw notFound(entity, id);
  }

  /** Generic update/delete of a structure row, with scope check and audit. */
  async function changeStructure<T extends Record<string, unknown>>(opts: {
    ctx: RequestContext;
    table: PgTable & { id: PgColumn };
    entity: StructureEntity;
    id: string;
    place: { parkId: string; siteId: string | null };
    patch?: Record<string, unknown>;
  }): Promise<T | null> {
    await assertCanChangePlace(opts.ctx.actor, opts.place, opts.entity, opts.id);
    return translateConstraint(opts.patch ? `cannot update ${opts.entity}` : `cannot delete ${opts.entity}`, () =>
      db.transaction(async (tx) => {
        const [before] = (await tx.select().from(opts.table as PgTable).where(eq(opts.table.id, opts.id))) as T[];
        if (!before) throw notFound(opts.entity, opts.id);
        if (opts.patch) {
          const [after] = (await tx.update(opts.table).set({ ...opts.patch, updatedAt: new Date() }).where(eq(opts.table.id, opts.id)).returning()) as T[];
          await record(tx, opts.ctx, `${opts.entity}.updated`, opts.entity, opts.id, before, after, { parkId: opts.place.parkId });
          return after;
        }
        await tx.delete(opts.table).where(eq(opts.table.id, opts.id));
        await record(tx, opts.ctx, `${opts.entity}.deleted`, opts.entity, opts.id, before, null, { parkId: opts.place.parkId });
        return null;
      }),
    );
  }

  async function insertStructure<T>(ctx: RequestContext, entity: StructureEntity, parkId: string, fn: (tx: Tx) => Promise<T & { id: string }>): Promise<T> {
    return translateConstraint(`cannot create ${entity}`, () =>
      db.transaction(async (tx) => {
        const row = await fn(tx);
        await record(tx, ctx, `${entity}.created`, entity, row.id, null, row, { parkId });
        return row;
      }),
    );
  }

  async function getEnterpriseRow(id: string): Promise<EnterpriseRow> {
    const [e] = await db.select().from(enterprises).where(eq(enterprises.id, id));
    if (!e) throw notFound('enterprise', id);
    return e;
  }

  function checkCreditCode(code: string, field = 'body.creditCode'): string {
    const c = code.trim().toUpperCase();
    const problem = explainUsccProblem(c);
    if (problem) throw validationError(field, `not a valid unified social credit code: ${problem}`, 'uscc', usccProblem(c) ?? undefined);
    return c;
  }

  const service = {
    relatedParkIds,

    /** The park a grant's scope belongs to (used by identity for park operators' scope). */
    async parkOfScope(scopeType: string, scopeId: string): Promise<string | null> {
      switch (scopeType) {
        case 'park':
          return scopeId;
        case 'site': {
          const [r] = await db.select({ parkId: sites.parkId }).from(sites).where(eq(sites.id, scopeId));
          return r?.parkId ?? null;
        }
        case 'enterprise': {
          const [r] = await db.select({ parkId: enterprises.parkId }).from(enterprises).where(eq(enterprises.id, scopeId));
          return r?.parkId ?? null;
        }
        case 'property_company': {
          const [r] = await db.select({ parkId: propertyContracts.parkId }).from(propertyContracts).where(eq(propertyContracts.propertyCompanyId, scopeId)).limit(1);
          return r?.parkId ?? null;
        }
        default:
          return null;
      }
    },

    // ---- parks ----
    async findParks(ctx: RequestContext): Promise<ParkRow[]> {
      return db.select().from(parks).where(await placeScope(ctx.actor, parks.id)).orderBy(asc(parks.code));
    },
    async getPark(ctx: RequestContext, id: string): Promise<ParkRow> {
      const [p] = await db.select().from(parks).where(eq(parks.id, id));
      if (!p) throw notFound('park', id);
      const siteIds = operatorSiteIds(ctx.actor);
      if (siteIds.length) {
        const [s] = await db.select().from(sites).where(and(eq(sites.parkId, id), inArray(sites.id, siteIds)));
        if (s) return p;
      }
      await assertCanReadPlaceOrNotFound(ctx.actor, { parkId: id, siteId: null }, 'park', id);
      return p;
    },
    async createPark(ctx: RequestContext, input: { name: string; code: string; city?: string | null; address?: string | null; description?: string | null }): Promise<ParkRow> {
      assertCanWrite(ctx.actor);
      if (!isGlobalOperator(ctx.actor)) throw forbidden('Only company-wide operators may create parks');
      const [dup] = await db.select({ id: parks.id }).from(parks).where(eq(parks.code, input.code));
      if (dup) throw conflict(`park code ${input.code} is taken`, { fields: [{ field: 'body.code', message: 'is taken', code: 'already_taken' }] });
      return db.transaction(async (tx) => {
        const [p] = await tx.insert(parks).values(input).returning();
        await record(tx, ctx, 'park.created', 'park', p.id, null, p, { parkId: p.id });
        return p;
      });
    },
    async updatePark(ctx: RequestContext, id: string, patch: Partial<Pick<ParkRow, 'name' | 'city' | 'address' | 'description'>>) {
      return (await changeStructure<ParkRow>({ ctx, table: parks, entity: 'park', id, place: await getPlaceOf('park', id), patch }))!;
    },
    async deletePark(ctx: RequestContext, id: string) {
      await changeStructure({ ctx, table: parks, entity: 'park', id, place: await getPlaceOf('park', id) });
    },

    /** The whole structure of a park in one tree, with unit counts per building (for the structure page). */
    async getParkTree(ctx: RequestContext, id: string) {
      assertMaySeeLeasing(ctx.actor);
      const park = await service.getPark(ctx, id);
      const siteRows = await db.select().from(sites).where(eq(sites.parkId, id)).orderBy(asc(sites.name));
      const districtRows = await db.select().from(districts).where(eq(districts.parkId, id)).orderBy(asc(districts.name));
      const buildingRows = await db.select().from(buildings).where(eq(buildings.parkId, id)).orderBy(asc(buildings.name));
      const unitStats = await db
        .select({
          buildingId: units.buildingId,
          total: sql<number>`count(*)::int`,
          vacant: sql<number>`(count(*) filter (where ${units.status} = 'vacant'))::int`,
          leased: sql<number>`(count(*) filter (where ${units.status} = 'leased'))::int`,
          reserved: sql<number>`(count(*) filter (where ${units.status} = 'reserved'))::int`,
          area: sql<number>`coalesce(sum(${units.area}), 0)::float8`,
          leasedArea: sql<number>`coalesce(sum(${units.area}) filter (where ${units.status} = 'leased'), 0)::float8`,
        })
        .from(units)
        .where(eq(units.parkId, id))
        .groupBy(units.buildingId);
      const floorCounts = await db
        .select({ buildingId: floors.buildingId, floors: sql<number>`count(*)::int` })
        .from(floors)
        .innerJoin(buildings, eq(buildings.id, floors.buildingId))
        .where(eq(buildings.parkId, id))
        .groupBy(floors.buildingId);
      const stats = new Map(unitStats.map((s) => [s.buildingId, s]));
      const fc = new Map(floorCounts.map((f) => [f.buildingId, f.floors]));
      const empty = { total: 0, vacant: 0, leased: 0, reserved: 0, area: 0, leasedArea: 0 };
      const visibleSites = operatorCovers(ctx.actor, { parkId: id }) || !operatorSiteIds(ctx.actor).length ? siteRows : siteRows.filter((s) => operatorSiteIds(ctx.actor).includes(s.id));
      return {
        ...park,
        sites: visibleSites.map((s) => ({
          ...s,
          districts: districtRows
            .filter((d) => d.siteId === s.id)
            .map((d) => ({
              ...d,
              buildings: buildingRows
                .filter((b) => b.districtId === d.id)
                .map((b) => {
                  const st = stats.get(b.id) ?? { buildingId: b.id, ...empty };
                  return { ...b, floorCount: fc.get(b.id) ?? 0, units: { total: st.total, vacant: st.vacant, leased: st.leased, reserved: st.reserved, area: st.area, leasedArea: st.leasedArea } };
                }),
            })),
        })),
      };
    },

    // ---- sites ----
    async findSites(ctx: RequestContext, filter: { parkId?: string }) {
      const scope = await placeScope(ctx.actor, sites.parkId, sites.id);
      return db.select().from(sites).where(and(scope, filter.parkId ? eq(sites.parkId, filter.parkId) : undefined)).orderBy(asc(sites.name));
    },
    async createSite(ctx: RequestContext, input: { parkId: string; name: string; address?: string | null; lat?: number | null; lon?: number | null }) {
      const place = await getPlaceOf('park', input.parkId).catch(() => Promise.reject(validationError('body.parkId', 'no such park')));
      await assertCanChangePlace(ctx.actor, place, 'park', input.parkId);
      return insertStructure(ctx, 'site', input.parkId, async (tx) => (await tx.insert(sites).values(input).returning())[0]);
    },
    async updateSite(ctx: RequestContext, id: string, patch: { name?: string; address?: string | null; lat?: number | null; lon?: number | null }) {
      return changeStructure<SiteRow>({ ctx, table: sites, entity: 'site', id, place: await getPlaceOf('site', id), patch });
    },
    async deleteSite(ctx: RequestContext, id: string) {
      await changeStructure({ ctx, table: sites, entity: 'site', id, place: await getPlaceOf('site', id) });
    },

    // ---- districts ----
    async findDistricts(ctx: RequestContext, filter: { parkId?: string; siteId?: string }) {
      const scope = await placeScope(ctx.actor, districts.parkId, districts.siteId);
      return db
        .select()
        .from(districts)
        .where(and(scope, filter.parkId ? eq(districts.parkId, filter.parkId) : undefined, filter.siteId ? eq(districts.siteId, filter.siteId) : undefined))
        .orderBy(asc(districts.name));
    },
    async createDistrict(ctx: RequestContext, input: { siteId: string; name: string }) {
      const place = await getPlaceOf('site', input.siteId).catch(() => Promise.reject(validationError('body.siteId', 'no such site')));
      await assertCanChangePlace(ctx.actor, place, 'site', input.siteId);
      return insertStructure(ctx, 'district', place.parkId, async (tx) => (await tx.insert(districts).values({ ...input, parkId: place.parkId }).returning())[0]);
    },
    async updateDistrict(ctx: RequestContext, id: string, patch: { name?: string }) {
      return changeStructure<DistrictRow>({ ctx, table: districts, entity: 'district', id, place: await getPlaceOf('district', id), patch });
    },
    async deleteDistrict(ctx: RequestContext, id: string) {
      await changeStructure({ ctx, table: districts, entity: 'district', id, place: await getPlaceOf('district', id) });
    },

    // ---- buildings ----
    async findBuildings(ctx: RequestContext, filter: { parkId?: string; siteId?: string; districtId?: string }) {
      const scope = await placeScope(ctx.actor, buildings.parkId, buildings.siteId);
      return db
        .select()
        .from(buildings)
        .where(
          and(
            scope,
            filter.parkId ? eq(buildings.parkId, filter.parkId) : undefined,
            filter.siteId ? eq(buildings.siteId, filter.siteId) : undefined,
            filter.districtId ? eq(buildings.districtId, filter.districtId) : undefined,
          ),
        )
        .orderBy(asc(buildings.name));
    },
    async getBuilding(ctx: RequestContext, id: string) {
      assertMaySeeLeasing(ctx.actor);
      const place = await getPlaceOf('building', id);
      await assertCanReadPlaceOrNotFound(ctx.actor, place, 'building', id);
      const [b] = await db.select().from(buildings).where(eq(buildings.id, id));
      const floorRows = await db.select().from(floors).where(eq(floors.buildingId, id)).orderBy(desc(floors.level));
      const unitRows = await db.select().from(units).where(eq(units.buildingId, id)).orderBy(asc(units.code));
      const leaseRows = await db
        .select({ unitId: leases.unitId, enterpriseId: leases.enterpriseId, legalName: enterprises.legalName, endDate: leases.endDate })
        .from(leases)
        .innerJoin(enterprises, eq(enterprises.id, leases.enterpriseId))
        .where(and(eq(leases.status, 'active'), inArray(leases.unitId, unitRows.length ? unitRows.map((u) => u.id) : ['00000000-0000-0000-0000-000000000000'])));
      // Tenants' names are shown only to operators and to the tenant itself.
      const mine = enterpriseIdsOf(ctx.actor);
      const showTenant = (enterpriseId: string) => operatorCovers(ctx.actor, place) || mine.includes(enterpriseId);
      const tenantOf = new Map(leaseRows.filter((l) => showTenant(l.enterpriseId)).map((l) => [l.unitId, { enterpriseId: l.enterpriseId, legalName: l.legalName, leaseEnd: l.endDate }]));
      return { ...b, floors: floorRows.map((f) => ({ ...f, units: unitRows.filter((u) => u.floorId === f.id).map((u) => ({ ...u, tenant: tenantOf.get(u.id) ?? null })) })) };
    },
    async createBuilding(ctx: RequestContext, input: { districtId: string; name: string; floorsAboveGround?: number | null; grossArea?: number | null; footprint?: [number, number][] | null }) {
      const place = await getPlaceOf('district', input.districtId).catch(() => Promise.reject(validationError('body.districtId', 'no such district')));
      await assertCanChangePlace(ctx.actor, place, 'district', input.districtId);
      return insertStructure(ctx, 'building', place.parkId, async (tx) => (await tx.insert(buildings).values({ ...input, siteId: place.siteId!, parkId: place.parkId }).returning())[0]);
    },
    async updateBuilding(ctx: RequestContext, id: string, patch: { name?: string; floorsAboveGround?: number | null; grossArea?: number | null; footprint?: [number, number][] | null }) {
      return changeStructure<BuildingRow>({ ctx, table: buildings, entity: 'building', id, place: await getPlaceOf('building', id), patch });
    },
    async deleteBuilding(ctx: RequestContext, id: string) {
      await changeStructure({ ctx, table: buildings, entity: 'building', id, place: await getPlaceOf('building', id) });
    },

    // ---- floors ----
    async createFloor(ctx: RequestContext, input: { buildingId: string; level: number; name?: string; planSvg?: string | null }) {
      const place = await getPlaceOf('building', input.buildingId).catch(() => Promise.reject(validationError('body.buildingId', 'no such building')));
      await assertCanChangePlace(ctx.actor, place, 'building', input.buildingId);
      const [dup] = await db.select({ id: floors.id }).from(floors).where(and(eq(floors.buildingId, input.buildingId), eq(floors.level, input.level)));
      if (dup) throw conflict(`floor ${input.level} already exists in this building`, { fields: [{ field: 'body.level', message: 'already exists', code: 'already_exists' }] });
      return insertStructure(ctx, 'floor', place.parkId, async (tx) => (await tx.insert(floors).values({ ...input, name: input.name ?? `${input.level}F` }).returning())[0]);
    },
    async updateFloor(ctx: RequestContext, id: string, patch: { name?: string; planSvg?: string | null }) {
      return changeStructure<FloorRow>({ ctx, table: floors, entity: 'floor', id, place: await getPlaceOf('floor', id), patch });
    },
    async deleteFloor(ctx: RequestContext, id: string) {
      await changeStructure({ ctx, table: floors, entity: 'floor', id, place: await getPlaceOf('floor', id) });
    },

    // ---- units ----
    async findUnits(ctx: RequestContext, filter: { buildingId?: string; parkId?: string; status?: UnitStatus } & PageQuery): Promise<Page<UnitRow & { buildingName: string; floorName: string }>> {
      assertMaySeeLeasing(ctx.actor);
      const scope = await placeScope(ctx.actor, units.parkId, buildings.siteId);
      const where = and(scope, filter.buildingId ? eq(units.buildingId, filter.buildingId) : undefined, filter.parkId ? eq(units.parkId, filter.parkId) : undefined, filter.status ? eq(units.status, filter.status) : undefined);
      const rows = await db
        .select({ u: units, buildingName: buildings.name, floorName: floors.name })
        .from(units)
        .innerJoin(buildings, eq(buildings.id, units.buildingId))
        .innerJoin(floors, eq(floors.id, units.floorId))
        .where(where)
        .orderBy(asc(buildings.name), asc(units.code))
        .limit(filter.pageSize)
        .offset(offsetOf(filter));
      const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(units).innerJoin(buildings, eq(buildings.id, units.buildingId)).where(where);
      return { items: rows.map((r) => ({ ...r.u, buildingName: r.buildingName, floorName: r.floorName })), total: count, page: filter.page, pageSize: filter.pageSize };
    },
    async createUnit(ctx: RequestContext, input: { floorId: string; code: string; area: number; status?: UnitStatus }) {
      const place = await getPlaceOf('floor', input.floorId).catch(() => Promise.reject(validationError('body.floorId', 'no such floor')));
      await assertCanChangePlace(ctx.actor, place, 'floor', input.floorId);
      const [dup] = await db.select({ id: units.id }).from(units).where(and(eq(units.floorId, input.floorId), eq(units.code, input.code)));
      if (dup) throw conflict(`unit ${input.code} already exists on this floor`, { fields: [{ field: 'body.code', message: 'already exists', code: 'already_exists' }] });
      return insertStructure(ctx, 'unit', place.parkId, async (tx) => (await tx.insert(units).values({ ...input, buildingId: place.buildingId!, parkId: place.parkId }).returning())[0]);
    },
    async updateUnit(ctx: RequestContext, id: string, patch: { code?: string; area?: number; status?: UnitStatus }) {
      const [u] = await db.select().from(units).where(eq(units.id, id));
      if (!u) throw notFound('unit', id);
      const place = await getPlaceOf('building', u.buildingId);
      if (patch.status && patch.status !== 'leased' && u.status === 'leased') {
        const [active] = await db.select({ id: leases.id }).from(leases).where(and(eq(leases.unitId, id), eq(leases.status, 'active')));
        if (active) throw validationError('body.status', 'the unit has an active lease; end the lease first');
      }
      if (patch.code !== undefined && patch.code !== u.code) {
        // Renaming onto another unit's code of the same floor: name the field, as creating does.
        const [dup] = await db.select({ id: units.id }).from(units).where(and(eq(units.floorId, u.floorId), eq(units.code, patch.code)));
        if (dup) throw conflict(`unit ${patch.code} already exists on this floor`, { fields: [{ field: 'body.code', message: 'already exists', code: 'already_exists' }] });
      }
      return changeStructure<UnitRow>({ ctx, table: units, entity: 'unit', id, place, patch });
    },
    async deleteUnit(ctx: RequestContext, id: string) {
      const [u] = await db.select().from(units).where(eq(units.id, id));
      if (!u) throw notFound('unit', id);
      await changeStructure({ ctx, table: units, entity: 'unit', id, place: await getPlaceOf('building', u.buildingId) });
    },

    // ---- enterprises ----
    async findEnterprises(ctx: RequestContext, f: EnterpriseFilters): Promise<Page<EnterpriseRow>> {
      const { actor } = ctx;
      const conditions: (SQL | undefined)[] = [];
      if (!isGlobalOperator(actor)) {
        const parts: SQL[] = [];
        const parkIds = operatorParkIds(actor);
        if (parkIds.length) parts.push(inArray(enterprises.parkId, parkIds));
        const siteIds = operatorSiteIds(actor);
        if (siteIds.length) parts.push(inArray(enterprises.siteId, siteIds));
        const own = enterpriseIdsOf(actor);
        if (own.length) parts.push(inArray(enterprises.id, own));
        conditions.push(parts.length ? or(...parts) : sql`false`);
      }
      if (f.q) {
        const q = `%${f.q}%`;
        conditions.push(or(ilike(enterprises.legalName, q), ilike(enterprises.creditCode, q), ilike(enterprises.businessScope, q)));
      }
      if (f.parkId) conditions.push(eq(enterprises.parkId, f.parkId));
      if (f.siteId) conditions.push(eq(enterprises.siteId, f.siteId));
      if (f.industry) conditions.push(eq(enterprises.industry, f.industry));
      if (f.size) conditions.push(eq(enterprises.size, f.size));
      if (f.status) conditions.push(eq(enterprises.status, f.status));
      const where = and(...conditions);
      const items = await db.select().from(enterprises).where(where).orderBy(asc(enterprises.legalName)).limit(f.pageSize).offset(offsetOf(f));
      const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(enterprises).where(where);
      return { items: items.map((e) => ({ ...e, contactPhone: maskPhone(e.contactPhone) })), total: count, page: f.page, pageSize: f.pageSize };
    },

    /** The 360° profile: enterprise, vehicles, parking spaces, leases with units, members. */
    async getEnterprise(ctx: RequestContext, id: string) {
      const e = await getEnterpriseRow(id);
      assertCanReadEnterprise(ctx.actor, e);
      const [vehicles, spaces, leaseRows, members, park, site] = await Promise.all([
        db.select().from(enterpriseVehicles).where(eq(enterpriseVehicles.enterpriseId, id)).orderBy(asc(enterpriseVehicles.plate)),
        db.select().from(parkingSpaceAssignments).where(eq(parkingSpaceAssignments.enterpriseId, id)).orderBy(asc(parkingSpaceAssignments.spaceCode)),
        db
          .select({ l: leases, unitCode: units.code, area: units.area, buildingName: buildings.name, floorName: floors.name })
          .from(leases)
          .innerJoin(units, eq(units.id, leases.unitId))
          .innerJoin(buildings, eq(buildings.id, units.buildingId))
          .innerJoin(floors, eq(floors.id, units.floorId))
          .where(eq(leases.enterpriseId, id))
          .orderBy(desc(leases.startDate)),
        db
          .select({ userId: roleGrants.userId, role: roleGrants.role })
          .from(roleGrants)
          .where(and(eq(roleGrants.scopeType, 'enterprise'), eq(roleGrants.scopeId, id))),
        db.select({ name: parks.name }).from(parks).where(eq(parks.id, e.parkId)),
        e.siteId ? db.select({ name: sites.name }).from(sites).where(eq(sites.id, e.siteId)) : Promise.resolve([]),
      ]);
      return {
        ...e,
        parkName: park[0]?.name ?? null,
        siteName: site[0]?.name ?? null,
        vehicles,
        parkingSpaces: spaces,
        leases: leaseRows.map((r) => ({ ...r.l, unitCode: r.unitCode, area: r.area, buildingName: r.buildingName, floorName: r.floorName })),
        memberCount: members.filter((m) => m.role === 'member').length,
        adminCount: members.filter((m) => m.role === 'enterprise_admin').length,
      };
    },

    async createEnterprise(ctx: RequestContext, input: EnterpriseInput): Promise<EnterpriseRow> {
      assertCanWrite(ctx.actor);
      const creditCode = checkCreditCode(input.creditCode);
      const [park] = await db.select().from(parks).where(eq(parks.id, input.parkId));
      if (!park) throw validationError('body.parkId', 'no such park');
      if (input.siteId) {
        const [s] = await db.select().from(sites).where(eq(sites.id, input.siteId));
        if (!s || s.parkId !== input.parkId) throw validationError('body.siteId', 'is not a site of this park');
      }
      if (!operatorCovers(ctx.actor, { parkId: input.parkId, siteId: input.siteId ?? null })) throw forbidden('Only operators of this park may register enterprises');
      const [dup] = await db.select({ id: enterprises.id, legalName: enterprises.legalName }).from(enterprises).where(eq(enterprises.creditCode, creditCode));
      if (dup) throw conflict(`An enterprise with credit code ${creditCode} already exists`, { fields: [{ field: 'body.creditCode', message: 'already registered', code: 'already_registered' }] });
      return translateConstraint('cannot create enterprise', () =>
        db.transaction(async (tx) => {
          const [e] = await tx.insert(enterprises).values({ ...input, creditCode }).returning();
          await record(tx, ctx, 'enterprise.created', 'enterprise', e.id, null, e, { parkId: e.parkId, enterpriseId: e.id });
          return e;
        }),
      );
    },

    async updateEnterprise(ctx: RequestContext, id: string, patch: Partial<Omit<EnterpriseInput, 'parkId'>> & { status?: string }): Promise<EnterpriseRow> {
      assertCanWrite(ctx.actor);
      const e = await getEnterpriseRow(id);
      assertCanEditEnterprise(ctx.actor, e);
      const isOp = operatorCovers(ctx.actor, e);
      if (!isOp) {
        // Enterprise admins maintain their contacts and business description; identity and status stay with the operator.
        for (const key of ['legalName', 'creditCode', 'siteId', 'status', 'industry', 'movedInAt'] as const) {
          if (patch[key] !== undefined) throw forbidden(`Only park operators may change ${key}`);
        }
      }
      const next = { ...patch };
      if (patch.siteId) {
        const [site] = await db.select().from(sites).where(eq(sites.id, patch.siteId));
        if (!site || site.parkId !== e.parkId) throw validationError('body.siteId', 'is not a site of this park');
        if (!operatorCovers(ctx.actor, { parkId: e.parkId, siteId: patch.siteId })) throw forbidden('You may only move enterprises to sites you operate');
      }
      if (patch.creditCode) {
        next.creditCode = checkCreditCode(patch.creditCode);
        const [dup] = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.creditCode, next.creditCode));
        if (dup && dup.id !== id) throw conflict(`An enterprise with credit code ${next.creditCode} already exists`, { fields: [{ field: 'body.creditCode', message: 'already registered', code: 'already_registered' }] });
      }
      return db.transaction(async (tx) => {
        const [after] = await tx.update(enterprises).set({ ...next, updatedAt: new Date() }).where(eq(enterprises.id, id)).returning();
        await record(tx, ctx, 'enterprise.updated', 'enterprise', id, e, after, { parkId: e.parkId, enterpriseId: id });
        return after;
      });
    },

    async addVehicle(ctx: RequestContext, enterpriseId: string, input: { plate: string; ownerName?: string | null }) {
      assertCanWrite(ctx.actor);
      const e = await getEnterpriseRow(enterpriseId);
      assertCanEditEnterprise(ctx.actor, e);
      const plate = normalisePlate(input.plate);
      if (!PLATE_RE.test(plate)) throw validationError('body.plate', 'is not a Chinese vehicle plate (GA 36-2018), e.g. 川A12345 or 川AD12345', 'plate');
      return db.transaction(async (tx) => {
        const [v] = await tx.insert(enterpriseVehicles).values({ enterpriseId, plate, ownerName: input.ownerName ?? null }).returning();
        await record(tx, ctx, 'enterprise_vehicle.created', 'enterprise_vehicle', v.id, null, v, { parkId: e.parkId, enterpriseId });
        return v;
      });
    },
    async removeVehicle(ctx: RequestContext, enterpriseId: string, vehicleId: string) {
      assertCanWrite(ctx.actor);
      const e = await getEnterpriseRow(enterpriseId);
      assertCanEditEnterprise(ctx.actor, e);
      await db.transaction(async (tx) => {
        const [v] = await tx.delete(enterpriseVehicles).where(and(eq(enterpriseVehicles.id, vehicleId), eq(enterpriseVehicles.enterpriseId, enterpriseId))).returning();
        if (!v) throw notFound('vehicle', vehicleId);
        await record(tx, ctx, 'enterprise_vehicle.deleted', 'enterprise_vehicle', v.id, v, null, { parkId: e.parkId, enterpriseId });
      });
    },

    async assignParkingSpace(ctx: RequestContext, enterpriseId: string, input: { lotName: string; spaceCode: string }) {
      const e = await getEnterpriseRow(enterpriseId);
      assertCanWrite(ctx.actor);
      if (!operatorCovers(ctx.actor, e)) throw forbidden('Only park operators assign parking spaces');
      const [taken] = await db.select().from(parkingSpaceAssignments).where(and(eq(parkingSpaceAssignments.lotName, input.lotName), eq(parkingSpaceAssignments.spaceCode, input.spaceCode)));
      if (taken) throw conflict(`space ${input.lotName} ${input.spaceCode} is already assigned`, { fields: [{ field: 'body.spaceCode', message: 'already assigned', code: 'already_assigned' }] });
      return db.transaction(async (tx) => {
        const [s] = await tx.insert(parkingSpaceAssignments).values({ enterpriseId, ...input }).returning();
        await record(tx, ctx, 'parking_space.assigned', 'parking_space_assignment', s.id, null, s, { parkId: e.parkId, enterpriseId });
        return s;
      });
    },
    async releaseParkingSpace(ctx: RequestContext, enterpriseId: string, assignmentId: string) {
      const e = await getEnterpriseRow(enterpriseId);
      assertCanWrite(ctx.actor);
      if (!operatorCovers(ctx.actor, e)) throw forbidden('Only park operators assign parking spaces');
      await db.transaction(async (tx) => {
        const [s] = await tx.delete(parkingSpaceAssignments).where(and(eq(parkingSpaceAssignments.id, assignmentId), eq(parkingSpaceAssignments.enterpriseId, enterpriseId))).returning();
        if (!s) throw notFound('parking space assignment', assignmentId);
        await record(tx, ctx, 'parking_space.released', 'parking_space_assignment', s.id, s, null, { parkId: e.parkId, enterpriseId });
      });
    },

    /** Leases a unit: the unit must be vacant or reserved and becomes leased. */
    async createLease(ctx: RequestContext, enterpriseId: string, input: { unitId: string; startDate: string; endDate: string; monthlyRentFen: number }) {
      assertCanWrite(ctx.actor);
      const e = await getEnterpriseRow(enterpriseId);
      if (!operatorCovers(ctx.actor, e)) throw forbidden('Only park operators sign leases');
      if (input.endDate <= input.startDate) throw mustBeAfter('body.endDate', 'startDate');
      const [u] = await db.select().from(units).where(eq(units.id, input.unitId));
      if (!u) throw validationError('body.unitId', 'no such unit');
      if (u.parkId !== e.parkId) throw validationError('body.unitId', 'is not in the enterprise’s park');
      if (u.status === 'leased') throw conflict(`unit ${u.code} is already leased`, { fields: [{ field: 'body.unitId', message: 'already leased', code: 'already_leased' }] });
      return db.transaction(async (tx) => {
        // Guard against a concurrent lease of the same unit: only one update from vacant/reserved wins.
        const updated = await tx.update(units).set({ status: 'leased', updatedAt: new Date() }).where(and(eq(units.id, u.id), inArray(units.status, ['vacant', 'reserved']))).returning({ id: units.id });
        if (updated.length === 0) throw conflict(`unit ${u.code} is already leased`);
        const [l] = await tx.insert(leases).values({ enterpriseId, ...input }).returning();
        await record(tx, ctx, 'lease.created', 'lease', l.id, null, l, { parkId: e.parkId, enterpriseId });
        return l;
      });
    },
    /**
     * Park-level figures the park publishes to its alliance (长三角软件园服务联盟): counts and areas only,
     * never a tenant's name. Alliance staff see every park; operators the parks they run.
     */
    async findParkFigures(ctx: RequestContext) {
      const isAlliance = hasRole(ctx.actor, 'alliance');
      if (!isAlliance && !isOperator(ctx.actor)) throw forbidden('Only alliance staff and operators see park figures');
      const own = operatorParkIds(ctx.actor);
      const scope = isAlliance || isGlobalOperator(ctx.actor) ? undefined : inArray(parks.id, own.length ? own : ['00000000-0000-0000-0000-000000000000']);
      const rows = await db
        .select({
          id: parks.id,
          name: parks.name,
          city: parks.city,
          enterprises: sql<number>`(select count(*) from enterprises e where e.park_id = parks.id and e.status = 'active')::int`,
          buildings: sql<number>`(select count(*) from buildings b where b.park_id = parks.id)::int`,
          area: sql<number>`(select coalesce(sum(u.area), 0) from units u where u.park_id = parks.id)::float8`,
          leasedArea: sql<number>`(select coalesce(sum(u.area), 0) from units u where u.park_id = parks.id and u.status = 'leased')::float8`,
        })
        .from(parks)
        .where(scope)
        .orderBy(asc(parks.name));
      return rows.map((r) => ({ ...r, occupancy: r.area > 0 ? r.leasedArea / r.area : 0 }));
    },

    /** Puts a draft lease in force: the unit must still be free, and becomes leased. */
    async confirmLease(ctx: RequestContext, enterpriseId: string, leaseId: string) {
      assertCanWrite(ctx.actor);
      const e = await getEnterpriseRow(enterpriseId);
      if (!operatorCovers(ctx.actor, e)) throw forbidden('Only park operators confirm leases');
      return db.transaction(async (tx) => {
        const [before] = await tx.select().from(leases).where(and(eq(leases.id, leaseId), eq(leases.enterpriseId, enterpriseId))).for('update');
        if (!before) throw notFound('lease', leaseId);
        if (before.status !== 'draft') throw conflict('only a draft lease can be confirmed');
        // Same guard as signing a lease: only one update from vacant/reserved wins.
        const freed = await tx.update(units).set({ status: 'leased', updatedAt: new Date() }).where(and(eq(units.id, before.unitId), inArray(units.status, ['vacant', 'reserved']))).returning({ id: units.id });
        if (freed.length === 0) throw conflict('the unit is already leased', { fields: [{ field: 'unitId', message: 'already leased' }] });
        const [after] = await tx.update(leases).set({ status: 'active', updatedAt: new Date() }).where(eq(leases.id, leaseId)).returning();
        await record(tx, ctx, 'lease.confirmed', 'lease', leaseId, before, after, { parkId: e.parkId, enterpriseId });
        return after;
      });
    },
    async endLease(ctx: RequestContext, enterpriseId: string, leaseId: string) {
      assertCanWrite(ctx.actor);
      const e = await getEnterpriseRow(enterpriseId);
      if (!operatorCovers(ctx.actor, e)) throw forbidden('Only park operators end leases');
      return db.transaction(async (tx) => {
        const [before] = await tx.select().from(leases).where(and(eq(leases.id, leaseId), eq(leases.enterpriseId, enterpriseId)));
        if (!before) throw notFound('lease', leaseId);
        if (before.status !== 'active') throw conflict('the lease has already ended');
        const [after] = await tx.update(leases).set({ status: 'ended', updatedAt: new Date() }).where(eq(leases.id, leaseId)).returning();
        await tx.update(units).set({ status: 'vacant', updatedAt: new Date() }).where(eq(units.id, before.unitId));
        await record(tx, ctx, 'lease.ended', 'lease', leaseId, before, after, { parkId: e.parkId, enterpriseId });
        return after;
      });
    },

    // ---- property companies ----
    async findPropertyCompanies(ctx: RequestContext) {
      const { actor } = ctx;
      const own = propertyCompanyIdsOf(actor);
      if (!actor.grants.some((g) => g.role === 'operator') && own.length === 0) throw forbidden('Only operators and property staff may see property companies');
      const rows = await db.select().from(propertyCompanies).where(actor.grants.some((g) => g.role === 'operator') ? undefined : inArray(propertyCompanies.id, own)).orderBy(asc(propertyCompanies.name));
      const contracts = await db
        .select({ c: propertyContracts, districtName: districts.name, siteName: sites.name })
        .from(propertyContracts)
        .innerJoin(districts, eq(districts.id, propertyContracts.districtId))
        .innerJoin(sites, eq(sites.id, districts.siteId));
      return rows.map((p) => ({
        ...p,
        contactPhone: maskPhone(p.contactPhone),
        contracts: contracts
          .filter((c) => c.c.propertyCompanyId === p.id && (isGlobalOperator(actor) || operatorCovers(actor, c.c) || own.includes(p.id)))
          .map((c) => ({ ...c.c, districtName: c.districtName, siteName: c.siteName })),
      }));
    },
    async createPropertyCompany(ctx: RequestContext, input: { name: string; creditCode: string; contactName?: string | null; contactPhone?: string | null }) {
      assertCanWrite(ctx.actor);
      assertOperator(ctx.actor);
      const creditCode = checkCreditCode(input.creditCode);
      const [dup] = await db.select({ id: propertyCompanies.id }).from(propertyCompanies).where(eq(propertyCompanies.creditCode, creditCode));
      if (dup) throw conflict(`A property company with credit code ${creditCode} already exists`, { fields: [{ field: 'body.creditCode', message: 'already registered', code: 'already_registered' }] });
      return db.transaction(async (tx) => {
        const [p] = await tx.insert(propertyCompanies).values({ ...input, creditCode }).returning();
        await record(tx, ctx, 'property_company.created', 'property_company', p.id, null, p);
        return p;
      });
    },
    async updatePropertyCompany(ctx: RequestContext, id: string, patch: { name?: string; contactName?: string | null; contactPhone?: string | null }) {
      assertCanWrite(ctx.actor);
      assertOperator(ctx.actor);
      return db.transaction(async (tx) => {
        const [before] = await tx.select().from(propertyCompanies).where(eq(propertyCompanies.id, id));
        if (!before) throw notFound('property company', id);
        // A company under contract in parks outside the operator's scope is theirs to edit too: only operators covering all of them may.
        const contracts = await tx.select({ parkId: propertyContracts.parkId }).from(propertyContracts).where(eq(propertyContracts.propertyCompanyId, id));
        if (!contracts.every((c) => operatorCovers(ctx.actor, c))) throw forbidden('This property company works in parks outside your scope; an operator of those parks must edit it');
        const [after] = await tx.update(propertyCompanies).set({ ...patch, updatedAt: new Date() }).where(eq(propertyCompanies.id, id)).returning();
        await record(tx, ctx, 'property_company.updated', 'property_company', id, before, after);
        return after;
      });
    },
    async createPropertyContract(ctx: RequestContext, input: { propertyCompanyId: string; districtId: string; startDate: string; endDate: string; annualFeeFen: number }) {
      const place = await getPlaceOf('district', input.districtId).catch(() => Promise.reject(validationError('body.districtId', 'no such district')));
      await assertCanChangePlace(ctx.actor, place, 'district', input.districtId);
      if (input.endDate <= input.startDate) throw mustBeAfter('body.endDate', 'startDate');
      const [pc] = await db.select().from(propertyCompanies).where(eq(propertyCompanies.id, input.propertyCompanyId));
      if (!pc) throw validationError('body.propertyCompanyId', 'no such property company');
      // One company per district at a time: overlapping contracts for the same district are refused.
      const overlapping = await db
        .select({ id: propertyContracts.id })
        .from(propertyContracts)
        .where(and(eq(propertyContracts.districtId, input.districtId), sql`${propertyContracts.startDate} < ${input.endDate} and ${propertyContracts.endDate} > ${input.startDate}`));
      if (overlapping.length) throw conflict('the district already has a property contract in this period', { fields: [{ field: 'body.startDate', message: 'overlaps another contract', code: 'overlaps' }] });
      return insertStructure(ctx, 'property_contract', place.parkId, async (tx) => (await tx.insert(propertyContracts).values({ ...input, parkId: place.parkId }).returning())[0]);
    },
    async deletePropertyContract(ctx: RequestContext, id: string) {
      const [c] = await db.select().from(propertyContracts).where(eq(propertyContracts.id, id));
      if (!c) throw notFound('property contract', id);
      await changeStructure({ ctx, table: propertyContracts, entity: 'property_contract', id, place: await getPlaceOf('district', c.districtId) });
    },

    // ---- attraction pipeline (招商) ----
    async findLeads(ctx: RequestContext, filter: { parkId?: string; stage?: LeadStage; q?: string }) {
      assertOperator(ctx.actor);
      const scope = await placeScope(ctx.actor, leads.parkId);
      return db
        .select()
        .from(leads)
        .where(and(scope, filter.parkId ? eq(leads.parkId, filter.parkId) : undefined, filter.stage ? eq(leads.stage, filter.stage) : undefined, filter.q ? ilike(leads.companyName, `%${filter.q}%`) : undefined))
        .orderBy(desc(leads.updatedAt))
        .then((rows) => rows.map((l) => ({ ...l, contactPhone: maskPhone(l.contactPhone) })));
    },
    async createLead(ctx: RequestContext, input: LeadInput & { parkId: string; companyName: string; industry: string }) {
      assertCanWrite(ctx.actor);
      if (!operatorCovers(ctx.actor, { parkId: input.parkId })) throw forbidden('Only operators of this park may add leads');
      const [park] = await db.select({ id: parks.id }).from(parks).where(eq(parks.id, input.parkId));
      if (!park) throw validationError('body.parkId', 'no such park');
      return db.transaction(async (tx) => {
        const creditCode = input.creditCode ? checkCreditCode(input.creditCode) : input.creditCode;
        await assertLeadUnits(tx, input.parkId, input.unitIds);
        const [l] = await tx.insert(leads).values({ ...input, creditCode, ownerId: ctx.actor.userId, stageHistory: { lead: new Date().toISOString() } }).returning();
        await record(tx, ctx, 'lead.created', 'lead', l.id, null, l, { parkId: l.parkId });
        return l;
      });
    },
    /** Moves a lead along the pipeline; each stage's first arrival date is kept for conversion figures. */
    async updateLead(ctx: RequestContext, id: string, patch: LeadInput & { stage?: LeadStage; companyName?: string; enterpriseId?: string | null }) {
      assertCanWrite(ctx.actor);
      const [found] = await db.select().from(leads).where(eq(leads.id, id));
      if (!found || !operatorCovers(ctx.actor, found)) throw notFound('lead', id);
      const fields = patch.creditCode ? { ...patch, creditCode: checkCreditCode(patch.creditCode) } : patch;
      return translateConstraint('cannot move the lead in', () =>
        db.transaction(async (tx) => {
          // Locked so two moves of the same lead into 入驻 at once draft its enterprise and leases once.
          const [before] = await tx.select().from(leads).where(eq(leads.id, id)).for('update');
          await assertLeadUnits(tx, before.parkId, fields.unitIds);
          const history = { ...before.stageHistory };
          if (fields.stage && !history[fields.stage]) history[fields.stage] = new Date().toISOString();
          let [after] = await tx.update(leads).set({ ...fields, stageHistory: history, updatedAt: new Date() }).where(eq(leads.id, id)).returning();
          if (fields.stage === 'moved_in') {
            const { enterpriseId } = await moveLeadIn(tx, ctx, after, record);
            [after] = await tx.update(leads).set({ enterpriseId }).where(eq(leads.id, id)).returning();
          }
          await record(tx, ctx, fields.stage && fields.stage !== before.stage ? 'lead.stage_changed' : 'lead.updated', 'lead', id, before, after, { parkId: after.parkId });
          return after;
        }),
      );
    },
    async deleteLead(ctx: RequestContext, id: string) {
      assertCanWrite(ctx.actor);
      const [before] = await db.select().from(leads).where(eq(leads.id, id));
      if (!before || !operatorCovers(ctx.actor, before)) throw notFound('lead', id);
      await db.transaction(async (tx) => {
        await tx.delete(leads).where(eq(leads.id, id));
        await record(tx, ctx, 'lead.deleted', 'lead', id, before, null, { parkId: before.parkId });
      });
    },
    /** Funnel: how many leads reached each stage, and the conversion rate from each stage to the next. */
    async getLeadFunnel(ctx: RequestContext, filter: { parkId?: string }) {
      const rows = await service.findLeads(ctx, filter);
      const order = LEAD_STAGES.filter((s) => s !== 'lost');
      // A stage counts as reached when the lead reached it or any later stage (a lead dragged
      // from "lead" straight to "signed" has passed visit and negotiation too).
      const furthest = (l: (typeof rows)[number]) => Math.max(...order.map((s, i) => (l.stageHistory[s] || l.stage === s ? i : -1)));
      const reached = order.map((stage, i) => ({ stage, count: rows.filter((l) => furthest(l) >= i).length }));
      const funnel = reached.map((r, i) => ({
        ...r,
        conversionFromPrevious: i === 0 ? null : reached[i - 1].count ? r.count / reached[i - 1].count : 0,
      }));
      const current = LEAD_STAGES.map((stage) => ({ stage, count: rows.filter((l) => l.stage === stage).length }));
      const total = rows.length;
      const movedIn = reached[reached.length - 1].count;
      return { total, funnel, current, overallConversion: total ? movedIn / total : 0 };
    },
  };
  return service;
}

export type ParksService = ReturnType<typeof createParksService>;
export { AppError, ErrorCode };

import type { AuditAction } from '@parkos/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { conflict, validationError } from '../../lib/errors';
import { buildings, enterprises, leases, units, type leads } from './parks.table';

type LeadRow = typeof leads.$inferSelect;
type Record = (tx: Tx, ctx: RequestContext, action: AuditAction, entityType: string, entityId: string, before: unknown, after: unknown, place?: { parkId?: string | null; enterpriseId?: string | null }) => Promise<void>;

/** How long a drafted lease runs until the operator edits it: three years, the park's usual term. */
const DRAFT_TERM_YEARS = 3;

/** Splits a total monthly rent over units by their area; the last unit takes the rounding remainder so the parts add up. */
export function splitRentByArea(totalFen: number, areas: number[]): number[] {
  const sum = areas.reduce((a, b) => a + b, 0);
  if (!areas.length) return [];
  const parts = areas.map((a) => (sum > 0 ? Math.round((totalFen * a) / sum) : Math.round(totalFen / areas.length)));
  parts[parts.length - 1] = totalFen - parts.slice(0, -1).reduce((a, b) => a + b, 0);
  return parts;
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A draft term starting today and ending the day before the same date DRAFT_TERM_YEARS later. */
export function draftTerm(today: Date): { startDate: string; endDate: string } {
  const end = new Date(Date.UTC(today.getUTCFullYear() + DRAFT_TERM_YEARS, today.getUTCMonth(), today.getUTCDate() - 1));
  return { startDate: isoDay(today), endDate: isoDay(end) };
}

/**
 * A lead that moved in (入驻) becomes a tenant: the enterprise with the lead's credit code is linked
 * (or registered from the lead's name, industry and contact), and a draft lease is written for each
 * unit the lead recorded, with its share of the recorded rent. Drafts are not in force: the unit stays
 * as it is until an operator confirms the lease. Runs inside the lead's locked update, and writes
 * nothing twice: the enterprise is found by its code and a lease exists once per lead and unit.
 */
/** A lead names units of its own park only (checked when it is recorded, not first when it moves in). */
export async function assertLeadUnits(tx: Tx, parkId: string, unitIds: readonly string[] | undefined): Promise<void> {
  if (!unitIds?.length) return;
  const rows = await tx.select({ id: units.id, parkId: units.parkId }).from(units).where(inArray(units.id, [...unitIds]));
  const byId = new Map(rows.map((u) => [u.id, u.parkId]));
  if (unitIds.some((id) => byId.get(id) !== parkId)) throw validationError('body.unitIds', 'every unit must be a unit of the lead’s park');
}

export async function moveLeadIn(tx: Tx, ctx: RequestContext, lead: LeadRow, record: Record): Promise<{ enterpriseId: string; leaseIds: string[] }> {
  if (!lead.creditCode) throw validationError('body.creditCode', 'is required to move a lead in');
  if (!lead.unitIds.length) throw validationError('body.unitIds', 'name at least one unit to move a lead in');
  if (lead.monthlyRentFen == null) throw validationError('body.monthlyRentFen', 'is required to move a lead in');
  const unitRows = await tx
    .select({ id: units.id, code: units.code, area: units.area, parkId: units.parkId, siteId: buildings.siteId })
    .from(units)
    .innerJoin(buildings, eq(buildings.id, units.buildingId))
    .where(inArray(units.id, lead.unitIds));
  const byId = new Map(unitRows.map((u) => [u.id, u]));
  const ordered = lead.unitIds.map((id) => byId.get(id));
  if (ordered.some((u) => !u || u.parkId !== lead.parkId)) throw validationError('body.unitIds', 'every unit must be a unit of the lead’s park');
  const us = ordered as NonNullable<(typeof ordered)[number]>[];

  let [ent] = await tx.select().from(enterprises).where(eq(enterprises.creditCode, lead.creditCode));
  if (ent && ent.parkId !== lead.parkId) throw conflict('an enterprise with this credit code is registered in another park', { fields: [{ field: 'body.creditCode', message: 'registered in another park' }] });
  if (!ent) {
    [ent] = await tx
      .insert(enterprises)
      .values({
        parkId: lead.parkId,
        siteId: us[0].siteId,
        legalName: lead.companyName,
        creditCode: lead.creditCode,
        industry: lead.industry,
        size: 'small',
        contactName: lead.contactName,
        contactPhone: lead.contactPhone,
        movedInAt: isoDay(new Date()),
      })
      .returning();
    await record(tx, ctx, 'enterprise.created', 'enterprise', ent.id, null, ent, { parkId: ent.parkId, enterpriseId: ent.id });
  }

  const rents = splitRentByArea(lead.monthlyRentFen, us.map((u) => u.area));
  const term = draftTerm(new Date());
  const inserted = await tx
    .insert(leases)
    .values(us.map((u, i) => ({ enterpriseId: ent.id, unitId: u.id, ...term, monthlyRentFen: rents[i], status: 'draft' as const, leadId: lead.id })))
    .onConflictDoNothing({ target: [leases.leadId, leases.unitId] })
    .returning();
  for (const l of inserted) await record(tx, ctx, 'lease.drafted', 'lease', l.id, null, l, { parkId: lead.parkId, enterpriseId: ent.id });
  const all = await tx.select({ id: leases.id }).from(leases).where(and(eq(leases.leadId, lead.id), eq(leases.enterpriseId, ent.id)));
  return { enterpriseId: ent.id, leaseIds: all.map((l) => l.id) };
}

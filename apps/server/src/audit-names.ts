import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db/client';
import { bills } from './modules/billing/billing.table';
import { eventRegistrations, parkEvents } from './modules/community/events/events.table';
import { newsArticles } from './modules/community/news/news.table';
import { passes } from './modules/community/passes/passes.table';
import { users } from './modules/identity/identity.table';
import { devices } from './modules/iot/iot.table';
import { buildings, districts, enterprises, parks, sites } from './modules/parks/parks.table';
import { policies } from './modules/policies/policies.table';
import { surveys } from './modules/surveys/surveys.table';
import { workOrders, workOrderTeams } from './modules/workorders/workorders.table';

/**
 * Names of the records the audit log refers to, so a person reads "#12 空调不制冷" or "星河科技"
 * instead of a cut-off id. It lives beside the composition root because it reads many modules'
 * tables; the audit service calls it only for entries the viewer may already read, and each
 * name is one the same viewer sees on the record's own page.
 */
type NameQuery = (db: Db, ids: string[]) => Promise<{ id: string; name: string | null }[]>;

/** A record named by one of its own columns (or an expression over them). */
function named(table: PgTable & { id: PgColumn }, name: SQL<string | null> | PgColumn): NameQuery {
  return (db, ids) => db.select({ id: sql<string>`${table.id}`, name: sql<string | null>`${name}` }).from(table).where(inArray(table.id, ids));
}

const NAME_QUERIES: Record<string, NameQuery> = {
  work_order: named(workOrders, sql<string>`'#' || ${workOrders.number} || ' ' || ${workOrders.title}`),
  enterprise: named(enterprises, enterprises.legalName),
  user: named(users, users.displayName),
  pass: (db, ids) =>
    db
      .select({ id: passes.id, name: sql<string | null>`coalesce(${users.displayName}, ${passes.visitorName})` })
      .from(passes)
      .leftJoin(users, eq(users.id, passes.holderUserId))
      .where(inArray(passes.id, ids)),
  event: named(parkEvents, parkEvents.title),
  event_registration: (db, ids) =>
    db
      .select({ id: eventRegistrations.id, name: sql<string>`${parkEvents.title} || ' · ' || ${users.displayName}` })
      .from(eventRegistrations)
      .innerJoin(parkEvents, eq(parkEvents.id, eventRegistrations.eventId))
      .innerJoin(users, eq(users.id, eventRegistrations.userId))
      .where(inArray(eventRegistrations.id, ids)),
  bill: named(bills, sql<string>`${bills.period} || ' ' || ${bills.title}`),
  device: named(devices, devices.name),
  news_article: named(newsArticles, newsArticles.title),
  survey: named(surveys, surveys.title),
  policy: named(policies, policies.title),
  park: named(parks, parks.name),
  site: named(sites, sites.name),
  district: named(districts, districts.name),
  building: named(buildings, buildings.name),
  work_order_team: named(workOrderTeams, workOrderTeams.name),
};

/** The entity types whose names the audit log shows. */
export const NAMED_AUDIT_ENTITIES = Object.keys(NAME_QUERIES);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Resolves `entityType:entityId` → name for the kinds above; unknown kinds and deleted records get none. */
export function createAuditNameResolver(db: Db) {
  return async (refs: readonly { entityType: string; entityId: string }[]): Promise<Map<string, string>> => {
    const byType = new Map<string, Set<string>>();
    for (const r of refs) {
      // Old or foreign entries may carry ids that are not uuids; they simply stay unnamed.
      if (!NAME_QUERIES[r.entityType] || !UUID.test(r.entityId)) continue;
      (byType.get(r.entityType) ?? byType.set(r.entityType, new Set()).get(r.entityType)!).add(r.entityId);
    }
    const names = new Map<string, string>();
    for (const [type, ids] of byType) {
      for (const row of await NAME_QUERIES[type](db, [...ids])) if (row.name) names.set(`${type}:${row.id}`, row.name);
    }
    return names;
  };
}

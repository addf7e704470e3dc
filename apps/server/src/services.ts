import { inArray } from 'drizzle-orm';
import type { AppConfig } from './config';
import { sites } from './modules/parks/parks.table';
import type { Database } from './db/client';
import { createAuditService } from './modules/identity/audit.service';
import { createIdentityService } from './modules/identity/identity.service';
import { createParksService } from './modules/parks/parks.service';

/** The composition root: every service wired to one database. */
export function createServices(database: Database, config: Pick<AppConfig, 'sessionTtlHours' | 'loginMaxFailures' | 'loginLockMinutes'>) {
  const { db } = database;
  const audit = createAuditService({
    db,
    parkIdsOfSites: async (siteIds) => (siteIds.length ? (await db.select({ parkId: sites.parkId }).from(sites).where(inArray(sites.id, siteIds))).map((r) => r.parkId) : []),
  });
  const parks = createParksService({ db, audit });
  const identity = createIdentityService({
    db,
    audit,
    settings: { sessionTtlHours: config.sessionTtlHours, loginMaxFailures: config.loginMaxFailures, loginLockMinutes: config.loginLockMinutes },
    parkOfScope: parks.parkOfScope,
  });
  return { audit, identity, parks };
}

export type Services = ReturnType<typeof createServices>;

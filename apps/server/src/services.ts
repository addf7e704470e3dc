import { inArray } from 'drizzle-orm';
import type { AppConfig } from './config';
import { sites } from './modules/parks/parks.table';
import type { Database } from './db/client';
import { createAuditService } from './modules/identity/audit.service';
import { createIdentityService } from './modules/identity/identity.service';
import { createParksService } from './modules/parks/parks.service';
import { createIotServices } from './modules/iot';
import { createAlarmServices } from './modules/iot/alarms';
import { createLedgerService } from './modules/ledger';
import { createPassesServices } from './modules/community/passes';
import { createEventsService } from './modules/community/events';

/** The composition root: every service wired to one database. */
export function createServices(
  database: Database,
  config: Pick<AppConfig, 'sessionTtlHours' | 'loginMaxFailures' | 'loginLockMinutes' | 'env' | 'dataDir'> & Partial<Pick<AppConfig, 'ledgerSigningKey' | 'passSigningKey' | 'passReplayWindowSeconds' | 'passMemberQrTtlMinutes'>>,
) {
  const { db } = database;
  const parkIdsOfSites = async (siteIds: string[]) => (siteIds.length ? (await db.select({ parkId: sites.parkId }).from(sites).where(inArray(sites.id, siteIds))).map((r) => r.parkId) : []);
  const audit = createAuditService({ db, parkIdsOfSites });
  // Every audit entry becomes a Merkle-log leaf inside the transaction that records it.
  const ledger = createLedgerService({ db, parkIdsOfSites, keys: { configuredKey: config.ledgerSigningKey, env: config.env, driver: database.driver, dataDir: config.dataDir } });
  audit.addHook(ledger.appendAuditEntry);
  const parks = createParksService({ db, audit });
  const identity = createIdentityService({
    db,
    audit,
    settings: { sessionTtlHours: config.sessionTtlHours, loginMaxFailures: config.loginMaxFailures, loginLockMinutes: config.loginLockMinutes },
    parkOfScope: parks.parkOfScope,
  });
  // Alarm rules are evaluated after each committed ingest batch, off the insert path.
  const alarms = createAlarmServices({ database, audit });
  const iot = createIotServices({ database, audit, pipeline: { onCommitted: alarms.engine.enqueue } });
  // Passes: gate scans arrive over HTTP and on the devices' MQTT `events` channel.
  const passes = createPassesServices({
    database,
    audit,
    settings: { env: config.env, signingKey: config.passSigningKey, replayWindowSeconds: config.passReplayWindowSeconds, memberQrTtlMs: (config.passMemberQrTtlMinutes ?? 15) * 60_000 },
  });
  iot.ingest.onDeviceEvent(passes.gateEvents.listener);
  const events = createEventsService({ db, audit });
  return { audit, identity, parks, ledger, iot, alarms, passes, events };
}

export type Services = ReturnType<typeof createServices>;

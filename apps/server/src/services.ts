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

/** The composition root: every service wired to one database. */
export function createServices(
  database: Database,
  config: Pick<AppConfig, 'sessionTtlHours' | 'loginMaxFailures' | 'loginLockMinutes' | 'env' | 'dataDir'> & Partial<Pick<AppConfig, 'ledgerSigningKey' | 'mqttDeviceRate' | 'mqttDeviceBurst' | 'mqttMaxPayloadBytes' | 'ingestQueueMaxRows' | 'mqttUrl' | 'mqttPort' | 'mqttWsPort' | 'mqttPublicHost' | 'commandAckTimeoutMs' | 'commandMaxAttempts'>>,
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
  const iot = createIotServices({
    database,
    audit,
    limits: { deviceRatePerSecond: config.mqttDeviceRate, deviceBurst: config.mqttDeviceBurst, maxPayloadBytes: config.mqttMaxPayloadBytes },
    pipeline: { onCommitted: alarms.engine.enqueue, maxQueuedRows: config.ingestQueueMaxRows },
    broker: config,
    commands: { ackTimeoutMs: config.commandAckTimeoutMs, maxAttempts: config.commandMaxAttempts },
  });
  return { audit, identity, parks, ledger, iot, alarms };
}

export type Services = ReturnType<typeof createServices>;

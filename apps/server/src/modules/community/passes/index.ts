import type { Database } from '../../../db/client';
import type { AuditService } from '../../identity/audit.service';
import { createPassEventHandler } from './passes.mqtt';
import { createPassesService, type PassesSettings } from './passes.service';
import { createScanVerifier, type ScanVerifierOptions } from './scan-verifier';

export { passesRoutes } from './passes.routes';
export type { PassesService } from './passes.service';
export { decodePass, signPass, verifySignature, PASS_TEXT_PREFIX } from './pass-codec';

/** Passes, their scan verifier and the MQTT gate-event handler, wired to one database. */
export function createPassesServices(deps: {
  database: Database;
  audit: AuditService;
  settings: Partial<Omit<PassesSettings, 'env'>> & { env: PassesSettings['env']; replayWindowSeconds?: number };
  verifier?: Partial<Omit<ScanVerifierOptions, 'database'>>;
}) {
  const verifier = createScanVerifier({ database: deps.database, replayWindowMs: (deps.settings.replayWindowSeconds ?? 30) * 1000, ...deps.verifier });
  const passes = createPassesService({
    database: deps.database,
    audit: deps.audit,
    verifier,
    settings: { memberQrTtlMs: deps.settings.memberQrTtlMs ?? 15 * 60_000, memberPassDays: deps.settings.memberPassDays ?? 365, signingKey: deps.settings.signingKey, env: deps.settings.env },
  });
  const gateEvents = createPassEventHandler({ passes });
  return { passes, verifier, gateEvents };
}

export type PassesServices = ReturnType<typeof createPassesServices>;
export { countGatePeople } from './passes.counts';
export { findPlateInvitation } from './plate-invitations';

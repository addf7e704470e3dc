import crypto from 'node:crypto';
import type { Database } from '../../db/client';
import { sha256Hex } from '../../lib/secrets';
import type { DeviceType } from './metrics';

/** What the broker and the HTTP ingest know about an authenticated device. */
export interface DeviceIdentity {
  id: string;
  code: string;
  type: DeviceType;
}

interface CachedDevice {
  identity: DeviceIdentity;
  secretHash: string | null;
  revoked: boolean;
  expires: number;
}

const CODE_RE = /^[A-Za-z0-9_.-]{2,64}$/;

/**
 * Device credentials: `code` + secret, the secret compared by SHA-256 hash.
 * Device rows are cached briefly (positive results only) so a reconnect storm
 * does not become a query storm; rotation and revocation invalidate the cache
 * and tell listeners (the broker disconnects the device's sessions).
 */
export function createDeviceAuth(deps: { database: Database; cacheTtlMs?: number }) {
  const ttl = deps.cacheTtlMs ?? 30_000;
  const cache = new Map<string, CachedDevice>();
  const listeners: ((code: string) => void)[] = [];

  async function load(code: string): Promise<CachedDevice | undefined> {
    const hit = cache.get(code);
    if (hit && hit.expires > Date.now()) return hit;
    if (!CODE_RE.test(code)) return undefined;
    const [row] = await deps.database.query<{ id: string; code: string; type: DeviceType; secret_hash: string | null; revoked_at: unknown }>(
      'select id, code, type, secret_hash, revoked_at from devices where code = $1',
      [code],
    );
    if (!row) {
      cache.delete(code);
      return undefined;
    }
    const entry: CachedDevice = { identity: { id: row.id, code: row.code, type: row.type }, secretHash: row.secret_hash, revoked: row.revoked_at !== null, expires: Date.now() + ttl };
    cache.set(code, entry);
    return entry;
  }

  return {
    /** The device if `secret` is its current, unrevoked secret; null otherwise. */
    async verify(code: string | undefined, secret: string | Buffer | undefined): Promise<DeviceIdentity | null> {
      if (!code || secret === undefined) return null;
      const d = await load(code);
      if (!d || d.revoked || !d.secretHash) return null;
      const given = Buffer.from(sha256Hex(typeof secret === 'string' ? secret : secret.toString('utf8')), 'hex');
      const stored = Buffer.from(d.secretHash, 'hex');
      if (given.length !== stored.length || !crypto.timingSafeEqual(given, stored)) return null;
      return d.identity;
    },

    /** A registered device by code whatever its credentials (external-broker mode: the broker authenticated it). */
    async findByCode(code: string): Promise<DeviceIdentity | null> {
      const d = await load(code);
      return d && !d.revoked ? d.identity : null;
    },

    /** Drops a cached device (after an update, rotation or revocation). */
    invalidate(code: string, options: { disconnect?: boolean } = {}): void {
      cache.delete(code);
      if (options.disconnect) for (const l of listeners) l(code);
    },

    /** Called with a device code whose sessions must end (credentials rotated or revoked, device deleted). */
    onCredentialsChanged(listener: (code: string) => void): () => void {
      listeners.push(listener);
      return () => listeners.splice(listeners.indexOf(listener), 1);
    },
  };
}

export type DeviceAuth = ReturnType<typeof createDeviceAuth>;

/** Parses `Authorization: Device <code>:<secret>`. */
export function parseDeviceAuthorization(header: string | undefined): { code: string; secret: string } | undefined {
  if (!header?.startsWith('Device ')) return undefined;
  const value = header.slice(7).trim();
  const i = value.indexOf(':');
  if (i <= 0) return undefined;
  return { code: value.slice(0, i), secret: value.slice(i + 1) };
}
